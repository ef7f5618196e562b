package warden.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tables drawn from the spec items in {@code requirements/}: hazards, safety goals, functional and
 * technical safety requirements, numbered assumptions of use with the items that rely on each,
 * the checks the validator and the kernel's boot check enforce, the health design, and the known
 * anomalies with their workarounds.
 *
 * [impl->dsn~manual.spec-tables~1]
 */
final class SpecTables {
    private final List<SpecFile.Item> items;

    SpecTables(List<SpecFile.Item> items) {
        this.items = items;
    }

    private List<SpecFile.Item> where(Predicate<SpecFile.Item> p) {
        List<SpecFile.Item> l = new ArrayList<>();
        for (SpecFile.Item i : items) {
            if (p.test(i)) {
                l.add(i);
            }
        }
        return l;
    }

    private static String ids(List<String> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        List<String> c = new ArrayList<>();
        for (String id : ids) {
            c.add(Adoc.code(id));
        }
        return String.join(" +\n", c);
    }

    private static String missing(String what, String file) {
        return Adoc.missing(what, "requirements/" + file, "Add the items to the requirements folder.");
    }

    String hazards() {
        List<SpecFile.Item> hz = where(i -> i.type().equals("haz"));
        if (hz.isEmpty()) {
            return missing("hazards (haz~ items)", "hazards.md");
        }
        Adoc.Table t = new Adoc.Table("Hazards of the assumed item (from requirements/hazards.md)", "2,2,5,1,3", "Id",
                "Hazard", "Description", "ASIL", "Rating");
        for (SpecFile.Item i : hz) {
            t.row(Adoc.code(i.id()), Adoc.cell(i.title()), Adoc.cell(i.description()), Adoc.cell(i.tags()),
                    Adoc.cell(i.rationale()));
        }
        return t.toString();
    }

    String safetyGoals() {
        List<SpecFile.Item> sg = where(i -> i.type().equals("sg"));
        if (sg.isEmpty()) {
            return missing("safety goals (sg~ items)", "safety-goals.md");
        }
        Adoc.Table t = new Adoc.Table("Assumed safety goals (from requirements/safety-goals.md)", "2,5,1,2,2,1", "Id",
                "Safety goal", "ASIL", "Hazards", "Assumptions relied on", "Status");
        for (SpecFile.Item i : sg) {
            t.row(Adoc.code(i.id()), "*" + Adoc.cell(i.title()) + "* " + Adoc.cell(i.description()),
                    Adoc.cell(i.tags()), ids(i.covers()), ids(i.depends()), Adoc.cell(i.status()));
        }
        return t.toString();
    }

    String safetyRequirements() {
        List<SpecFile.Item> r = where(i -> i.type().equals("fsr") || i.type().equals("tsr"));
        if (r.isEmpty()) {
            return missing("functional and technical safety requirements", "functional-safety.md");
        }
        Adoc.Table t = new Adoc.Table("Functional (fsr) and technical (tsr) safety requirements", "3,5,1,1,3", "Id",
                "Requirement", "ASIL", "Status", "Refines");
        for (SpecFile.Item i : r) {
            t.row(Adoc.code(i.id()), "*" + Adoc.cell(i.title()) + "* " + Adoc.cell(i.description()),
                    Adoc.cell(asil(i)), Adoc.cell(i.status()), ids(i.covers()));
        }
        return t + "\nAn item with no ASIL of its own has the ASIL of the item it refines (shown here).\n";
    }

    /**
     * @return the item's ASIL as written, else that of the first item up its {@code Covers:} chain that
     * has one (ISO 26262 inheritance), else "not stated"; never the word for the rule instead of the level.
     *
     * [impl->dsn~manual.render-check~1]
     */
    String asil(SpecFile.Item item) {
        SpecFile.Item i = item;
        for (int step = 0; step < items.size() && i != null; step++) { // bounded: a chain visits each item once
            if (!i.tags().isEmpty()) {
                return i.tags();
            }
            String up = i.covers().isEmpty() ? null : i.covers().get(0);
            i = null;
            for (SpecFile.Item c : items) {
                if (c.id().equals(up)) {
                    i = c;
                }
            }
        }
        return "not stated";
    }

