package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign and default-system files as the verification module leaves them: read when they
 * are this build's, refused with the file and the reason when absent, malformed or stale.
 */
class CampaignFilesTest {
    @TempDir
    Path root;

    private Path dir() {
        return root.resolve(CampaignFiles.DIR);
    }

    private void put(String name, String text) throws Exception {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve(name), text, StandardCharsets.UTF_8);
    }

    private Evidence ev() {
        return new Evidence(root, root.resolve("out"));
    }

    private void campaign(String target) throws Exception {
        put("campaign-" + target + ".json", CampaignsTest.SAMPLE.replace("\"riscv\"", "\"" + target + "\""));
        put("campaign-" + target + ".svg", "<svg/>");
        put("campaign-" + target + ".run.json", "{\"schema\": \"warden.manual-campaign-run/1\", \"target\": \""
                + target + "\", \"exitCode\": 1, \"hostNs\": 1500000000, \"stderr\": \"\"}");
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void thisBuildsReportsAreReadAndTheirChartsCopied() throws Exception {
        campaign("riscv");
        Evidence ev = ev();
        List<Campaigns.Report> rs = CampaignFiles.read(ev, dir(), List.of("riscv"), 3, 7);
        assertEquals(1, rs.size());
        assertEquals(1, rs.get(0).exitCode());
        assertEquals(1.5, rs.get(0).hostSeconds(), 1e-9);
        assertTrue(Files.isRegularFile(root.resolve("out/campaign-riscv.svg")));
        Evidence.Entry e = ev.get("campaign.riscv");
        assertTrue(e.present());
        assertEquals(CampaignFiles.DIR + "/campaign-riscv.json", e.where());
        assertEquals("3 faults, seed 7, 1.5 s", e.figure());
    }

    // [utest->dsn~manual.campaign~1]
    // [utest->dsn~manual.missing-evidence~1]
    @Test
    void missingMalformedAndStaleFilesAreRefusedWithTheFileAndTheReason() throws Exception {
        campaign("arm");
        put("campaign-x86.json", "{\"schema\": \"warden.campaign/1\", \"runs\": [1,]}");
        Evidence ev = ev();
        assertEquals(List.of(), CampaignFiles.read(ev, dir(), List.of("riscv", "arm", "x86"), 3, 8));
        assertEquals("not found", ev.get("campaign.riscv").figure());
        assertEquals("\"seed\" is \"7\", \"8\" expected", ev.get("campaign.arm").figure());
        String x86 = ev.get("campaign.x86").figure();
        assertTrue(x86.startsWith("not JSON: unexpected character ']' at offset"), x86);
        assertFalse(ev.get("campaign.x86").present());
    }

    // [utest->dsn~manual.campaign~1]
    // [utest->dsn~manual.missing-evidence~1]
    @Test
    void aMissingRunNoteOrChartNamesThatFile() throws Exception {
        campaign("riscv");
        Files.delete(dir().resolve("campaign-riscv.svg"));
        Evidence ev = ev();
        assertEquals(List.of(), CampaignFiles.read(ev, dir(), List.of("riscv"), 3, 7));
        assertEquals(CampaignFiles.DIR + "/campaign-riscv.svg: not found", ev.get("campaign.riscv").figure());
        put("campaign-riscv.run.json", "{\"schema\": \"warden.manual-campaign-run/1\", \"target\": \"riscv\"}");
        CampaignFiles.read(ev, dir(), List.of("riscv"), 3, 7);
        assertTrue(ev.get("campaign.riscv").figure().endsWith("campaign-riscv.run.json: \"exitCode\" is absent, "
                + "an integer of at least 0 expected"), ev.get("campaign.riscv").figure());
    }

    // [utest->dsn~manual.campaign~1]
    @Test
    void theDefaultSystemTableComesFromItsFile() throws Exception {
        put(SystemPolicy.FILE, "{\"schema\": \"warden.manual-default-system/1\", \"source\": \"default-system.yaml\","
                + " \"resource\": \"/warden/default-system.yaml\", \"partitions\": [{\"name\": \"rtos\", \"level\": "
                + "\"ASIL-C\", \"cores\": [0, 1], \"watchdogNs\": 5000000, \"bootTimeoutNs\": 10000000, "
                + "\"faultLimit\": 8, \"windowNs\": 1000000000, \"restarts\": 3, \"onFailure\": \"restart\", "
                + "\"escalate\": \"safe-state\"}], \"text\": \"target: riscv\\n\"}");
        Evidence ev = ev();
        String t = SystemPolicy.include(ev, dir().resolve(SystemPolicy.FILE));
        assertTrue(t.contains("|rtos\n|ASIL-C\n|[0, 1]\n|5.000 ms\n|10.000 ms\n|8 / 1000.000 ms\n|3\n|restart\n"
                + "|safe-state"), t);
        assertTrue(t.endsWith("(`default-system.yaml`, as built)\n[source,yaml]\n----\ntarget: riscv\n----\n"), t);
        assertTrue(ev.get("default-system").present());
        Evidence none = ev();
        String missing = SystemPolicy.include(none, root.resolve("nowhere.json"));
        assertTrue(missing.contains("Evidence missing: default system description"), missing);
        assertEquals("not found", none.get("default-system").figure());
    }

    private void scenarioReport(String target, int code) throws Exception {
        put("scenarios-" + target + ".json", ScenariosTest.SAMPLE.replace("\"riscv\"", "\"" + target + "\""));
        put("scenarios-" + target + ".run.json", "{\"schema\": \"warden.manual-scenarios-run/1\", \"target\": \""
                + target + "\", \"exitCode\": " + code + ", \"hostNs\": 2500000000, \"stderr\": \"boom\"}");
    }

    // [utest->dsn~manual.scenarios~1]
    // [utest->dsn~manual.missing-evidence~1]
    @Test
    void thisBuildsReportsAreReadAndOthersRecordedAsMissing() throws Exception {
        scenarioReport("riscv", 0);
        scenarioReport("arm", 2);
        put("scenarios-x86.json", ScenariosTest.SAMPLE);
        put("scenarios-x86.run.json", "{\"schema\": \"warden.manual-scenarios-run/1\", \"target\": \"x86\", "
                + "\"exitCode\": 0, \"hostNs\": 1}");
        Evidence ev = new Evidence(root, root.resolve("out"));
        List<Scenarios.Report> rs = ScenarioFiles.read(ev, dir(), List.of("riscv", "arm", "x86", "sparc"), 7);
        assertEquals(1, rs.size());
        assertEquals("riscv", rs.get(0).target());
        assertEquals("5 scenarios, seed 7, 2.5 s", ev.get("scenarios.riscv").figure());
        assertTrue(ev.get("scenarios.arm").figure().contains("the scenario campaign exited 2: boom"),
                ev.get("scenarios.arm").figure());
        assertTrue(ev.get("scenarios.x86").figure().contains("\"target\" is \"riscv\", \"x86\" expected"),
                ev.get("scenarios.x86").figure());
        assertEquals("not found", ev.get("scenarios.sparc").figure());
        assertFalse(ev.get("scenarios.sparc").present());
        assertTrue(ScenarioFiles.read(new Evidence(root, root.resolve("o")), dir(), List.of("riscv"), 8).isEmpty(),
                "a report of another seed is stale");
    }
}
