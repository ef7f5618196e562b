package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the software safety analysis against the real items, tests and campaign rows: every id it
 * names exists, every ASIL C design item of its scope is a mechanism of an FMEA row or listed as
 * not a mechanism with a reason, and every FMEA row that names a safety goal is a basic event of that
 * goal's fault tree. Each finding is a {@code file:line: message}.
 *
 * [impl->dsn~manual.safety-analysis~1]
 * [impl->dsn~manual.dependent-failures~1]
 */
final class AnalysisCheck {
    static final List<String> MODES = List.of("not detecting", "detecting too late", "false detection",
            "wrong reaction");
    static final List<String> FACTORS = List.of("core", "memory", "clock", "monitor-code", "channel-ring",
            "build-tools");
    private static final String ID = "[a-z]+~[^~\\s`]+~\\d+";
    private static final String TEST = "[a-z][\\w.]*\\.[A-Z]\\w*#\\w+";

    private final AnalysisFile a;
    private final Map<String, SpecFile.Item> items;
    private final Map<String, String> asil;
    private final Tests tests;
    private final Set<String> campaign;

    /**
     * @param items the spec items by id
     * @param asil  the ASIL of each item as the trace engine computed it ({@code trace.json}), or null
     *              when absent (the completeness of the scope is then not checked)
     */
    AnalysisCheck(AnalysisFile a, Map<String, SpecFile.Item> items, Map<String, String> asil, Tests tests,
            Set<String> campaign) {
        this.a = a;
        this.items = items;
        this.asil = asil;
        this.tests = tests;
        this.campaign = campaign;
    }

    /** Runs every check; the findings are added to the file's errors. */
    void run() {
        Set<String> mechanisms = fmea();
        Set<String> others = notMechanisms(mechanisms);
        scope(mechanisms, others);
        trees();
        dependent();
    }

