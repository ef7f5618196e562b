package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.RunOutcome;

class CampaignShardsTest {
    private static final String[] CAMPAIGN = {"campaign", "--faults", "6", "--for", "30ms", "--seed", "3",
        "--threads", "1"};

    @TempDir
    static Path dir;
    static Path shard0;
    static Path shard1;
    static Path whole;

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    static String[] campaign(String... more) {
        String[] all = new String[CAMPAIGN.length + more.length];
        System.arraycopy(CAMPAIGN, 0, all, 0, CAMPAIGN.length);
        System.arraycopy(more, 0, all, CAMPAIGN.length, more.length);
        return run(all);
    }

    @BeforeAll
    static void shards() {
        shard0 = dir.resolve("s0.json");
        shard1 = dir.resolve("s1.json");
        whole = dir.resolve("whole.json");
        assertEquals("0", campaign("--shard", "0/2", "--json", shard0.toString())[0]);
        assertEquals("0", campaign("--shard", "1/2", "--json", shard1.toString())[0]);
        assertEquals("0", campaign("--json", whole.toString())[0]);
    }

    // [utest->dsn~campaign.shard-header~1]
    @Test
    void aShardReportSaysWhichCampaignAndShardItHolds() throws Exception {
        CampaignJson.Header h = CampaignJson.readHeader(Files.readString(shard1), "s1.json");
        assertEquals(new CampaignJson.Header("default-system.yaml", "riscv", 3, 30_000_000L, 6, 1, 2, true), h);
        assertEquals(3, CampaignJson.readRuns(Files.readString(shard1), "s1.json").size());
    }

    // [utest->dsn~campaign.merge-checks~1]
    @Test
    void mergeRefusesShardsThatDoNotMakeOneWholeCampaign() throws Exception {
        String[] ok = run("campaign", "--merge", shard1.toString(), shard0.toString(), "--json",
                dir.resolve("m.json").toString());
        assertEquals("0", ok[0], ok[2]);
        assertEquals(Files.readString(whole), Files.readString(dir.resolve("m.json")), "merged = one campaign");
        String[] twice = run("campaign", "--merge", shard0.toString(), shard1.toString(), shard0.toString());
        assertEquals("2", twice[0]);
        assertTrue(twice[2].contains(shard0 + " is shard 0/2 again (already " + shard0 + ")"), twice[2]);
        String[] missing = run("campaign", "--merge", shard1.toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("shards [0] of 2 are missing"), missing[2]);
        Path other = dir.resolve("other-seed.json");
        assertEquals("0", run("campaign", "--faults", "6", "--for", "30ms", "--seed", "4", "--threads", "1",
                "--shard", "1/2", "--json", other.toString())[0]);
        String[] foreign = run("campaign", "--merge", shard0.toString(), other.toString());
        assertEquals("2", foreign[0]);
        assertTrue(foreign[2].contains(other + " is a shard of another campaign than " + shard0 + ": seed 4 (not 3)"),
                foreign[2]);
        Path partial = dir.resolve("partial.json");
        String text = Files.readString(shard1);
        Files.writeString(partial, text.replace("\"complete\": true", "\"complete\": false"));
        String[] cut = run("campaign", "--merge", shard0.toString(), partial.toString());
        assertEquals("2", cut[0]);
        assertTrue(cut[2].contains(partial + " is an interrupted shard"), cut[2]);
        Path old = dir.resolve("old.json");
        Files.writeString(old, text.replaceAll("\"campaignFaults\": 6,", ""));
        String[] older = run("campaign", "--merge", shard0.toString(), old.toString());
        assertEquals("2", older[0]);
        assertTrue(older[2].contains(old + ": no campaignFaults"), older[2]);
        Path stray = dir.resolve("stray.json");
        Files.writeString(stray, text.replace("\"index\": 1,", "\"index\": 2,"));
        String[] wrong = run("campaign", "--merge", shard0.toString(), stray.toString());
        assertEquals("2", wrong[0]);
        assertTrue(wrong[2].contains(stray + ": run 2 is not a run of shard 1/2"), wrong[2]);
    }

    // [utest->dsn~campaign.resume~1]
    @Test
    void aResumedReportIsTheReportOfTheCampaignNeverInterrupted() throws Exception {
        String text = Files.readString(whole);
        List<RunOutcome> runs = CampaignJson.readRuns(text, "whole.json");
        CampaignJson.Header h = CampaignJson.readHeader(text, "whole.json");
        Path partial = dir.resolve("resume.json");
        Files.writeString(partial, CampaignJson.write(new CampaignJson.Header(h.source(), h.target(), h.seed(),
                h.runNs(), h.total(), 0, 1, false), List.of(runs.get(1), runs.get(4))));
        String[] r = campaign("--resume", partial.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(text, Files.readString(partial), "the runs it lacked were run and the report is whole");
        String[] other = run("campaign", "--faults", "6", "--for", "40ms", "--seed", "3", "--resume",
                partial.toString());
        assertEquals("2", other[0]);
        assertTrue(other[2].contains("--resume: " + partial + " is the report of another campaign: runNs 30000000 "
                + "(not 40000000)"), other[2]);
        String[] shard = campaign("--shard", "1/2", "--resume", shard0.toString(), "--json",
                dir.resolve("x.json").toString());
        assertEquals("2", shard[0]);
        assertTrue(shard[2].contains("another campaign: shard 0 (not 1)"), shard[2]);
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    // [utest->dsn~campaign.shard-auto~1]
    @Test
    void autoShardTakesTheIndexFromSlurmOrKubernetes() throws Exception {
        assertArrayEquals(new int[] {3, 8}, ShardOption.parse("auto/8", Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_COUNT", "8")));
        assertArrayEquals(new int[] {5, 8}, ShardOption.parse("auto/8", Map.of("JOB_COMPLETION_INDEX", "5")));
        assertArrayEquals(new int[] {2, 4}, ShardOption.parse("2/4", Map.of("JOB_COMPLETION_INDEX", "1")));
        assertTrue(assertThrows(UsageError.class, () -> ShardOption.parse("auto/8", Map.of())).getMessage()
                .contains("neither SLURM_ARRAY_TASK_ID (Slurm job array) nor JOB_COMPLETION_INDEX"));
        assertTrue(assertThrows(UsageError.class, () -> ShardOption.parse("auto/8", Map.of("SLURM_ARRAY_TASK_ID",
                "8"))).getMessage().contains("SLURM_ARRAY_TASK_ID is '8', not 0..7 (submit with --array=0-7)"));
        assertTrue(assertThrows(UsageError.class, () -> ShardOption.parse("auto/4", Map.of("JOB_COMPLETION_INDEX",
                "x"))).getMessage().contains("JOB_COMPLETION_INDEX is 'x', not 0..3"));
        assertTrue(assertThrows(UsageError.class, () -> ShardOption.parse("auto/4", Map.of("SLURM_ARRAY_TASK_ID",
                "1", "SLURM_ARRAY_TASK_COUNT", "8"))).getMessage().contains("SLURM_ARRAY_TASK_COUNT=8 tasks, not 4"));
        assertTrue(assertThrows(UsageError.class, () -> ShardOption.parse("auto/0", Map.of())).getMessage()
                .contains("is not I/N or auto/N"));
        String[] r = run("campaign", "--shard", "auto/4");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--shard auto/4: neither"), r[2]);
    }
}
