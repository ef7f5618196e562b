package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each class of invalid system description, given to {@code warden validate} and {@code warden run}:
 * exit code 2, one located message per problem ({@code file:line:col: path: message}), and never
 * a Java stack trace. Fixtures are in {@code systems/bad/}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {
    /** fixture, a fragment of the message, and the line:col of the offending element. */
    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of("overlapping-regions.yaml", "overlaps region 'ram'", "17:9"),
                Arguments.of("monitor-overlap.yaml", "overlaps the monitor memory", "7:9"),
                Arguments.of("unknown-key.yaml", "unknown key 'colour'", "6:5"),
                Arguments.of("duplicate-key.yaml", "duplicate key 'cores'", "6:5"),
                Arguments.of("wrong-type.yaml", "expected a list, found the string 'zero'", "5:12"),
                Arguments.of("bad-unit.yaml", "invalid duration '1mins'", "10:13"),
                Arguments.of("core-out-of-range.yaml", "core 7 does not exist", "5:12"),
                Arguments.of("two-critical-on-core.yaml", "share core 0", "15:5"),
                Arguments.of("device-twice.yaml", "device 'can0' is assigned to partition 'linux' and already", "19:5"),
                Arguments.of("too-many-regions.yaml", "needs more protection entries than the 16", "14:9"),
                Arguments.of("misaligned-region.yaml", "is misaligned for the riscv protection unit", "7:9"),
                Arguments.of("can-id-too-large.yaml", "value 0x800 outside 0..2047", "18:35"),
                Arguments.of("extended-on-nic.yaml", "'extended' makes CAN frames' identifiers 29 bits", "18:5"),
                Arguments.of("empty.yaml", "file is empty", "1:1"),
                Arguments.of("not-yaml.yaml", "YAML error", "2:3"),
                Arguments.of("garbage.bin", "not valid UTF-8", "1:11"));
    }

    /** The fixtures whose problem is located at the offending element today. */
    static Stream<Arguments> preciselyLocated() {
        return descriptions().filter(a -> !IMPRECISE.contains((String) a.get()[0]));
    }

    static final List<String> IMPRECISE = List.of("core-out-of-range.yaml", "two-critical-on-core.yaml",
            "device-twice.yaml");

    @TempDir
    Path dir;

    static void noStackTrace(Cli.Outcome o) {
        assertFalse(o.all().contains("Exception"), "a Java exception reached the user:\n" + o);
        assertFalse(o.all().contains("\tat "), "a stack trace reached the user:\n" + o);
        assertFalse(o.all().contains("internal error"), "an internal error reached the user:\n" + o);
    }

    private static Pattern located(String file) {
        return Pattern.compile("^error: " + Pattern.quote(file) + ":(\\d+):(\\d+): (.+)$", Pattern.MULTILINE);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0} is refused by validate with exit 2 and a located message")
    @MethodSource("descriptions")
    void an_invalid_description_is_refused_by_validate_with_exit_2_and_a_located_message(String fixture, String message,
                                                                                        String lineCol) {
        String file = Systems.fixture("bad/" + fixture).toString();
        Cli.Outcome o = Cli.run("validate", file);
        assertEquals(2, o.code(), o.toString());
        Matcher m = located(file).matcher(o.err());
        assertTrue(m.find(), "no file:line:col: message in\n" + o);
        assertTrue(m.group(3).contains(message), "message '" + m.group(3) + "' does not say: " + message);
        assertTrue(o.err().contains("1 error"), o.toString());
        assertEquals("", o.out());
        noStackTrace(o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0} is refused by run with exit 2 before anything runs")
    @MethodSource("descriptions")
    void an_invalid_description_is_refused_by_run_with_exit_2_before_anything_runs(String fixture, String message,
                                                                                  String lineCol) {
        String file = Systems.fixture("bad/" + fixture).toString();
        Cli.Outcome o = Cli.run("run", file, "--json", dir.resolve("r.json").toString());
        assertEquals(2, o.code(), o.toString());
        assertTrue(located(file).matcher(o.err()).find(), o.toString());
        assertTrue(o.err().contains(message), o.toString());
        assertFalse(o.out().contains("Warden run:"), "a run started:\n" + o);
        assertFalse(dir.resolve("r.json").toFile().exists(), "a report was written for an invalid description");
        noStackTrace(o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0}: the problem is at line:col {2}")
    @MethodSource("preciselyLocated")
    void the_problem_is_located_at_the_offending_element(String fixture, String message, String lineCol) {
        String file = Systems.fixture("bad/" + fixture).toString();
        Cli.Outcome o = Cli.run("validate", file);
        assertTrue(o.err().contains(file + ":" + lineCol + ": "), "expected " + lineCol + " in\n" + o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0}: the problem is at line:col {2}")
    @MethodSource("descriptions")
    void every_problem_is_located_at_the_offending_element(String fixture, String message, String lineCol) {
        String file = Systems.fixture("bad/" + fixture).toString();
        Cli.Outcome o = Cli.run("validate", file);
        Matcher m = located(file).matcher(o.err());
        assertTrue(m.find(), o.toString());
        assertEquals(lineCol.split(":")[0], m.group(1), "line of: " + m.group(3));
    }

    // [utest->dsn~config.input-limits~2]
    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validate", "run"})
    void a_directory_instead_of_a_file_is_refused_with_exit_2(String command) {
        Cli.Outcome o = Cli.run(command, dir.toString());
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().startsWith("error: ") && o.err().contains(dir + " is a directory"), o.toString());
        assertEquals("", o.out());
        noStackTrace(o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validate", "run"})
    void a_missing_file_is_refused_with_exit_2(String command) {
        String missing = dir.resolve("no-such-system.yaml").toString();
        Cli.Outcome o = Cli.run(command, missing);
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().contains(missing) && o.err().contains("no such file"), o.toString());
        assertEquals("", o.out());
        noStackTrace(o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @Test
    void a_valid_description_passes_validate_with_exit_0() {
        String file = Systems.fixture("probe-shared-hart.yaml").toString();
        Cli.Outcome o = Cli.run("validate", file);
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains(file + ": valid for riscv (2 partitions)"), o.toString());
        assertEquals("", o.err());
    }
}
