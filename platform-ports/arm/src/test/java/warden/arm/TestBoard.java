package warden.arm;

import java.util.ArrayList;
import java.util.List;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.TraceRecorder;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.ProtectionUnit;

/**
 * A board for port tests: partition 0 "safe" (ASIL-D, Secure world) with 64 KiB of RAM and uart1,
 * partition 1 "rich" (QM, Non-secure world) with 64 KiB of RAM, both on core 0; a kernel stand-in
 * that records entries and answers calls.
 */
final class TestBoard {
    static final long SAFE_RAM = 0x8040_0000L;
    static final long RICH_RAM = 0x8100_0000L;
    static final long SIZE = 0x1_0000L;

    final ArmPlatform platform = ArmPlatform.virt();
    final PlatformDescription d = platform.description();
    final DeviceSpec uart1 = d.device("uart1");
    final Recorder safe = new Recorder();
    final Recorder rich = new Recorder();
    final Kernel kernel = new Kernel();
    final ArmMachine m;

    TestBoard() {
        SystemImageBuilder b = SystemImage.builder(d.cores()).monitor(0x8000_0000L, 0x20_0000L);
        int p0 = b.partition("safe", Criticality.ASIL_D, 1, SAFE_RAM, 0, false);
        b.region(p0, SAFE_RAM, SIZE, Access.ALL);
        b.device(p0, "uart1", uart1.base(), uart1.size());
        int p1 = b.partition("rich", Criticality.QM, 1, RICH_RAM, 0, false);
        b.region(p1, RICH_RAM, SIZE, Access.READ | Access.WRITE);
        SystemImage image = b.build();
        Executor[] ex = new Executor[2 * d.cores()];
        ex[0] = safe;
        ex[d.cores()] = rich;
        m = new ArmMachine(platform, image, ex, new ConsoleLog(new String[] {"safe", "rich"}, false),
                new IrqStats(d.lines()), new TraceRecorder(d.cores(), false));
        kernel.m = m;
        m.attach(kernel);
        ProtectionUnit pu = m.platform().protection();
        pu.protectMonitor(0x8000_0000L, 0x20_0000L);
        pu.beginSlot(0);
        pu.addRegion(0, SAFE_RAM, SIZE, Access.ALL);
        pu.addRegion(0, uart1.base(), uart1.size(), Access.READ | Access.WRITE);
        pu.beginSlot(1);
        pu.addRegion(1, RICH_RAM, SIZE, Access.READ | Access.WRITE);
    }

    /** Switches core 0 to {@code partition} from outside a trap, with a fresh context; @return it. */
    long[] enter(int partition) {
        long[] ctx = new long[ContextLayout.WORDS];
        m.initContext(ctx, 0, partition, 0, partition == 0 ? SAFE_RAM : RICH_RAM);
        m.platform().protection().activate(0, partition);
        m.restore(0, partition, ctx, 0);
        return ctx;
    }

    /** An executor that records what the port delivers. */
    static final class Recorder implements Executor {
        final List<String> events = new ArrayList<>();
        /** Records nothing (for the allocation test). */
        boolean quiet;

        @Override
        public int run(GuestCpu cpu) {
            long b = cpu.budget();
            if (b > 0) {
                cpu.advance(b);
            }
            return EXIT_BUDGET;
        }

        @Override public void onInterrupt(int line, long nowNs) { if (!quiet) { events.add("irq " + line); } }
        @Override public void onTimer(long nowNs) { if (!quiet) { events.add("timer"); } }
        @Override
        public void onFault(int cause, long address, long nowNs) {
            if (!quiet) {
                events.add("fault " + cause);
            }
        }
        @Override public String kind() { return "recorder"; }
    }

    /** A kernel stand-in: records entries (unless quiet), answers calls with a fixed status and value. */
    static final class Kernel implements TrapEntry {
        final List<String> entries = new ArrayList<>();
        boolean quiet;
        ArmMachine m;
        int status;
        long value;
        final long[] args = new long[6];

        private void record(String what, long n) {
            if (!quiet) {
                entries.add(what.equals("illegal") ? what : what + n);
            }
        }

        @Override
        public int onMonitorCall(int core, int callId) {
            for (int i = 0; i < 6; i++) {
                args[i] = m.callArg(core, i);
            }
            record("call ", callId);
            m.setCallResult(core, status, value);
            return status;
        }

        @Override
        public int onAccessFault(int core, int access, long address) {
            if (!quiet) {
                entries.add("fault " + access + " 0x" + Long.toHexString(address));
            }
            m.redirectFault(core);
            return 0;
        }

        @Override
        public int onIllegalInstruction(int core, long pc) {
            record("illegal", -1);
            return 0;
        }

        @Override
        public int onExternalInterrupt(int core) {
            int line = m.platform().interrupts().claim(core);
            record("irq ", line);
            if (line > 0) {
                m.platform().interrupts().complete(core, line);
            }
            return 0;
        }

        @Override
        public int onTimer(int core) {
            record("timer @", m.now(core));
            m.setDeadline(core, warden.kernel.port.Timer.NEVER);
            return 0;
        }
    }
}
