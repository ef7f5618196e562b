package warden.trace.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenFastTrace 4.1's Markdown grammar, as its importer defines it: the item id pattern of
 * {@code SpecificationItemId}, the line patterns of {@code MdPattern} (each matched against the whole
 * line) and the transition table of {@code MarkdownImporter}, in its order (the first transition of
 * the current state whose pattern matches is taken; a line none takes is ignored). Read from the
 * released 4.1.0 artifacts; {@code OpenFastTraceAgreementTest} runs OFT itself over the repository's
 * requirements and compares.
 *
 * [impl->dsn~trace.spec.reader~1]
 */
final class SpecGrammar {
    /** OFT's item id: type, name (starting with a letter; dot-separated words) and revision. */
    static final String ID_REGEX = "(\\p{Alpha}+)~(?U)(\\p{Alpha}[\\w-]*(?:\\.[\\w-]+)*+)~(\\d+)";
    private static final Pattern WHOLE_ID = Pattern.compile(ID_REGEX);

    /** The parser's states. */
    enum State {
        START, TITLE, SPEC_ITEM, DESCRIPTION, RATIONALE, COMMENT, COVERS, DEPENDS, NEEDS, TAGS
    }

    /** What a transition does besides changing the state. */
    enum Action {
        NONE, BEGIN_ITEM, REMEMBER_TITLE, RESET_TITLE, END_ITEM_REMEMBER_TITLE, FORWARD, FORWARD_RESET_TITLE,
        END_ITEM_FORWARD, SET_STATUS, BEGIN_RATIONALE, APPEND_RATIONALE, BEGIN_COMMENT, APPEND_COMMENT,
        BEGIN_DESCRIPTION, APPEND_DESCRIPTION, ADD_NEEDS, ADD_TAG, ADD_COVERAGE, ADD_DEPENDENCY
    }

    /** The line patterns; {@link #match} gives the first group (or "" when there is none), or null. */
    enum Pat {
        COMMENT("Comment:\\s*"),
        COVERS("Covers:\\s*"),
        COVERS_REF("\\s{0,3}[+*-](?:.*\\W)?(" + ID_REGEX + ")(?:\\W.*)?"),
        DEPENDS("Depends:\\s*"),
        DEPENDS_REF("\\s{0,3}[+*-](?:.*\\W)?(" + ID_REGEX + ")(?:\\W.*)?"),
        DESCRIPTION("Description:\\s*"),
        EMPTY("(\\s*)"),
        EVERYTHING("(.*)"),
        FORWARD(".*?([a-zA-Z]+\\s*-->\\s*[a-zA-Z]+(?:,\\s*[a-zA-Z]+)*\\s*:\\s*" + ID_REGEX + ").*?"),
        ID("`?(" + ID_REGEX + ")`?.*"),
        NEEDS_INT("Needs:(\\s*\\w+\\s*(?:,\\s*\\w+\\s*)*)"),
        NEEDS("Needs:\\s*"),
        NEEDS_REF("\\s{0,3}[+*-](?:.*\\W)?(\\p{Alpha}+)(?:\\W.*)?"),
        NOT_EMPTY("([^\n\r]+)"),
        RATIONALE("Rationale:\\s*"),
        STATUS("Status:\\s*(approved|proposed|draft)\\s*"),
        TAGS_INT("Tags:(\\s*\\w+\\s*(?:,\\s*\\w+\\s*)*)"),
        TAGS("Tags:\\s*"),
        TAG_ENTRY("\\s{0,3}[+*-]\\s*(.*)"),
        TITLE("#+\\s*(.*)"),
        UNDERLINE("([=-]{3,})\\s*"),
        /** A Markdown heading, or a line underlined with === or --- (the next line). */
        SECTION_TITLE(null);

        private final Pattern pattern;

        Pat(String regex) {
            this.pattern = regex == null ? null : Pattern.compile(regex);
        }

        String match(String line, String next) {
            if (this == SECTION_TITLE) {
                String t = TITLE.match(line, next);
                return t != null ? t : next != null && UNDERLINE.match(next, null) != null ? line : null;
            }
            Matcher m = pattern.matcher(line);
            if (!m.matches()) {
                return null;
            }
            String g = m.groupCount() == 0 ? "" : m.group(1);
            return g == null ? "" : g;
        }
    }

    /** One row of the table. */
    record Transition(State from, State to, Pat pattern, Action action) {
    }

    private static Transition t(State from, State to, Pat pattern, Action action) {
        return new Transition(from, to, pattern, action);
    }


