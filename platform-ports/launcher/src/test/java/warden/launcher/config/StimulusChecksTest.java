package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StimulusChecksTest {

    /** Issue 14: an interrupt every nanosecond was accepted and left to run for hours. */
    // [utest->dsn~config.check.stimulus-rate~1]
    @Test
    void aStimulusFasterThanOneInterruptPerMicrosecondIsRefusedWhereItIsWritten() {
        String text = Fixtures.FULL.replace("- {name: can0, period: 2ms}", "- {name: can0, period: 1ns}");
        List<Problem> ps = Fixtures.validate(text);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("t.yaml:" + Fixtures.lineOf(text, "{name: can0, period: 1ns}") + ":"
                + Fixtures.columnOf(text, "{name: can0, period: 1ns}") + ": devices[0].period: device 'can0' would"
                + " raise an interrupt every 1ns; the shortest period a stimulus may have is 1us (at most"
                + " 1,000,000 interrupts per second per device)", ps.get(0).toString());
        String random = Fixtures.FULL.replace("meanInterval: 300us", "meanInterval: 999ns");
        assertEquals("devices[1].meanInterval", Fixtures.validate(random).get(0).path());
        assertEquals(List.of(), Fixtures.validate(Fixtures.FULL.replace("period: 2ms}", "period: 1us}")),
                "one interrupt per microsecond is the bound, still accepted");
    }
}
