package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.EventRecords;
import warden.kernel.sched.VirtualTimers;

/** The interrupt-storm limiter: count per line and window, mask at the limit, unmask at the window's end. */
class StormLimitTest {
    private static final long WINDOW = 1_000_000;
    private FakePlatform f;
    private Monitor m;
    private KernelRig rig;

    private void boot(int linuxIrqLimit) {
        SystemImageBuilder b = Images.shared();
        b.health(1, 0, 0, WINDOW, 3, HealthAction.RESTART, HealthAction.STOP);
        b.irqLimit(1, linuxIrqLimit);
        rig = new KernelRig(b);
        f = rig.f;
        m = rig.m;
    }

    private void at(long t) {
        rig.at(t);
    }

    /** The NIC raises its line at time t and the kernel takes the interrupt on core 0. */
    private int nic(long t) {
        at(t);
        f.pending[Images.NIC_LINE] = true;
        return m.onExternalInterrupt(0);
    }

    private long routed() {
        return m.counter(Counter.INTERRUPTS);
    }

    private long last(int kind) {
        return rig.last(kind);
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void theInterruptThatReachesTheLimitIsDeliveredThenTheLineIsMaskedUntilTheWindowEnds() {
        boot(3);
        nic(100_000);
        nic(200_000);
        assertFalse(f.lineMasked[Images.NIC_LINE], "two interrupts are below the limit of 3");
        nic(300_000);
        assertTrue(f.lineMasked[Images.NIC_LINE], "the third reaches the limit: the line is masked");
        assertEquals(3, m.counter(Counter.INTERRUPTS));
        assertEquals(1, m.counter(Counter.INTERRUPT_STORMS));
        long s = last(EventKind.INTERRUPT_STORM);
        assertTrue(s >= 0, "interrupt-storm logged");
        EventRecords log = m.eventRecords();
        assertEquals(1, log.partition(s), "logged for the line's owner");
        assertEquals(Images.NIC_LINE, log.a(s));
        assertEquals(3, log.b(s));
        assertEquals(300_000, log.time(s));
        assertEquals(100_000 + WINDOW, f.deadline[0], "core 0's monitor timer set to the window's end");

        assertEquals(Status.OK, nic(600_000), "a masked line signals nothing");
        assertEquals(3, m.counter(Counter.INTERRUPTS));
        assertEquals(1, m.counter(Counter.SPURIOUS_INTERRUPTS));

        at(100_000 + WINDOW);
        m.onTimer(0);
        assertFalse(f.lineMasked[Images.NIC_LINE], "unmasked when the window ends");
        assertEquals(warden.kernel.port.Timer.NEVER, f.deadline[0],
                "nothing else is due on core 0: its timer is cleared");
        long r = last(EventKind.LINE_RESTORED);
        assertTrue(r > s);
        assertEquals(Images.NIC_LINE, log.a(r));
        assertEquals(100_000 + WINDOW - 300_000, log.b(r), "time the line was masked");
        assertEquals(PartitionState.BOOTING, m.partitionState(1), "a storm is no failure of the partition");
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED));
        assertEquals(0, m.restarts(1));
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void afterTheUnmaskTheLineCountsAgainFromZeroAndPendingRequestsAreTaken() {
        boot(2);
        nic(10);
        nic(20);
        assertTrue(f.lineMasked[Images.NIC_LINE]);
        f.pending[Images.NIC_LINE] = true; // one request pending in the controller while masked
        at(10 + WINDOW);
        m.onTimer(0);
        assertFalse(f.lineMasked[Images.NIC_LINE]);
        assertEquals(Status.OK, m.onExternalInterrupt(0));
        assertEquals(3, m.counter(Counter.INTERRUPTS), "the pending request is taken after the unmask");
        assertFalse(f.lineMasked[Images.NIC_LINE], "first interrupt of the new window: below the limit");
        nic(20 + WINDOW);
        assertTrue(f.lineMasked[Images.NIC_LINE], "the second of the new window reaches the limit again");
        assertEquals(2, m.counter(Counter.INTERRUPT_STORMS));
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void interruptsSpreadOverWindowsNeverReachTheLimit() {
        boot(3);
        for (int i = 0; i < 20; i++) {
            nic(i * (WINDOW / 2 + 1));
        }
        assertFalse(f.lineMasked[Images.NIC_LINE]);
        assertEquals(0, m.counter(Counter.INTERRUPT_STORMS));
        assertEquals(20, routed());
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void withoutALimitALineIsNeverMaskedAndOtherPartitionsLinesAreNotLimited() {
        boot(0);
        for (int i = 0; i < 500; i++) {
            nic(i * 10L);
        }
        assertFalse(f.lineMasked[Images.NIC_LINE]);
        assertEquals(500, routed());
        boot(1);
        for (int i = 0; i < 50; i++) {
            at(i * 10L);
            f.pending[Images.CAN_LINE] = true;
            m.onExternalInterrupt(0);
        }
        assertFalse(f.lineMasked[Images.CAN_LINE], "the rtos has no irqLimit");
        assertEquals(0, m.counter(Counter.INTERRUPT_STORMS));
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void aLineStaysMaskedUntilTheLastNanosecondOfItsWindowAndANewWindowStartsAtItsEnd() {
        boot(2);
        nic(10);
        nic(10 + WINDOW);
        assertFalse(f.lineMasked[Images.NIC_LINE], "the second interrupt falls in a new window: count 1");
        nic(20 + WINDOW);
        assertTrue(f.lineMasked[Images.NIC_LINE]);
        long end = 10 + 2 * WINDOW;
        at(end - 1);
        m.onTimer(0);
        assertTrue(f.lineMasked[Images.NIC_LINE], "still masked one nanosecond before the window ends");
        at(end);
        m.onTimer(0);
        assertFalse(f.lineMasked[Images.NIC_LINE]);
    }

    // [utest->dsn~health.irq-storm~1]
    @Test
    void aLineOfAnotherCoreIsMaskedAndUnmaskedByThatCoresTimerOnly() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", warden.kernel.api.Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, warden.kernel.api.Access.ALL);
        int linux = b.partition("linux", warden.kernel.api.Criticality.QM, 0b11, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, warden.kernel.api.Access.ALL);
        b.line(linux, Images.NIC_LINE, 1, 1); // linux's NIC goes to core 1
        b.health(1, 0, 0, WINDOW, 3, HealthAction.RESTART, HealthAction.STOP);
        b.irqLimit(1, 1);
        rig = new KernelRig(b);
        f = rig.f;
        m = rig.m;
        at(100);
        f.pending[Images.NIC_LINE] = true;
        m.onExternalInterrupt(1);
        assertTrue(f.lineMasked[Images.NIC_LINE]);
        assertEquals(100 + WINDOW, f.deadline[1], "core 1's timer ends the window");
        assertEquals(100 + WINDOW + warden.kernel.sched.VirtualTimers.TIMER_SLACK_NS + 1, f.deadline[0],
                "core 0 only watches core 1: the window of core 1's line is not core 0's deadline");
        at(100 + WINDOW);
        m.onTimer(0);
        assertTrue(f.lineMasked[Images.NIC_LINE], "core 0's timer does not unmask core 1's line");
        m.onTimer(1);
        assertFalse(f.lineMasked[Images.NIC_LINE]);
    }
}
