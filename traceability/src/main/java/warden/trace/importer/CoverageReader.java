package warden.trace.importer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import warden.trace.importer.xml.Xml;
import warden.trace.model.TraceInputException;

/**
 * Reads JaCoCo's XML report: per source file ({@code package/File.java}) and line, the missed and
 * covered instructions and branches.
 *
 * [impl->dsn~trace.coverage~1]
 */
public final class CoverageReader {
    /** Per line: instructions, covered instructions, branches, covered branches (max over reports). */
    public static final class FileLines {
        /** Counters by line number. */
        public final Map<Integer, int[]> lines = new HashMap<>();
    }

    private CoverageReader() {
    }

    /** Adds one report's lines to {@code into}, keyed by {@code package/File.java}. */
    static void read(Path file, String rel, Map<String, FileLines> into) throws TraceInputException {
        merge(parse(Xml.bytes(file, rel), rel), into);
    }

    /** @return one report's lines by {@code package/File.java}, in the report's order. */
    public static Map<String, FileLines> parse(byte[] bytes, String rel) throws TraceInputException {
        return Xml.read(bytes, rel, Lines::new).files;
    }

    /** Adds a parsed report's lines to {@code into}: per line the maximum over the reports. */
    public static void merge(Map<String, FileLines> report, Map<String, FileLines> into) {
        for (Map.Entry<String, FileLines> f : report.entrySet()) {
            FileLines target = into.computeIfAbsent(f.getKey(), k -> new FileLines());
            for (Map.Entry<Integer, int[]> l : f.getValue().lines.entrySet()) {
                int[] c = target.lines.computeIfAbsent(l.getKey(), k -> new int[4]);
                int[] v = l.getValue();
                for (int i = 0; i < 4; i++) {
                    c[i] = Math.max(c[i], v[i]);
                }
            }
        }
    }

    /** One report's lines, collected while it is read. */
    private static final class Lines implements Xml.Handler {
        final Map<String, FileLines> files = new LinkedHashMap<>();
        private String pkg = "";
        private FileLines current;

        @Override
        public void start(Xml.Cursor r) {
            switch (r.localName()) {
                case "package" -> pkg = Xml.attr(r, "name", "");
                case "sourcefile" -> current = files.computeIfAbsent(
                        (pkg.isEmpty() ? "" : pkg + "/") + Xml.attr(r, "name", ""), k -> new FileLines());
                case "line" -> {
                    if (current != null) {
                        int[] c = current.lines.computeIfAbsent(Xml.intAttr(r, "nr"), k -> new int[4]);
                        int ci = Xml.intAttr(r, "ci");
                        int cb = Xml.intAttr(r, "cb");
                        c[0] = Math.max(c[0], Xml.intAttr(r, "mi") + ci);
                        c[1] = Math.max(c[1], ci);
                        c[2] = Math.max(c[2], Xml.intAttr(r, "mb") + cb);
                        c[3] = Math.max(c[3], cb);
                    }
                }
                default -> {
                }
            }
        }
    }
}
