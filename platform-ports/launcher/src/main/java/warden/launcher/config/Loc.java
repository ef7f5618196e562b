package warden.launcher.config;

/**
 * Where a value of a system description came from: file name, 1-based line and column of its YAML
 * node, and its field path such as {@code partitions[1].memory[0].size} (empty for the root).
 *
 * [impl->dsn~config.locations~1]
 */
public record Loc(String file, int line, int column, String path) {

    /** @return this location with the path extended by {@code .field} (or {@code field} at the root). */
    public Loc field(String field) {
        return new Loc(file, line, column, path.isEmpty() ? field : path + "." + field);
    }

    /** @return a problem at this location. */
    public Problem problem(String message) {
        return new Problem(file, line, column, path, message);
    }
}
