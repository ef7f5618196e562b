package warden.trace.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import warden.trace.model.InputError;

/**
 * A reviewed list kept beside the requirements, as a Markdown table or CSV: the equivalent mutants
 * ({@code class | method | mutator | code of the line | reason}), the untagged code waived for now
 * ({@code class or class#method | reason}) and the other reviewed lists. Every entry needs a
 * reason; one without is an input error naming file:line. In a Markdown cell {@code \|} stands for
 * a {@code |} (code such as {@code a || b}).
 *
 * [impl->dsn~trace.equivalent-mutants~2]
 */
public final class ReviewedList {
    /** One row: its key columns, its reason, where it is written. */
    public record Entry(List<String> keys, String reason, String file, int line) {
        /** @return the key columns joined with {@code :}. */
        public String key() {
            return String.join(":", keys);
        }
    }

    private ReviewedList() {
    }

    /** @return the first of {@code base.md} and {@code base.csv} that exists, else null. */
    public static Path find(Path dir, String base) {
        for (String ext : List.of(".md", ".csv")) {
            if (Files.isRegularFile(dir.resolve(base + ext))) {
                return dir.resolve(base + ext);
            }
        }
        return null;
    }

    /** Reads the rows with {@code keyColumns} key columns and a reason; errors go to the list. */
    public static List<Entry> read(Path file, String rel, int keyColumns, List<InputError> errors) throws IOException {
        List<Entry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean csv = rel.endsWith(".csv");
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            List<String> cells = cells(lines.get(n), csv, keyColumns);
            if (cells == null || header(cells)) {
                continue;
            }
            if (cells.size() < keyColumns + 1 || cells.get(keyColumns).isBlank()) {
                errors.add(new InputError(rel, n + 1, "entry needs " + keyColumns + " key columns and a reason"));
                continue;
            }
            out.add(new Entry(List.copyOf(cells.subList(0, keyColumns)), cells.get(keyColumns), rel, n + 1));
        }
        return out;
    }

    private static boolean header(List<String> cells) {
        String first = cells.get(0).toLowerCase(java.util.Locale.ROOT);
        return first.equals("class") || first.equals("code") || first.equals("item") || first.equals("file")
                || first.matches("-+:?|:?-+:?");
    }

    private static List<String> cells(String line, boolean csv, int keys) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#") && csv) {
            return null;
        }
        if (!csv && !t.startsWith("|")) {
            return null;
        }
        String body = csv ? t : t.substring(1, t.endsWith("|") && t.length() > 1 ? t.length() - 1 : t.length());
        List<String> out = new ArrayList<>();
        for (String c : csv ? body.split(",", keys + 1) : body.split("(?<!\\\\)\\|", -1)) {
            out.add(c.trim().replace("`", "").replace("\\|", "|"));
        }
        return out;
    }
}
