package warden.launcher.config;

/** Formats addresses, ranges and durations for problem messages. */
final class Fmt {
    private Fmt() {
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** @return "[0x80000000, 0x80200000)" for a base and size. */
    static String range(long base, long size) {
        return "[" + hex(base) + ", " + hex(base + size) + ")";
    }

    /** @return a duration in the largest unit that divides it: "1ms", "150us", "7ns". */
    static String ns(long v) {
        if (v != 0 && v % 1_000_000_000L == 0) {
            return v / 1_000_000_000L + "s";
        }
        if (v != 0 && v % 1_000_000L == 0) {
            return v / 1_000_000L + "ms";
        }
        if (v != 0 && v % 1_000L == 0) {
            return v / 1_000L + "us";
        }
        return v + "ns";
    }

    /** @return "partitions[1] (line 14)" for pointing at the other party of a conflict. */
    static String at(Loc loc) {
        return loc.path() + " (line " + loc.line() + ")";
    }
}
