package warden.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode scan on the built kernel (no finding allowed), on a golden class (exact findings),
 * and the kernel's dependencies: java.base only (jdeps) and no compile-scope dependency in its pom.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BytecodeScanTest {
    /** Kernel entry points: Kernel's public methods (the api's Monitor: on*, start, the queries) but boot. */
    static boolean kernelRoot(BytecodeScan.Method m) {
        String n = m.key.substring(m.key.indexOf('.') + 1, m.key.indexOf('('));
        return m.cls.equals("warden/kernel/core/Kernel") && (m.access & Opcodes.ACC_PUBLIC) != 0
                && !n.startsWith("<") && !n.equals("boot");
    }

    // [utest->dsn~rj.bytecode-scan~1]
    // [utest->dsn~rj.java-base-only~1]
    // [utest->dsn~rj.no-recursion~1]
    @Test
    void the_built_kernel_classes_pass_the_scan() {
        BytecodeScan scan = new BytecodeScan(JavaModel.kernelClasses(), "monitor-kernel/src/main/java/",
                "warden/kernel/");
        List<String> findings = scan.check(BytecodeScanTest::kernelRoot);
        Rules.write("bytecode-findings.txt", String.join("\n", findings) + "\n");
        Rules.write("bytecode-mission-methods.txt", String.join("\n", new TreeSet<>(scan.mission)) + "\n");
        assertTrue(scan.mission.stream().anyMatch(k -> k.contains("Kernel.onTimer")), "no entry point found");
        assertTrue(scan.classes.size() > 10, "kernel classes not found at " + JavaModel.kernelClasses());
        if (!findings.isEmpty()) {
            fail(findings.size() + " bytecode findings in the kernel:\n" + String.join("\n", findings));
        }
    }

    // [utest->dsn~rj.bytecode-scan~1]
    // [utest->dsn~rj.no-recursion~1]
    @Test
    void a_golden_class_fails_with_exactly_its_expected_findings(@TempDir Path out) throws Exception {
        Path src = Path.of(BytecodeScanTest.class.getResource("/rules/bytecode/Recursive.java").toURI());
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "--release", "17",
                "-d", out.toString(), src.toString());
        assertEquals(0, rc, "the golden class compiles");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(src, StandardCharsets.UTF_8)) {
            if (line.startsWith("// ERROR: ")) {
                expected.add(line.substring("// ERROR: ".length()));
            }
        }
        List<String> actual = new BytecodeScan(out, "", "golden/")
                .check(m -> (m.access & Opcodes.ACC_PUBLIC) != 0 && !m.key.contains("<init>"));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual));
    }

    // [utest->dsn~rj.java-base-only~1]
    @Test
    void the_kernel_depends_on_java_base_only_by_jdeps() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = jdeps.run(new PrintStream(text, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "--multi-release", "17", "--print-module-deps", JavaModel.kernelClasses().toString());
        String deps = text.toString(StandardCharsets.UTF_8).trim();
        assertEquals(0, rc, "jdeps failed: " + err.toString(StandardCharsets.UTF_8));
        assertEquals("java.base", deps, "modules the kernel needs, by jdeps");
    }

    // [utest->dsn~rj.java-base-only~1]
    @Test
    void the_kernel_pom_has_no_runtime_dependency() throws IOException {
        Path pom = Rules.root().resolve("monitor-kernel/pom.xml");
        String xml = Files.readString(pom, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(xml);
        List<String> bad = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            String d = m.group(1);
            boolean test = d.contains("<scope>test</scope>");
            boolean compileOnly = d.contains("<scope>provided</scope>") && d.contains("<optional>true</optional>")
                    && d.contains("<artifactId>checker-qual</artifactId>");
            if (!test && !compileOnly) {
                int line = xml.substring(0, m.start()).split("\n", -1).length;
                bad.add("monitor-kernel/pom.xml:" + line + ": [java-base-only] dependency other than test scope or the"
                        + " compile-only checker-qual: " + d.replaceAll("\\s+", " ").trim());
            }
        }
        assertFalse(count > 5, "unexpectedly many dependencies");
        if (!bad.isEmpty()) {
            fail(String.join("\n", bad));
        }
    }
}
