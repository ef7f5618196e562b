package warden.trace;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import warden.trace.model.Asil;
import warden.trace.model.TraceConfig;

/** The trace command's options, parsed; a bad option is an {@link IllegalArgumentException}. */
public final class TraceOptions {
    static final String HELP = String.join("\n",
            "Usage: trace [--root DIR] [--out DIR] [--config FILE] [--threshold ASIL=PERCENT]...",
            "             [--no-verdicts] [--mutations optional|required] [--no-reports] [--quiet]",
            "Traces requirements (requirements/*.md) to code and test tags, Surefire verdicts, PIT",
            "mutations (fullMutationMatrix) and JaCoCo coverage, applies the gates, and writes",
            "index.html, trace.json, trace.reqif and AsciiDoc includes to DIR (default ROOT/target/trace).",
            "  --root DIR        repository root (default: the current directory)",
            "  --out DIR         where the reports go",
            "  --config FILE     trace.properties (default ROOT/requirements/trace.properties)",
            "  --threshold C=90  own mutation score required for an ASIL, in percent (repeatable)",
            "  --no-verdicts     do not require test results (links only)",
            "  --mutations required  a gating run (mvnw verify -Pmutation): fail when PIT data is",
            "                    missing or a path of 'mutated' in trace.properties has no mutant;",
            "                    optional (default): without PIT data the mutation gate is off",
            "  --no-reports      apply the gates, write nothing",
            "  --quiet           print no notes",
            "Exit codes: 0 every gate passed, 1 a gate failed, 2 bad input, 3 internal error.");

    Path root = Path.of(".");
    Path out;
    Path config;
    boolean verdicts = true;
    boolean requireMutations;
    boolean reports = true;
    boolean quiet;
    boolean help;
    final Map<String, Integer> thresholds = new LinkedHashMap<>();

    /** @return the options of a command line; IllegalArgumentException for a bad one. */
    public static TraceOptions parse(String[] args) {
        TraceOptions o = new TraceOptions();
        for (int i = 0; i < args.length; i++) { // bounded by the arguments
            String a = args[i];
            switch (a) {
                case "--root" -> o.root = Path.of(value(args, ++i, a));
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--config" -> o.config = Path.of(value(args, ++i, a));
                case "--threshold" -> o.threshold(value(args, ++i, a));
                case "--no-verdicts" -> o.verdicts = false;
                case "--mutations" -> o.requireMutations = mutations(value(args, ++i, a));
                case "--no-reports" -> o.reports = false;
                case "--quiet" -> o.quiet = true;
                case "-h", "--help" -> o.help = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (!o.help && !Files.isDirectory(o.root)) {
            throw new IllegalArgumentException("--root " + o.root + " is not a directory");
        }
        return o;
    }

    private static boolean mutations(String v) {
        return switch (v) {
            case "required" -> true;
            case "optional" -> false;
            default -> throw new IllegalArgumentException("--mutations '" + v + "': expected required or optional");
        };
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private void threshold(String v) {
        String[] kv = v.split("=", 2);
        Asil a = kv.length == 2 ? Asil.parse(kv[0]) : null;
        if (a == null || a.level() == 0 || a.decomposed() || !kv[1].trim().matches("\\d{1,3}")
                || Integer.parseInt(kv[1].trim()) > 100) {
            throw new IllegalArgumentException("--threshold '" + v + "': expected ASIL=PERCENT, like C=90");
        }
        thresholds.put(a.letter(), Integer.parseInt(kv[1].trim()));
    }

    /** @return the configuration: the properties file, then the options. */
    public TraceConfig config() throws IOException {
        TraceConfig c = TraceConfig.defaults();
        Path file = config != null ? config : root.resolve("requirements/trace.properties");
        if (config != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--config " + file + " is not a file");
        }
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            c.apply(p);
        }
        c.thresholds.putAll(thresholds);
        c.verdicts = verdicts;
        c.requireMutations = requireMutations;
        return c;
    }
}
