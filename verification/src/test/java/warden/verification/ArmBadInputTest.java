package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Descriptions the Arm target cannot run are refused before anything runs, with exit 2 and a
 * message located at the offending element: TZC-400 granule and region count, overlap, the
 * monitor's memory, and the target-independent problems.
 */
class ArmBadInputTest {
    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of("arm/bad/misaligned-region.yaml",
                        "is misaligned for the arm protection unit (granule 4096 bytes)", "8:9"),
                Arguments.of("arm/bad/too-many-regions.yaml",
                        "needs more protection entries than the 8 the arm target has", "14:29"),
                Arguments.of("arm/bad/monitor-overlap.yaml", "overlaps the monitor memory", "8:9"),
                Arguments.of("bad/overlapping-regions.yaml", "overlaps region 'ram'", "17:9"),
                Arguments.of("bad/two-critical-on-core.yaml", "share core 0", ""),
                Arguments.of("bad/core-out-of-range.yaml", "core 7 does not exist", ""));
    }

    // [utest->dsn~arm.scenarios~1]
    @ParameterizedTest(name = "{0} is refused on arm")
    @MethodSource("descriptions")
    void an_invalid_description_is_refused_on_arm_with_exit_2_and_a_located_message(String fixture, String message,
                                                                                     String lineCol) {
        String file = Systems.fixture(fixture).toString();
        Cli.Outcome o = Cli.run("validate", file, "--target", "arm");
        assertEquals(2, o.code(), o.toString());
        assertTrue(o.err().contains(message), o.toString());
        if (!lineCol.isEmpty()) {
            assertTrue(o.err().contains(":" + lineCol + ":"), o.toString());
        }
        BadInputTest.noStackTrace(o);
        Cli.Outcome r = Cli.run("run", file, "--target", "arm");
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
    }
}