    private Set<String> fmea() {
        Set<String> rows = new HashSet<>();
        Set<String> mechanisms = new HashSet<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.FMEA, 0)) {
            if (!r.cell(0).matches("FM-\\d+") || !rows.add(r.cell(0))) {
                a.error(r.line(), "row id \"" + r.cell(0) + "\" must be FM-<number> and unique");
            }
            if (item(r, r.cell(1), "dsn")) {
                mechanisms.add(r.cell(1));
            }
            if (!MODES.contains(r.cell(2))) {
                a.error(r.line(), "failure mode \"" + r.cell(2) + "\" is none of " + String.join(", ", MODES));
            }
            if (!r.cell(4).equals("-")) {
                goal(r, r.cell(4));
            }
            for (int c : new int[] {3, 5, 7}) {
                if (r.cell(c).isEmpty()) {
                    a.error(r.line(), "column " + AnalysisFile.HEADERS.get(AnalysisFile.FMEA).get(0).get(c)
                            + " is empty");
                }
            }
            evidence(r, r.cell(6));
        }
        return mechanisms;
    }

    private Set<String> notMechanisms(Set<String> mechanisms) {
        Set<String> others = new HashSet<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.NOT_MECHANISMS, 0)) {
            item(r, r.cell(0), null);
            if (mechanisms.contains(r.cell(0))) {
                a.error(r.line(), r.cell(0) + " is the mechanism of an FMEA row and cannot be \"not a mechanism\"");
            }
            if (!others.add(r.cell(0))) {
                a.error(r.line(), r.cell(0) + " is listed twice");
            }
            if (r.cell(1).isEmpty() || r.cell(1).equals("-")) {
                a.error(r.line(), r.cell(0) + " needs a reason");
            }
        }
        return others;
    }

    private void scope(Set<String> mechanisms, Set<String> others) {
        Set<String> known = new HashSet<>();
        for (SpecFile.Item i : items.values()) {
            known.add("requirements/" + i.file());
        }
        for (AnalysisFile.Row r : a.rows(AnalysisFile.SCOPE, 0)) {
            if (!known.contains(r.cell(0))) {
                a.error(r.line(), "scope file " + r.cell(0) + " holds no spec items");
                continue;
            }
            if (asil == null) {
                continue;
            }
            for (SpecFile.Item i : new TreeMap<>(items).values()) {
                boolean inScope = r.cell(0).equals("requirements/" + i.file()) && i.type().equals("dsn");
                String level = asil.getOrDefault(i.id(), "");
                if (inScope && (level.startsWith("ASIL-C") || level.startsWith("ASIL-D"))
                        && !mechanisms.contains(i.id()) && !others.contains(i.id())) {
                    a.error(r.line(), i.id() + " (" + level + ", " + r.cell(0) + ":" + i.line()
                            + ") has no FMEA row and is not in \"" + AnalysisFile.NOT_MECHANISMS + "\"");
                }
            }
        }
    }

    private void trees() {
        FaultTree t = FaultTree.of(a);
        Set<String> goals = new HashSet<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 0)) {
            if (goal(r, r.cell(0)) && !goals.add(r.cell(0))) {
                a.error(r.line(), r.cell(0) + " has a second top event");
            }
        }
        for (SpecFile.Item i : items.values()) {
            if (approvedGoal(i) && !goals.contains(i.id()) && !a.rows(AnalysisFile.TREES, 0).isEmpty()) {
                a.error(a.rows(AnalysisFile.TREES, 0).get(0).line(), "approved safety goal " + i.id()
                        + " has no top event");
            }
        }
        t.check();
        if (!t.sound()) {
            return; // which rows the trees reach is unknown until they are fixed
        }
        Map<String, Set<String>> basic = new HashMap<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 0)) {
            basic.put(r.cell(0), t.basicEvents(r.cell(1)));
        }
        for (AnalysisFile.Row r : a.rows(AnalysisFile.FMEA, 0)) {
            for (Map.Entry<String, Set<String>> e : basic.entrySet()) {
                boolean named = r.cell(4).equals(e.getKey());
                if (named != e.getValue().contains(r.cell(0))) {
                    a.error(r.line(), r.cell(0) + (named ? " names " + e.getKey() + " but is no basic event of its"
                            + " fault tree" : " is a basic event of the fault tree of " + e.getKey()
                            + " but names " + r.cell(4)));
                }
            }
        }
    }

    private void dependent() {
        Set<String> seen = new TreeSet<>();
        List<AnalysisFile.Row> rows = a.rows(AnalysisFile.DEPENDENT, 0);
        for (AnalysisFile.Row r : rows) {
            if (!FACTORS.contains(r.cell(0)) || !seen.add(r.cell(0))) {
                a.error(r.line(), "coupling factor \"" + r.cell(0) + "\" must be one of " + String.join(", ", FACTORS)
                        + ", once");
            }
            if (r.cell(2).isEmpty() || AnalysisFile.refs(r.cell(3)).isEmpty()) {
                a.error(r.line(), "coupling factor " + r.cell(0) + " needs an independence argument and evidence");
            }
            evidence(r, r.cell(3));
        }
        List<String> missing = new ArrayList<>(FACTORS);
        missing.removeAll(seen);
        if (!missing.isEmpty() && !rows.isEmpty()) {
            a.error(rows.get(0).line() - 2, "coupling factors missing: " + String.join(", ", missing));
        }
    }

    private boolean approvedGoal(SpecFile.Item i) {
        return i.type().equals("sg") && (i.status().isEmpty() || i.status().equals("approved"));
    }

    private boolean goal(AnalysisFile.Row r, String id) {
        SpecFile.Item i = items.get(id);
        if (i == null || !approvedGoal(i)) {
            a.error(r.line(), "\"" + id + "\" is not an approved safety goal");
            return false;
        }
        return true;
    }

    private boolean item(AnalysisFile.Row r, String id, String type) {
        SpecFile.Item i = items.get(id);
        if (i == null || (type != null && !i.type().equals(type))) {
            a.error(r.line(), "\"" + id + "\" is not an existing " + (type == null ? "" : type + " ") + "item");
            return false;
        }
        return true;
    }

    private void evidence(AnalysisFile.Row r, String cell) {
        for (String ref : AnalysisFile.refs(cell)) {
            if (ref.matches(ID)) {
                item(r, ref, null);
            } else if (ref.startsWith("campaign:")) {
                if (!campaign.contains(ref.substring("campaign:".length()))) {
                    a.error(r.line(), "\"" + ref + "\" names no mechanism of the fault campaign " + campaign);
                }
            } else if (!ref.matches(TEST)) {
                a.error(r.line(), "\"" + ref + "\" is not an item id, a test method (package.Class#method) or "
                        + "campaign:key");
            } else if (!tests.exists(ref)) {
                a.error(r.line(), "test method " + ref + " not found under any src/test/java");
            }
        }
    }

    /** The test methods of the repository: {@code package.Class#method} found in some {@code src/test/java}. */
    static final class Tests {
        private final List<Path> dirs = new ArrayList<>();
        private final Map<Path, String> texts = new HashMap<>();

        Tests(Path root) throws IOException {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root, 5)) {
                    s.filter(p -> p.endsWith(Path.of("src", "test", "java")) && Files.isDirectory(p)
                            && !p.toString().contains("/target/")).sorted().forEach(dirs::add);
                }
            }
        }

        boolean exists(String ref) {
            String cls = ref.substring(0, ref.indexOf('#'));
            String method = ref.substring(ref.indexOf('#') + 1);
            for (Path d : dirs) {
                Path f = d.resolve(cls.replace('.', '/') + ".java");
                String text = texts.computeIfAbsent(f, Tests::read);
                if (Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }

        private static String read(Path f) {
            try {
                return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "";
            }
        }
    }
}
