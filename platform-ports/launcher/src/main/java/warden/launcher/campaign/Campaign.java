package warden.launcher.campaign;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import warden.emu.FaultModel;
import warden.emu.SplitMix64;
import warden.emu.Target;
import warden.kernel.api.Criticality;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.ProbeSpec;
import warden.launcher.config.RichOsSpec;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;

/**
 * A fault-injection campaign: N runs of one system, each with one fault drawn from the fault
 * models at a random time into a random partition it applies to, all from one seed. Run k's
 * seed is derived from the campaign seed and k alone, so any run can be replayed by itself and
 * shards (runs k with k mod n = i) give the same runs on any machine.
 *
 * [impl->dsn~campaign.runs~1]
 */
public final class Campaign {
    /** Faults are injected between these virtual times. */
    static final long INJECT_FROM_NS = 10_000_000L;
    static final long INJECT_TO_NS = 60_000_000L;

    private final SystemDescription d;
    private final Target target;
    private final long seed;
    private final long runNs;
    private boolean channelFaults;
    private boolean bypassChecks;

    public Campaign(SystemDescription d, Target target, long seed, long runNs) {
        this.d = d;
        this.target = target;
        this.seed = seed;
        this.runNs = runNs;
    }

    /**
     * Draws the faults from the channel fault models instead of the partition ones.
     * @throws IllegalArgumentException when the system has no channel any model applies to
     */
    public Campaign channelFaults() {
        if (d.channels().isEmpty()) {
            throw new IllegalArgumentException("the system declares no channels: no channel fault can be injected");
        }
        channelFaults = true;
        return this;
    }

    /** The receivers take every frame unchecked: only for showing that channel detection is measured. */
    Campaign bypassChecks() {
        bypassChecks = true;
        return this;
    }

    /** @return whether the faults are the channel fault models. */
    public boolean channelFaultsOnly() {
        return channelFaults;
    }

    /**
     * Runs the campaign's runs {@code k < faults} with {@code k % shards == shard}, in parallel
     * (see {@link Execution}), and returns them in index order.
     */
    public List<RunOutcome> run(int faults, int shard, int shards, int threads, PrintStream progress) throws Exception {
        List<RunOutcome> out = new ArrayList<>();
        new Execution(this, faults, shard, shards, threads).progress(progress).run(out::add, () -> false);
        out.sort(Comparator.comparingInt(RunOutcome::index));
        return out;
    }

    /** A replayed run: its verdict and the whole run result. */
    public record Replayed(RunOutcome outcome, RunResult result) {
    }

    /** Runs campaign run {@code k} alone (also the way to replay an undetected fault). */
    public RunOutcome runOne(int k) throws SystemRun.BootRefused {
        return replay(k).outcome();
    }

    /** Runs campaign run {@code k} alone and keeps its full result, for {@code --replay}. */
    public Replayed replay(int k) throws SystemRun.BootRefused {
        long runSeed = SplitMix64.derive(seed, k);
        SplitMix64 r = new SplitMix64(runSeed);
        if (channelFaults) {
            return replayChannel(k, runSeed, r);
        }
        int model = (int) r.nextLong(FaultModel.COUNT);
        List<Integer> candidates = candidates(model);
        for (int tries = 0; candidates.isEmpty() && tries < FaultModel.COUNT; tries++) {
            model = (model + 1) % FaultModel.COUNT;
            candidates = candidates(model);
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no partition of this system can take any fault model");
        }
        int p = candidates.get((int) r.nextLong(candidates.size()));
        PartitionSpec ps = d.partitions().get(p);
        long inject = Math.min(r.between(INJECT_FROM_NS, INJECT_TO_NS), runNs / 2);
        long address = model == FaultModel.CONTEXT_BIT_FLIP ? r.nextLong(1L << 20)
                : FaultAddresses.draw(model, ps, d, target.description(), r);
        SystemRun run = new SystemRun(d, target, runNs, runSeed, false);
        FaultInjector injector = new FaultInjector(run, p, ps.cores().get(0), model, address, inject);
        RunResult result = run.boot(injector).run();
        RunOutcome o = Verdict.of(k, runSeed, model, ps, p, inject, address, injector.applied(), result, d);
        return new Replayed(o, result);
    }

    /**
     * A channel fault run: a channel model, then a channel it applies to (a flood only on a
     * channel whose sender is not critical: a critical sender is trusted not to flood), a time and
     * a bit, all from the run's seed. The faulted partition is the one the fault acts in: the
     * sender, or the receiver for a bit flip in the ring it reads and for a stopped reader.
     * [impl->dsn~campaign.channel-faults~1]
     */
    private Replayed replayChannel(int k, long runSeed, SplitMix64 r) throws SystemRun.BootRefused {
        int n = FaultModel.ALL - FaultModel.CHANNEL_FIRST;
        int model = FaultModel.CHANNEL_FIRST + (int) r.nextLong(n);
        List<Integer> channels = channelCandidates(model);
        for (int tries = 0; channels.isEmpty() && tries < n; tries++) {
            model = FaultModel.CHANNEL_FIRST + (model - FaultModel.CHANNEL_FIRST + 1) % n;
            channels = channelCandidates(model);
        }
        int c = channels.get((int) r.nextLong(channels.size()));
        warden.launcher.config.ChannelSpec cs = d.channels().get(c);
        boolean atSender = model != FaultModel.CHANNEL_BIT_FLIP && model != FaultModel.CHANNEL_STOP_READING;
        int p = d.partitionIndex(atSender ? cs.from() : cs.to());
        long inject = Math.min(r.between(INJECT_FROM_NS, INJECT_TO_NS), runNs / 2);
        long bit = r.nextLong(1L << 20);
        long bound = FaultBounds.channelDetectionNs(model, cs);
        SystemRun run = new SystemRun(d, target, runNs, runSeed, false);
        ChannelInjector injector = new ChannelInjector(run, model, c, bit, inject, bound, bypassChecks);
        RunResult result = run.boot(injector).run();
        RunOutcome o = Verdict.ofChannel(k, runSeed, model, cs, d.partitions().get(p), p, injector, bound, result, d);
        return new Replayed(o, result);
    }

    /** @return the channels channel fault {@code model} applies to. */
    private List<Integer> channelCandidates(int model) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < d.channels().size(); c++) {
            var cs = d.channels().get(c);
            boolean criticalSender = critical(d.partitions().get(d.partitionIndex(cs.from())));
            if (model != FaultModel.CHANNEL_FLOOD || !criticalSender) {
                out.add(c);
            }
        }
        return out;
    }

    private List<Integer> candidates(int model) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < d.partitions().size(); p++) {
            var w = d.partitions().get(p).workload();
            boolean applies = !(w instanceof ProbeSpec) && !(w instanceof warden.launcher.config.HostileSpec)
                    && !(w instanceof RichOsSpec && model == FaultModel.DEADLINE_OVERRUN)
                    && (model != FaultModel.INTERRUPT_STORM || stormable(d.partitions().get(p)));
            if (applies) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @return whether a storm of the partition's devices is a fault this campaign injects: a
     *     non-critical partition (the storm of a rich-OS device) with an interrupt line
     */
    private boolean stormable(PartitionSpec ps) {
        if (critical(ps)) {
            return false;
        }
        for (String name : ps.devices()) {
            var dev = target.description().device(name);
            if (dev != null && dev.line() > 0) {
                return true;
            }
        }
        return !ps.interrupts().isEmpty();
    }

    static boolean critical(PartitionSpec ps) {
        return Criticality.isCritical(ps.criticality());
    }
}
