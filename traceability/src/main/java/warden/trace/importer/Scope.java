package warden.trace.importer;

/**
 * A class or method of a Java source file, by lines. {@code ownStart} is the first line after the
 * previous member (so a comment just above the declaration belongs to it), {@code declLine} the
 * declaration's first token, {@code end} its closing brace.
 *
 * @param name a class's binary name ({@code a.b.Outer$Inner}) or a method's simple name
 * @param parent index of the enclosing scope in the file's list, -1 for a top-level class
 * @param first offset of the declaration's first token (its first annotation or modifier)
 * @param open offset of its opening brace
 * @param close offset of its closing brace (-1 while unclosed)
 */
public record Scope(Kind kind, String name, int ownStart, int declLine, int end, int parent, int first, int open,
        int close) {
    /** Classes (also interfaces, enums, records) and methods (also constructors). */
    public enum Kind { CLASS, METHOD }

    /** @return true when line {@code n} lies between the comment above and the closing brace. */
    public boolean owns(int n) {
        return n >= ownStart && n <= end;
    }

    /** @return true when offset {@code o} lies between the braces. */
    public boolean inBody(int o) {
        return o > open && (close < 0 || o < close);
    }

    /** @return true when line {@code n} lies between the declaration and the closing brace. */
    public boolean spans(int n) {
        return n >= declLine && n <= end;
    }
}
