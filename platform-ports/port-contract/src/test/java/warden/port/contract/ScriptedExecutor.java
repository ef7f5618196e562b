package warden.port.contract;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Executor;
import warden.emu.GuestCpu;

/**
 * An executor for the port contract suite: it records what the port delivers to it
 * ({@code "irq 10"}, {@code "timer"}, {@code "fault 5"}) and how often it was restarted, and when
 * run it computes out its budget, after an optional one-shot script of guest actions.
 */
public final class ScriptedExecutor implements Executor, warden.emu.Restartable {
    final List<String> events = new ArrayList<>();
    int restarts;

    /** Runs once, at the start of the next run, before the executor computes out its budget. */
    private java.util.function.Consumer<GuestCpu> script;

    /** Runs {@code actions} once at the start of the next run (calls, accesses on the guest's core). */
    public void scriptNextRun(java.util.function.Consumer<GuestCpu> actions) {
        script = actions;
    }

    /** @return how often the port restarted this executor (a fresh context of its vCPU). */
    public int restarts() {
        return restarts;
    }

    /** @return what the port delivered so far, oldest first (a live view). */
    public List<String> events() {
        return events;
    }

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

    @Override public void restart(long nowNs) { restarts++; }
}
