package warden.trace.model;

/**
 * A coverage tag in a source file (an impl or utest arrow to an item id in square brackets), with its
 * scope: in Java the method or class it annotates, in other files the whole file; or none, when a
 * Java tag annotates nothing (an orphan, a gate failure).
 *
 * @param kind the artifact type that covers the item: {@code impl}, {@code utest}, ...
 * @param className the binary name of the class in scope, or null for a file scope
 * @param method the method in scope, or null for a class or file scope
 * @param orphan why the tag annotates nothing, or null when it annotates its scope
 */
public record Tag(String kind, String id, String file, int line, String className, String method, String orphan) {
    /** A tag that annotates its scope. */
    public Tag(String kind, String id, String file, int line, String className, String method) {
        this(kind, id, file, line, className, method, null);
    }

    /** @return {@code method}, {@code class}, {@code file} or {@code none} (an orphan). */
    public String scope() {
        return orphan != null ? "none" : method != null ? "method" : className != null ? "class" : "file";
    }

    /** @return where the tag is, as {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** @return what the tag's scope names: {@code a.B#m}, {@code a.B} or the file. */
    public String target() {
        return method != null ? className + "#" + method : className != null ? className : file;
    }
}
