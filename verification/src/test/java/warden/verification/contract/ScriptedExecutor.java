package warden.verification.contract;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Executor;
import warden.emu.GuestCpu;

/** An executor that only records what the port delivers to it and computes when run. */
final class ScriptedExecutor implements Executor, warden.emu.Restartable {
    final List<String> events = new ArrayList<>();

    /** Runs once, at the start of the next run, before the executor computes out its budget. */
    java.util.function.Consumer<GuestCpu> script;

    @Override
    public int run(GuestCpu cpu) {
        if (script != null) {
            java.util.function.Consumer<GuestCpu> once = script;
            script = null;
            once.accept(cpu);
        }
        long b = cpu.budget();
        if (b > 0) {
            cpu.advance(b);
        }
        return EXIT_BUDGET;
    }

    @Override public void onInterrupt(int line, long nowNs) { events.add("irq " + line); }
    @Override public void onTimer(long nowNs) { events.add("timer"); }
    @Override public void onFault(int cause, long address, long nowNs) { events.add("fault " + cause); }
    @Override public String kind() { return "scripted"; }
    int restarts;

    @Override public void restart(long nowNs) { restarts++; }
}
