package warden.launcher.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.emu.FaultModel;

/** The campaign's memory does not grow with the number of runs, and folding loses nothing. */
class CampaignMemoryTest {
    private static final String HEAP = "-Xmx24m";

    private static Process probe(Path dir, String mode, int summary, int record) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CampaignMemoryProbe.class.getName(), mode, "" + summary, "" + record, dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(mode + ".out").toFile()).start();
    }

    /**
     * In a JVM with a 24 MB heap, 10^6 runs fold into the summary and 100,000 runs (out of order)
     * into the record whose report lists them all in index order; keeping the 10^6 runs as the
     * campaign did before (one record each) runs out of that heap.
     */
    // [utest->dsn~campaign.constant-memory~1]
    @Test
    void a_million_runs_fold_into_a_small_heap_that_a_list_of_them_overflows(@TempDir Path dir) throws Exception {
        Process folded = probe(dir, "fold", 1_000_000, 100_000);
        assertEquals(0, folded.waitFor(), () -> read(dir.resolve("fold.out")));
        String[] out = read(dir.resolve("fold.out")).trim().split(" ");
        assertEquals("1000000", out[0]);
        assertEquals("" + (1_000_000 / FaultModel.COUNT + (1_000_000 % FaultModel.COUNT > 0 ? 1 : 0)), out[1]);
        assertTrue(Integer.parseInt(out[2]) <= 3, "only runs that finished before an earlier one wait: " + out[2]);
        String json = Files.readString(dir.resolve("c.json"));
        List<RunOutcome> runs = CampaignJson.readRuns(json, "c.json");
        assertEquals(100_000, runs.size());
        for (int k = 0; k < runs.size(); k++) {
            assertEquals(CampaignMemoryProbe.outcome(k), runs.get(k));
        }
        Process listed = probe(dir, "list", 1_000_000, 0);
        assertNotEquals(0, listed.waitFor(), "one record per run does not fit: " + read(dir.resolve("list.out")));
        assertTrue(read(dir.resolve("list.out")).contains("OutOfMemoryError"), read(dir.resolve("list.out")));
    }

    /**
     * The streamed report is the report of the list: same summary, same runs, byte for byte, for
     * any order the runs complete in.
     */
    // [utest->dsn~campaign.constant-memory~1]
    @Test
    void the_streamed_report_is_byte_for_byte_the_report_of_the_sorted_runs(@TempDir Path dir) throws Exception {
        List<RunOutcome> all = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            all.add(CampaignMemoryProbe.outcome(k));
        }
        CampaignJson.Header h = new CampaignJson.Header("s", "arm", 9, 5, 3_000, 0, 1, true);
        java.io.StringWriter streamed = new java.io.StringWriter();
        try (CampaignRecord r = new CampaignRecord(dir.resolve("c.json"), 0, 1)) {
            for (int k = 0; k < all.size(); k += 8) {
                for (int j = Math.min(all.size() - 1, k + 7); j >= k; j--) {
                    r.add(all.get(j));
                }
            }
            r.writeReport(h, streamed);
        }
        assertEquals(CampaignJson.write(h, all), streamed.toString());
        CampaignSummary s = new CampaignSummary(all);
        CampaignSummary.ModelRow hang = s.rows().get(0);
        long[] exact = all.stream().filter(o -> o.model().equals(hang.model()) && o.detected())
                .mapToLong(RunOutcome::detectionNs).sorted().toArray();
        assertEquals(exact[exact.length / 2], hang.detection()[1], "median exact up to 1,024 values");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file of the runs is gone");
        }
    }

    /** Beyond 1,024 values the median comes from fixed bins: at most 1/16 below the true one. */
    // [utest->dsn~campaign.constant-memory~1]
    @Test
    void beyond_the_exact_values_the_median_is_within_its_bin() {
        TimeStats t = new TimeStats();
        for (long v = 1; v <= 100_001; v++) {
            t.add(v * 37);
        }
        long[] m = t.triple();
        assertEquals(37, m[0]);
        assertEquals(100_001L * 37, m[2]);
        long truth = 50_001L * 37;
        assertTrue(m[1] <= truth && m[1] >= truth - truth / 16, m[1] + " vs " + truth);
        for (long v : new long[] {0, 1, 15, 16, 17, 31, 32, 1000, 1L << 40, Long.MAX_VALUE}) {
            int b = TimeStats.bin(v);
            long nextEdge = TimeStats.lowerEdge(b + 1);
            assertTrue(TimeStats.lowerEdge(b) <= v && (nextEdge > v || nextEdge < 0), "" + v);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
