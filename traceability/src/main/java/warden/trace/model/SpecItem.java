package warden.trace.model;

import java.util.List;

/**
 * One specification item as read from OpenFastTrace Markdown: its id ({@code type~name~revision}),
 * title, text and the fields Warden adds (ASIL in {@code Tags:}, {@code Status:},
 * {@code Verification:}, {@code Rationale:}, {@code Decomposition:}). Immutable.
 *
 * @param asil the ASIL written in its {@code Tags:} line, or null when none is written
 * @param status draft, proposed, approved or rejected; "approved" when not written
 */
public record SpecItem(String id, String title, String description, String rationale, String status,
        String verification, Asil asil, List<String> covers, List<String> depends, List<String> needs,
        List<String> tags, List<String> decomposition, String file, int line) {

    /** @return the artifact type, such as {@code dsn}. */
    public String type() {
        return Ids.type(id);
    }

    /** @return the id without its revision. */
    public String key() {
        return Ids.key(id);
    }

    /** @return where the item is defined, as {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
