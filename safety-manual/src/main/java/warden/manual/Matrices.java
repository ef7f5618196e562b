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
 * [impl->dsn~manual.recommendation-degrees~1]
 */
final class Matrices {
    /** The kernel's reviewed uncovered branches, relative to the repository. */
    static final String BRANCHES = "requirements/uncovered-branches.md";

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
        String review = branchReview(ev);
        StringBuilder b = new StringBuilder();
        String current = null;
        Adoc.Table t = null;
        for (String[] r : rows("compliance.tsv")) {
            if (!r[0].equals(current)) {
                if (t != null) {
                    b.append(t).append('\n');
                }
                current = r[0];
                t = new Adoc.Table(current, "1,3,3,3,5,5", "Ref.", "Technique (paraphrased)", "Degree at "
                        + (current.startsWith("ISO") ? "ASIL C" : "SIL 3"), "Source of the degree",
                        "How Warden addresses it", "Evidence in this build");
            }
            String how = r[3].replace("{uncovered-branches}", review == null ? "the review file was not found"
                    : review);
            t.row(Adoc.cell(r[1]), Adoc.cell(r[2]), Adoc.cell(degree(r)), Adoc.cell(source(r)), Adoc.cell(how),
                    status(ev, r[4]));
        }
        if (t != null) {
            b.append(t);
        }
        return b.toString();
    }

    /**
     * @return a row's recommendation degree, or "not confirmed" when the row names no public source for it
     *
     * [impl->dsn~manual.recommendation-degrees~1]
     */
    static String degree(String[] r) {
        return r.length < 7 || r[5].isBlank() || source(r).equals("-") ? "not confirmed" : r[5].strip();
    }

    /** @return the public source of a row's degree, or "-" when it has none. */
    static String source(String[] r) {
        return r.length < 7 || r[6].isBlank() ? "-" : r[6].strip();
    }

    /**
     * Counts the rows of the kernel's uncovered-branch review ({@value #BRANCHES}): how many are
     * analysed (a reason the branch cannot be taken or is kept as a defence) and how many are open
     * gaps; recorded as evidence {@code branches.reviewed}.
     *
     * @return "N rows: A analysed, G open gaps, O other" (with what an open gap means when there is one), or
     *     null when the file is absent
     *
     * [impl->dsn~manual.recommendation-degrees~1]
     */
    static String branchReview(Evidence ev) {
        String text = ev.read("branches.reviewed", "Review of the kernel's uncovered branches", BRANCHES);
        if (text == null) {
            return null;
        }
        int[] n = new int[3];
        boolean header = false;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("|") || l.matches("\\|[-|: ]+\\|?")) {
                continue;
            }
            if (!header) {
                header = true; // the table's header row
                continue;
            }
            String[] cells = l.split("(?<!\\\\)\\|");
            String reason = cells.length > 0 ? cells[cells.length - 1].strip() : "";
            n[reason.startsWith("Analysed") ? 0 : reason.startsWith("Open gap") ? 1 : 2]++;
        }
        String figure = (n[0] + n[1] + n[2]) + " rows: " + n[0] + " analysed, " + n[1] + " open gaps"
                + (n[2] > 0 ? ", " + n[2] + " other" : "");
        ev.figure("branches.reviewed", figure);
        return figure + (n[1] > 0 ? "; an open gap is a branch neither taken by a test nor justified, so the "
                + "kernel's branch coverage is not 100 %" : "");
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
            case "chromium": {
                // written by the chromium-setup step before the generator (Chromium.main)
                java.nio.file.Path f = java.nio.file.Path.of(System.getProperty("manual.chromium.version",
                        "target/browser-check/chromium-version.txt"));
                try {
                    return java.nio.file.Files.isRegularFile(f) ? java.nio.file.Files.readString(f).strip()
                            : "not found before this manual was generated (" + f + " missing)";
                } catch (java.io.IOException e) {
                    return "unreadable (" + f + ": " + e.getMessage() + ")";
                }
            }
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
