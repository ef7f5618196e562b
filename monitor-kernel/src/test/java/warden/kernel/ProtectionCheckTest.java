package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.api.EventRecords;

/**
 * A protection unit that does not take a partition's slot: the partition does not run, the core
 * idles with no slot, and the system goes to its safe state with reason {@code protection}.
 * In {@link Images#shared()} the RTOS (slot 0) runs on core 0, the rich OS (slot 1) on cores 0 and 1.
 */
class ProtectionCheckTest {
    private static final int RTOS = 0;
    private static final int LINUX = 1;

    private final FakePlatform f = new FakePlatform(2);
    private final Monitor m = Warden.create(f);

    private long last(int kind) {
        return KernelRigEvents.last(m, kind);
    }

    private void assertSafeStateFor(int p, long at) {
        assertTrue(m.inSafeState(), "the system is in its safe state");
        assertEquals(PartitionState.STOPPED, m.partitionState(RTOS));
        assertEquals(PartitionState.STOPPED, m.partitionState(LINUX));
        assertEquals(1, m.counter(Counter.FAILURES_DETECTED), "one failure counted");
        EventRecords log = m.eventRecords();
        long d = last(EventKind.FAILURE_DETECTED);
        assertTrue(d >= 0, "failure logged");
        assertEquals(p, log.partition(d), "the partition whose slot was refused");
        assertEquals(HealthAction.REASON_PROTECTION, log.a(d), "reason protection");
        assertEquals("protection", HealthAction.reason(HealthAction.REASON_PROTECTION));
        assertEquals(HealthAction.SAFE_STATE, log.b(d), "action safe-state, whatever the policy");
        assertEquals(at, log.time(d));
        long s = last(EventKind.SAFE_STATE);
        assertTrue(s > d, "the safe state follows the failure");
        assertEquals(p, log.partition(s), "the safe state names its cause");
        for (int c = 0; c < 2; c++) {
            assertEquals(SystemImage.NO_PARTITION, m.running(c), "core " + c + " runs nothing");
        }
    }

    // [utest->dsn~kernel.protection-check~1]
    // [utest->dsn~kernel.world-switch~1]
    @Test
    void aSlotRefusedAtTheMissionStartIsNeverRunAndTheSystemGoesToItsSafeState() {
        f.refusedSlot = LINUX;
        SystemImageBuilder b = Images.shared();
        b.health(LINUX, 0, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.STOP);
        f.now[0] = 5_000;
        f.now[1] = 5_000;
        assertEquals(Status.OK, m.boot(b.build()));
        assertEquals(Status.OK, m.start());
        assertFalse(f.log.contains("restore 1 p" + LINUX), "the rich OS never ran on core 1: " + f.log);
        assertTrue(f.log.contains("idle 1"), "core 1 idles: " + f.log);
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[1], "with no slot");
        assertEquals(0, countRestores(LINUX), "the rich OS was never switched in: " + f.log);
        assertSafeStateFor(LINUX, 5_000);
    }

    private int countRestores(int p) {
        int n = 0;
        for (String s : f.log) {
            n += s.startsWith("restore ") && s.endsWith(" p" + p) ? 1 : 0;
        }
        return n;
    }

    // [utest->dsn~kernel.protection-check~1]
    // [utest->dsn~kernel.world-switch~1]
    @Test
    void aSlotRefusedAtAWorldSwitchGetsNoHeldInterruptAndStopsTheSystemAtTheEndOfTheEntry() {
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
        assertEquals(RTOS, m.running(0));
        assertFalse(m.inSafeState());
        f.now[0] = 200_000;
        f.now[1] = 200_000;
        f.pending[Images.NIC_LINE] = true;
        assertEquals(Status.OK, m.onExternalInterrupt(0), "the rich OS's interrupt is held while the RTOS runs");
        assertEquals(1, m.heldInterrupts(LINUX, 0));
        int delivered = f.delivered.size();
        f.refusedSlot = LINUX;
        f.now[0] = 300_000;
        m.onMonitorCall(0, MonitorCall.YIELD);
        assertEquals(delivered, f.delivered.size(), "nothing held reaches a partition whose slot was refused");
        assertFalse(f.log.contains("restore 0 p" + LINUX), "the rich OS did not run on core 0: " + f.log);
        assertEquals(ProtectionUnit.NO_SLOT, f.activeSlot[0]);
        assertSafeStateFor(LINUX, 300_000);
        assertEquals(Status.BAD_STATE, m.onMonitorCall(0, MonitorCall.YIELD), "no call is answered in the safe state");
    }

    // [utest->dsn~kernel.protection-check~1]
    @Test
    void whenSeveralSlotsAreRefusedBeforeTheReportTheFirstIsTheOneReported() {
        f.refusedSlot = FakePlatform.EVERY_SLOT;
        f.now[0] = 7_000;
        f.now[1] = 7_000;
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
        assertEquals(0, countRestores(RTOS) + countRestores(LINUX), "nothing ran: " + f.log);
        assertSafeStateFor(RTOS, 7_000); // core 0 (the RTOS) is scheduled before core 1 (the rich OS)
    }

    // [utest->dsn~kernel.protection-check~1]
    @Test
    void slotsThatTheUnitTakesRaiseNothing() {
        f.refusedSlot = 7; // no partition has slot 7
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
        f.now[0] = 300_000;
        m.onMonitorCall(0, MonitorCall.YIELD);
        assertFalse(m.inSafeState());
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED));
        assertEquals(-1, last(EventKind.FAILURE_DETECTED));
    }
}
