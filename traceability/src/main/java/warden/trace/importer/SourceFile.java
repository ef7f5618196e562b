package warden.trace.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import warden.trace.model.Ids;
import warden.trace.model.Tag;

/**
 * One text file under a module's {@code src} tree: its path relative to the repository root, its
 * text, its tags and, for Java, its scopes (parsed on first use).
 *
 * [impl->dsn~trace.tags.reader~1]
 * [impl->dsn~trace.fast-readers~1]
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private JavaScopes scopes;
    private List<Tag> tags;
    private Map<Integer, List<String>> implByScope;
    private List<Integer> lineStarts;
    /** The scope index each Java tag annotates. */
    private final Map<Tag, Integer> scopeIndex = new java.util.IdentityHashMap<>();

    /** @param path relative to the repository root, with {@code /} separators */
    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
    }

    /** @return the path relative to the repository root. */
    public String path() {
        return path;
    }

    /** @return the text. */
    public String text() {
        return text;
    }

    /** @return the text of line n (1-based) with its indentation and line end stripped; empty past the end. */
    public String line(int n) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { // bounded by the text
                starts.add(i + 1);
            }
            lineStarts = starts;
        }
        if (n < 1 || n > lineStarts.size()) {
            return "";
        }
        int s = lineStarts.get(n - 1);
        int e = n < lineStarts.size() ? lineStarts.get(n) - 1 : text.length();
        return text.substring(s, Math.max(s, e)).strip();
    }

    /** @return true for Java sources. */
    public boolean java() {
        return path.endsWith(".java");
    }

    /** @return true for files under a {@code src/test} tree. */
    public boolean test() {
        return path.startsWith("src/test/") || path.contains("/src/test/");
    }

    /** @return the Java scopes (empty for other files). */
    public JavaScopes scopes() {
        if (scopes == null) {
            scopes = JavaScopes.parse(java() ? text : "");
        }
        return scopes;
    }

    /** @return every tag in the file, each with its scope. */
    public List<Tag> tags() {
        if (tags == null) {
            tags = findTags();
        }
        return tags;
    }

    /**
     * @return the ids of the {@code impl} tags in scope at a line of code: those of the innermost
     *     method or class around it that has any, so the most specific scope wins; empty when none
     */
    public List<String> implAt(int line) {
        JavaScopes s = scopes();
        int i = s.codeScope(line);
        Map<Integer, List<String>> by = implByScope();
        while (i >= 0) { // bounded by the nesting depth
            List<String> ids = by.get(i);
            if (ids != null) {
                return ids;
            }
            i = s.scopes().get(i).parent();
        }
        return by.getOrDefault(-1, List.of());
    }

    /** @return the impl ids by scope index (-1: file scope of a non-Java file). */
    Map<Integer, List<String>> implByScope() {
        if (implByScope == null) {
            implByScope = new HashMap<>();
            for (Tag t : tags()) {
                if (t.kind().equals("impl") && t.orphan() == null) {
                    int i = java() ? scopeIndex.get(t) : -1;
                    List<String> ids = implByScope.computeIfAbsent(i < 0 && java() ? topScope() : i,
                            k -> new ArrayList<>());
                    if (!ids.contains(t.id())) {
                        ids.add(t.id());
                    }
                }
            }
        }
        return implByScope;
    }

    private int topScope() {
        for (int i = 0; i < scopes().scopes().size(); i++) { // bounded by the scopes
            if (scopes().scopes().get(i).parent() < 0) {
                return i;
            }
        }
        return -1;
    }

    private List<Tag> findTags() {
        List<Tag> out = new ArrayList<>();
        if (text.indexOf("->") < 0) {
            return out;
        }
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        int i = text.indexOf('[');
        while (i >= 0) { // bounded by the text: each turn moves past a '['
            int[] m = tagAt(text, i, n);
            if (m == null) {
                i = text.indexOf('[', i + 1);
                continue;
            }
            for (int k = lineStart; k < i; k++) { // each character counted once
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            lineStart = i;
            out.add(scoped(text.substring(m[0], m[1]), text.substring(m[2], m[3]), line, i));
            i = text.indexOf('[', m[4]);
        }
        return out;
    }

    /**
     * Matches a tag at {@code i} (a {@code [}) exactly as the regular expression
     * {@code \[\s*([a-z][a-zA-Z0-9]*)\s*->\s*ID\s*(?:>>[^\]]*)?\]} would.
     *
     * @return kind start and end, id start and end, and the end of the tag; or null
     */
    static int[] tagAt(String text, int i, int n) {
        int k = skipSpace(text, i + 1, n);
        int kindEnd = Ids.type(text, k, n);
        if (kindEnd < 0) {
            return null;
        }
        int a = skipSpace(text, kindEnd, n);
        if (!text.startsWith("->", a)) {
            return null;
        }
        int idStart = skipSpace(text, a + 2, n);
        int idEnd = Ids.end(text, idStart, n);
        if (idEnd < 0) {
            return null;
        }
        int j = skipSpace(text, idEnd, n);
        if (text.startsWith(">>", j)) {
            j = text.indexOf(']', j + 2);
            if (j < 0) {
                return null;
            }
        } else if (j >= n || text.charAt(j) != ']') {
            return null;
        }
        return new int[] {k, kindEnd, idStart, idEnd, j + 1};
    }

    private static int skipSpace(String s, int i, int n) {
        while (i < n) { // bounded by n
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private Tag scoped(String kind, String id, int line, int offset) {
        if (!java()) {
            return new Tag(kind, id, path, line, null, null);
        }
        JavaScopes s = scopes();
        int i = s.annotated(offset);
        if (i == JavaScopes.NONE) {
            return new Tag(kind, id, path, line, topClass(s), null, s.orphanReason(offset));
        }
        Scope sc = s.scopes().get(i);
        String method = sc.kind() == Scope.Kind.METHOD ? sc.name() : null;
        Tag t = new Tag(kind, id, path, line, s.className(i), method);
        scopeIndex.put(t, i);
        return t;
    }

    private static String topClass(JavaScopes s) {
        for (int i = 0; i < s.scopes().size(); i++) { // bounded by the scopes
            if (s.scopes().get(i).parent() < 0) {
                return s.className(i);
            }
        }
        return null;
    }
}
