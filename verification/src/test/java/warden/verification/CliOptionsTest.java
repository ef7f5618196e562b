package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad options exit 2 with one clear message; help and version work on every command.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliOptionsTest {
    private static void refused(Cli.Outcome o, String... mentions) {
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().startsWith("error: "), o.toString());
        for (String m : mentions) {
            assertTrue(o.err().contains(m), "the message does not mention '" + m + "':\n" + o);
        }
        assertTrue(!o.out().contains("Warden run:"), "a run started:\n" + o);
        BadInputTest.noStackTrace(o);
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    // [utest->req~scenario.bad-input~1]
    @ParameterizedTest(name = "--for {0}")
    @ValueSource(strings = {"abc", "0ms", "-5ms", "1.5ms", "100", "ms", "10 ms", "5min"})
    void a_bad_duration_for_run_is_refused_with_exit_2(String value) {
        refused(Cli.run("run", "--for", value), "--for", "'" + value + "'", "ns, us, ms or s");
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    // [utest->req~scenario.bad-input~1]
    @Test
    void a_seed_that_is_not_a_number_is_refused_with_exit_2() {
        refused(Cli.run("run", "--seed", "x"), "--seed", "'x'");
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    // [utest->req~scenario.bad-input~1]
    @Test
    void an_unknown_target_is_refused_with_exit_2_naming_the_available_ones() {
        refused(Cli.run("run", "--target", "sparc"), "sparc", "available: riscv");
        refused(Cli.run("validate", Systems.fixture("probe-shared-hart.yaml").toString(), "--target", "sparc"),
                "sparc");
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->req~scenario.bad-input~1]
    @Test
    void an_unknown_command_or_option_is_refused_with_exit_2() {
        refused(Cli.run("bogus"), "bogus");
        refused(Cli.run("run", "--bogus"), "--bogus");
        refused(Cli.run("validate"), "SYSTEM.yaml");
        refused(Cli.run("run", "a.yaml", "b.yaml"), "b.yaml");
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    // [utest->req~scenario.bad-input~1]
    @Test
    void a_report_or_trace_into_a_missing_directory_is_refused_with_exit_2() {
        refused(Cli.run("run", "--json", "/no/such/dir/r.json"), "--json", "/no/such/dir/r.json");
        refused(Cli.run("run", "--trace", "/no/such/dir/t.json"), "--trace", "/no/such/dir/t.json");
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    // [utest->req~scenario.bad-input~1]
    @Test
    void a_duration_too_long_for_virtual_time_is_refused_with_exit_2() {
        refused(Cli.run("run", "--for", "18446744074s"), "--for", "18446744074s");
        refused(Cli.run("run", "--for", "999999999999s"), "--for");
    }

    @ParameterizedTest(name = "warden {0}")
    @ValueSource(strings = {"run --for abc", "run --target sparc", "run --json /no/such/dir/r.json",
        "run /no/such/file.yaml", "run --seed x"})
    void every_option_error_ends_with_a_hint_to_help(String args) {
        Cli.Outcome o = Cli.run(args.split(" "));
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().contains("--help"), "no hint to --help:\n" + o);
    }

    @ParameterizedTest(name = "warden {0}")
    @CsvSource(delimiter = '|', value = {
        "--help|run,validate,--help,--version,Exit codes",
        "-h|run,validate",
        "help|run,validate",
        "run --help|--for,--seed,--json,--trace,--target,SYSTEM.yaml,Exit codes",
        "help run|--for,--seed,--json,--trace,--target",
        "validate --help|--target,SYSTEM.yaml,Exit codes",
        "help validate|--target,SYSTEM.yaml"})
    void help_on_every_command_exits_0_and_lists_its_options(String args, String mentions) {
        Cli.Outcome o = Cli.run(args.split(" "));
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().startsWith("Usage: warden"), o.toString());
        for (String m : mentions.split(",")) {
            assertTrue(o.out().contains(m), "help does not mention " + m + ":\n" + o.out());
        }
        assertEquals("", o.err());
    }

    // [utest->dsn~cli.exit-codes~2]
    @ParameterizedTest(name = "warden {0}")
    @ValueSource(strings = {"--version", "-V"})
    void version_prints_a_version_and_exits_0(String args) {
        Cli.Outcome o = Cli.run(args.split(" "));
        assertEquals(0, o.code(), o.toString());
        assertTrue(Pattern.compile("^warden \\d+\\.\\d+\\.\\d+").matcher(o.out()).find(), o.out());
    }

    // [utest->dsn~cli.exit-codes~2]
    @ParameterizedTest(name = "warden {0}")
    @ValueSource(strings = {"run --version", "validate -V"})
    void version_on_a_command_prints_a_version_and_exits_0(String args) {
        version_prints_a_version_and_exits_0(args);
    }

    // [utest->dsn~cli.exit-codes~2]
    @Test
    void no_command_prints_the_usage_and_exits_0() {
        Cli.Outcome o = Cli.run();
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("Commands:") && o.out().contains("run") && o.out().contains("validate"), o.out());
    }

    // [utest->dsn~cli.exit-codes~2]
    // [utest->dsn~cli.run~1]
    @Test
    void good_options_are_taken_the_file_is_overridden_by_the_command_line() {
        Cli.Outcome o = Cli.run("run", Systems.fixture("probe-shared-hart.yaml").toString(), "--for", "5ms",
                "--seed", "77", "--target", "riscv");
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().contains("seed 77, 5.000 ms of virtual time"), o.out());
        for (String unit : List.of("5000000ns", "5000us", "5ms")) {
            assertEquals(0, Cli.run("run", "--for", unit).code(), unit);
        }
    }
}