    /** OFT's table, row by row. */
    static final List<Transition> TRANSITIONS = List.of(
            t(State.START, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.START, State.TITLE, Pat.SECTION_TITLE, Action.REMEMBER_TITLE),
            t(State.START, State.START, Pat.FORWARD, Action.FORWARD),
            t(State.START, State.START, Pat.EVERYTHING, Action.NONE),
            t(State.TITLE, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.TITLE, State.TITLE, Pat.SECTION_TITLE, Action.REMEMBER_TITLE),
            t(State.TITLE, State.TITLE, Pat.UNDERLINE, Action.NONE),
            t(State.TITLE, State.TITLE, Pat.EMPTY, Action.NONE),
            t(State.TITLE, State.START, Pat.FORWARD, Action.FORWARD_RESET_TITLE),
            t(State.TITLE, State.START, Pat.EVERYTHING, Action.RESET_TITLE),
            t(State.SPEC_ITEM, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.SPEC_ITEM, State.SPEC_ITEM, Pat.STATUS, Action.SET_STATUS),
            t(State.SPEC_ITEM, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.SPEC_ITEM, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.SPEC_ITEM, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.SPEC_ITEM, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.SPEC_ITEM, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.SPEC_ITEM, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.SPEC_ITEM, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.SPEC_ITEM, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.SPEC_ITEM, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.SPEC_ITEM, State.DESCRIPTION, Pat.DESCRIPTION, Action.BEGIN_DESCRIPTION),
            t(State.SPEC_ITEM, State.DESCRIPTION, Pat.NOT_EMPTY, Action.BEGIN_DESCRIPTION),
            t(State.DESCRIPTION, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.DESCRIPTION, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.DESCRIPTION, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.DESCRIPTION, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.DESCRIPTION, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.DESCRIPTION, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.DESCRIPTION, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.DESCRIPTION, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.DESCRIPTION, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.DESCRIPTION, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.DESCRIPTION, State.DESCRIPTION, Pat.EVERYTHING, Action.APPEND_DESCRIPTION),
            t(State.RATIONALE, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.RATIONALE, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.RATIONALE, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.RATIONALE, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.RATIONALE, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.RATIONALE, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.RATIONALE, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.RATIONALE, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.RATIONALE, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.RATIONALE, State.RATIONALE, Pat.EVERYTHING, Action.APPEND_RATIONALE),
            t(State.COMMENT, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.COMMENT, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.COMMENT, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.COMMENT, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.COMMENT, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.COMMENT, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.COMMENT, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.COMMENT, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.COMMENT, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.COMMENT, State.COMMENT, Pat.EVERYTHING, Action.APPEND_COMMENT),
            t(State.COVERS, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.COVERS, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.COVERS, State.COVERS, Pat.COVERS_REF, Action.ADD_COVERAGE),
            t(State.COVERS, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.COVERS, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.COVERS, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.COVERS, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.COVERS, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.COVERS, State.COVERS, Pat.EMPTY, Action.NONE),
            t(State.COVERS, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.COVERS, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.COVERS, State.START, Pat.FORWARD, Action.END_ITEM_FORWARD),
            t(State.DEPENDS, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.DEPENDS, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.DEPENDS, State.DEPENDS, Pat.DEPENDS_REF, Action.ADD_DEPENDENCY),
            t(State.DEPENDS, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.DEPENDS, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.DEPENDS, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.DEPENDS, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.DEPENDS, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.DEPENDS, State.DEPENDS, Pat.EMPTY, Action.NONE),
            t(State.DEPENDS, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.DEPENDS, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.DEPENDS, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.DEPENDS, State.START, Pat.FORWARD, Action.END_ITEM_FORWARD),
            t(State.NEEDS, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.NEEDS, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.NEEDS, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.NEEDS, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.NEEDS, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.NEEDS, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.NEEDS, State.NEEDS, Pat.NEEDS_REF, Action.ADD_NEEDS),
            t(State.NEEDS, State.NEEDS, Pat.EMPTY, Action.NONE),
            t(State.NEEDS, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.NEEDS, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.NEEDS, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.NEEDS, State.START, Pat.FORWARD, Action.END_ITEM_FORWARD),
            t(State.TAGS, State.TAGS, Pat.TAG_ENTRY, Action.ADD_TAG),
            t(State.TAGS, State.SPEC_ITEM, Pat.ID, Action.BEGIN_ITEM),
            t(State.TAGS, State.TITLE, Pat.SECTION_TITLE, Action.END_ITEM_REMEMBER_TITLE),
            t(State.TAGS, State.RATIONALE, Pat.RATIONALE, Action.BEGIN_RATIONALE),
            t(State.TAGS, State.COMMENT, Pat.COMMENT, Action.BEGIN_COMMENT),
            t(State.TAGS, State.DEPENDS, Pat.DEPENDS, Action.NONE),
            t(State.TAGS, State.NEEDS, Pat.NEEDS_INT, Action.ADD_NEEDS),
            t(State.TAGS, State.NEEDS, Pat.NEEDS, Action.NONE),
            t(State.TAGS, State.NEEDS, Pat.EMPTY, Action.NONE),
            t(State.TAGS, State.COVERS, Pat.COVERS, Action.NONE),
            t(State.TAGS, State.TAGS, Pat.TAGS, Action.NONE),
            t(State.TAGS, State.TAGS, Pat.TAGS_INT, Action.ADD_TAG),
            t(State.TAGS, State.START, Pat.FORWARD, Action.END_ITEM_FORWARD));

    private SpecGrammar() {
    }

    /** @return true when the text is one whole OFT item id. */
    static boolean isId(String s) {
        return WHOLE_ID.matcher(s).matches();
    }
}
