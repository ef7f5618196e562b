package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The verification summary's build evidence: test verdicts from every module's Surefire XML,
 * structural coverage from JaCoCo XML, mutation results from PIT's mutations.xml, each per module.
 *
 * [impl->dsn~manual.verification~1]
 */
final class Verification {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");
    private static final Pattern COUNTER = Pattern.compile(
            "<counter type=\"(LINE|BRANCH|INSTRUCTION|METHOD)\" missed=\"(\\d+)\" covered=\"(\\d+)\"/>");
    private static final Pattern STATUS = Pattern.compile("status=['\"]([A-Z_]+)['\"]");

    private Verification() {
    }

    static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "0";
    }

    /** @return files named like the pattern under every module's target folder, by module (relative path). */
    static Map<String, List<Path>> find(Path root, String dirInTarget, String fileRegex) throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        Pattern name = Pattern.compile(fileRegex);
        try (Stream<Path> s = Files.walk(root, 8)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                int t = rel.indexOf("target/" + dirInTarget);
                if (t < 0 || !name.matcher(f.getFileName().toString()).matches() || rel.contains("/src/")) {
                    continue;
                }
                String module = t == 0 ? "(root)" : rel.substring(0, t - 1);
                out.computeIfAbsent(module, k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    static String surefire(Evidence ev) throws IOException {
        Map<String, List<Path>> byModule = find(ev.root(), "surefire-reports/", "TEST-.*\\.xml");
        if (byModule.isEmpty()) {
            ev.record("surefire", "Test verdicts (Surefire XML)", "*/target/surefire-reports/TEST-*.xml", false,
                    "not found");
            return Adoc.missing("test verdicts", "*/target/surefire-reports/TEST-*.xml",
                    "Run the tests: `./mvnw -B verify` from the repository root.");
        }
        Adoc.Table t = new Adoc.Table("Test verdicts per module (Surefire XML of this build)", "3,1,1,1,1,1,1",
                "Module", "Test classes", "Tests", "Failures", "Errors", "Skipped", "Time");
        long[] total = new long[5];
        for (Map.Entry<String, List<Path>> e : byModule.entrySet()) {
            long[] m = new long[5];
            double time = 0;
            for (Path f : e.getValue()) {
                Matcher s = SUITE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                if (s.find()) {
                    m[0]++;
                    m[1] += Long.parseLong(attr(s.group(1), "tests"));
                    m[2] += Long.parseLong(attr(s.group(1), "failures"));
                    m[3] += Long.parseLong(attr(s.group(1), "errors"));
                    m[4] += Long.parseLong(attr(s.group(1), "skipped"));
                    time += Double.parseDouble(attr(s.group(1), "time").replace(",", ""));
                }
            }
            for (int i = 0; i < 5; i++) {
                total[i] += m[i];
            }
            t.row(Adoc.code(e.getKey()), "" + m[0], "" + m[1], bold(m[2]), bold(m[3]), "" + m[4],
                    String.format(Locale.ROOT, "%.1f s", time));
        }
        t.row("*all modules*", "" + total[0], "*" + total[1] + "*", bold(total[2]), bold(total[3]), "" + total[4], "");
        String fig = total[1] + " tests, " + total[2] + " failures, " + total[3] + " errors, " + total[4] + " skipped";
        ev.record("surefire", "Test verdicts (Surefire XML)", "*/target/surefire-reports/TEST-*.xml", true, fig);
        return t.toString();
    }

    private static String bold(long n) {
        return n == 0 ? "0" : "*" + n + "*";
    }

    static String jacoco(Evidence ev) throws IOException {
        Map<String, List<Path>> byModule = find(ev.root(), "site/", "jacoco\\.xml");
        if (byModule.isEmpty()) {
            ev.record("jacoco", "Structural coverage (JaCoCo XML)", "*/target/site/jacoco/jacoco.xml", false,
                    "not found (coverage runs with -Pmutation)");
            return Adoc.missing("structural coverage (statement and branch)", "*/target/site/jacoco/jacoco.xml",
                    "JaCoCo runs in the `mutation` profile: `./mvnw -B -T 2 verify -Pmutation`.");
        }
        Adoc.Table t = new Adoc.Table("Structural coverage per module (JaCoCo)", "3,2,2,2", "Module", "Lines",
                "Branches", "Instructions");
        StringBuilder fig = new StringBuilder();
        for (Map.Entry<String, List<Path>> e : byModule.entrySet()) {
            String text = Files.readString(e.getValue().get(0), StandardCharsets.UTF_8);
            Map<String, long[]> last = new TreeMap<>();
            Matcher m = COUNTER.matcher(text);
            while (m.find()) { // the report's own counters come last
                last.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            }
            t.row(Adoc.code(e.getKey()), pct(last.get("LINE")), pct(last.get("BRANCH")), pct(last.get("INSTRUCTION")));
            fig.append(e.getKey()).append(" lines ").append(pct(last.get("LINE"))).append(", branches ")
                    .append(pct(last.get("BRANCH"))).append("; ");
        }
        ev.record("jacoco", "Structural coverage (JaCoCo XML)", "*/target/site/jacoco/jacoco.xml", true,
                fig.toString());
        return t.toString();
    }

    static String pct(long[] missedCovered) {
        if (missedCovered == null || missedCovered[0] + missedCovered[1] == 0) {
            return "-";
        }
        long all = missedCovered[0] + missedCovered[1];
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * missedCovered[1] / all, missedCovered[1], all);
    }

    static String pit(Evidence ev) throws IOException {
        Map<String, List<Path>> byModule = find(ev.root(), "pit-reports/", "mutations\\.xml");
        if (byModule.isEmpty()) {
            ev.record("pit", "Mutation analysis (PIT mutations.xml)", "*/target/pit-reports/mutations.xml", false,
                    "not found (PIT runs with -Pmutation)");
            return Adoc.missing("mutation analysis", "*/target/pit-reports/mutations.xml",
                    "PIT runs in the `mutation` profile: `./mvnw -B -T 2 verify -Pmutation`.");
        }
        Adoc.Table t = new Adoc.Table("Mutation analysis per module (PIT, STRONGER mutators)", "3,1,1,1,1,1,1",
                "Module", "Mutants", "Killed", "Survived", "No coverage", "Timed out / other", "Kill ratio");
        long all = 0;
        long killed = 0;
        for (Map.Entry<String, List<Path>> e : byModule.entrySet()) {
            Map<String, Long> st = new TreeMap<>();
            for (Path f : e.getValue()) {
                Matcher m = STATUS.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    st.merge(m.group(1), 1L, Long::sum);
                }
            }
            long n = st.values().stream().mapToLong(Long::longValue).sum();
            long k = st.getOrDefault("KILLED", 0L);
            long s = st.getOrDefault("SURVIVED", 0L);
            long nc = st.getOrDefault("NO_COVERAGE", 0L);
            all += n;
            killed += k;
            t.row(Adoc.code(e.getKey()), "" + n, "" + k, "" + s, "" + nc, "" + (n - k - s - nc),
                    pct(new long[] {n - k, k}));
        }
        ev.record("pit", "Mutation analysis (PIT mutations.xml)", "*/target/pit-reports/mutations.xml", true,
                killed + " of " + all + " mutants killed");
        return t.toString();
    }
}