    /** Numbered AoU-1..n in file order, each with the items whose Depends names it. */
    String assumptions() {
        List<SpecFile.Item> aou = where(i -> i.type().equals("aou"));
        if (aou.isEmpty()) {
            return missing("assumptions of use (aou~ items)", "assumptions-of-use.md");
        }
        Adoc.Table t = new Adoc.Table("Assumptions of use (from requirements/assumptions-of-use.md)", "1,2,6,3,3",
                "No.", "Id", "Assumption", "Relied on by", "Shown by the integrator through");
        int n = 1;
        for (SpecFile.Item a : aou) {
            List<String> by = new ArrayList<>();
            for (SpecFile.Item i : items) {
                if (i.depends().contains(a.id())) {
                    by.add(i.id());
                }
            }
            String text = "*" + Adoc.cell(a.title()) + "* " + Adoc.cell(a.description())
                    + (a.rationale().isEmpty() ? "" : " _Rationale:_ " + Adoc.cell(a.rationale()));
            t.row("[[AoU-" + n + "]]AoU-" + n, Adoc.code(a.id()), text,
                    by.isEmpty() ? "*no item depends on it*" : ids(by), Adoc.cell(a.verification()));
            n++;
        }
        return t.toString();
    }

    /** What the validator (QM) and the kernel's boot re-check (ASIL) enforce on a system description. */
    String configChecks() {
        List<SpecFile.Item> c = where(i -> i.type().equals("dsn")
                && (i.name().startsWith("config.check.") || i.name().equals("config.validate")
                || i.name().startsWith("kernel.boot.revalidate") || i.name().equals("config.input-limits")
                || i.name().equals("config.strict-keys")));
        if (c.isEmpty()) {
            return missing("configuration checks (dsn~config.check.* items)", "system-description.md");
        }
        Adoc.Table t = new Adoc.Table("Checks on every system description", "3,2,6", "Id", "Check", "What it enforces");
        for (SpecFile.Item i : c) {
            t.row(Adoc.code(i.id()), Adoc.cell(i.title()), Adoc.cell(i.description()));
        }
        return t.toString();
    }

    String healthDesign() {
        List<SpecFile.Item> h = where(i -> i.type().equals("dsn") && i.name().startsWith("health."));
        if (h.isEmpty()) {
            return missing("health-monitoring design items (dsn~health.*)", "health.md");
        }
        Adoc.Table t = new Adoc.Table("Health monitoring design (from requirements/health.md)", "2,2,6", "Id",
                "Element", "Behaviour");
        for (SpecFile.Item i : h) {
            t.row(Adoc.code(i.id()), Adoc.cell(i.title()), Adoc.cell(i.description()));
        }
        return t.toString();
    }

    String anomalies() {
        List<SpecFile.Item> an = where(i -> i.type().equals("anom"));
        if (an.isEmpty()) {
            return missing("known anomalies (anom~ items)", "anomalies.md", "Create requirements/anomalies.md.");
        }
        Adoc.Table t = new Adoc.Table("Known anomalies and limitations (from requirements/anomalies.md)",
                "1,2,5,4,2", "No.", "Anomaly", "Effect", "Workaround", "Affects");
        int n = 1;
        for (SpecFile.Item i : an) {
            t.row("AN-" + n++, "*" + Adoc.cell(i.title()) + "* +\n" + Adoc.code(i.id()), Adoc.cell(i.description()),
                    Adoc.cell(i.workaround().isEmpty() ? "none known" : i.workaround()), ids(i.depends()));
        }
        return t.toString();
    }

    private static String missing(String what, String file, String how) {
        return Adoc.missing(what, "requirements/" + file, how);
    }
}
