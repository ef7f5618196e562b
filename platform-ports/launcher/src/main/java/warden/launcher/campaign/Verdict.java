package warden.launcher.campaign;

import warden.emu.FaultModel;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;

/**
 * Reads one run's result after a fault. The fault is detected only when the mechanism expected
 * for its model fired for it within the model's detection bound ({@link FaultBounds}): hang and
 * crash the watchdog (or boot timeout) of the faulted partition, a fault storm its fault limit,
 * an isolation violation the protection unit's denial of that very access logged by the kernel,
 * a deadline overrun and a memory corruption the RTOS's own report (its deadline monitor, its
 * self-test), a context bit flip the saved-context check, an interrupt storm the limiter masking
 * the partition's line, a timer stop the timer supervision of its home core. Anything else is
 * undetected (a memory corruption outside what any mechanism checks is latent). A detected
 * isolation violation is contained (the access never happened); the others are recovered when the
 * partition's recovery is logged after the detection. The critical deadline misses are split
 * into the faulted partition's own, interference in other critical partitions, and those under
 * a platform fault.
 *
 * [impl->dsn~campaign.verdict~2]
 */
final class Verdict {
    private Verdict() {
    }

    static RunOutcome of(int k, long seed, int model, PartitionSpec ps, int p, long inject, long address,
                         boolean applied, RunResult r, SystemDescription d) {
        long bound = FaultBounds.detectionNs(model, ps, d);
        long deadline = inject + bound;
        boolean byCore = model == FaultModel.TIMER_STOP;
        String kind = byCore ? "timer-fault" : model == FaultModel.INTERRUPT_STORM ? "interrupt-storm"
                : "failure-detected";
        RunResult.MonitorEvent hit = applied ? first(r, kind, ps, byCore, inject, deadline, expected(model)) : null;
        long detectedAt = hit == null ? -1 : hit.timeNs();
        String mechanism = hit == null ? null : byCore ? "timer-supervision"
                : model == FaultModel.INTERRUPT_STORM ? "interrupt-storm" : reason(hit.detail());
        String detail = hit == null ? null : hit.detail();
        if (applied && model == FaultModel.ISOLATION_VIOLATION) {
            RunResult.Violation v = denial(r, ps, address, inject, deadline);
            detectedAt = v == null ? -1 : v.timeNs();
            mechanism = v == null ? null : "isolation";
            detail = v == null ? null : v.kind() + " " + v.detail() + " at 0x" + Long.toHexString(v.address());
        }
        boolean detected = detectedAt >= 0;
        detail = detected || !applied ? detail : where(model, address);
        long recoveredAt = -1;
        if (detected && model != FaultModel.ISOLATION_VIOLATION) {
            String recovery = model == FaultModel.INTERRUPT_STORM ? "line-restored"
                    : byCore ? "timer-recovered" : "partition-recovered";
            RunResult.MonitorEvent back = first(r, recovery, ps, byCore, detectedAt, Long.MAX_VALUE, null);
            recoveredAt = back == null ? -1 : back.timeNs();
        }
        String outcome = outcome(model, applied, detected, recoveredAt >= 0);
        long all = criticalMisses(r, d, -1);
        long own = criticalMisses(r, d, p);
        boolean platform = FaultModel.platformFault(model);
        return new RunOutcome(k, seed, FaultModel.name(model), ps.name(), Campaign.critical(ps), inject, applied,
                detected, mechanism, detected ? detectedAt - inject : -1, recoveredAt >= 0,
                recoveredAt >= 0 ? recoveredAt - detectedAt : -1, all, outcome, detail, bound,
                platform ? 0 : own, FaultBounds.ownMisses(model, ps, d), platform ? 0 : all - own,
                platform ? all : 0);
    }

    /**
     * The verdict of a channel fault run: detected when the injector saw the model's evidence grow
     * within its bound ({@link ChannelInjector}); a detected fault is contained (the receiver did
     * not use the frame, or the ring's policy kept the sender from waiting). The mechanism names
     * the evidence, with "+health-monitor" when the receiver's state machine reported INVALID.
     * [impl->dsn~campaign.channel-detection~1]
     */
    static RunOutcome ofChannel(int k, long seed, int model, warden.launcher.config.ChannelSpec cs, PartitionSpec ps,
                                int p, ChannelInjector in, long bound, RunResult r, SystemDescription d) {
        boolean applied = in.applied();
        boolean detected = applied && in.detectedAt() >= 0;
        String mechanism = !detected ? null
                : (model == FaultModel.CHANNEL_FLOOD || model == FaultModel.CHANNEL_STOP_READING ? "ring-policy"
                : "e2e-" + evidenceName(model)) + (in.reported() ? "+health-monitor" : "");
        String detail = "channel " + cs.name() + (in.detail() == null ? "" : ": " + in.detail());
        String outcome = !applied ? RunOutcome.NOT_APPLIED : detected ? RunOutcome.CONTAINED : RunOutcome.UNDETECTED;
        long all = criticalMisses(r, d, -1);
        long own = criticalMisses(r, d, p);
        return new RunOutcome(k, seed, FaultModel.name(model), ps.name(), Campaign.critical(ps),
                applied ? in.injectedAt() : -1, applied, detected, mechanism,
                detected ? in.detectedAt() - in.injectedAt() : -1, false, -1, all, outcome, detail, bound, own, -1,
                all - own, 0);
    }

