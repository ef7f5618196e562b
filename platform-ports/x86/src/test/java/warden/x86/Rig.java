package warden.x86;

import java.util.ArrayList;
import java.util.List;
import warden.emu.ConsoleLog;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.TraceRecorder;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.TrapEntry;

/**
 * A test board: partition 0 "safety" (ASIL-C, core 0, 1 MiB in SMRAM at 0x8040_0000, can0),
 * partition 1 "rich" (QM, cores 0..3, 16 MiB at 0x8100_0000, nic0), a recording kernel.
 */
final class Rig implements TrapEntry {
    static final long SAFE = 0x8040_0000L;
    static final long RICH = 0x8100_0000L;
    final X86Platform platform = X86Platform.q35Like();
    final X86Machine m;
    final Guest[] guests = new Guest[8];
    final List<String> entries = new ArrayList<>();
    int answer = Status.OK;
    boolean record = true;
    long answerValue;

    /** An executor that records what reaches it and computes its whole budget. */
    static final class Guest implements Executor {
        final List<String> events = new ArrayList<>();
        boolean record = true;

        @Override
        public int run(GuestCpu cpu) {
            long b = cpu.budget();
            if (b > 0) {
                cpu.advance(b);
            }
            return EXIT_BUDGET;
        }

        @Override public void onInterrupt(int line, long nowNs) { if (record) { events.add("irq " + line); } }
        @Override public void onTimer(long nowNs) { if (record) { events.add("timer"); } }
        @Override
        public void onFault(int cause, long address, long nowNs) {
            if (record) {
                events.add("fault " + cause);
            }
        }
        @Override public String kind() { return "test"; }
    }

    Rig() {
        SystemImageBuilder b = SystemImage.builder(4).monitor(0x8000_0000L, 0x20_0000L);
        int p0 = b.partition("safety", Criticality.ASIL_C, 1, SAFE, 0, false);
        b.region(p0, SAFE, 0x10_0000L, Access.ALL);
        b.device(p0, "can0", 0x8081_0000L, 0x1000L);
        b.line(p0, 20, 0, 7);
        int p1 = b.partition("rich", Criticality.QM, 0xF, RICH, 0, false);
        b.region(p1, RICH, 0x100_0000L, Access.ALL);
        b.device(p1, "nic0", 0xC002_0000L, 0x1000L);
        b.line(p1, 30, 1, 3);
        SystemImage image = b.build();
        for (int i = 0; i < guests.length; i++) {
            guests[i] = new Guest();
        }
        Executor[] ex = new Executor[8];
        ex[0] = guests[0];
        for (int c = 0; c < 4; c++) {
            ex[4 + c] = guests[4 + c];
        }
        m = new X86Machine(platform, image, ex, new ConsoleLog(new String[] {"safety", "rich"}, false),
                new IrqStats(64), new TraceRecorder(4, false));
        m.attach(this);
        m.platform().protection().protectMonitor(0x8000_0000L, 0x20_0000L);
        m.platform().protection().beginSlot(0);
        m.platform().protection().addRegion(0, SAFE, 0x10_0000L, Access.ALL);
        m.platform().protection().beginSlot(1);
        m.platform().protection().addRegion(1, RICH, 0x100_0000L, Access.ALL);
        m.platform().interrupts().route(20, 0, 7, true);
        m.platform().interrupts().route(30, 1, 3, false);
    }

    /** Stops recording (for the allocation test): the rig itself then allocates nothing. */
    void quiet() {
        record = false;
        for (Guest g : guests) {
            g.record = false;
        }
    }

    /** Puts partition p on core c as the kernel would at start (outside a trap). */
    long[] enter(int p, int c) {
        long[] ctx = new long[m.contextWords()];
        m.initContext(ctx, 0, p, c, p == 0 ? SAFE : RICH);
        m.platform().protection().activate(c, p);
        m.restore(c, p, ctx, 0);
        return ctx;
    }

    void runAll(long until) {
        for (int c = 0; c < 4; c++) {
            m.core(c).runUntil(until);
        }
    }

    @Override
    public int onMonitorCall(int core, int callId) {
        if (record) {
            entries.add("call " + core + " " + callId + " " + m.callArg(core, 0) + " " + m.callArg(core, 1));
        }
        m.setCallResult(core, answer, answerValue);
        return answer;
    }

    @Override
    public int onAccessFault(int core, int access, long address) {
        if (record) {
            entries.add("fault " + core + " " + access + " 0x" + Long.toHexString(address));
        }
        m.redirectFault(core);
        return 0;
    }

    @Override
    public int onIllegalInstruction(int core, long pc) {
        if (record) {
            entries.add("illegal " + core);
        }
        return 0;
    }

    @Override
    public int onExternalInterrupt(int core) {
        int line = m.platform().interrupts().claim(core);
        if (record) {
            entries.add("irq " + core + " " + line);
        }
        return 0;
    }

    @Override
    public int onTimer(int core) {
        if (record) {
            entries.add("timer " + core + " @" + m.now(core));
        }
        m.setDeadline(core, Long.MAX_VALUE);
        return 0;
    }
}
