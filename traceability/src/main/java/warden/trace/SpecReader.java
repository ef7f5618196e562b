package warden.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenFastTrace Markdown: a heading, a line holding only the backticked id, the description,
 * then fields ({@code Needs:}, {@code Covers:}, {@code Depends:}, {@code Tags:}, {@code Status:},
 * {@code Verification:}, {@code Rationale:}, {@code Decomposition:}). Links may follow their
 * keyword on the line or as a bullet list of backticked ids. Every malformed line is reported as
 * {@code file:line: message} and reading goes on, so one run lists every problem and loses no item.
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.input-errors~1]
 */
public final class SpecReader {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\S.*)$");
    private static final Pattern ID_LINE = Pattern.compile("^\\s*`([^`]*~[^`]*)`\\s*$");
    private static final Pattern FIELD = Pattern.compile(
            "^(Needs|Covers|Depends|Tags|Status|Verification|Rationale|Decomposition):\\s*(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-zA-Z0-9]*");
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
        Matcher m = line.startsWith("#") ? HEADING.matcher(line) : null;
        if (m != null && m.matches()) {
            finish();
            heading = m.group(1).trim();
            afterHeading = true;
            return;
        }
        m = line.indexOf('~') >= 0 && line.indexOf('`') >= 0 ? ID_LINE.matcher(line) : null;
        if (m != null && m.matches()) {
            startItem(m.group(1).trim(), n);
            return;
        }
        if (!line.isBlank()) {
            afterHeading = false;
        }
        m = line.indexOf(':') > 0 && Character.isUpperCase(line.charAt(0)) ? FIELD.matcher(line) : null;
        if (m != null && m.matches()) {
            field(m.group(1), m.group(2).trim(), n);
        } else if (draft != null) {
            body(line, n);
        }
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
        for (String t : value.split("[,\\s]+")) {
            if (t.isEmpty()) {
                continue;
            }
            if (TYPE.matcher(t).matches()) {
                draft.needs.add(t);
            } else {
                error(n, "Needs: `" + t + "` is not an artifact type (lower-case letters and digits)");
            }
        }
    }

    private void links(String key, String value, int n) {
        draft.mode = key.equals("Covers") ? ItemDraft.Mode.COVERS
                : key.equals("Depends") ? ItemDraft.Mode.DEPENDS : ItemDraft.Mode.DECOMPOSITION;
        if (!value.isEmpty()) {
            linkText(value, n);
        }
    }

    private void linkText(String text, int n) {
        Matcher b = BACKTICKED.matcher(text);
        String id = b.find() ? b.group(1).trim() : text.trim();
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
        Matcher b = BULLET.matcher(line);
        if (draft.mode.links && b.matches()) {
            linkText(b.group(1), n);
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
