package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads spec items from the OpenFastTrace Markdown of {@code requirements/}: heading, backticked
 * id line, description, then the fields. The manual's tables of hazards, safety goals, assumptions
 * of use, configuration checks and anomalies come from these items, the single source.
 *
 * [impl->dsn~manual.spec-tables~1]
 */
final class SpecFile {
    /** One spec item as the manual shows it. */
    record Item(String id, String title, String description, List<String> covers, List<String> depends, String tags,
                String status, String verification, String rationale, String workaround, String file, int line) {
        String type() {
            return id.substring(0, id.indexOf('~'));
        }

        String name() {
            return id.substring(id.indexOf('~') + 1, id.lastIndexOf('~'));
        }
    }

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\S.*)$");
    private static final Pattern ID_LINE = Pattern.compile("^\\s*`([a-z][a-zA-Z0-9]*~[^`~]+~\\d+)`\\s*$");
    private static final Pattern FIELD = Pattern.compile(
            "^(Needs|Covers|Depends|Tags|Status|Verification|Rationale|Decomposition|Workaround):\\s*(.*)$");
    private static final Pattern ID = Pattern.compile("`([a-z][a-zA-Z0-9]*~[^`~]+~\\d+)`");

    private SpecFile() {
    }

    /** @return the items of every {@code *.md} under the folder, in file-name order. */
    static List<Item> readAll(Path requirements) throws IOException {
        List<Item> out = new ArrayList<>();
        if (!Files.isDirectory(requirements)) {
            return out;
        }
        try (Stream<Path> files = Files.list(requirements)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                out.addAll(parse(f.getFileName().toString(), Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    static List<Item> parse(String file, List<String> lines) {
        List<Item> out = new ArrayList<>();
        Draft d = null;
        String heading = "";
        boolean fence = false;
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            String line = lines.get(n);
            if (line.trim().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                add(out, d);
                d = null;
                heading = m.group(1).trim();
                continue;
            }
            m = ID_LINE.matcher(line);
            if (m.matches()) {
                add(out, d);
                d = new Draft(m.group(1), heading, file, n + 1);
                heading = "";
                continue;
            }
            if (d != null) {
                d.take(line);
            }
        }
        add(out, d);
        return out;
    }

    private static void add(List<Item> out, Draft d) {
        if (d != null) {
            out.add(d.item());
        }
    }

    private static final class Draft {
        final String id;
        final String title;
        final String file;
        final int line;
        final StringBuilder description = new StringBuilder();
        final StringBuilder covers = new StringBuilder();
        final StringBuilder depends = new StringBuilder();
        final StringBuilder tags = new StringBuilder();
        final StringBuilder status = new StringBuilder();
        final StringBuilder verification = new StringBuilder();
        final StringBuilder rationale = new StringBuilder();
        final StringBuilder workaround = new StringBuilder();
        String field;

        Draft(String id, String title, String file, int line) {
            this.id = id;
            this.title = title;
            this.file = file;
            this.line = line;
        }

        /** Takes one line of the item's body: a field line, a paragraph break or more text. */
        void take(String line) {
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                field = m.group(1);
                append(m.group(2));
                if (field.equals("Status")) { // one line, right after the id: the description follows it
                    field = null;
                }
            } else if (line.isBlank()) {
                if (field == null && description.length() > 0) {
                    description.append("\n\n");
                }
            } else {
                append(line);
            }
        }

        void append(String text) {
            StringBuilder b = field == null ? description : switch (field) {
                case "Covers" -> covers;
                case "Depends" -> depends;
                case "Tags" -> tags;
                case "Status" -> status;
                case "Verification" -> verification;
                case "Rationale" -> rationale;
                case "Workaround" -> workaround;
                default -> new StringBuilder();
            };
            String t = text.trim();
            if (t.isEmpty()) {
                return;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                b.append(' ');
            }
            b.append(t);
        }

        Item item() {
            String st = status.toString().trim();
            return new Item(id, title, description.toString().trim(), ids(covers), ids(depends), shownTags(),
                    st.isEmpty() ? "approved" : st, verification.toString().trim(), rationale.toString().trim(),
                    workaround.toString().trim(), file, line);
        }

        /** @return the tags as the manual shows them: an OFT ASIL tag ({@code ASIL_B_of_C}) as ASIL-B(C). */
        private String shownTags() {
            List<String> out = new ArrayList<>();
            for (String t : tags.toString().split(",")) {
                String s = t.trim();
                Matcher m = ASIL_TAG.matcher(s);
                if (m.matches()) {
                    out.add((m.group(1) == null ? "QM" : "ASIL-" + m.group(1))
                            + (m.group(2) == null ? "" : "(" + m.group(2) + ")"));
                } else if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return String.join(", ", out);
        }

        private static final Pattern ASIL_TAG = Pattern.compile("(?:QM|ASIL_([ABCD]))(?:_of_([ABCD]))?");

        private static List<String> ids(CharSequence text) {
            List<String> l = new ArrayList<>();
            Matcher m = ID.matcher(text);
            while (m.find()) {
                l.add(m.group(1));
            }
            return l;
        }
    }
}
