package warden.launcher.campaign;

import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.Faultable;
import warden.launcher.run.SystemRun;

/** An engine source that injects one fault into one partition's guest at one virtual time. */
final class FaultInjector implements Engine.Source {
    private final SystemRun run;
    private final int partition;
    private final int core;
    private final int model;
    private final long address;
    private long at;
    private boolean applied;

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
        Executor e = run.executor(partition, core);
        applied = e instanceof Faultable f && f.inject(model, address, nowNs);
        at = Long.MAX_VALUE;
    }

    boolean applied() {
        return applied;
    }
}
