package warden.launcher.config;

import java.util.List;

/**
 * The outcome of loading a system description: either the description (and no problems) or a
 * non-empty list of problems (and no description). Never both, never neither.
 */
public record LoadResult(SystemDescription description, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
        if ((description == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a LoadResult holds a description or problems");
        }
    }

    static LoadResult of(SystemDescription d) {
        return new LoadResult(d, List.of());
    }

    static LoadResult failed(List<Problem> problems) {
        return new LoadResult(null, problems);
    }

    /** @return true when the description was loaded. */
    public boolean ok() {
        return description != null;
    }
}
