package warden.port.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.emu.Board;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.Target;
import warden.emu.TraceRecorder;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;

/**
 * The port contract: what every port promises the kernel, checked the same way on every target
 * (JCTools' QueueSanityTest pattern: one abstract suite, one subclass per port). Where an
 * architecture forces a difference, the subclass states it through a hook, and the test checks
 * the stated behaviour.
 *
 * <p>To run it against a new port, depend on {@code dev.warden:port-contract} as a
 * {@code test-jar} (test scope), extend this class once in the port's tests, return the port's
 * {@link Target} from {@link #newTarget()} and state {@link #deniedAccessFaults()} (and
 * {@link #deniedReadValue()} when denials do not fault); see docs/porting-guide.adoc. The target
 * must describe at least one core, a device with an interrupt line that is not monitor-only, and
 * room for two 64 KiB regions after the monitor's memory.
 */
public abstract class PortContractTest {
    protected static final long REGION_SIZE = 0x1_0000L;
    protected Target target;
    protected PlatformDescription d;
    protected Board board;
    protected Platform port;
    protected RecordingKernel kernel;
    protected ScriptedExecutor guest0;
    protected ScriptedExecutor guest1;
    protected long regionBase;
    protected DeviceSpec device;

    /** @return the port under test. */
    protected abstract Target newTarget();

    /**
     * @return true when a denied access raises a fault the kernel sees (false on x86 SMRR: reads
     *         give a fixed value).
     */
    protected abstract boolean deniedAccessFaults();

    /**
     * @return the value a denied 4-byte read of monitor memory returns when denied accesses do not
     *         fault (x86 SMRR: "read accesses return a fixed value for each byte", all ones here);
     *         unused when they fault.
     */
    protected long deniedReadValue() {
        return 0;
    }

