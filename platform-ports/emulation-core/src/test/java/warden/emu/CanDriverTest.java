package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.dev.can.CanBoard;
import warden.emu.dev.can.CanBus;
import warden.emu.dev.can.CanController;
import warden.emu.dev.can.CanStimulus;
import warden.emu.guest.CanDriver;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;

/** The board's CAN wiring ({@link CanBoard}) and the guests' CAN driver on a fake core. */
class CanDriverTest {
    private static final long BASE = 0x1001_0000L;
    private static final int LINE = 20;

    /** Counts raises per line. */
    private static final class Lines implements Stimulus.LineInput {
        final long[] raised = new long[64];

        @Override
        public boolean raise(int line, long nowNs) {
            raised[line]++;
            return true;
        }

        @Override
        public long heldRequests(int line) {
            return 0;
        }
    }

    /** A fake core whose accesses in [BASE, BASE + 0x1000) reach the controller (unless denied). */
    private static final class CanCpu extends FakeCpu {
        final CanController c;
        int accesses;

        CanCpu(CanController c) {
            this.c = c;
        }

        @Override
        public int load(long address, int size) {
            if (address < BASE || address >= BASE + 0x1000 || address >= deniedFrom) {
                return super.load(address, size);
            }
            accesses++;
            lastValue = c.read(address - BASE, size, time);
            return OK;
        }

        @Override
        public int store(long address, int size, long value) {
            if (address < BASE || address >= BASE + 0x1000 || address >= deniedFrom) {
                return super.store(address, size, value);
            }
            accesses++;
            c.write(address - BASE, size, value, time);
            return OK;
        }
    }

    private final Lines lines = new Lines();
    private final IrqStats stats = new IrqStats(64);
    private final CanBoard board = new CanBoard(lines, stats);

    /** Fires the bus's events up to {@code untilNs}, as the engine does at its step boundaries. */
    private static void runBus(CanBus bus, long untilNs) {
        for (int i = 0; i < 10_000 && bus.nextEventNs() <= untilNs; i++) {
            bus.fire(bus.nextEventNs());
        }
    }

    /** @return a driver of the controller behind {@code cpu}, after its boot programming. */
    private static CanDriver initialised(CanCpu cpu) {
        CanDriver d = new CanDriver(BASE);
        assertTrue(d.init(cpu));
        assertEquals(0, rd(cpu.c, CanController.CTRL), "on the bus");
        return d;
    }

    private static int rd(CanController c, int offset) {
        return (int) c.read(offset, 4, 0);
    }

    // [utest->dsn~can.board-wiring~1]
    @Test
    void eachControllerSitsOnABusOfItsOwnAndRaisesItsLineThroughTheLatencyBookkeeping() {
        BoardDevices.common(new DeviceSpec("can0", "can", BASE, 0x1000, LINE, false), null, null, board);
        BoardDevices.common(new DeviceSpec("can1", "can", BASE + 0x1000, 0x1000, LINE + 1, false), null, null, board);
        assertTrue(BoardDevices.common(new DeviceSpec("nic0", "nic", 0, 0x1000, 30, false), null, null, board)
                instanceof NullDevice);
        assertEquals(2, board.sources().length);
        assertSame(board.bus("can0"), board.sources()[0]);
        assertNotSame(board.bus("can0"), board.bus("can1"));
        assertNull(board.bus("nic0"));
        assertNull(board.controller("can2"));
        CanController c0 = board.controller("can0");
        CanController c1 = board.controller("can1");
        for (CanController c : new CanController[] {c0, c1}) {
            c.write(CanController.FILTER, 4, CanController.FILTER_ENABLE & 0xFFFF_FFFFL, 0);
            c.write(CanController.IE, 4, CanController.IR_RXNE, 0);
            c.write(CanController.CTRL, 4, 0, 0);
        }
        CanStimulus node = new CanStimulus(2_000_000L, 1);
        board.bus("can0").attach(node);
        node.addStream(0x120, false, 8, 1_000_000L, 1_000_000L);
        runBus(board.bus("can0"), 3_500_000L);
        runBus(board.bus("can1"), 3_500_000L);
        assertEquals(3, c0.receivedFrames(), "releases at 1, 2 and 3 ms");
        assertEquals(0, c1.receivedFrames(), "can1's bus carries none of can0's frames");
        assertEquals(3, lines.raised[LINE]);
        assertEquals(3, stats.raisedCount(LINE), "through IrqStats");
        assertEquals(0, lines.raised[LINE + 1]);
        assertEquals(2_000_000L, c0.bitTimePs(), "reset bit timing at the board's 40 MHz CAN clock: 500 kbit/s");
    }

