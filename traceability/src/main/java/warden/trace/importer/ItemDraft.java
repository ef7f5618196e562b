package warden.trace.importer;

import java.util.ArrayList;
import java.util.List;
import warden.trace.model.Asil;
import warden.trace.model.SpecItem;

/** A spec item while {@link SpecReader} reads it; mutable, package-private. */
final class ItemDraft {
    /** Which list or text the following lines continue. */
    enum Mode {
        NONE("", false), COVERS("Covers", true), DEPENDS("Depends", true),
        DECOMPOSITION("Decomposition", true), RATIONALE("Rationale", false);

        final String label;
        final boolean links;

        Mode(String label, boolean links) {
            this.label = label;
            this.links = links;
        }
    }

    final String id;
    final String title;
    final int line;
    final StringBuilder description = new StringBuilder();
    final StringBuilder rationale = new StringBuilder();
    final List<String> covers = new ArrayList<>();
    final List<String> depends = new ArrayList<>();
    final List<String> needs = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> decomposition = new ArrayList<>();
    String status = "approved";
    String verification = "";
    Asil asil;
    Mode mode = Mode.NONE;
    boolean statusSeen;

    ItemDraft(String id, String title, int line) {
        this.id = id;
        this.title = title;
        this.line = line;
    }

    List<String> linkList() {
        return mode == Mode.COVERS ? covers : mode == Mode.DEPENDS ? depends : decomposition;
    }

    boolean fieldsSeen() {
        return !covers.isEmpty() || !depends.isEmpty() || !needs.isEmpty() || !tags.isEmpty()
                || rationale.length() > 0 || !verification.isEmpty() || !decomposition.isEmpty() || statusSeen;
    }

    SpecItem build(String file) {
        return new SpecItem(id, title, description.toString().trim(), rationale.toString().trim(), status,
                verification, asil, List.copyOf(covers), List.copyOf(depends), List.copyOf(needs), List.copyOf(tags),
                List.copyOf(decomposition), file, line);
    }
}
