package warden.launcher.campaign;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import warden.emu.FaultModel;

/**
 * Run in a forked JVM with a small heap by {@link CampaignMemoryTest}: folds {@code summary}
 * synthetic run outcomes into a {@link CampaignSummary} and records {@code record} of them in a
 * {@link CampaignRecord} (completing a few out of order, as parallel workers do) whose report it
 * writes to {@code dir/c.json}; with {@code list} it keeps the outcomes in a list first, as the
 * campaign did before (one record per run). Exit 0 when done.
 */
final class CampaignMemoryProbe {
    private CampaignMemoryProbe() {
    }

    /** The synthetic outcome of run k: every model, outcome and miss class occurs. */
    static RunOutcome outcome(int k) {
        int m = k % FaultModel.COUNT;
        boolean applied = k % 13 != 0;
        boolean detected = applied && k % 7 != 0;
        boolean recovered = detected && k % 5 != 0;
        String outcome = !applied ? RunOutcome.NOT_APPLIED : !detected ? RunOutcome.UNDETECTED
                : recovered ? RunOutcome.RECOVERED : RunOutcome.NOT_RECOVERED;
        return new RunOutcome(k, 1_000_003L * k, FaultModel.name(m), k % 2 == 0 ? "rtos" : "linux", k % 2 == 0,
                10_000_000L + k, applied, detected, detected ? (k % 3 == 0 ? "watchdog" : "access-fault") : null,
                detected ? 1_000L + (k * 7919L) % 5_000_000L : -1, recovered, recovered ? 2_000L + k % 999_983 : -1,
                k % 11 == 0 ? 1 : 0, outcome, null, 5_000_000L, k % 2 == 0 ? k % 3 : 0, 2, 0, 0);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int summaryRuns = Integer.parseInt(args[1]);
        int recordRuns = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        if (mode.equals("list")) {
            List<RunOutcome> all = new ArrayList<>();
            for (int k = 0; k < summaryRuns; k++) {
                all.add(outcome(k));
            }
            System.out.println(new CampaignSummary(all).runs());
            return;
        }
        CampaignSummary s = new CampaignSummary();
        for (int k = 0; k < summaryRuns; k++) {
            s.add(outcome(k));
        }
        int maxWaiting = 0;
        try (CampaignRecord r = new CampaignRecord(dir.resolve("c.json"), 0, 1)) {
            for (int k = 0; k < recordRuns; k += 4) {
                for (int j = Math.min(recordRuns - 1, k + 3); j >= k; j--) { // four workers, last started done first
                    r.add(outcome(j));
                    maxWaiting = Math.max(maxWaiting, r.waiting());
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("c.json"), StandardCharsets.UTF_8)) {
                r.writeReport(new CampaignJson.Header("probe", "riscv", 1, 1, recordRuns, 0, 1, true), w);
            }
        }
        System.out.println(s.runs() + " " + s.rows().get(0).injected() + " " + maxWaiting);
    }
}
