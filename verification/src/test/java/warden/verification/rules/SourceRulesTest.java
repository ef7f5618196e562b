package warden.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The source checker on the kernel (no finding allowed) and on golden negative sources, each of
 * which starts with the exact findings expected ({@code // ERROR: file:line: [rule] message}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SourceRulesTest {
    private static final String EXPECT = "// ERROR: ";

    // [utest->dsn~rj.no-alloc~1]
    // [utest->dsn~rj.no-reflection~1]
    // [utest->dsn~rj.phases~1]
    // [utest->dsn~rj.source-checker~1]
    @Test
    void the_kernel_sources_follow_every_restricted_java_rule() throws IOException {
        JavaModel model = JavaModel.of(Rules.kernelRepo(), JavaModel.javaFiles(Rules.kernelSources()));
        SourceRules rules = new SourceRules(model, SourceRules::kernelRoot);
        List<String> findings = rules.check();
        List<String> mission = new ArrayList<>();
        rules.mission.forEach(m -> mission.add(JavaModel.name(m)));
        Rules.write("mission-methods.txt", String.join("\n", new TreeSet<>(mission)) + "\n");
        Rules.write("source-findings.txt", String.join("\n", findings) + "\n");
        assertTrue(mission.contains("Kernel.onMonitorCall(int,int)"), "entry points found: " + mission);
        if (!findings.isEmpty()) {
            fail(findings.size() + " restricted-Java findings in the kernel:\n" + String.join("\n", findings));
        }
    }

    // [utest->dsn~rj.no-alloc~1]
    // [utest->dsn~rj.no-reflection~1]
    // [utest->dsn~rj.phases~1]
    // [utest->dsn~rj.source-checker~1]
    @TestFactory
    Stream<DynamicTest> every_golden_source_fails_with_exactly_its_expected_findings() throws Exception {
        Path dir = Path.of(SourceRulesTest.class.getResource("/rules/golden").toURI());
        List<Path> files = JavaModel.javaFiles(dir);
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> golden(dir, f)));
    }

    private static void golden(Path dir, Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(EXPECT)) {
                expected.add(line.substring(EXPECT.length()));
            }
        }
        assertFalse(expected.isEmpty(), file + " states no expected finding");
        JavaModel model = JavaModel.of(dir, List.of(file));
        List<String> actual = new SourceRules(model, SourceRulesTest::goldenRoot).check();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), "findings for " + file.getFileName());
        assertEquals(expected.size(), actual.size(), "findings for " + file.getFileName());
    }

    /** In a golden source, every public method is an entry point. */
    private static boolean goldenRoot(ExecutableElement m) {
        return m.getKind() == ElementKind.METHOD && m.getModifiers().contains(Modifier.PUBLIC);
    }

    // [utest->dsn~rj.no-alloc~1]
    // [utest->dsn~rj.no-reflection~1]
    // [utest->dsn~rj.phases~1]
    // [utest->dsn~rj.source-checker~1]
    @Test
    void a_message_names_the_file_and_the_line() throws URISyntaxException {
        Path dir = Path.of(SourceRulesTest.class.getResource("/rules/golden").toURI());
        List<String> actual = new SourceRules(JavaModel.of(dir, List.of(dir.resolve("Loops.java"))),
                SourceRulesTest::goldenRoot).check();
        assertTrue(actual.get(0).matches("^Loops\\.java:\\d+: \\[[a-z-]+\\] .*"), actual.get(0));
    }
}
