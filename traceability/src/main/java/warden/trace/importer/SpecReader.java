package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import warden.trace.model.Asil;
import warden.trace.model.Ids;
import warden.trace.model.InputError;
import warden.trace.model.SpecItem;

/**
 * Reads OpenFastTrace Markdown: a heading, a line holding only the backticked id, the description,
 * then fields ({@code Needs:}, {@code Covers:}, {@code Depends:}, {@code Tags:}, {@code Status:},
 * {@code Verification:}, {@code Rationale:}, {@code Decomposition:}). Links may follow their
 * keyword on the line or as a bullet list of backticked ids. Every malformed line is reported as
 * {@code file:line: message} and reading goes on, so one run lists every problem and loses no item.
 * Lines are classified by hand-written matchers, each documented with the regular expression it
 * implements exactly ({@code \s} being {@code [ \t\n\x0B\f\r]}, {@code .} any character but a
 * line terminator).
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.input-errors~1]
 * [impl->dsn~trace.fast-readers~1]
 */
public final class SpecReader {
    private static final List<String> FIELDS = List.of("Needs", "Covers", "Depends", "Tags", "Status",
            "Verification", "Rationale", "Decomposition");
    private static final Set<String> STATUSES = Set.of("draft", "proposed", "approved", "rejected");

    private final String file;
    private final List<SpecItem> items = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();
    private ItemDraft draft;
    private String heading = "";
    private boolean afterHeading;

    private SpecReader(String file) {
        this.file = file;
    }

    /** The items of one file and the problems found in it. */
    public record Result(List<SpecItem> items, List<InputError> errors) {
    }

    /** @return the items and errors of one Markdown file given as its text (lines as Files.readAllLines). */
    public static Result read(String file, String text) {
        return read(file, lines(text));
    }

