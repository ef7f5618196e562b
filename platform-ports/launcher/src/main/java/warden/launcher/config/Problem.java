package warden.launcher.config;

/**
 * One error found in a system description, located at a file, a 1-based line and column and a
 * field path. {@link #toString()} is the form printed to users: {@code file:line:col: path: message}
 * (the path part is left out when it is empty).
 *
 * [impl->dsn~config.locations~1]
 */
public record Problem(String file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": ";
        return path == null || path.isEmpty() ? where + message : where + path + ": " + message;
    }
}
