package warden.trace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JaCoCo's XML report: per source file ({@code package/File.java}) and line, the missed and
 * covered instructions and branches.
 *
 * [impl->dsn~trace.coverage~1]
 */
final class CoverageReader {
    /** Per line: instructions, covered instructions, branches, covered branches (max over reports). */
    static final class FileLines {
        final Map<Integer, int[]> lines = new HashMap<>();
    }

    private CoverageReader() {
    }

    /** Adds one report's lines to {@code into}, keyed by {@code package/File.java}. */
    static void read(Path file, String rel, Map<String, FileLines> into) throws TraceInputException {
        String[] pkg = {""};
        FileLines[] current = {null};
        Xml.read(file, rel, r -> {
            switch (r.getLocalName()) {
                case "package" -> pkg[0] = Xml.attr(r, "name", "");
                case "sourcefile" -> current[0] = into.computeIfAbsent(
                        (pkg[0].isEmpty() ? "" : pkg[0] + "/") + Xml.attr(r, "name", ""), k -> new FileLines());
                case "line" -> {
                    if (current[0] != null) {
                        int[] c = current[0].lines.computeIfAbsent(Xml.intAttr(r, "nr"), k -> new int[4]);
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
        });
    }
}
