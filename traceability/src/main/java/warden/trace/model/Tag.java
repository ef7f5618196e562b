package warden.trace.model;

/**
 * A coverage tag in a source file (an impl or utest arrow to an item id in square brackets), with its
 * scope: the method it stands in or just above, else its class, else the whole file.
 *
 * @param kind the artifact type that covers the item: {@code impl}, {@code utest}, ...
 * @param className the binary name of the class in scope, or null for a file scope
 * @param method the method in scope, or null for a class or file scope
 */
public record Tag(String kind, String id, String file, int line, String className, String method) {
    /** @return {@code method}, {@code class} or {@code file}. */
    public String scope() {
        return method != null ? "method" : className != null ? "class" : "file";
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
