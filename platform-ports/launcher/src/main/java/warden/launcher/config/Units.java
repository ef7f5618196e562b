package warden.launcher.config;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the scalar forms of the format: YAML integers (decimal, 0x hex, 0b binary, underscores
 * allowed), durations ({@code 150us}) and sizes ({@code 4MiB}). Every method returns null for text
 * it does not accept; it never throws.
 *
 * [impl->dsn~config.units~1]
 */
final class Units {
    /** Largest address or size + 1: addresses and sizes live below 2^56. */
    static final BigInteger ADDRESS_LIMIT = BigInteger.ONE.shiftLeft(56);

    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ns|us|ms|s)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KiB|MiB|GiB|K|M|G)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern HEX = Pattern.compile("([-+]?)0x([0-9a-fA-F]+)");
    private static final Pattern BINARY = Pattern.compile("([-+]?)0b([01]+)");

    private Units() {
    }

    /** @return the value of a YAML integer literal, or null (octal with a leading 0 is refused). */
    static BigInteger integer(String text) {
        String t = text.replace("_", "");
        if (DECIMAL.matcher(t).matches()) {
            return new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        }
        Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            return signed(hex.group(1), new BigInteger(hex.group(2), 16));
        }
        Matcher bin = BINARY.matcher(t);
        if (bin.matches()) {
            return signed(bin.group(1), new BigInteger(bin.group(2), 2));
        }
        return null;
    }

    private static BigInteger signed(String sign, BigInteger v) {
        return "-".equals(sign) ? v.negate() : v;
    }

    /** @return true when text has the form of a duration, whatever its value. */
    static boolean durationForm(String text) {
        return DURATION.matcher(text.trim()).matches();
    }

    /** @return nanoseconds for "150us", "3ms", "1s", "20ns" or "20" (ns), or null. */
    static Long duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2) == null ? "ns" : m.group(2);
        long scale = switch (unit) {
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 1L;
        };
        return times(new BigInteger(m.group(1)), scale, BigInteger.valueOf(Long.MAX_VALUE));
    }

    /** @return bytes for "4096", "64KiB", "2MiB", "1G" (K/M/G are binary), or null. */
    static Long size(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2) == null ? "B" : m.group(2);
        long scale = switch (unit) {
            case "KiB", "K" -> 1L << 10;
            case "MiB", "M" -> 1L << 20;
            case "GiB", "G" -> 1L << 30;
            default -> 1L;
        };
        return times(new BigInteger(m.group(1)), scale, ADDRESS_LIMIT);
    }

    private static Long times(BigInteger value, long scale, BigInteger limit) {
        BigInteger v = value.multiply(BigInteger.valueOf(scale));
        return v.compareTo(limit) > 0 ? null : v.longValueExact();
    }
}
