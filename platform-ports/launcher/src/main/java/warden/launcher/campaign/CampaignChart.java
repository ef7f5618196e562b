package warden.launcher.campaign;

import java.util.Locale;

/**
 * An SVG chart of detection and recovery times per fault model: for each, a bar from the minimum
 * to the maximum on a logarithmic time axis with the median marked. Self-contained, no fonts or
 * scripts from elsewhere.
 *
 * [impl->dsn~campaign.chart~1]
 */
public final class CampaignChart {
    private static final int ROW = 46;
    private static final int LEFT = 170;
    private static final int WIDTH = 760;
    private static final double MIN_LOG = 2;   // 100 ns
    private static final double MAX_LOG = 9;   // 1 s

    private CampaignChart() {
    }

    public static String svg(CampaignSummary s, String title) {
        int rows = s.rows().size();
        int height = 70 + rows * ROW + 40;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", LEFT + WIDTH + 30, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text x=\"10\" y=\"22\" font-size=\"15\">").append(escape(title)).append("</text>\n");
        b.append("<text x=\"10\" y=\"42\" fill=\"#444\">bars: min to max, tick: median; blue detection, ")
                .append("orange recovery (virtual time, log scale)</text>\n");
        axis(b, 60 + rows * ROW);
        for (int r = 0; r < rows; r++) {
            CampaignSummary.ModelRow m = s.rows().get(r);
            int y = 60 + r * ROW;
            b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 18, escape(m.model())));
            b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#666\">%d/%d detected</text>%n", y + 33,
                    m.detected(), m.applied()));
            bar(b, y + 8, m.detection(), "#1f77b4");
            bar(b, y + 24, m.recovery(), "#ff7f0e");
        }
        return b.append("</svg>\n").toString();
    }

    private static void axis(StringBuilder b, int y) {
        String[] labels = {"100 ns", "1 us", "10 us", "100 us", "1 ms", "10 ms", "100 ms", "1 s"};
        for (int k = 0; k <= 7; k++) {
            double x = LEFT + k * (WIDTH / (MAX_LOG - MIN_LOG));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"55\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, x, y));
            b.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>%n",
                    x, y + 16, labels[k]));
        }
    }

    private static void bar(StringBuilder b, int y, long[] v, String colour) {
        if (v[0] < 0) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#999\">none</text>%n",
                    LEFT + 4, y + 9));
            return;
        }
        double x0 = x(v[0]);
        double x1 = Math.max(x(v[2]), x0 + 2);
        double xm = x(v[1]);
        b.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\" opacity=\"0.75\"/>%n",
                x0, y, x1 - x0, colour));
        b.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>%n",
                xm, y - 2, xm, y + 12));
    }

    private static double x(long ns) {
        double l = Math.log10(Math.max(1, ns));
        l = Math.max(MIN_LOG, Math.min(MAX_LOG, l));
        return LEFT + (l - MIN_LOG) * (WIDTH / (MAX_LOG - MIN_LOG));
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
