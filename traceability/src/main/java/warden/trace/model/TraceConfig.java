package warden.trace.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the engine reads and how strictly it gates, from {@code requirements/trace.properties} and
 * the command line: path prefixes to exclude from the tag scan, the code that must implement a
 * requirement ({@code kernel}), extra report directories, mutation-score thresholds per ASIL, the
 * code a gating build mutates ({@code mutated}) and whether this run must have mutation data.
 *
 * [impl->dsn~trace.config~1]
 */
public final class TraceConfig {
    /** Default thresholds in percent: ASIL D 95, C 90, B 80, A 70; QM is not gated. */
    private static final Map<String, Integer> DEFAULTS = Map.of("D", 95, "C", 90, "B", 80, "A", 70);
    /** Path prefixes the scan skips. */
    public final List<String> excludes = new ArrayList<>();
    /** Path prefixes of code that must implement a requirement. */
    public final List<String> kernel = new ArrayList<>();
    /** Extra report directories, beside each module's {@code target}. */
    public final List<String> reports = new ArrayList<>();
    /** Code a gating build mutates: with {@link #requireMutations} each path needs mutants. */
    public final List<String> mutated = new ArrayList<>();
    /** The build is a gating mutation run: missing mutation data is a finding, not "gate off". */
    public boolean requireMutations;
    /** Own mutation score thresholds in percent by ASIL letter. */
    public final Map<String, Integer> thresholds = new TreeMap<>(DEFAULTS);
    /** The directory of the requirement files, relative to the root. */
    public String requirements = "requirements";
    /** Whether verifying tests must have passing verdicts. */
    public boolean verdicts = true;
    /**
     * Whether the scan reads test, mutation and coverage reports at all. Off for a trace of the
     * requirements and tags alone, which must not read a report another build step is still writing
     * (PIT writes {@code mutations.xml} as it goes).
     */
    public boolean readReports = true;

    /** @return the configuration with every default (no exclusions, no kernel paths). */
    public static TraceConfig defaults() {
        return new TraceConfig();
    }

    /** Applies the keys of a {@code trace.properties} file. */
    public void apply(Properties p) {
        split(p.getProperty("exclude"), excludes);
        split(p.getProperty("kernel"), kernel);
        split(p.getProperty("reports"), reports);
        split(p.getProperty("mutated"), mutated);
        requirements = p.getProperty("requirements", requirements).trim();
        for (String asil : List.of("A", "B", "C", "D")) {
            String v = p.getProperty("threshold." + asil);
            if (v != null && !v.trim().matches("\\d{1,3}")) {
                throw new IllegalArgumentException("trace.properties: threshold." + asil + " = '" + v
                        + "' is not a percentage");
            }
            if (v != null) {
                thresholds.put(asil, Integer.parseInt(v.trim()));
            }
        }
    }

    private static void split(String value, List<String> into) {
        if (value == null) {
            return;
        }
        for (String s : value.split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                into.add(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
            }
        }
    }

    /** @return the mutation-score threshold in percent for an ASIL letter, or -1 when not gated. */
    public int threshold(Asil asil) {
        return thresholds.getOrDefault(asil.letter(), -1);
    }

    /** @return true when a repository-relative path lies under an excluded prefix. */
    public boolean excluded(String rel) {
        return under(rel, excludes);
    }

    /** @return true when a repository-relative path is code that must implement a requirement. */
    public boolean kernel(String rel) {
        return under(rel, kernel);
    }

    /** @return the {@code mutated} path that holds a repository-relative path, or null. */
    public String mutatedPath(String rel) {
        return prefix(rel, mutated);
    }

    private static boolean under(String rel, List<String> prefixes) {
        return prefix(rel, prefixes) != null;
    }

    /** @return the first of {@code prefixes} that is {@code rel} or a directory above it, or null. */
    private static String prefix(String rel, List<String> prefixes) {
        for (String p : prefixes) {
            if (rel.equals(p) || rel.startsWith(p + "/")) {
                return p;
            }
        }
        return null;
    }
}
