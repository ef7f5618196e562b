package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warden.trace.model.Asil;
import warden.trace.model.InputError;
import warden.trace.model.SpecItem;

/**
 * Reads requirement Markdown exactly as OpenFastTrace 4.1's Markdown importer does: the same line
 * patterns (matched whole), the same states (start, title, item, description, rationale, comment,
 * covers, depends, needs, tags) and the same transition table in the same order, so an item, its
 * title, status, {@code Covers}, {@code Depends}, {@code Needs} and {@code Tags} are here exactly what
 * OFT sees, no more (see {@link SpecGrammar}). A line that no transition of the current state takes
 * is ignored, as OFT ignores it.
 *
 * <p>On top of OFT's reading, and without changing it, the reader keeps three annotations of its own
 * ({@code Verification:}, {@code Rationale:} text on its line, {@code Decomposition:} partners) and
 * reports as {@code file:line: message} every line that OFT silently ignores or reads differently
 * from what it seems to say: a {@code Status:}, {@code Tags:} or {@code Needs:} line OFT does not read,
 * a tag that is no ASIL in OFT form ({@code QM}, {@code ASIL_C}, {@code ASIL_B_of_D}), a link bullet
 * without an id, a line that starts with an id and so starts an item, a malformed id line.
 *
 * [impl->dsn~trace.spec.reader~1]
 * [impl->dsn~trace.input-errors~1]
 */
public final class SpecReader {
    private static final Set<String> STATUSES = Set.of("draft", "proposed", "approved");
    private static final Pattern ALMOST_ID = Pattern.compile("\\s*`[^`]*~[^`]*`\\s*");
    private static final Pattern STATUS_WORD = Pattern.compile("Status:\\s*(\\S*)\\s*");
    private static final Pattern OWN_OR_OFT_FIELD = Pattern.compile(
            "(?:Needs|Covers|Depends|Tags|Status|Verification|Decomposition):.*");
    private static final Pattern FIELD = Pattern.compile("[A-Z][a-z]+:.*");
    private static final Pattern PURE_ID = Pattern.compile("\\s*`?" + SpecGrammar.ID_REGEX + "`?\\s*");

    private final String file;
    private final List<String> lines;
    private final List<SpecItem> items = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();
    private ItemDraft draft;
    private String lastTitle;
    private SpecGrammar.State state = SpecGrammar.State.START;
    private boolean rationaleOpen;

