package warden.trace.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the benchmark's synthetic repository: spec files, sources, tests, reports and trace.properties. */
public final class BenchRepo {
    private static final int PER_FILE = 200;
    private static final int PER_CLASS = 10;

    private BenchRepo() {
    }

    /** Writes the repository of {@code items} items under {@code dir}. */
    public static void generate(Path dir, int items) throws IOException {
        int goals = Math.max(1, items / 20);
        int reqs = Math.max(1, items / 5);
        int dsns = items - goals - reqs;
        Files.createDirectories(dir.resolve("requirements"));
        Files.createDirectories(dir.resolve("reports"));
        write(dir.resolve("requirements/trace.properties"),
                "# The benchmark's reports lie beside the sources.\nreports = reports\n");
        StringBuilder spec = new StringBuilder();
        int file = 0;
        for (int i = 0; i < items; i++) { // bounded by the item count
            item(spec, i, goals, reqs);
            if ((i + 1) % PER_FILE == 0 || i == items - 1) {
                write(dir.resolve("requirements/spec" + file++ + ".md"), spec.toString());
                spec.setLength(0);
            }
        }
        code(dir, goals + reqs, dsns);
    }

    private static void item(StringBuilder b, int i, int goals, int reqs) {
        if (i < goals) {
            b.append("### Goal ").append(i).append("\n`sg~g").append(i).append("~1`\n\nThe system stays safe.\n\n")
                    .append("Tags: ASIL_C\n\nNeeds: req\n\n");
        } else if (i < goals + reqs) {
            b.append("### Requirement ").append(i).append("\n`req~r").append(i).append("~1`\n\nIt does a thing.\n\n")
                    .append("Covers:\n* `sg~g").append(i % goals).append("~1`\n\nNeeds: dsn\n\n");
        } else {
            b.append("### Design ").append(i).append("\n`dsn~d").append(i).append("~1`\n\nLike so.\n\nCovers:\n")
                    .append("* `req~r").append(goals + i % reqs).append("~1`\n\nNeeds: impl, utest\n\n");
        }
    }

    private static void code(Path dir, int first, int dsns) throws IOException {
        Path main = Files.createDirectories(dir.resolve("m/src/main/java/b"));
        Path test = Files.createDirectories(dir.resolve("m/src/test/java/b"));
        StringBuilder mutants = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<mutations>\n");
        for (int c = 0; c * PER_CLASS < dsns; c++) { // bounded by the design items
            StringBuilder src = new StringBuilder("package b;\n\npublic final class C").append(c).append(" {\n");
            StringBuilder tst = new StringBuilder("package b;\n\nclass C").append(c).append("Test {\n");
            StringBuilder xml = new StringBuilder("<testsuite name=\"b.C").append(c).append("Test\">\n");
            for (int k = 0; k < PER_CLASS && c * PER_CLASS + k < dsns; k++) { // bounded by PER_CLASS
                String id = "dsn~d" + (first + c * PER_CLASS + k) + "~1";
                int line = src.chars().filter(ch -> ch == '\n').count() > 0
                        ? (int) src.chars().filter(ch -> ch == '\n').count() + 3 : 3;
                src.append("    // [impl-").append(">").append(id).append("]\n    int m").append(k)
                        .append("(int x) {\n        return x + ").append(k).append(";\n    }\n");
                tst.append("    // [utest-").append(">").append(id).append("]\n    void t").append(k)
                        .append("() {\n    }\n");
                xml.append("  <testcase name=\"t").append(k).append("\" classname=\"b.C").append(c)
                        .append("Test\"/>\n");
                mutant(mutants, c, k, line);
                mutant(mutants, c, k, line);
            }
            write(main.resolve("C" + c + ".java"), src.append("}\n").toString());
            write(test.resolve("C" + c + "Test.java"), tst.append("}\n").toString());
            write(dir.resolve("reports/TEST-b.C" + c + "Test.xml"), xml.append("</testsuite>\n").toString());
        }
        write(dir.resolve("reports/mutations.xml"), mutants.append("</mutations>\n").toString());
    }

    private static void mutant(StringBuilder b, int c, int k, int line) {
        String test = "b.C" + c + "Test.[engine:junit-jupiter]/[class:b.C" + c + "Test]/[method:t" + k + "()]";
        b.append("<mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>C").append(c)
                .append(".java</sourceFile><mutatedClass>b.C").append(c).append("</mutatedClass><mutatedMethod>m")
                .append(k).append("</mutatedMethod><methodDescription>(I)I</methodDescription><lineNumber>")
                .append(line).append("</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator")
                .append("</mutator><indexes><index>1</index></indexes><blocks><block>0</block></blocks><killingTests>")
                .append(test).append("</killingTests><succeedingTests></succeedingTests><coveringTests>").append(test)
                .append("</coveringTests><description>Replaced integer addition</description></mutation>\n");
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
