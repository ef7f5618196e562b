package warden.launcher.campaign;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.emu.port.PortSnapshots;
import warden.kernel.api.RestorePoint;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;

/**
 * The restore-point rows of the healing-scenario campaign, on the target's default system with the
 * RTOS (its first partition) snapshotted at its first heartbeat and healed by {@code restore}:
 * a hang and a crash at {@value #FAULT_AT} ns restored (not restarted); a bit of the snapshot store
 * flipped, so the digest check fails and the monitor restarts the RTOS from its golden image; and
 * the cost rows: k pages of the RTOS's RAM written through the board's bus (one byte each, as a
 * campaign injects memory faults; the RTOS model itself writes little) at {@value #FIRST_WRITE_AT}
 * ns, before the periodic snapshot, and again at {@value #SECOND_WRITE_AT} ns, before the hang, so
 * the incremental snapshot and the restore each have k pages to copy.
 *
 * [impl->dsn~campaign.scenarios~1]
 */
final class RestoreScenarios {
    static final long FAULT_AT = 50_000_000L;
    static final long FIRST_WRITE_AT = 20_000_000L;
    static final long SECOND_WRITE_AT = 40_000_000L;
    static final long DURATION = 100_000_000L;
    /** The pages written in the cost rows. */
    static final int[] PAGES = {0, 1, 16, 256};
    static final String RESTORED = "restored";
    static final String FALLBACK = "restarted from the golden image (snapshot-corrupt)";
    private static final String HEALTH =
            "    health: {bootTimeout: 10ms, faultLimit: 8, window: 1s, restarts: 3, escalate: safe-state}\n";

    private final String target;
    private final long seed;
    private final String rtos;

    RestoreScenarios(String target, long seed) {
        this.target = target;
        this.seed = seed;
        this.rtos = "rtos";
    }

    /** @return the default system of the target with the RTOS snapshotted at boot (and periodically) and restored. */
    String text(String period) {
        return ScenarioRuns.replace(DefaultSystem.text(target), HEALTH, HEALTH.replace("escalate:",
                "onFailure: restore, escalate:") + "    snapshot: {at: [boot]" + period + "}\n");
    }