    @BeforeEach
    void build() {
        target = newTarget();
        d = target.description();
        regionBase = d.monitorBase() + d.monitorSize();
        for (DeviceSpec s : d.devices()) {
            if (!s.monitorOnly() && s.line() > 0 && device == null) {
                device = s;
            }
        }
        SystemImageBuilder b = SystemImage.builder(d.cores()).monitor(d.monitorBase(), d.monitorSize());
        int p0 = b.partition("a", Criticality.ASIL_B, 1, regionBase, 0, false);
        b.region(p0, regionBase, REGION_SIZE, Access.READ | Access.WRITE);
        b.device(p0, device.name(), device.base(), device.size());
        b.line(p0, device.line(), 0, 7);
        int p1 = b.partition("b", Criticality.QM, 1, regionBase + 4 * REGION_SIZE, 0, false);
        b.region(p1, regionBase + 4 * REGION_SIZE, REGION_SIZE, Access.ALL);
        SystemImage image = b.build();
        guest0 = new ScriptedExecutor();
        guest1 = new ScriptedExecutor();
        Executor[] ex = new Executor[2 * d.cores()];
        ex[0] = guest0;
        ex[d.cores()] = guest1;
        board = target.build(image, ex, new ConsoleLog(new String[] {"a", "b"}, false), new IrqStats(d.lines()),
                new TraceRecorder(d.cores(), false));
        port = board.platform();
        kernel = new RecordingKernel(port);
        board.attach(kernel);
        ProtectionUnit pu = port.protection();
        assertEquals(Status.OK, pu.protectMonitor(d.monitorBase(), d.monitorSize()));
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, regionBase, REGION_SIZE, Access.READ | Access.WRITE));
        assertEquals(Status.OK, pu.addRegion(0, device.base(), device.size(), Access.READ | Access.WRITE));
        assertEquals(Status.OK, pu.beginSlot(1));
        assertEquals(Status.OK, pu.addRegion(1, regionBase + 4 * REGION_SIZE, REGION_SIZE, Access.ALL));
    }

    private long[] enter(int partition) {
        long[] ctx = new long[port.cpu().contextWords()];
        port.cpu().initContext(ctx, 0, partition, 0, partition == 0 ? regionBase : regionBase + 4 * REGION_SIZE);
        port.protection().activate(0, partition);
        port.cpu().restore(0, partition, ctx, 0);
        return ctx;
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aSavedContextIsTheContextThatWasRestored() {
        long[] ctx = enter(0);
        long[] saved = new long[ctx.length];
        port.cpu().save(0, saved, 0);
        assertArrayEquals(ctx, saved);
    }

    // [utest->dsn~port.contract~1]
    @Test
    void nothingOfOneWorldIsVisibleInTheNextAfterASwitch() {
        enter(0);
        kernel.answer(Status.OK, 0x5EC2E7L);
        board.guest(0).call(MonitorCall.GET_TIME, 0x1111_2222_3333L, 0x4444_5555_6666L);
        long[] secret = new long[port.cpu().contextWords()];
        port.cpu().save(0, secret, 0);
        long[] fresh = enter(1);
        long[] seen = new long[fresh.length];
        port.cpu().save(0, seen, 0);
        assertArrayEquals(fresh, seen, "the next world sees exactly its own context");
        for (long word : seen) {
            assertFalse(word == 0x5EC2E7L || word == 0x1111_2222_3333L || word == 0x4444_5555_6666L,
                    "a value of the previous world leaked");
        }
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aMonitorCallReachesTheKernelWithItsArgumentsAndReturnsItsResult() {
        enter(0);
        kernel.answer(Status.DENIED, 77);
        GuestCpu cpu = board.guest(0);
        assertEquals(Status.DENIED, cpu.call(MonitorCall.PARTITION_INFO, 5, 6));
        assertEquals(77, cpu.lastValue());
        assertEquals("call 0 " + MonitorCall.PARTITION_INFO, kernel.last());
        assertEquals(5, kernel.lastArgs[0]);
        assertEquals(6, kernel.lastArgs[1]);
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aGuestReachesItsOwnMemoryAndDeviceAndNothingElse() {
        enter(0);
        GuestCpu cpu = board.guest(0);
        assertEquals(GuestCpu.OK, cpu.store(regionBase + 8, 8, 0x1234));
        assertEquals(GuestCpu.OK, cpu.load(regionBase + 8, 8));
        assertEquals(0x1234, cpu.lastValue());
        assertEquals(GuestCpu.OK, cpu.load(device.base(), 4));
        int before = kernel.entries.size();
        int r = cpu.load(d.monitorBase(), 4);
        if (deniedAccessFaults()) {
            assertEquals(GuestCpu.FAULT, r, "monitor memory");
            assertEquals("fault 0 " + Access.READ + " 0x" + Long.toHexString(d.monitorBase()), kernel.last());
            assertEquals(GuestCpu.FAULT, cpu.store(regionBase + 4 * REGION_SIZE, 4, 1), "another partition");
            assertEquals(GuestCpu.FAULT, cpu.fetch(regionBase), "no execute permission");
            assertEquals(before + 3, kernel.entries.size());
            assertTrue(guest0.events.contains("fault " + cpu.lastFaultCause()), "redirected to the guest");
        }
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aDeniedAccessThatDoesNotFaultDropsTheWriteReadsTheFixedValueAndIsStillLogged() {
        if (deniedAccessFaults()) {
            return;
        }
        enter(1);
        GuestCpu cpu = board.guest(0);
        int before = port.memory().readByte(d.monitorBase());
        assertEquals(GuestCpu.OK, cpu.store(d.monitorBase(), 1, 0x5A));
        assertEquals(before, port.memory().readByte(d.monitorBase()), "the write was dropped");
        assertEquals(GuestCpu.OK, cpu.load(d.monitorBase(), 4));
        assertEquals(deniedReadValue(), cpu.lastValue(), "the fixed value");
        assertTrue(kernel.entries.contains("fault 0 " + Access.READ + " 0x" + Long.toHexString(d.monitorBase())),
                "the kernel still learns of the denial: " + kernel.entries);
    }

    /**
     * What a channel's receiver relies on: a region its slot holds read-only (the ring) is read, and
     * a write to it changes nothing and reaches the kernel as a denial (a fault where the port's
     * denials fault).
     */
    // [utest->dsn~port.contract~1]
    // [utest->dsn~channel.protection~1]
    @Test
    void aRegionHeldReadOnlyIsReadAndNeverWritten() {
        long ring = regionBase + 8 * REGION_SIZE;
        assertEquals(Status.OK, port.protection().addRegion(0, ring, 0x1000, Access.READ), "a receiver's ring");
        enter(0);
        GuestCpu cpu = board.guest(0);
        int before = port.memory().readByte(ring);
        assertEquals(GuestCpu.OK, cpu.load(ring, 8), "the receiver reads the ring");
        int w = cpu.store(ring, 8, ~0L);
        assertEquals(before, port.memory().readByte(ring), "the write changed nothing");
        assertTrue(kernel.entries.contains("fault 0 " + Access.WRITE + " 0x" + Long.toHexString(ring)),
                "the kernel learns of the denied write: " + kernel.entries);
        if (deniedAccessFaults()) {
            assertEquals(GuestCpu.FAULT, w);
        }
        int beside = port.memory().readByte(ring + 0x1000);
        cpu.store(ring + 0x1000, 8, ~0L);
        assertEquals(beside, port.memory().readByte(ring + 0x1000), "beside the ring nothing is mapped");
        assertTrue(kernel.entries.contains("fault 0 " + Access.WRITE + " 0x" + Long.toHexString(ring + 0x1000)),
                "the kernel learns of that write too: " + kernel.entries);
    }

    // [utest->dsn~port.contract~1]
    @Test
    void withNoSlotActiveAGuestReachesNothing() {
        enter(0);
        port.protection().activate(0, ProtectionUnit.NO_SLOT);
        if (deniedAccessFaults()) {
            assertEquals(GuestCpu.FAULT, board.guest(0).load(regionBase, 4));
        }
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aRoutedLineIsClaimedOnceOnItsCoreOnly() {
        assertEquals(Status.OK, port.interrupts().route(device.line(), 0, 7, true));
        board.lineInput().raise(device.line(), 0);
        if (d.cores() > 1) {
            assertEquals(0, port.interrupts().claim(1), "not routed to core 1");
        }
        assertEquals(device.line(), port.interrupts().claim(0));
        assertEquals(0, port.interrupts().claim(0), "claimed once");
        port.interrupts().complete(0, device.line());
    }

    // [utest->dsn~port.contract~1]
    @Test
    void aRaisedLineEntersTheKernelOnItsCore() {
        enter(0);
        port.interrupts().route(device.line(), 0, 7, true);
        board.lineInput().raise(device.line(), 0);
        board.cores()[0].runUntil(1_000);
        assertTrue(kernel.entries.contains("irq 0 " + device.line()), kernel.entries.toString());
    }

    // [utest->dsn~port.contract~1]
    @Test
    void theTimerEntersTheKernelAtItsDeadlineNotBefore() {
        enter(0);
        port.timer().setDeadline(0, 50_000);
        board.cores()[0].runUntil(49_000);
        assertFalse(kernel.entries.stream().anyMatch(e -> e.startsWith("timer")), "not before its deadline");
        board.cores()[0].runUntil(60_000);
        String t = kernel.entries.stream().filter(e -> e.startsWith("timer")).findFirst().orElse("none");
        long at = Long.parseLong(t.substring(t.indexOf('@') + 1));
        assertTrue(at >= 50_000 && at < 51_000, t);
        assertEquals(Timer.NEVER, Timer.NEVER);
    }

    // [utest->dsn~port.contract~1]
    @Test
    void deliveredEventsReachTheGuestOnTheCore() {
        enter(0);
        port.cpu().deliverInterrupt(0, device.line());
        port.cpu().deliverTimer(0);
        assertEquals("[irq " + device.line() + ", timer]", guest0.events.toString());
    }

    // [utest->dsn~emu.frozen-calls~1]
    // [utest->dsn~port.contract~1]
    @Test
    void aVcpuSwitchedOffItsCoreDuringACallMakesNoFurtherCall() {
        enter(0);
        kernel.answer(Status.OK, 0);
        kernel.duringNextCall(() -> { // the kernel switches core 0 to partition 1 inside the call
            long[] saved = new long[port.cpu().contextWords()];
            port.cpu().save(0, saved, 0);
            long[] next = new long[port.cpu().contextWords()];
            port.cpu().initContext(next, 0, 1, 0, regionBase + 4 * REGION_SIZE);
            port.protection().activate(0, 1);
            port.cpu().restore(0, 1, next, 0);
        });
        int[] second = new int[1];
        guest0.scriptNextRun(cpu -> {
            cpu.call(MonitorCall.GET_TIME, 0, 0);
            second[0] = cpu.call(MonitorCall.VERSION, 0, 0);
        });
        board.cores()[0].runUntil(5_000);
        assertEquals(1, kernel.entries.stream().filter(e -> e.startsWith("call 0 ")).count(),
                kernel.entries.toString());
        assertEquals("call 0 " + MonitorCall.GET_TIME, kernel.entries.get(0));
        assertEquals(Status.FAILED, second[0], "the frozen vCPU's call reaches no monitor");
    }

    // [utest->dsn~health.restart~1]
    // [utest->dsn~port.contract~1]
    @Test
    void aFreshContextReloadsTheGuestAsFromItsGoldenImage() {
        int before0 = guest0.restarts;
        int before1 = guest1.restarts;
        long[] ctx = new long[port.cpu().contextWords()];
        port.cpu().initContext(ctx, 0, 0, 0, regionBase);
        assertEquals(before0 + 1, guest0.restarts, "the port restarts the guest of that vCPU");
        assertEquals(before1, guest1.restarts, "and no other");
    }

    // [utest->dsn~port.contract~1]
    @Test
    void anIdleCoreRunsNoGuest() {
        enter(0);
        long[] ctx = new long[port.cpu().contextWords()];
        port.cpu().save(0, ctx, 0);
        port.cpu().idle(0);
        board.cores()[0].runUntil(10_000);
        assertTrue(guest0.events.isEmpty());
        assertEquals(10_000, port.timer().now(0), "an idle core's time still moves");
    }

    /**
     * The monitor's access to a mediated device register: a 32-bit read and write on the bus at the
     * device's window, whichever partition's slot is active (the kernel has checked the access), the
     * same register a guest's MMIO access reaches; -1 where no device or RAM answers.
     */
    // [utest->dsn~port.device-access~1]
    @Test
    void theMonitorReadsAndWritesADeviceRegisterWhoeverRuns() {
        DeviceSpec can = null;
        for (DeviceSpec s : d.devices()) {
            if (s.kind().equals("can") && can == null) {
                can = s;
            }
        }
        assertTrue(can != null, "every board has a CAN controller");
        enter(1); // partition b owns no device: the monitor's access does not go through its slot
        long id = can.base() + warden.emu.dev.can.CanRegisters.offset("MB2_ID");
        assertEquals(warden.emu.dev.can.CanController.ID_VALUE,
                port.memory().readDevice(can.base() + warden.emu.dev.can.CanRegisters.offset("ID")));
        assertEquals(0, port.memory().writeDevice(id, 0x642));
        assertEquals(0x642, port.memory().readDevice(id));
        assertEquals(0, port.memory().writeDevice(id, 0xFFFF_FFFF));
        assertEquals(0x1FFF_FFFFL | warden.emu.dev.can.CanController.XTD | warden.emu.dev.can.CanController.RTR,
                port.memory().readDevice(id), "an unsigned 32-bit value, as the register keeps it");
        long hole = 0xFFFF_FFFF_F000L;
        assertEquals(-1, port.memory().readDevice(hole), "a bus error");
        assertEquals(-1, port.memory().writeDevice(hole, 1));
        assertTrue(kernel.entries.isEmpty(), "no trap: the monitor's own access " + kernel.entries);
    }
}
