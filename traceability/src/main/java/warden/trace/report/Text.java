package warden.trace.report;

import java.util.Locale;

/** Escaping and number formats shared by the reports. */
final class Text {
    private Text() {
    }

    /** @return text safe inside HTML and XML elements and attributes. */
    static String xml(String s) {
        if (plain(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) { // bounded by the text
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("&#10;");
                default -> b.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) { // bounded by the text
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** @return a JSON string literal. */
    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) { // bounded by the text
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** @return an AsciiDoc table cell's text, with the cell separator escaped. */
    static String adoc(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** @return a percentage with one decimal, or "-" when the value is negative (no data). */
    static String pct(double v) {
        return v < 0 ? "-" : PCT.get(v);
    }

    /** @return {@code v} with {@code %.2f}, as {@link String#format} writes it in the root locale. */
    static String fixed2(double v) {
        return FIXED2.get(v);
    }

    /** Percentages of one report repeat (100 %, 50 %...): each distinct value is formatted once. */
    private static final Formats PCT = new Formats("%.1f %%");
    private static final Formats FIXED2 = new Formats("%.2f");

    /** A memo of one format applied to doubles; {@link String#format} stays the one formatter. */
    private static final class Formats {
        private static final int MAX = 4096;
        private final String format;
        private final java.util.concurrent.ConcurrentHashMap<Double, String> done =
                new java.util.concurrent.ConcurrentHashMap<>();

        Formats(String format) {
            this.format = format;
        }

        String get(double v) {
            String s = done.get(v);
            if (s == null) {
                s = String.format(Locale.ROOT, format, v);
                if (done.size() < MAX) {
                    done.put(v, s);
                }
            }
            return s;
        }
    }
}