    List<ScenarioRow> rows() throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        rows.add(heal("restore-after-hang", FaultModel.HANG));
        rows.add(heal("restore-after-crash", FaultModel.CRASH));
        rows.add(corrupted());
        for (int k : PAGES) {
            rows.add(cost(k));
        }
        return rows;
    }

    private ScenarioRow heal(String name, int model) throws Exception {
        SystemDescription d = ScenarioRuns.load(text(""), target, null);
        ScenarioRuns.Ran r = ScenarioRuns.run(d, target, DURATION,
                run -> new Engine.Source[] {inject(run, model, FAULT_AT)});
        return row(name, RESTORED, r, 0, -1, -1, FaultModel.name(model) + " injected into the RTOS at "
                + FAULT_AT / 1_000_000 + " ms; snapshot taken at its first heartbeat");
    }

    private ScenarioRow corrupted() throws Exception {
        SystemDescription d = ScenarioRuns.load(text(""), target, null);
        long page = d.partitions().get(0).memory().get(0).base();
        ScenarioRuns.Ran r = ScenarioRuns.run(d, target, DURATION, run -> new Engine.Source[] {
            write(run, page, 1, FAULT_AT - 1, seed), corruptStore(run, FAULT_AT - 1),
            inject(run, FaultModel.HANG, FAULT_AT)});
        return row("restore-with-corrupt-snapshot", FALLBACK, r, 1, -1, -1, "the RTOS's first page written and"
                + " one bit of its stored copy flipped just before the hang: the digest check fails");
    }

    private ScenarioRow cost(int k) throws Exception {
        SystemDescription d = ScenarioRuns.load(text(", period: 30ms"), target, null);
        long base = d.partitions().get(0).memory().get(0).base();
        ScenarioRuns.Ran r = ScenarioRuns.run(d, target, DURATION, run -> new Engine.Source[] {
            write(run, base, k, FIRST_WRITE_AT, seed), write(run, base, k, SECOND_WRITE_AT, seed + 1),
            inject(run, FaultModel.HANG, FAULT_AT)});
        RunResult.MonitorEvent snap = r.first("snapshot-taken", rtos, FIRST_WRITE_AT);
        long snapPages = snap == null ? -1 : ScenarioRuns.number(snap.detail(), "^(\\d+) pages");
        long snapNs = snap == null ? -1 : ScenarioRuns.number(snap.detail(), "in (\\d+) ns");
        return row("restore-cost-" + k + "-pages", RESTORED, r, k, snapPages, snapNs, k + " pages of the RTOS's"
                + " RAM written through the board's bus (one byte each) at " + FIRST_WRITE_AT / 1_000_000
                + " ms, before the periodic snapshot (30 ms), and at " + SECOND_WRITE_AT / 1_000_000
                + " ms, before the hang at " + FAULT_AT / 1_000_000 + " ms");
    }

    /** The row of a run whose RTOS was hung or crashed at FAULT_AT after {@code k} pages were written. */
    private ScenarioRow row(String name, String expected, ScenarioRuns.Ran r, int k, long snapPages, long snapNs,
            String note) {
        RunResult.MonitorEvent detected = r.first("failure-detected", rtos, FAULT_AT);
        RunResult.MonitorEvent restored = r.first("partition-restored", rtos, FAULT_AT);
        RunResult.MonitorEvent corrupt = r.first("snapshot-corrupt", rtos, FAULT_AT);
        RunResult.MonitorEvent restarted = r.first("partition-restarted", rtos, FAULT_AT);
        RunResult.MonitorEvent recovered = r.first("partition-recovered", rtos, FAULT_AT);
        long pages = restored == null ? -1 : ScenarioRuns.number(restored.detail(), "^(\\d+) pages");
        long ns = restored == null ? -1 : ScenarioRuns.number(restored.detail(), "in (\\d+) ns");
        String observed = observed(restored, corrupt, restarted, recovered, k, pages, snapPages);
        RunResult.MonitorEvent proof = restored != null ? restored : corrupt != null ? corrupt : restarted;
        return new ScenarioRow(name, rtos, expected, observed,
                detected == null ? -1 : detected.timeNs() - FAULT_AT,
                detected == null || recovered == null ? -1 : recovered.timeNs() - detected.timeNs(), k,
                pages, pages < 0 ? -1 : pages * RestorePoint.PAGE_BYTES, ns, snapPages, snapNs,
                r.partition(rtos).deadlineMisses(), r.otherCriticalMisses(rtos),
                r.events("failure-detected", rtos).size() - (detected == null ? 0 : 1), r.timerFaults(),
                ScenarioRuns.proof(proof), note);
    }

    private static String observed(RunResult.MonitorEvent restored, RunResult.MonitorEvent corrupt,
            RunResult.MonitorEvent restarted, RunResult.MonitorEvent recovered, int k, long pages, long snapPages) {
        if (recovered == null) {
            return "not recovered";
        }
        if (restored != null && restarted == null) {
            return pages < k ? "restored with " + pages + " of " + k + " written pages copied back"
                    : snapPages >= 0 && snapPages < k ? "periodic snapshot copied " + snapPages + " of " + k
                    + " written pages" : RESTORED;
        }
        return corrupt != null && restarted != null ? FALLBACK : "restarted";
    }

    /** @return a source that injects {@code model} into the RTOS's guest on its first core at {@code at}. */
    private static Engine.Source inject(SystemRun run, int model, long at) {
        return new ScenarioRuns.At(at, now -> {
            int core = Integer.numberOfTrailingZeros(run.image().coreMask(0));
            ((Faultable) run.executor(0, core)).inject(model, 0, now);
        });
    }

    /** @return a source writing one byte into each of the first {@code pages} pages from {@code base} at {@code at}. */
    private static Engine.Source write(SystemRun run, long base, int pages, long at, long value) {
        return new ScenarioRuns.At(at, now -> {
            for (int i = 0; i < pages; i++) {
                long a = base + (long) i * RestorePoint.PAGE_BYTES + 100;
                if (run.board().bus().writeRamByte(a, (int) (value + i) & 0xFF | 1) != 0) {
                    throw new IllegalStateException("no RAM at 0x" + Long.toHexString(a));
                }
            }
        });
    }

    /** @return a source that flips a bit of the snapshot store's first page (the RTOS's snapshot is its first). */
    private static Engine.Source corruptStore(SystemRun run, long at) {
        return new ScenarioRuns.At(at, now -> {
            warden.emu.PhysicalMemory store = ((PortSnapshots) run.board().platform().snapshots()).store();
            store.writeByte(store.base() + 7, store.readByte(store.base() + 7) ^ 0x40);
        });
    }
}
