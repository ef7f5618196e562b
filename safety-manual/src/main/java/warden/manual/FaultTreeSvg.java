package warden.manual;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Draws one fault tree as a self-contained SVG: the top event at the top, each gate a box with its
 * id and event and the OR or AND symbol below it, each basic event a circle with its FMEA row, its
 * mechanism and failure mode. A gate used under several parents is drawn under each. Plain SVG 1.1
 * with no script, fonts or external reference, so both the HTML and the PDF embed it as it is.
 *
 * [impl->dsn~manual.fault-trees~1]
 */
final class FaultTreeSvg {
    static final int SLOT = 150;
    static final int LEVEL = 130;
    static final int MAX_NODES = 2000;

    /** One drawn node: the gate or FMEA row, its depth, its first and last child and its centre x. */
    private static final class Node {
        final String id;
        final int depth;
        final List<Integer> children = new ArrayList<>();
        double x;

        Node(String id, int depth) {
            this.id = id;
            this.depth = depth;
        }
    }

    private FaultTreeSvg() {
    }

    /** @return the tree under {@code top} as SVG, titled with the goal it violates. */
    static String draw(FaultTree t, String top, String title) {
        List<Node> nodes = layout(t, top);
        int depth = 0;
        int leaves = 0;
        for (Node n : nodes) {
            depth = Math.max(depth, n.depth);
            leaves += n.children.isEmpty() ? 1 : 0;
        }
        int w = Math.max(1, leaves) * SLOT + 20;
        int h = (depth + 1) * LEVEL + 20;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"sans-serif\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" fill=\"white\"/>\n");
        for (Node n : nodes) {
            if (t.gates.containsKey(n.id)) {
                gate(b, t.gates.get(n.id), n, nodes);
            } else {
                basic(b, t.basic.get(n.id), n);
            }
        }
        return b.append("</svg>\n").toString();
    }

    /** Expands the tree depth first (children left to right) and places leaves in slots, parents centred. */
    private static List<Node> layout(FaultTree t, String top) {
        List<Node> nodes = new ArrayList<>();
        Deque<Integer> stack = new ArrayDeque<>();
        nodes.add(new Node(top, 0));
        stack.push(0);
        int leaf = 0;
        while (!stack.isEmpty() && nodes.size() < MAX_NODES) { // bounded by MAX_NODES
            Node n = nodes.get(stack.pop());
            FaultTree.Gate g = t.gates.get(n.id);
            if (g == null) {
                n.x = 10 + SLOT / 2.0 + SLOT * leaf++;
                continue;
            }
            for (String in : g.inputs()) {
                n.children.add(nodes.size());
                nodes.add(new Node(in, n.depth + 1));
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(n.children.get(i));
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) { // children come after their parent
            Node n = nodes.get(i);
            if (!n.children.isEmpty()) {
                n.x = (nodes.get(n.children.get(0)).x + nodes.get(n.children.get(n.children.size() - 1)).x) / 2;
            }
        }
        return nodes;
    }

    private static void gate(StringBuilder b, FaultTree.Gate g, Node n, List<Node> nodes) {
        double x = n.x;
        int y = 10 + n.depth * LEVEL;
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"140\" height=\"68\" fill=\"#f4f4f4\" "
                + "stroke=\"black\"/>%n", x - 70, y));
        b.append(text(x, y + 12, 10, "bold", g.id()));
        List<String> lines = wrap(g.event(), 27, 4);
        for (int i = 0; i < lines.size(); i++) {
            b.append(text(x, y + 25 + 11 * i, 9, "normal", lines.get(i)));
        }
        int s = y + 68;
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                x, s, x, s + 4));
        if (g.type().equals("AND")) {
            b.append(String.format(Locale.ROOT, "<path d=\"M %.1f %d L %.1f %d A 12 12 0 0 1 %.1f %d L %.1f %d Z\" "
                    + "fill=\"white\" stroke=\"black\"/>%n", x - 12, s + 26, x - 12, s + 16, x + 12, s + 16, x + 12,
                    s + 26));
        } else {
            b.append(String.format(Locale.ROOT, "<path d=\"M %.1f %d Q %.1f %d %.1f %d Q %.1f %d %.1f %d "
                    + "Q %.1f %d %.1f %d Z\" fill=\"white\" stroke=\"black\"/>%n", x - 12, s + 26, x, s + 20,
                    x + 12, s + 26, x + 10, s + 12, x, s + 4, x - 10, s + 12, x - 12, s + 26));
        }
        b.append(text(x, s + 38, 8, "bold", g.type()));
        int mid = y + LEVEL - 12;
        for (int c : n.children) {
            double cx = nodes.get(c).x;
            b.append(String.format(Locale.ROOT, "<polyline points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"none\" "
                    + "stroke=\"black\"/>%n", x, s + 40, x, mid, cx, mid, cx, y + LEVEL));
        }
    }

    private static void basic(StringBuilder b, AnalysisFile.Row r, Node n) {
        int y = 10 + n.depth * LEVEL;
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"22\" fill=\"white\" "
                + "stroke=\"black\"/>%n", n.x, y + 22));
        b.append(text(n.x, y + 26, 10, "bold", n.id));
        String mechanism = r == null ? "" : r.cell(1);
        int from = mechanism.indexOf('~');
        int to = mechanism.lastIndexOf('~');
        String name = from >= 0 && to > from ? mechanism.substring(from + 1, to) : mechanism;
        b.append(text(n.x, y + 57, 8, "normal", name));
        b.append(text(n.x, y + 67, 8, "normal", r == null ? "" : r.cell(2)));
    }

    private static String text(double x, int y, int size, String weight, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"middle\">%s</text>%n", x, y, size, weight, esc(s));
    }

    /** @return the text in lines of at most {@code width} characters, at most {@code max} lines ("…" when cut). */
    static List<String> wrap(String s, int width, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        if (out.size() > max) {
            List<String> cut = new ArrayList<>(out.subList(0, max));
            cut.set(max - 1, cut.get(max - 1) + " …");
            return cut;
        }
        return out;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
