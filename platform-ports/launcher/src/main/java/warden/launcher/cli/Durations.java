package warden.launcher.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses command-line durations such as "100ms", "2s", "250us", "5000ns". */
final class Durations {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,12})(ns|us|ms|s)");

    private Durations() {
    }

    /** Longest run the CLI accepts: one day of virtual time. */
    static final long MAX_NS = 86_400L * 1_000_000_000L;

    /** @return nanoseconds, -1 when the text is not a duration, -2 when it is longer than {@link #MAX_NS}. */
    static long parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        long v = Long.parseLong(m.group(1));
        long unit;
        switch (m.group(2)) {
            case "ns": unit = 1L; break;
            case "us": unit = 1_000L; break;
            case "ms": unit = 1_000_000L; break;
            default: unit = 1_000_000_000L; break;
        }
        return v > MAX_NS / unit ? -2 : v * unit;
    }

    /** Checks an option's duration text. @return nanoseconds, at least 1. */
    static long require(String option, String text) throws UsageError {
        long ns = parse(text);
        if (ns == -1) {
            throw new UsageError(option + ": '" + text
                    + "' is not a duration; use a number and a unit: ns, us, ms or s (e.g. 100ms)");
        }
        if (ns == -2) {
            throw new UsageError(option + ": '" + text + "' is longer than the 1 day of virtual time a run may take");
        }
        if (ns == 0) {
            throw new UsageError(option + ": '" + text
                    + "' is zero; give a duration greater than 0 as a number and a unit: ns, us, ms or s");
        }
        return ns;
    }
}
