package warden.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text file under a module's {@code src} tree: its path relative to the repository root, its
 * text, its tags and, for Java, its scopes (parsed on first use).
 *
 * [impl->dsn~trace.tags.reader~1]
 */
public final class SourceFile {
    private static final Pattern TAG = Pattern.compile(
            "\\[\\s*([a-z][a-zA-Z0-9]*)\\s*-" + ">\\s*" + Ids.ID + "\\s*(?:>>[^\\]]*)?\\]");
    private final String path;
    private final String text;
    private JavaScopes scopes;
    private List<Tag> tags;
    private Map<Integer, List<String>> implByScope;

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
                if (t.kind().equals("impl")) {
                    int i = java() ? scopes().tagScope(t.line()) : -1;
                    List<String> ids = implByScope.computeIfAbsent(i < 0 && java() ? topScope() : i, k -> new ArrayList<>());
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
        Matcher m = TAG.matcher(text);
        while (m.find()) { // bounded by the text
            for (int i = lineStart; i < m.start(); i++) { // each character counted once
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            lineStart = m.start();
            out.add(scoped(m.group(1), m.group(2) + "~" + m.group(3) + "~" + m.group(4), line));
        }
        return out;
    }

    private Tag scoped(String kind, String id, int line) {
        if (!java()) {
            return new Tag(kind, id, path, line, null, null);
        }
        JavaScopes s = scopes();
        int i = s.tagScope(line);
        if (i < 0) {
            return new Tag(kind, id, path, line, topClass(s), null);
        }
        Scope sc = s.scopes().get(i);
        String method = sc.kind() == Scope.Kind.METHOD ? sc.name() : null;
        return new Tag(kind, id, path, line, s.className(i), method);
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
