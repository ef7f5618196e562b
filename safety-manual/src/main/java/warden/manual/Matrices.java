package warden.manual;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance matrices and the tool-confidence table. The mapping (which technique, which
 * evidence; which tool, which classification) is engineering judgement kept in data files; the
 * status of each piece of evidence and each tool's version are read from this build.
 *
 * [impl->dsn~manual.compliance~1]
 * [impl->dsn~manual.tools~1]
 */
final class Matrices {
    private Matrices() {
    }

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Matrices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing from the generator");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        }
        return out;
    }

    /** @return the status of the named evidence: present with its figure, missing, or a gap. */
    static String status(Evidence ev, String keys) {
        if (keys.isBlank() || keys.equals("-")) {
            return "_no build evidence_";
        }
        List<String> parts = new ArrayList<>();
        for (String k : keys.split(",")) {
            Evidence.Entry e = ev.get(k.trim());
            if (e == null) {
                parts.add("*Evidence missing:* " + Adoc.code(k.trim()) + " (not looked for by this build)");
            } else if (e.present()) {
                parts.add(Adoc.cell(e.what()) + ": " + Adoc.cell(e.figure()));
            } else {
                parts.add("*Evidence missing:* " + Adoc.cell(e.what()) + " (" + Adoc.cell(e.figure()) + ")");
            }
        }
        return String.join(" +\n", parts);
    }

    static String compliance(Evidence ev) throws IOException {
        StringBuilder b = new StringBuilder();
        String current = null;
        Adoc.Table t = null;
        for (String[] r : rows("compliance.tsv")) {
            if (!r[0].equals(current)) {
                if (t != null) {
                    b.append(t).append('\n');
                }
                current = r[0];
                t = new Adoc.Table(current, "1,3,5,5", "Ref.", "Technique (paraphrased)", "How Warden addresses it",
                        "Evidence in this build");
            }
            t.row(Adoc.cell(r[1]), Adoc.cell(r[2]), Adoc.cell(r[3]), status(ev, r[4]));
        }
        if (t != null) {
            b.append(t);
        }
        return b.toString();
    }

    static String tools(Evidence ev, Poms poms, String mavenVersion, String projectVersion) throws IOException {
        Adoc.Table t = new Adoc.Table("Tool classification (ISO 26262-8, clause 11)", "3,2,4,1,1,1,5,3", "Tool",
                "Version", "Use", "TI", "TD", "TCL", "What gives confidence", "Evidence in this build");
        for (String[] r : rows("tools.tsv")) {
            t.row("*" + Adoc.cell(r[0]) + "*", Adoc.cell(version(r[1], poms, mavenVersion, projectVersion)),
                    Adoc.cell(r[2]), r[3], r[4], "*" + r[5] + "*", Adoc.cell(r[6]), status(ev, r[7]));
        }
        return t.toString();
    }

    static String version(String keys, Poms poms, String maven, String project) {
        switch (keys) {
            case "java":
                return System.getProperty("java.runtime.version");
            case "maven":
                return maven;
            case "project":
                return project;
            case "git":
                return Identification.git(java.nio.file.Path.of("."), "--version").replace("git version ", "");
            default: {
                List<String> vs = new ArrayList<>();
                for (String k : keys.split(",")) {
                    String v = poms.version(k.trim());
                    if (!v.startsWith("not") && !vs.contains(v)) {
                        vs.add(v);
                    }
                }
                return vs.isEmpty() ? "not in the build" : String.join(", ", vs);
            }
        }
    }
}
