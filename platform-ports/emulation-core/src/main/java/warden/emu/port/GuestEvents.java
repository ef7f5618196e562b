package warden.emu.port;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.TraceRecorder;

/**
 * What a port hands to the guest attached to a core ({@link GuestBinding}), and the entries it
 * writes into the run's timeline, the same on every architecture: an interrupt is counted as
 * delivered, recorded, then given to the executor; a timer goes to the executor; a redirected
 * fault is recorded, then given to the executor; a world switch opens the partition's span and
 * records the switch. The port sets its architectural state (cause registers, vectors) before it
 * calls these. Every timeline entry is built inside the recorder's enabled check, so with tracing
 * off the mission path allocates nothing.
 */
public final class GuestEvents {
    private final GuestBinding binding;
    private final IrqStats irqStats;
    private final TraceRecorder trace;

    public GuestEvents(GuestBinding binding, IrqStats irqStats, TraceRecorder trace) {
        this.binding = binding;
        this.irqStats = irqStats;
        this.trace = trace;
    }

    /** @return whether the timeline records entries (build an entry's text only then). */
    public boolean tracing() {
        return trace.enabled();
    }

    /** Records an instant on a core; call it inside {@link #tracing()}. */
    public void instant(int core, String name, String category, long nowNs, String args) {
        trace.instant(core, name, category, nowNs, args);
    }

    /** A device raised {@code line} at the controller; {@code label} names it ("raise line "). */
    public void lineRaised(String label, int line, long nowNs) {
        if (trace.enabled()) {
            trace.instant(0, label + line, "device", nowNs, null);
        }
    }

    /** The world switch attached a partition on {@code cpu} ({@link GuestBinding#attach} first). */
    public void switchedIn(GuestCpu cpu) {
        if (trace.enabled()) {
            String name = binding.name(binding.partition(cpu.core()));
            trace.running(cpu.core(), name, cpu.now());
            trace.instant(cpu.core(), "world switch", "kernel", cpu.now(), "{\"to\":\"" + name + "\"}");
        }
    }

    /** {@code cpu} runs no guest from now on. */
    public void idled(GuestCpu cpu) {
        if (trace.enabled()) {
            trace.running(cpu.core(), null, cpu.now());
        }
    }

    /** Delivers interrupt {@code line} to the guest on {@code cpu}: counted, recorded, handed over. */
    public void interrupt(GuestCpu cpu, int line) {
        irqStats.delivered(line, cpu.now());
        if (trace.enabled()) {
            trace.instant(cpu.core(), "irq " + line, "interrupt", cpu.now(), null);
        }
        Executor e = binding.executor(cpu.core());
        if (e != null) {
            e.onInterrupt(line, cpu.now());
        }
    }

    /** Delivers a timer interrupt to the guest on {@code cpu}. */
    public void timer(GuestCpu cpu) {
        Executor e = binding.executor(cpu.core());
        if (e != null) {
            e.onTimer(cpu.now());
        }
    }

    /**
     * Redirects fault {@code cause} to the guest on {@code cpu}: recorded under the architecture's
     * name for the cause ({@link GuestCpu#causeName}) with the faulting address under
     * {@code addressKey} (the register that holds it), then handed over.
     */
    public void fault(GuestCpu cpu, int cause, String addressKey, long address) {
        if (trace.enabled()) {
            trace.instant(cpu.core(), cpu.causeName(cause), "fault", cpu.now(),
                    "{\"" + addressKey + "\":\"0x" + Long.toHexString(address) + "\"}");
        }
        Executor e = binding.executor(cpu.core());
        if (e != null) {
            e.onFault(cause, address, cpu.now());
        }
    }
}