    /** @return the lines of a text split at \n, \r and \r\n, as {@code Files.readAllLines} gives them. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.length() / 32 + 1);
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) { // bounded by the text
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(s, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                s = i + 1;
            }
        }
        if (s < n) {
            out.add(text.substring(s));
        }
        return out;
    }

    /** @return the items and errors of one Markdown file given as its lines. */
    public static Result read(String file, List<String> lines) {
        SpecReader r = new SpecReader(file);
        int fence = 0;
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            String line = lines.get(n);
            if (fence(line)) {
                fence = fence == 0 ? n + 1 : 0;
            } else if (fence == 0) {
                r.line(line, n + 1);
            }
        }
        if (fence != 0) {
            r.error(fence, "code fence opened here is never closed; items after it would be lost");
        }
        r.finish();
        return new Result(List.copyOf(r.items), List.copyOf(r.errors));
    }

    private static boolean fence(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') { // bounded by the line
            i++;
        }
        return line.startsWith("```", i);
    }

    private void line(String line, int n) {
        String h = line.startsWith("#") ? heading(line) : null;
        if (h != null) {
            finish();
            heading = h.trim();
            afterHeading = true;
            return;
        }
        String id = line.indexOf('~') >= 0 && line.indexOf('`') >= 0 ? idLine(line) : null;
        if (id != null) {
            startItem(id.trim(), n);
            return;
        }
        if (!line.isBlank()) {
            afterHeading = false;
        }
        String key = line.indexOf(':') > 0 && Character.isUpperCase(line.charAt(0)) ? fieldKey(line) : null;
        if (key != null) {
            field(key, line.substring(key.length() + 1).trim(), n);
        } else if (draft != null) {
            body(line, n);
        }
    }

    /** {@code ^#{1,6}\s+(\S.*)$}: @return group 1, or null when the line is no heading. */
    static String heading(String line) {
        int i = 0;
        while (i < line.length() && i < 7 && line.charAt(i) == '#') { // at most 7 characters
            i++;
        }
        if (i == 0 || i > 6 || i >= line.length() || !space(line.charAt(i))) {
            return null;
        }
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        return i < line.length() && !terminator(line, i + 1) ? line.substring(i) : null; // \S matches U+2028
    }

    /** {@code ^\s*`([^`]*~[^`]*)`\s*$}: @return group 1, or null. */
    static String idLine(String line) {
        int a = 0;
        int b = line.length();
        while (a < b && space(line.charAt(a))) { // bounded by the line
            a++;
        }
        while (b > a && space(line.charAt(b - 1))) { // bounded by the line
            b--;
        }
        if (b - a < 2 || line.charAt(a) != '`' || line.charAt(b - 1) != '`') {
            return null;
        }
        String inner = line.substring(a + 1, b - 1);
        return inner.indexOf('`') < 0 && inner.indexOf('~') >= 0 ? inner : null;
    }

    /** {@code ^(Needs|Covers|...|Decomposition):\s*(.*)$}: @return group 1, or null. */
    static String fieldKey(String line) {
        int colon = line.indexOf(':');
        for (String f : FIELDS) {
            if (colon == f.length() && line.startsWith(f)) {
                return terminator(line, colon + 1) ? null : f;
            }
        }
        return null;
    }

    /** {@code ^\s*[*+-]\s+(.*)$}: @return group 1, or null when the line is no bullet. */
    static String bullet(String line) {
        int i = 0;
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        if (i >= line.length() || "*+-".indexOf(line.charAt(i)) < 0) {
            return null;
        }
        i++;
        int s = i;
        while (i < line.length() && space(line.charAt(i))) { // bounded by the line
            i++;
        }
        return i == s || terminator(line, i) ? null : line.substring(i);
    }

    /** @return true for the characters of the regex class {@code \s}. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** @return true when a line terminator (which {@code .} does not match) lies at or after {@code from}. */
    private static boolean terminator(String line, int from) {
        for (int i = from; i < line.length(); i++) { // bounded by the line
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private void startItem(String id, int n) {
        finish();
        if (!Ids.valid(id)) {
            error(n, "malformed item id `" + id + "`: expected type~name~revision, like dsn~kernel.boot~1");
            return;
        }
        draft = new ItemDraft(id, afterHeading ? heading : "", n);
        afterHeading = false;
    }

    private void field(String key, String value, int n) {
        if (draft == null) {
            error(n, key + ": stands outside any item (no valid `type~name~revision` id line above it)");
            return;
        }
        draft.mode = ItemDraft.Mode.NONE;
        switch (key) {
            case "Needs" -> needs(value, n);
            case "Covers", "Depends", "Decomposition" -> links(key, value, n);
            case "Tags" -> tags(value, n);
            case "Status" -> status(value, n);
            case "Verification" -> draft.verification = value;
            default -> {
                draft.rationale.append(value);
                draft.mode = ItemDraft.Mode.RATIONALE;
            }
        }
    }

    private void needs(String value, int n) {
        for (String t : words(value)) {
            if (Ids.type(t, 0, t.length()) == t.length()) {
                draft.needs.add(t);
            } else {
                error(n, "Needs: `" + t + "` is not an artifact type (lower-case letters and digits)");
            }
        }
    }

    /** @return the non-empty pieces between runs of commas and white space ({@code split("[,\\s]+")}). */
    private static List<String> words(String value) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        while (i < value.length()) { // bounded by the value
            while (i < value.length() && (value.charAt(i) == ',' || space(value.charAt(i)))) { // bounded
                i++;
            }
            int s = i;
            while (i < value.length() && value.charAt(i) != ',' && !space(value.charAt(i))) { // bounded
                i++;
            }
            if (i > s) {
                out.add(value.substring(s, i));
            }
        }
        return out;
    }

    private void links(String key, String value, int n) {
        draft.mode = key.equals("Covers") ? ItemDraft.Mode.COVERS
                : key.equals("Depends") ? ItemDraft.Mode.DEPENDS : ItemDraft.Mode.DECOMPOSITION;
        if (!value.isEmpty()) {
            linkText(value, n);
        }
    }

    private void linkText(String text, int n) {
        int open = text.indexOf('`');
        int close = open < 0 ? -1 : text.indexOf('`', open + 1);
        String id = close >= 0 ? text.substring(open + 1, close).trim() : text.trim();
        if (!Ids.valid(id)) {
            error(n, draft.mode.label + " entry `" + id + "` is not an item id (type~name~revision)");
            return;
        }
        draft.linkList().add(id);
    }

    private void tags(String value, int n) {
        for (String t : value.split(",")) {
            String tag = t.trim();
            if (tag.isEmpty()) {
                continue;
            }
            draft.tags.add(tag);
            if (Asil.looksLikeAsil(tag)) {
                asil(tag, n);
            }
        }
    }

    private void asil(String tag, int n) {
        Asil a = Asil.parse(tag);
        if (a == null) {
            error(n, "Tags: `" + tag + "` is not an ASIL (QM, ASIL-A..ASIL-D, or decomposed like ASIL-B(C))");
        } else if (draft.asil != null) {
            error(n, "Tags: a second ASIL `" + tag + "` (the item already has " + draft.asil + ")");
        } else {
            draft.asil = a;
        }
    }

    private void status(String value, int n) {
        if (STATUSES.contains(value)) {
            draft.status = value;
            draft.statusSeen = true;
        } else {
            error(n, "Status: `" + value + "` is not one of " + String.join(", ", new java.util.TreeSet<>(STATUSES)));
        }
    }

    private void body(String line, int n) {
        String b = draft.mode.links ? bullet(line) : null;
        if (b != null) {
            linkText(b, n);
        } else if (draft.mode == ItemDraft.Mode.RATIONALE && !line.isBlank()) {
            draft.rationale.append(draft.rationale.length() > 0 ? " " : "").append(line.trim());
        } else if (draft.mode == ItemDraft.Mode.NONE && !draft.fieldsSeen()) {
            draft.description.append(line.trim()).append('\n');
        } else if (!line.isBlank()) {
            draft.mode = ItemDraft.Mode.NONE;
        }
    }

    private void finish() {
        if (draft != null) {
            items.add(draft.build(file));
            draft = null;
        }
    }

    private void error(int n, String message) {
        errors.add(new InputError(file, n, message));
    }
}
