package warden.launcher.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses command-line durations such as "100ms", "2s", "250us", "5000ns". */
final class Durations {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,12})(ns|us|ms|s)");

    private Durations() {
    }

    /** @return nanoseconds, or -1 when the text is not a duration. */
    static long parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        long v = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ns": return v;
            case "us": return v * 1_000L;
            case "ms": return v * 1_000_000L;
            default: return v * 1_000_000_000L;
        }
    }
}
