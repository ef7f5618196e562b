package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.Execution;
import warden.launcher.campaign.RunOutcome;

/** Campaigns in real child processes: signals, and the example job files of docs/examples. */
class CampaignProcessTest {
    private static final Path EXAMPLES = Path.of("../../docs/examples");

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), WardenCli.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** @return whether process {@code pid} ignores signal {@code sig} (from /proc/PID/status, SigIgn) */
    static boolean ignores(long pid, int sig) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (sig - 1))) != 0;
            }
        }
        return false;
    }

    /**
     * Virtual time per run of the interrupted campaigns: long enough that 400 runs outlast the first
     * 2 s progress line on an idle machine (at 30 ms they all finished in 1.7 s, before it).
     */
    private static final String RUN_FOR = "120ms";

    /** Starts a campaign of {@code faults} runs in a child JVM and returns it once it has done some. */
    private static Process running(Path dir, int faults, Path report, String... jvm) throws Exception {
        List<String> cmd = java("campaign", "--faults", "" + faults, "--for", RUN_FOR, "--seed", "9", "--threads", "1",
                "--json", report.toString());
        cmd.addAll(1, List.of(jvm));
        // a progress line every 100 ms, so the campaign is caught running however fast this machine is
        cmd.add(1, "-D" + Execution.PROGRESS_PROPERTY + "=100");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        Pattern progress = Pattern.compile("campaign: (\\d+)/" + faults + " runs");
        long deadline = System.nanoTime() + 120_000_000_000L;
        int seen = 0;
        while (seen == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            Matcher m = progress.matcher(Files.readString(err));
            while (m.find()) {
                seen = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(seen > 0 && seen < faults && p.isAlive(), "caught the campaign running: " + Files.readString(err));
        return p;
    }

    /** @return the runs of a partial report, after checking that --resume makes it whole and keeps them */
    private static List<RunOutcome> resumedKeeps(Path report, int faults) throws Exception {
        String text = Files.readString(report);
        CampaignJson.Header h = CampaignJson.readHeader(text, "c.json");
        List<RunOutcome> kept = CampaignJson.readRuns(text, "c.json");
        assertFalse(h.complete());
        assertTrue(kept.size() < faults, kept.size() + " runs kept");
        String[] resumed = CampaignShardsTest.run("campaign", "--faults", "" + faults, "--for", RUN_FOR, "--seed", "9",
                "--threads", "2", "--resume", report.toString());
        assertEquals("0", resumed[0], resumed[2]);
        String whole = Files.readString(report);
        assertTrue(CampaignJson.readHeader(whole, "c.json").complete());
        List<RunOutcome> all = CampaignJson.readRuns(whole, "c.json");
        assertEquals(faults, all.size());
        for (RunOutcome o : kept) {
            assertEquals(o, all.get(o.index()), "a kept run stays as it was");
        }
        return kept;
    }

    /**
     * SIGINT to a running campaign: it exits 130 and leaves a valid report of the runs done,
     * marked incomplete, which --resume finishes (CampaignShardsTest shows a resumed report is
     * the report of the campaign never interrupted). Where the test runner made the child ignore
     * SIGINT, as a shell does for its background jobs, SIGTERM goes through the same path.
     */
    // [utest->dsn~campaign.interrupt~1]
    @Test
    void sigintKeepsAPartialReportThatResumeFinishes(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("c.json");
        Process p = running(dir, 400, report);
        String signal = ignores(p.pid(), 2) ? "-TERM" : "-INT";
        assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the campaign stopped");
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.contains("partial report in " + report + ", continue with --resume"), err);
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left");
        }
        assertTrue(resumedKeeps(report, 400).size() > 0);
    }

    /** SIGKILL leaves the last checkpoint (written every 100 ms here), which --resume finishes. */
    // [utest->dsn~campaign.interrupt~1]
    @Test
    void aKilledCampaignKeepsItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("c.json");
        Process p = running(dir, 400, report, "-D" + CampaignCheckpoint.PROPERTY + "=100");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(report) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "a checkpoint was written while the campaign still ran");
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(resumedKeeps(report, 400).size() > 0);
    }

    private static Process[] shards(int n, Path dir, List<String> cmd, String variable, Map<String, String> more)
            throws IOException {
        Process[] ps = new Process[n];
        for (int i = 0; i < n; i++) {
            ps[i] = shard(i, dir, cmd, variable, more);
        }
        return ps;
    }

    /** @return array task {@code i} started as its scheduler starts it: {@code variable} = i */
    private static Process shard(int i, Path dir, List<String> cmd, String variable, Map<String, String> more)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out-" + i + ".txt").toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("SLURM_ARRAY_TASK_ID");
        env.remove("JOB_COMPLETION_INDEX");
        env.put(variable, String.valueOf(i));
        env.putAll(more);
        return pb.start();
    }

    /**
     * Runs the n array tasks of a campaign of 2n faults; then cuts the last shard's report to one
     * run marked incomplete (as an interrupted task leaves it) and runs that task again, which
     * must resume it.
     */
    private static Process[] shardsAndOneResumed(int n, Path dir, List<String> cmd, String variable,
                                                 Map<String, String> env) throws Exception {
        Process[] ps = shards(n, dir, cmd, variable, env);
        for (Process p : ps) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        }
        Path last = dir.resolve("campaign-shard-" + (n - 1) + ".json");
        String shardText = Files.readString(last);
        CampaignJson.Header h = CampaignJson.readHeader(shardText, last.toString());
        Files.writeString(last, CampaignJson.write(new CampaignJson.Header(h.source(), h.target(), h.seed(), h.runNs(),
                h.total(), h.shard(), h.shards(), false), CampaignJson.readRuns(shardText, "").subList(0, 1)));
        ps[n - 1] = shard(n - 1, dir, cmd, variable, env);
        assertTrue(ps[n - 1].waitFor(5, TimeUnit.MINUTES));
        String out = Files.readString(dir.resolve("out-" + (n - 1) + ".txt"));
        assertTrue(out.contains("campaign: 2/2 runs"), "the task run again resumed its interrupted shard: " + out);
        return ps;
    }

    private static void mergedIsTheWholeCampaign(Process[] ps, Path dir, String prefix, String... campaign)
            throws Exception {
        List<String> merge = new ArrayList<>(List.of("campaign", "--merge"));
        for (int i = 0; i < ps.length; i++) {
            assertTrue(ps[i].waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, ps[i].exitValue(), Files.readString(dir.resolve("out-" + i + ".txt")));
            merge.add(dir.resolve(prefix + i + ".json").toString());
        }
        merge.addAll(List.of("--json", dir.resolve("merged.json").toString()));
        String[] m = CampaignShardsTest.run(merge.toArray(new String[0]));
        assertEquals("0", m[0], m[2]);
        List<String> whole = new ArrayList<>(List.of(campaign));
        whole.addAll(List.of("--json", dir.resolve("whole.json").toString()));
        assertEquals("0", CampaignShardsTest.run(whole.toArray(new String[0]))[0]);
        assertEquals(Files.readString(dir.resolve("whole.json")), Files.readString(dir.resolve("merged.json")));
    }

    /** The Slurm example runs as each array task would (its own variables set), and its shards merge. */
    // [utest->dsn~campaign.shard-auto~1]
    @Test
    void theSlurmExampleRunsItsShardsAndTheyMerge(@TempDir Path dir) throws Exception {
        Path script = EXAMPLES.resolve("campaign-slurm.sh");
        String text = Files.readString(script);
        Matcher array = Pattern.compile("(?m)^#SBATCH --array=0-(\\d+)$").matcher(text);
        assertTrue(array.find(), "the script is a job array from 0");
        int n = Integer.parseInt(array.group(1)) + 1;
        assertTrue(text.contains("SHARDS=" + n + "\n"), "SHARDS matches the array");
        Path warden = dir.resolve("warden-test");
        Files.writeString(warden, "#!/bin/sh\nexec " + String.join(" ", java()) + " \"$@\"\n");
        assertTrue(warden.toFile().setExecutable(true));
        List<String> cmd = List.of("bash", script.toAbsolutePath().toString());
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_COUNT", "" + n, "FAULTS", "" + 2 * n, "RUN_FOR", "30ms",
                "WARDEN", warden.toString());
        Process[] ps = shardsAndOneResumed(n, dir, cmd, "SLURM_ARRAY_TASK_ID", env);
        mergedIsTheWholeCampaign(ps, dir, "campaign-shard-", "campaign", "--faults", "" + 2 * n, "--seed", "1",
                "--for", "30ms");
    }

    /**
     * The Kubernetes example is an Indexed Job whose completions match its --shard auto/N; its
     * container's command runs (the jar replaced by this build's classes, the campaign made tiny)
     * with JOB_COMPLETION_INDEX set as the Job controller sets it, and the shards merge.
     */
    // [utest->dsn~campaign.shard-auto~1]
    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesExampleIsAnIndexedJobWhoseShardsMerge(@TempDir Path dir) throws Exception {
        Map<String, Object> job = new Yaml().load(Files.readString(EXAMPLES.resolve("campaign-k8s.yaml")));
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Job", job.get("kind"));
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertEquals("Indexed", spec.get("completionMode"));
        int n = (Integer) spec.get("completions");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertEquals(List.of("sh", "-c"), container.get("command"));
        String line = ((List<String>) container.get("args")).get(0);
        assertTrue(line.contains("--shard auto/" + n + " "), "completions and auto/N agree: " + line);
        assertTrue(line.contains("$JOB_COMPLETION_INDEX"), line);
        assertTrue(line.contains("exec java "), "java is PID 1 and gets the pod's SIGTERM: " + line);
        String launcher = Matcher.quoteReplacement(String.join(" ", java()));
        String tiny = line.replace("/results/", dir + "/")
                .replaceFirst("java [^;]*?-jar /opt/warden/warden.jar", launcher)
                .replaceFirst("--faults \\d+", "--faults " + 2 * n).replaceFirst("--for \\S+", "--for 30ms")
                .replaceFirst("--threads \\d+", "--threads 1");
        assertTrue(tiny.contains(WardenCli.class.getName() + " campaign "), tiny);
        Process[] ps = shardsAndOneResumed(n, dir, List.of("sh", "-c", tiny), "JOB_COMPLETION_INDEX", Map.of());
        mergedIsTheWholeCampaign(ps, dir, "campaign-shard-", "campaign", "--faults", "" + 2 * n, "--seed", "1",
                "--for", "30ms");
    }
}
