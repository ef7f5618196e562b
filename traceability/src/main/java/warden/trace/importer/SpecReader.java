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
 * Lines are classified by the hand-written matchers of {@link SpecLines}.
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.input-errors~1]
 */
public final class SpecReader {
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
        return read(file, SpecLines.lines(text));
    }

    /** @return the items and errors of one Markdown file given as its lines. */
    public static Result read(String file, List<String> lines) {
        SpecReader r = new SpecReader(file);
        int fence = 0;
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            String line = lines.get(n);
            if (SpecLines.fence(line)) {
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

    private void line(String line, int n) {
        String h = line.startsWith("#") ? SpecLines.heading(line) : null;
        if (h != null) {
            finish();
            heading = h.trim();
            afterHeading = true;
            return;
        }
        String id = line.indexOf('~') >= 0 && line.indexOf('`') >= 0 ? SpecLines.idLine(line) : null;
        if (id != null) {
            startItem(id.trim(), n);
            return;
        }
        if (!line.isBlank()) {
            afterHeading = false;
        }
        String key = line.indexOf(':') > 0 && Character.isUpperCase(line.charAt(0)) ? SpecLines.fieldKey(line)
                : null;
        if (key != null) {
            field(key, line.substring(key.length() + 1).trim(), n);
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
        for (String t : SpecLines.words(value)) {
            if (Ids.type(t, 0, t.length()) == t.length()) {
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
        String b = draft.mode.links ? SpecLines.bullet(line) : null;
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