    private static String evidenceName(int model) {
        switch (model) {
            case FaultModel.CHANNEL_BIT_FLIP:
                return "corrupted";
            case FaultModel.CHANNEL_LOST:
                return "some-lost";
            case FaultModel.CHANNEL_REPEATED:
                return "repeated";
            case FaultModel.CHANNEL_REORDERED:
                return "wrong-sequence";
            case FaultModel.CHANNEL_DELAYED:
                return "stale";
            default:
                return "wrong-data-id";
        }
    }

    /** @return the deadline misses of critical partitions: all when {@code only} is -1, else partition only's. */
    private static long criticalMisses(RunResult r, SystemDescription d, int only) {
        long m = 0;
        for (int o = 0; o < d.partitions().size(); o++) {
            if (Campaign.critical(d.partitions().get(o)) && (only < 0 || o == only)) {
                m += r.partitions().get(o).deadlineMisses();
            }
        }
        return m;
    }

    private static String outcome(int model, boolean applied, boolean detected, boolean recovered) {
        return !applied ? RunOutcome.NOT_APPLIED
                : !detected ? (model == FaultModel.MEMORY_CORRUPTION ? RunOutcome.LATENT : RunOutcome.UNDETECTED)
                : model == FaultModel.ISOLATION_VIOLATION ? RunOutcome.CONTAINED
                : recovered ? RunOutcome.RECOVERED : RunOutcome.NOT_RECOVERED;
    }

    /** @return the health-monitor reasons that count as detecting {@code model}, or null for any. */
    private static String[] expected(int model) {
        switch (model) {
            case FaultModel.HANG:
            case FaultModel.CRASH:
                return new String[] {"watchdog", "crash"};
            case FaultModel.FAULT_STORM:
                return new String[] {"fault-storm"};
            case FaultModel.DEADLINE_OVERRUN:
            case FaultModel.MEMORY_CORRUPTION:
                return new String[] {"reported"};
            case FaultModel.CONTEXT_BIT_FLIP:
                return new String[] {"context"};
            default:
                return null;
        }
    }

    /**
     * @return the first monitor event of {@code kind} in [{@code from}, {@code to}] that concerns the
     *     faulted partition, or its home core when {@code byCore}, with one of the {@code reasons}
     *     (any when null); null when there is none
     */
    private static RunResult.MonitorEvent first(RunResult r, String kind, PartitionSpec ps, boolean byCore, long from,
                                                long to, String[] reasons) {
        for (RunResult.MonitorEvent e : r.events()) {
            boolean mine = byCore ? e.core() == ps.cores().get(0) : ps.name().equals(e.partition());
            if (e.kind().equals(kind) && mine && e.timeNs() >= from && e.timeNs() <= to
                    && (reasons == null || java.util.Arrays.asList(reasons).contains(reason(e.detail())))) {
                return e;
            }
        }
        return null;
    }

    /** @return where an undetected fault hit, for the models that draw an address; else null. */
    private static String where(int model, long address) {
        if (model == FaultModel.MEMORY_CORRUPTION) {
            return "bit " + (address & 7) + " of the byte at 0x" + Long.toHexString(address >>> 3);
        }
        boolean drawn = model == FaultModel.CRASH || model == FaultModel.FAULT_STORM
                || model == FaultModel.ISOLATION_VIOLATION;
        return drawn ? "access at 0x" + Long.toHexString(address) : null;
    }

    /** @return the kernel's record of the denied access to {@code address} by the partition, or null. */
    private static RunResult.Violation denial(RunResult r, PartitionSpec ps, long address, long from, long to) {
        for (RunResult.Violation v : r.violations()) {
            if (v.kind().equals("access-violation") && ps.name().equals(v.partition()) && v.address() == address
                    && v.timeNs() >= from && v.timeNs() <= to) {
                return v;
            }
        }
        return null;
    }

    /** @return the reason of a failure-detected event's detail ("reason -> action"). */
    private static String reason(String detail) {
        String d = detail == null ? "" : detail;
        return d.contains(" -> ") ? d.substring(0, d.indexOf(" -> ")) : d;
    }
}
