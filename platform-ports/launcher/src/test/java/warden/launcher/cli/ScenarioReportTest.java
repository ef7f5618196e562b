package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warden campaign --scenarios}: the table, the report, the exit code and the refused options. */
class ScenarioReportTest {

    private static String[] run(String... args) {
        return CampaignShardsTest.run(args);
    }

    // [utest->dsn~campaign.scenarios-cli~1]
    @Test
    void theScenariosRunOnATargetIntoATableAndAReport(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        String[] r = run("campaign", "--scenarios", "--target", "x86", "--seed", "5", "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Healing scenarios: default-system.yaml on x86, seed 5, 15 runs"), r[1]);
        assertTrue(r[1].matches("(?s).*\\n  restore-after-hang +pass .*"), r[1]);
        assertTrue(r[1].contains("proof: "), r[1]);
        assertTrue(r[1].contains("no miss of another critical partition: 15 of 15"), r[1]);
        String j = Files.readString(json);
        assertTrue(j.contains("\"schema\": \"warden.scenarios/1\"") && j.contains("\"target\": \"x86\""), j);
        assertTrue(j.contains("\"scenario\": \"ota-power-loss-mid-transfer\""), j);
    }

    // [utest->dsn~campaign.scenarios-cli~1]
    @Test
    void optionsOfTheRandomCampaignAreRefusedByName() {
        for (String[] bad : new String[][] {{"--faults", "3"}, {"--shard", "0/2"}, {"--svg", "x.svg"},
            {"--replay", "1"}, {"--channel-faults"}}) {
            String[] args = new String[bad.length + 2];
            args[0] = "campaign";
            args[1] = "--scenarios";
            System.arraycopy(bad, 0, args, 2, bad.length);
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", bad));
            assertTrue(r[2].contains(bad[0] + " does not go with --scenarios"), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
        String[] t = run("campaign", "--scenarios", "--target", "sparc");
        assertEquals("2", t[0]);
        assertTrue(t[2].contains("--target: unknown target 'sparc'"), t[2]);
        String[] f = run("campaign", "--scenarios", "some.yaml");
        assertEquals("2", f[0]);
        assertTrue(f[2].contains("give no SYSTEM.yaml"), f[2]);
        assertTrue(run("campaign", "--help")[1].contains("--scenarios"));
    }
}
