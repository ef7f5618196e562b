package warden.trace.model;

/**
 * A problem in an input file that the engine cannot read past: malformed requirement Markdown, an
 * unreadable XML report, a bad option. Printed as {@code file:line: message}; exit code 2.
 */
public record InputError(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