    private SpecReader(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
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
        SpecReader r = new SpecReader(file, lines);
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            r.line(n);
        }
        r.endItem();
        return new Result(List.copyOf(r.items), List.copyOf(r.errors));
    }

    private void line(int n) {
        String line = lines.get(n);
        String next = n + 1 < lines.size() ? lines.get(n + 1) : null;
        SpecGrammar.State from = state;
        SpecGrammar.Transition t = null;
        String token = null;
        for (SpecGrammar.Transition c : SpecGrammar.TRANSITIONS) { // bounded by the table
            if (c.from() == from) {
                token = c.pattern().match(line, next);
                if (token != null) {
                    t = c;
                    break;
                }
            }
        }
        if (t != null) {
            act(t, token, line, n + 1);
            state = t.to();
        }
        annotate(t, line, n + 1);
    }

    private void act(SpecGrammar.Transition t, String token, String line, int n) {
        switch (t.action()) {
            case BEGIN_ITEM -> beginItem(token, line, n);
            case REMEMBER_TITLE -> lastTitle = token;
            case END_ITEM_REMEMBER_TITLE -> {
                endItem();
                lastTitle = token;
            }
            case RESET_TITLE -> lastTitle = null;
            case FORWARD, END_ITEM_FORWARD, FORWARD_RESET_TITLE -> {
                if (t.action() == SpecGrammar.Action.END_ITEM_FORWARD) {
                    endItem();
                }
                error(n, "forwarding notation (`a --> b : id`) creates items the trace engine does not support");
            }
            case SET_STATUS -> status(token, n);
            case ADD_NEEDS -> needs(token);
            case ADD_TAG -> tags(token, n);
            case ADD_COVERAGE -> draft.covers.add(token);
            case ADD_DEPENDENCY -> draft.depends.add(token);
            case BEGIN_DESCRIPTION, APPEND_DESCRIPTION -> description(line);
            default -> {
                // a transition without an action: only the state changes
            }
        }
    }

    private void beginItem(String id, String line, int n) {
        endItem();
        draft = new ItemDraft(id, lastTitle == null ? "" : lastTitle.trim(), n);
        if (!PURE_ID.matcher(line).matches()) {
            error(n, "this line starts with the id `" + id + "` and so starts an item in OpenFastTrace; "
                    + "put an id alone on its line and rewrap text that mentions one");
        }
    }

    private void endItem() {
        if (draft != null) {
            items.add(draft.build(file));
            draft = null;
            lastTitle = null; // OFT forgets the title when it ends an open item
        }
        rationaleOpen = false;
    }

    private void status(String value, int n) {
        draft.status = value;
        draft.statusSeen = true;
    }

    private void needs(String token) {
        for (String t : token.split(",")) {
            draft.needs.add(t.trim());
        }
    }

    private void tags(String token, int n) {
        for (String t : token.split(",")) {
            String tag = t.trim();
            if (tag.isEmpty()) {
                error(n, "Tags: an empty tag");
                continue;
            }
            draft.tags.add(tag);
            if (Asil.looksLikeAsil(tag)) {
                asil(tag, n);
            }
        }
    }

    private void asil(String tag, int n) {
        Asil a = Asil.parseTag(tag);
        if (a == null) {
            error(n, "Tags: `" + tag + "` is not an ASIL tag (QM, ASIL_A..ASIL_D, or decomposed like ASIL_B_of_C)");
        } else if (draft.asil != null) {
            error(n, "Tags: a second ASIL `" + tag + "` (the item already has " + draft.asil + ")");
        } else {
            draft.asil = a;
        }
    }

    private void description(String line) {
        if (draft != null && !line.startsWith("Rationale:") && !line.startsWith("Verification:")
                && !line.startsWith("Decomposition:") && !rationaleOpen) {
            draft.description.append(line.trim()).append('\n');
        }
    }

    /**
     * The reader's own annotations and the lint of lines OFT ignores or misreads; never changes what
     * OFT's transitions made of the line.
     */
    private void annotate(SpecGrammar.Transition t, String line, int n) {
        SpecGrammar.Action a = t == null ? null : t.action();
        if (draft != null && rationaleOpen) {
            if (line.isBlank() || a == SpecGrammar.Action.BEGIN_ITEM || FIELD.matcher(line).matches()) {
                rationaleOpen = false;
            } else {
                draft.rationale.append(' ').append(line.trim());
                return;
            }
        }
        lint(t, a, line, n);
    }

    private void lint(SpecGrammar.Transition t, SpecGrammar.Action a, String line, int n) {
        if (ALMOST_ID.matcher(line).matches() && a != SpecGrammar.Action.BEGIN_ITEM) {
            error(n, "malformed item id " + line.trim()
                    + ": expected type~name~revision, like dsn~kernel.boot~1 (OpenFastTrace ignores this line)");
            return;
        }
        Matcher st = STATUS_WORD.matcher(line);
        if (draft == null && OWN_OR_OFT_FIELD.matcher(line).matches()) {
            error(n, line.substring(0, line.indexOf(':')) + ": stands outside any item (no valid "
                    + "`type~name~revision` id line above it; OpenFastTrace ignores it)");
        } else if (st.matches() && !STATUSES.contains(st.group(1))) {
            error(n, "Status: `" + st.group(1) + "` is not one of approved, draft, proposed (the statuses "
                    + "OpenFastTrace reads; it ignores this line)");
        } else if (line.startsWith("Status:") && a != SpecGrammar.Action.SET_STATUS) {
            error(n, "Status: OpenFastTrace reads a status (approved, proposed or draft) only on the lines "
                    + "right after the item's id and ignores this one (java traceability/tools/OftSyntax.java "
                    + "moves it)");
        } else if (line.startsWith("Tags:") && (t == null || t.pattern() != SpecGrammar.Pat.TAGS_INT
                && t.pattern() != SpecGrammar.Pat.TAGS)) {
            error(n, "Tags: OpenFastTrace reads no tags from this line (a tag list is words of letters, "
                    + "digits and _, like `Tags: ASIL_C`)");
        } else if (line.startsWith("Needs:") && (t == null || t.pattern() != SpecGrammar.Pat.NEEDS_INT
                && t.pattern() != SpecGrammar.Pat.NEEDS)) {
            error(n, "Needs: OpenFastTrace reads no artifact types from this line (a comma-separated list of "
                    + "words, like `Needs: impl, utest`)");
        } else if ((line.startsWith("Covers:") || line.startsWith("Depends:")) && !line.substring(
                line.indexOf(':') + 1).isBlank()) {
            error(n, line.substring(0, line.indexOf(':'))
                    + ": OpenFastTrace reads links only as a bullet list on the lines below, not on this line");
        } else if ((line.startsWith("Covers:") || line.startsWith("Depends:")) && t == null) {
            error(n, line.substring(0, line.indexOf(':')) + ": OpenFastTrace ignores this line here");
        } else if (t == null && (state == SpecGrammar.State.COVERS || state == SpecGrammar.State.DEPENDS)
                && SpecLines.bullet(line) != null) {
            error(n, "this bullet of a " + (state == SpecGrammar.State.COVERS ? "Covers" : "Depends")
                    + " list names no item id (type~name~revision); OpenFastTrace ignores it");
        } else if (draft != null) {
            own(line, n);
        }
    }

    private void own(String line, int n) {
        if (line.startsWith("Verification:")) {
            draft.verification = line.substring("Verification:".length()).trim();
        } else if (line.startsWith("Rationale:")) {
            String text = line.substring("Rationale:".length()).trim();
            draft.rationale.append(draft.rationale.length() > 0 && !text.isEmpty() ? " " : "").append(text);
            rationaleOpen = true;
        } else if (line.startsWith("Decomposition:")) {
            Matcher m = Pattern.compile("`([^`]*)`").matcher(line);
            while (m.find()) { // bounded by the line
                String id = m.group(1).trim();
                if (SpecGrammar.isId(id)) {
                    draft.decomposition.add(id);
                } else {
                    error(n, "Decomposition entry `" + id + "` is not an item id (type~name~revision)");
                }
            }
        }
    }

    private void error(int n, String message) {
        errors.add(new InputError(file, n, message));
    }
}
