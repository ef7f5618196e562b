package warden.launcher.campaign;

import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.launcher.run.SystemRun;

/**
 * An engine source that injects one fault into one partition at one virtual time: into its guest
 * (through {@link Faultable}), or, for an interrupt storm, at the interrupt controller's input of
 * the partition's first interrupt line, where it then raises that line every
 * {@link FaultModel#STORM_PERIOD_NS} for {@link FaultModel#STORM_DURATION_NS}; or, for a context
 * bit flip, into the kernel's store of saved contexts; for a timer stop, into the comparator of the
 * partition's home core, which then reads "never".
 *
 * [impl->dsn~campaign.fault-models~2]
 */
final class FaultInjector implements Engine.Source {
    private final SystemRun run;
    private final int partition;
    private final int core;
    private final int model;
    private final long address;
    private long at;
    private boolean applied;
    private int stormLine;
    private long stormEnd;

    FaultInjector(SystemRun run, int partition, int core, int model, long address, long at) {
        this.run = run;
        this.partition = partition;
        this.core = core;
        this.model = model;
        this.address = address;
        this.at = at;
    }

    @Override
    public long nextEventNs() {
        return at;
    }

    @Override
    public void fire(long nowNs) {
        if (model == FaultModel.INTERRUPT_STORM) {
            storm(nowNs);
            return;
        }
        if (model == FaultModel.CONTEXT_BIT_FLIP) {
            upsetContext(nowNs);
            return;
        }
        if (model == FaultModel.TIMER_STOP) {
            run.board().platform().timer().setDeadline(core, warden.kernel.port.Timer.NEVER);
            applied = true;
            at = Long.MAX_VALUE;
            return;
        }
        Executor e = run.executor(partition, core);
        applied = e instanceof Faultable f && f.inject(model, address, nowNs);
        at = Long.MAX_VALUE;
    }

    private void storm(long nowNs) {
        if (!applied) {
            stormLine = firstLine();
            if (stormLine == 0) {
                at = Long.MAX_VALUE;
                return;
            }
            applied = true;
            stormEnd = nowNs + FaultModel.STORM_DURATION_NS;
        }
        run.irqStats().request(run.board().lineInput(), stormLine, nowNs);
        at = nowNs + FaultModel.STORM_PERIOD_NS < stormEnd ? nowNs + FaultModel.STORM_PERIOD_NS : Long.MAX_VALUE;
    }

    /**
     * Flips bit {@code address & 63} of word {@code (address >>> 6) mod contextWords} of a saved
     * context of the partition: the first of its cores where its vCPU is switched out; when every
     * one runs now, it tries again one engine quantum later.
     */
    private void upsetContext(long nowNs) {
        int words = run.board().platform().cpu().contextWords();
        int word = (int) Long.remainderUnsigned(address >>> 6, words);
        int bit = (int) (address & 63);
        for (int c = 0; c < run.image().coreCount(); c++) {
            if ((run.image().coreMask(partition) & (1 << c)) != 0
                    && run.monitor().upsetSavedContext(partition, c, word, bit) == Status.OK) {
                applied = true;
                at = Long.MAX_VALUE;
                return;
            }
        }
        at = nowNs + Engine.DEFAULT_QUANTUM_NS;
    }

    /** @return the lowest interrupt line the partition owns, or 0. */
    private int firstLine() {
        SystemImage img = run.image();
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (img.lineOwner(l) == partition) {
                return l;
            }
        }
        return 0;
    }

    boolean applied() {
        return applied;
    }
}