    // [utest->dsn~emu.guest.can-driver~1]
    @Test
    void theDriverJoinsTheBusAcceptingEveryFrameAndPopsAllItHoldsAtEachInterrupt() {
        CanCpu cpu = new CanCpu(board.add("can0", LINE));
        CanController c = cpu.c;
        CanDriver d = initialised(cpu);
        assertEquals(CanController.IR_RXNE, rd(c, CanController.IE));
        assertEquals(CanController.FILTER_ENABLE, rd(c, CanController.FILTER));
        assertEquals(0, rd(c, CanController.FILTER + 4), "mask 0: every standard frame");
        CanStimulus node = new CanStimulus(2_000_000L, 7);
        board.bus("can0").attach(node);
        for (int i = 0; i < 3; i++) {
            node.send(0x100 + i, false, false, 8, i, 0);
        }
        runBus(board.bus("can0"), 2_000_000L);
        assertEquals(3, lines.raised[LINE], "one raise per frame stored");
        assertEquals(3, rd(c, CanController.RXSTAT) & 0xFF);
        assertTrue(d.service(cpu));
        assertEquals(3, d.frames(), "the handler drains the FIFO");
        assertEquals(1, d.acks());
        assertEquals(0x102, d.lastId());
        assertEquals(0, rd(c, CanController.RXSTAT) & 0xFF);
        assertEquals(0, rd(c, CanController.IR) & CanController.IR_RXNE, "RXNE acknowledged");
        assertTrue(d.service(cpu), "an interrupt with an empty FIFO pops nothing");
        assertEquals(3, d.frames());
        assertEquals(2, d.acks());
        assertEquals(0, d.faults());
    }

    // [utest->dsn~emu.guest.can-driver~1]
    @Test
    void aSecondInitAfterARestartProgramsTheFilterAgainAndAFaultingWindowStopsTheDriver() {
        CanCpu cpu = new CanCpu(board.add("can0", LINE));
        CanDriver d = initialised(cpu);
        CanController c = cpu.c;
        c.write(CanController.CTRL, 4, CanController.CTRL_INIT, 0);
        c.write(CanController.FILTER, 4, 0, 0);
        c.write(CanController.CTRL, 4, 0, 0);
        assertTrue(d.init(cpu), "a reboot");
        assertEquals(CanController.FILTER_ENABLE, rd(c, CanController.FILTER), "INIT first: the filter is writable");
        assertEquals(0, rd(c, CanController.CTRL));

        CanController other = board.add("can1", LINE + 1);
        CanCpu denied = new CanCpu(other);
        denied.deniedFrom = BASE;
        CanDriver d2 = new CanDriver(BASE);
        assertFalse(d2.init(denied));
        assertFalse(d2.service(denied));
        assertEquals(2, d2.faults(), "one faulting access each, then the routine ends");
        assertEquals(0, denied.accesses);
        assertEquals(CanController.CTRL_INIT, rd(other, CanController.CTRL), "the controller is untouched");
    }

    /**
     * Runs {@code g} past its 1 ms boot (which must program the controller), then sends one frame
     * with identifier {@code id} on can0's bus and runs {@code g} again after delivering the line.
     */
    private void bootThenOneFrame(Executor g, CanCpu cpu, int id) {
        cpu.until = 1_500_000;
        g.run(cpu);
        assertEquals(0, rd(cpu.c, CanController.CTRL), "programmed at boot");
        CanStimulus node = new CanStimulus(2_000_000L, 7);
        board.bus("can0").attach(node);
        node.send(id, false, false, 8, 0, cpu.time);
        runBus(board.bus("can0"), cpu.time + 1_000_000);
        assertEquals(1, cpu.c.receivedFrames());
        g.onInterrupt(LINE, cpu.time);
        cpu.attached = true;
        cpu.until = cpu.time + 100_000;
        g.run(cpu);
    }

    // [utest->dsn~emu.guest.can-driver~1]
    @Test
    void theRtosProgramsItsControllerAtBootAndServesItInItsInterruptHandler() {
        CanController c = board.add("can0", LINE);
        CanCpu cpu = new CanCpu(c);
        RtosGuest g = new RtosGuest("rtos", 1_000_000, 1_000_000, new String[] {"control"},
                new long[] {1_000_000}, new long[] {100_000}, new long[] {1_000_000}, LINE, 20_000, 0x8000_0000L);
        g.setCanDriver(new CanDriver(BASE));
        bootThenOneFrame(g, cpu, 0x321);
        assertTrue(g.booted());
        assertEquals(1, g.isrHandled());
        assertEquals(1, g.canDriver().frames());
        assertEquals(1, g.canDriver().acks());
        assertEquals(0x321, g.canDriver().lastId());
        assertEquals(0, rd(c, CanController.RXSTAT) & 0xFF);
    }

    // [utest->dsn~emu.guest.can-driver~1]
    @Test
    void theRichOsPrimaryProgramsItsControllerAndServesIt() {
        CanController c = board.add("can0", LINE);
        CanCpu cpu = new CanCpu(c);
        RichOsGuest g = new RichOsGuest("linux", true, 1_000_000, 4_000_000, 100_000, 200_000, 100_000, 200_000,
                LINE, 15_000, 0x8000_0000L, 3);
        g.setCanDriver(new CanDriver(BASE));
        bootThenOneFrame(g, cpu, 0x600);
        assertEquals(1, g.isrHandled());
        assertEquals(1, g.canDriver().frames());
        assertEquals(0x600, g.canDriver().lastId());
    }
}
