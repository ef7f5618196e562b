package warden.bench;

import warden.arm.ArmTarget;
import warden.emu.Board;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.Target;
import warden.emu.TraceRecorder;
import warden.kernel.Warden;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.riscv.RiscvTarget;
import warden.x86.X86Target;

/**
 * Booted kernels for the benchmarks: two partitions share core 0, "rtos" (ASIL-C, owns can0's line)
 * and "linux" (QM), so that the rtos's YIELD switches to linux and the rtos's interrupt switches
 * back (the rtos preempts); on the stub port or on a real port's board
 * (RISC-V, Arm, x86), with the kernel attached as the board's trap entry and the mission started.
 * Each rig checks that it is what it claims (boot OK, core 0 alternates between the two partitions)
 * and throws otherwise, so a benchmark never times a refusal.
 */
public final class Rigs {
    /** The port names a benchmark's {@code port} parameter takes. */
    public static final String STUB = "stub";
    private static final int STUB_LINE = 20;

    private Rigs() {
    }

    /** A booted and started kernel with its port. */
    public static final class Rig {
        public final Monitor monitor;
        /** The board of a real port, null on the stub. */
        public final Board board;
        /** The stub port, null on a real port. */
        public final StubPort stub;
        /** The interrupt line of the rtos's device (can0). */
        public final int line;

        Rig(Monitor monitor, Board board, StubPort stub, int line) {
            this.monitor = monitor;
            this.board = board;
            this.stub = stub;
            this.line = line;
        }

        /**
         * A monitor call by the guest on core 0: on a real port through the port's trap path
         * (the guest CPU's call, as its trap instruction), on the stub straight into the kernel.
         *
         * @return the kernel's status
         */
        public int call(int callId) {
            return board == null ? monitor.onMonitorCall(0, callId) : board.guest(0).call(callId, 0, 0);
        }

        /**
         * The rtos's device raises its line and core 0 takes the interrupt: the kernel claims it,
         * wakes the rtos, which preempts the linux partition if that runs.
         *
         * @return the kernel's status
         */
        public int interrupt() {
            if (board == null) {
                stub.raise(line);
            } else {
                board.lineInput().raise(line, board.guest(0).now());
            }
            return monitor.onExternalInterrupt(0);
        }
    }

    /** @return a rig on {@code port}: "stub", "riscv", "arm" or "x86". */
    public static Rig boot(String port) {
        Rig r = STUB.equals(port) ? stub() : real(target(port));
        check(r);
        return r;
    }

    /** @return the real target of that name. */
    public static Target target(String port) {
        switch (port) {
            case "riscv":
                return new RiscvTarget();
            case "arm":
                return new ArmTarget();
            case "x86":
                return new X86Target();
            default:
                throw new IllegalArgumentException("unknown port '" + port + "' (stub, riscv, arm, x86)");
        }
    }

    private static Rig stub() {
        StubPort s = new StubPort(2, StubPort.DEFAULT_WORDS);
        s.memoryAt(0x8000_0000L);
        s.scribble(17);
        Monitor m = Warden.create(s);
        bootAndStart(m, image(2, 0x8000_0000L, 0x20_0000L, 0x8040_0000L, 0x8100_0000L, 0x1001_0000L, STUB_LINE));
        return new Rig(m, null, s, STUB_LINE);
    }

    private static Rig real(Target t) {
        PlatformDescription d = t.description();
        long mon = d.monitorBase();
        long[] ram = partitionRam(d.target());
        DeviceSpec can = d.device("can0");
        SystemImage img = image(d.cores(), mon, d.monitorSize(), ram[0], ram[1], can.base(), can.line());
        Executor[] ex = new Executor[img.partitionCount() * d.cores()];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = new Idle();
        }
        Board b = t.build(img, ex, new ConsoleLog(new String[] {"rtos", "linux"}, false), new IrqStats(d.lines()),
                new TraceRecorder(d.cores(), false));
        Monitor m = Warden.create(b.platform());
        int st = m.boot(img);
        if (st != Status.OK) {
            throw new IllegalStateException(d.target() + ": boot refused: " + Status.name(st) + " "
                    + Monitor.imageCheckName(m.imageCheckCode()));
        }
        b.attach(m);
        if (m.start() != Status.OK) {
            throw new IllegalStateException(d.target() + ": start refused");
        }
        return new Rig(m, b, null, can.line());
    }

    /** @return the rtos's and linux's RAM bases on a target (x86: the rtos in SMRAM, linux outside). */
    public static long[] partitionRam(String target) {
        switch (target) {
            case "arm":
                return new long[] {0x0E40_0000L, 0x4100_0000L};
            default:
                return new long[] {0x8040_0000L, 0x8100_0000L};
        }
    }

    private static void bootAndStart(Monitor m, SystemImage img) {
        if (m.boot(img) != Status.OK || m.start() != Status.OK) {
            throw new IllegalStateException("stub: boot or start refused");
        }
    }

    /** rtos (ASIL-C, with can0 and its line) and linux (QM), both on core 0 only, 1 MiB of RAM each. */
    static SystemImage image(int cores, long mon, long monSize, long rtosRam, long linuxRam, long can, int line) {
        SystemImageBuilder b = SystemImage.builder(cores).monitor(mon, monSize);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, rtosRam, 0, false);
        b.region(rtos, rtosRam, 0x10_0000L, Access.ALL);
        b.device(rtos, "can0", can, 0x1000L);
        b.line(rtos, line, 0, 7);
        int linux = b.partition("linux", Criticality.QM, 0b01, linuxRam, 0, false);
        b.region(linux, linuxRam, 0x10_0000L, Access.ALL);
        return b.build();
    }

    /** Throws unless core 0 runs the rtos, its YIELD switches to linux and its interrupt back. */
    private static void check(Rig r) {
        int first = r.monitor.running(0);
        r.call(MonitorCall.YIELD);
        int second = r.monitor.running(0);
        r.interrupt();
        if (first != 0 || second != 1 || r.monitor.running(0) != 0) {
            throw new IllegalStateException("no world switch on YIELD and interrupt: " + first + " -> " + second
                    + " -> " + r.monitor.running(0));
        }
    }

    /** A guest that never runs an instruction: the benchmarks enter the kernel directly. */
    static final class Idle implements Executor {
        @Override
        public int run(GuestCpu cpu) {
            return EXIT_BUDGET;
        }

        @Override public void onInterrupt(int line, long nowNs) { }
        @Override public void onTimer(long nowNs) { }
        @Override public void onFault(int cause, long address, long nowNs) { }
        @Override public String kind() { return "idle"; }
    }
}
