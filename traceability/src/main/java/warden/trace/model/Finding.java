package warden.trace.model;

/**
 * A gate finding: which gate, where (file:line or item id), and why. Any finding fails the build.
 *
 * @param gate the gate's short name, such as {@code dangling-link}
 * @param item the item the finding concerns, or an empty string
 */
public record Finding(String gate, String location, String item, String message) {
    @Override
    public String toString() {
        return "[" + gate + "] " + location + ": " + message;
    }
}
