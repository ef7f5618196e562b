package warden.verification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's style checker ({@code config/checkstyle.xml}, run by maven-checkstyle-plugin in the validate
 * phase of every module) reports each size limit of the house style on a fixture one over it
 * ({@code src/test/resources/rules/style/}), with the limit's rule id and line, and nothing one under it or
 * outside the limit's scope; the root pom runs that config on main and test sources and fails on a finding.
 * A weakened limit, scope or binding fails this test.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StyleSabotageTest {
    private static final String KERNEL_MAIN = "monitor-kernel/src/main/java/warden/kernel/core/";
    private static final String KERNEL_TEST = "monitor-kernel/src/test/java/warden/kernel/core/";
    private static final String LAUNCHER_MAIN = "platform-ports/launcher/src/main/java/warden/launcher/";
    private static final String LAUNCHER_TEST = "platform-ports/launcher/src/test/java/warden/launcher/";

    @TempDir
    Path tree;

    /** One finding: the rule id (line-length, method-length, kernel-file-length) and the line. */
    record Finding(String rule, int line) {
    }

    // [utest->dsn~rj.style-limits~1]
    @Test
    void a_121_character_line_is_reported_in_main_and_test_code_and_a_120_character_line_is_not() throws Exception {
        String text = fixture("LongLine.java");
        int over = lineOf(text, "OVER = \"121\"");
        for (String dir : List.of(KERNEL_MAIN, LAUNCHER_MAIN, KERNEL_TEST, LAUNCHER_TEST)) {
            assertEquals(List.of(new Finding("line-length", over)), check(dir, "LongLine.java", text), dir);
        }
    }

    // [utest->dsn~rj.style-limits~1]
    @Test
    void a_41_line_method_is_reported_in_main_code_and_a_40_line_one_is_not() throws Exception {
        String text = fixture("LongMethod.java");
        int over = lineOf(text, "overLimit(");
        for (String dir : List.of(KERNEL_MAIN, LAUNCHER_MAIN)) {
            assertEquals(List.of(new Finding("method-length", over)), check(dir, "LongMethod.java", text), dir);
        }
        for (String dir : List.of(KERNEL_TEST, LAUNCHER_TEST)) {
            assertEquals(List.of(), check(dir, "LongMethod.java", text), "tests are not held to 40 lines: " + dir);
        }
    }

    // [utest->dsn~rj.style-limits~1]
    @Test
    void a_301_line_file_is_reported_in_the_kernel_main_code_only_and_a_300_line_one_is_not() throws Exception {
        String text = fixture("BigKernelFile.java");
        assertEquals(301, text.split("\n", -1).length - 1, "the fixture has 301 lines");
        assertEquals(List.of(new Finding("kernel-file-length", 1)), check(KERNEL_MAIN, "BigKernelFile.java", text));
        for (String dir : List.of(KERNEL_TEST, LAUNCHER_MAIN, LAUNCHER_TEST)) {
            assertEquals(List.of(), check(dir, "BigKernelFile.java", text),
                    "300 lines hold in the kernel only: " + dir);
        }
        String oneLess = text.replaceFirst(" \\* filler line \\d+\n", "");
        assertEquals(List.of(), check(KERNEL_MAIN, "BigKernelFile.java", oneLess), "300 lines are allowed");
    }

    // [utest->dsn~rj.style-limits~1]
    @Test
    void the_build_runs_this_config_on_main_and_test_sources_and_fails_on_a_finding() throws IOException {
        String pom = Files.readString(Rules.root().resolve("pom.xml"), StandardCharsets.UTF_8);
        String plugin = pom.substring(pom.indexOf("<artifactId>maven-checkstyle-plugin</artifactId>"));
        plugin = plugin.substring(0, plugin.indexOf("</plugin>"));
        for (String must : List.of("<version>3.6.0</version>", "<version>${checkstyle.version}</version>",
                "<configLocation>${maven.multiModuleProjectDirectory}/config/checkstyle.xml</configLocation>",
                "<skip>${style.skip}</skip>", "<includeTestSourceDirectory>true</includeTestSourceDirectory>",
                "<violationSeverity>error</violationSeverity>", "<phase>validate</phase>", "<goal>check</goal>")) {
            assertTrue(plugin.contains(must), "the root pom's checkstyle plugin lacks " + must);
        }
        for (String mustNot : List.of("failOnViolation", "maxAllowedViolations", "failsOnError>false")) {
            assertFalse(plugin.contains(mustNot), "the root pom's checkstyle plugin sets " + mustNot);
        }
        assertTrue(pom.contains("<checkstyle.version>12.3.1</checkstyle.version>"), "Checkstyle pinned");
        assertTrue(pom.contains("<style.skip>false</style.skip>"), "the style check runs by default");
        String build = pom.substring(pom.indexOf("</pluginManagement>"));
        assertTrue(build.contains("<artifactId>maven-checkstyle-plugin</artifactId>"), "bound in every module");
    }

    /** @return what the build's config finds in text, saved as dir/name under a scratch repository tree. */
    private List<Finding> check(String dir, String name, String text) throws IOException, CheckstyleException {
        Path file = tree.resolve(dir).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Checker checker = new Checker();
        List<Finding> out = new ArrayList<>();
        try {
            checker.setModuleClassLoader(Checker.class.getClassLoader());
            checker.configure(ConfigurationLoader.loadConfiguration(
                    Rules.root().resolve("config/checkstyle.xml").toString(), new PropertiesExpander(new Properties()),
                    ConfigurationLoader.IgnoredModulesOptions.OMIT));
            checker.addListener(new Findings(out));
            checker.process(List.of(file.toFile()));
        } finally {
            checker.destroy();
        }
        return out;
    }

    private static String fixture(String name) throws IOException {
        Path p = Rules.root().resolve("verification/src/test/resources/rules/style").resolve(name);
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + marker + " in the fixture");
    }

    /** Collects the findings of one run; an exception of the checker fails the test. */
    private record Findings(List<Finding> out) implements AuditListener {
        @Override
        public void auditStarted(AuditEvent event) {
        }

        @Override
        public void auditFinished(AuditEvent event) {
        }

        @Override
        public void fileStarted(AuditEvent event) {
        }

        @Override
        public void fileFinished(AuditEvent event) {
        }

        @Override
        public void addError(AuditEvent event) {
            out.add(new Finding(event.getModuleId(), event.getLine()));
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            throw new AssertionError("checkstyle failed on " + event.getFileName(), throwable);
        }
    }
}
