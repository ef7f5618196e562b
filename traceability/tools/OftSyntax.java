import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-off converter of requirement files to the Markdown that OpenFastTrace 4.x reads exactly as the
 * trace engine does (requirements/traceability.md, dsn~trace.spec.reader~2). Rewrites the files named
 * on the command line in place and is idempotent:
 *
 * <ul>
 * <li>{@code Tags: ASIL-C}, {@code ASIL-B(D)}, {@code QM(C)} become {@code ASIL_C}, {@code ASIL_B_of_D},
 * {@code QM_of_C}: OFT's inline tag list is {@code \w+} words, so a hyphen or parenthesis hides it;</li>
 * <li>a {@code Status:} line moves to the line after the item's id line: OFT reads a status only
 * there (before the description) and silently ignores it anywhere else;</li>
 * <li>a line that starts with an item id (backticked or not) but is not an id line is joined to the
 * line above it (or, after a blank line, prefixed with "Item"): OFT starts a new item on any line that
 * begins with an id, which would read the mention as a duplicate item.</li>
 * </ul>
 *
 * Run from the repository root: {@code java traceability/tools/OftSyntax.java requirements/*.md}
 * (Java 17, no class path). It prints each file it changed.
 */
public final class OftSyntax {
    private static final String ID = "\\p{Alpha}+~(?U)\\p{Alpha}[\\w-]*(?:\\.[\\w-]+)*+~\\d+";
    private static final Pattern ID_LINE = Pattern.compile("\\s*`(" + ID + ")`\\s*");
    private static final Pattern STARTS_WITH_ID = Pattern.compile("`?(" + ID + ")`?.*");
    private static final Pattern STATUS = Pattern.compile("Status:\\s*(\\w+)\\s*");
    private static final Pattern HEADING = Pattern.compile("#+\\s.*");
    private static final Pattern ASIL = Pattern.compile(
            "(?:ASIL[-_ ]?([ABCD])|(QM))(?:\\s*\\(\\s*(?:ASIL[-_ ]?)?([ABCD])\\s*\\))?", Pattern.CASE_INSENSITIVE);

    private OftSyntax() {
    }

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path p = Path.of(a);
            List<String> in = Files.readAllLines(p, StandardCharsets.UTF_8);
            List<String> out = convert(in);
            if (!out.equals(in)) {
                Files.writeString(p, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
                System.out.println("converted " + a);
            }
        }
    }

    static List<String> convert(List<String> in) {
        List<String> lines = new ArrayList<>(in.size());
        boolean fence = false;
        for (String l : in) {
            if (l.trim().startsWith("```")) {
                fence = !fence;
            }
            if (!fence && l.startsWith("Tags:")) {
                l = tags(l);
            }
            if (!fence && !ID_LINE.matcher(l).matches() && STARTS_WITH_ID.matcher(l).matches()) {
                String prev = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                if (!prev.isBlank() && !HEADING.matcher(prev).matches() && !prev.contains(":")
                        && !ID_LINE.matcher(prev).matches()) {
                    lines.set(lines.size() - 1, prev + " " + l);
                    continue;
                }
                l = "Item " + l;
            }
            lines.add(l);
        }
        return moveStatus(lines);
    }

    private static String tags(String line) {
        String[] parts = line.substring("Tags:".length()).split(",");
        List<String> out = new ArrayList<>();
        for (String t : parts) {
            String s = t.trim();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = ASIL.matcher(s);
            if (m.matches()) {
                String level = m.group(2) != null ? "QM" : "ASIL_" + m.group(1).toUpperCase();
                s = m.group(3) == null ? level : level + "_of_" + m.group(3).toUpperCase();
            } else {
                s = s.replaceAll("\\W", "_");
            }
            out.add(s);
        }
        return "Tags: " + String.join(", ", out);
    }

    /** Moves each item's Status line (up to the next id line or heading) to right after its id line. */
    private static List<String> moveStatus(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (!ID_LINE.matcher(out.get(i)).matches()) {
                continue;
            }
            int end = i + 1;
            while (end < out.size() && !ID_LINE.matcher(out.get(end)).matches()
                    && !HEADING.matcher(out.get(end)).matches()) {
                end++;
            }
            for (int j = i + 1; j < end; j++) {
                if (STATUS.matcher(out.get(j)).matches()) {
                    if (j == i + 2 && out.get(i + 1).isBlank()) {
                        break; // already in place
                    }
                    String status = out.remove(j);
                    if (j < out.size() && out.get(j).isBlank() && out.get(j - 1).isBlank()) {
                        out.remove(j);
                    }
                    out.add(i + 1, "");
                    out.add(i + 2, status);
                    break;
                }
            }
        }
        return out;
    }
}
