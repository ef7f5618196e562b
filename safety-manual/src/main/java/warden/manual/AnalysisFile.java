package warden.manual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The software safety analysis as data: the tables of {@code requirements/safety-analysis.md}
 * (scope, FMEA, items that are not safety mechanisms, top events, gates, dependent failures), each
 * row with the line it stands on, so that every check can say {@code file:line}.
 *
 * [impl->dsn~manual.safety-analysis~1]
 */
final class AnalysisFile {
    static final String PATH = "requirements/safety-analysis.md";
    static final String SCOPE = "Scope";
    static final String FMEA = "FMEA";
    static final String NOT_MECHANISMS = "Not safety mechanisms";
    static final String TREES = "Fault trees";
    static final String DEPENDENT = "Dependent failures";

    /** One table row: its cells (trimmed) and its line (1-based). */
    record Row(int line, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    /** One table: the section it stands in, its header and its rows. */
    record Table(String section, int line, List<String> header, List<Row> rows) {
    }

    /** The header each table must have, by section (the fault-tree section has two tables). */
    static final Map<String, List<List<String>>> HEADERS = Map.of(
            SCOPE, List.of(List.of("File")),
            FMEA, List.of(List.of("Row", "Mechanism", "Mode", "Failure", "Goal", "Detection and mitigation",
                    "Evidence", "Residual")),
            NOT_MECHANISMS, List.of(List.of("Item", "Reason")),
            TREES, List.of(List.of("Goal", "Top gate"), List.of("Gate", "Type", "Event", "Inputs")),
            DEPENDENT, List.of(List.of("Factor", "Coupling", "Independence argument", "Evidence")));

    final String file;
    final Map<String, List<Table>> tables = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    private AnalysisFile(String file) {
        this.file = file;
    }

    /** Reads the tables of the file's sections ({@code ## Name}); a table of the wrong shape is an error. */
    static AnalysisFile parse(String file, List<String> lines) {
        AnalysisFile a = new AnalysisFile(file);
        String section = "";
        Table t = null;
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            String line = lines.get(n).trim();
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                t = null;
            } else if (!line.startsWith("|")) {
                t = null;
            } else if (t == null) {
                t = new Table(section, n + 1, cells(line), new ArrayList<>());
                a.tables.computeIfAbsent(section, k -> new ArrayList<>()).add(t);
            } else if (!line.matches("\\|[-|: ]+\\|?")) {
                List<String> c = cells(line);
                if (c.size() != t.header().size()) {
                    a.error(n + 1, "row has " + c.size() + " cells, its table has " + t.header().size());
                }
                t.rows().add(new Row(n + 1, c));
            }
        }
        a.checkShape();
        return a;
    }

    private static List<String> cells(String line) {
        String s = line.substring(1);
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : s.split("\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    private void checkShape() {
        for (Map.Entry<String, List<List<String>>> e : HEADERS.entrySet()) {
            List<Table> found = tables.getOrDefault(e.getKey(), List.of());
            if (found.size() != e.getValue().size()) {
                error(1, "section \"## " + e.getKey() + "\" needs " + e.getValue().size() + " table(s), has "
                        + found.size());
                continue;
            }
            for (int i = 0; i < found.size(); i++) {
                if (!found.get(i).header().equals(e.getValue().get(i))) {
                    error(found.get(i).line(), "table header must be | " + String.join(" | ", e.getValue().get(i))
                            + " |");
                }
            }
        }
    }

    /** @return the rows of the section's {@code index}-th table, or none when it is absent or malformed. */
    List<Row> rows(String section, int index) {
        List<Table> t = tables.getOrDefault(section, List.of());
        if (t.size() <= index || !t.get(index).header().equals(HEADERS.get(section).get(index))) {
            return List.of();
        }
        return t.get(index).rows();
    }

    void error(int line, String message) {
        errors.add(file + ":" + line + ": " + message);
    }

    /** @return the comma-separated references of a cell ({@code -} or empty: none). */
    static List<String> refs(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split(",")) {
            String r = s.trim().replace("`", "");
            if (!r.isEmpty() && !r.equals("-")) {
                out.add(r);
            }
        }
        return out;
    }
}
