package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The healing-scenario reports in the manual: the tables per target, the figures the prose cites
 * (each one a report's number); reading the files is tested in {@code CampaignFilesTest}.
 */
class ScenariosTest {
    static final String SAMPLE = """
            {"schema": "warden.scenarios/1", "source": "default-system.yaml", "target": "riscv", "seed": 7,
             "rowCount": 5, "failed": 1, "rows": [
              {"scenario": "restore-after-hang", "partition": "rtos", "expected": "restored", "observed": "restored",
               "verdict": "pass", "detectNs": 4000660, "recoverNs": 999688, "pagesWritten": 0, "restorePages": 0,
               "restoreBytes": 0, "restoreNs": 141248, "snapshotPages": -1, "snapshotNs": -1, "ownMisses": 4,
               "otherCriticalMisses": 0, "furtherFailures": 0,
               "proof": "54.001 ms partition-restored (rtos): 0 pages copied back in 141248 ns", "note": "hang"},
              {"scenario": "restore-cost-256-pages", "partition": "rtos", "expected": "restored",
               "observed": "restored", "verdict": "pass", "detectNs": 4000660, "recoverNs": 4999688,
               "pagesWritten": 256, "restorePages": 256, "restoreBytes": 1048576, "restoreNs": 4466624,
               "snapshotPages": 256, "snapshotNs": 4466625, "ownMisses": 19, "otherCriticalMisses": 0,
               "furtherFailures": 2, "timerFaults": 3, "proof": "p", "note": "256 pages | written"},
              {"scenario": "ota-good-update", "partition": "rtos", "expected": "committed", "observed": "committed",
               "verdict": "pass", "detectNs": -1, "recoverNs": 50844552, "pagesWritten": 0, "restorePages": -1,
               "restoreBytes": -1, "restoreNs": -1, "snapshotPages": -1, "snapshotNs": -1, "ownMisses": 2,
               "otherCriticalMisses": 0, "furtherFailures": 0, "proof": "151.001 ms update-committed", "note": "g"},
              {"scenario": "ota-update-hangs", "partition": "rtos", "expected": "rolled back",
               "observed": "rolled back", "verdict": "pass", "detectNs": 8043791, "recoverNs": 3042051,
               "pagesWritten": 0, "restorePages": -1, "restoreBytes": -1, "restoreNs": -1, "snapshotPages": -1,
               "snapshotNs": -1, "ownMisses": 11, "otherCriticalMisses": 0, "furtherFailures": 0, "proof": "r",
               "note": "h"},
              {"scenario": "ota-tampered-image", "partition": "rtos", "expected": "refused: wrong-digest",
               "observed": "no update outcome", "verdict": "fail", "detectNs": -1, "recoverNs": -1,
               "pagesWritten": 0, "restorePages": -1, "restoreBytes": -1, "restoreNs": -1, "snapshotPages": -1,
               "snapshotNs": -1, "ownMisses": 0, "otherCriticalMisses": 0, "furtherFailures": 0, "proof": "-",
               "note": "t"}]}
            """;

    // [utest->dsn~manual.scenarios~1]
    @Test
    void eachScenarioIsARowWithItsFiguresAndProof() {
        String t = Scenarios.tables(List.of(Scenarios.read("riscv", SAMPLE, 2.5, 1)), "MISSING");
        assertTrue(t.startsWith(".Healing scenarios on riscv (`scenarios-riscv.json`, seed 7, exit code 1;"), t);
        assertTrue(t.contains("|restored / restored (pass)\n|4.001 ms\n|999.7 µs\n|0; 0, 0 B, 141.2 µs\n|-\n"
                + "|4 / 0; 0; 0\n"), t);
        assertTrue(t.contains("|256; 256, 1048576 B, 4.467 ms\n|256, 4.467 ms\n|19 / 0; 2; 3\n"), t);
        assertTrue(t.contains("256 pages \\| written"), "cells are escaped: " + t);
        assertTrue(t.contains("refused: wrong-digest / no update outcome (*fail*)"), t);
        assertEquals("MISSING", Scenarios.tables(List.of(), "MISSING"));
    }

    // [utest->dsn~manual.scenarios~1]
    @Test
    void theProseFiguresAreTheReportsNumbers() {
        String f = Scenarios.figures(List.of(Scenarios.read("riscv", SAMPLE, 2.5, 1)), "MISSING");
        assertTrue(f.startsWith("Measured on *riscv* (`scenarios-riscv.json`, seed 7):"), f);
        assertTrue(f.contains("a hung RTOS was detected 4.001 ms after the hang, restored from its boot snapshot"
                + " (digest checked, 0 pages copied back in 141.2 µs) and back in service 999.7 µs after"), f);
        assertTrue(f.contains("restore 256 pages written: 256 copied back in 4.467 ms."), f);
        assertTrue(f.contains("after k pages: 256: 256 pages in 4.467 ms."), f);
        assertTrue(f.contains("timing and the machine): 256 pages: 2 further failure(s) of the RTOS, 3 monitor timer"
                + " fault(s) on other cores."), f);
        assertTrue(f.contains("a good update was committed 50.845 ms after the switch"), f);
        assertTrue(f.contains("hangs: rolled back, detected 8.044 ms after the switch, the old image's first"
                + " heartbeat 3.042 ms after the detection"), f);
        assertTrue(f.contains("Deadline misses of other critical partitions in all 5 scenarios: 0; *1 scenario(s)"
                + " did not have their expected outcome*"), f);
        assertEquals("MISSING", Scenarios.figures(List.of(), "MISSING"));
    }
}
