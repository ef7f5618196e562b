package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.PartitionState;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The restore action as the health policy takes it: p0 (ASIL-C, watchdog 1 ms) heals by restoring
 * its boot snapshot, one restore per window, then stops.
 */
class HealingActionsTest extends HealthFixture {
    private static final long RAM = 0x8000_0000L;
    private static final int PAGE = RestorePoint.PAGE_BYTES;
    private static final long WATCHDOG = 1_000_000L;

    private static SystemImageBuilder image(int cores) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x7000_0000L, 0x10_0000);
        b.partition("p0", Criticality.ASIL_C, cores, RAM, WATCHDOG, false);
        b.region(0, RAM, 2 * PAGE, Access.READ | Access.WRITE);
        b.health(0, 0, 0, 1_000_000_000L, 1, HealthAction.RESTORE, HealthAction.STOP);
        b.snapshot(0, true, -1, 0, SystemImage.NO_PARTITION);
        return b;
    }

    // [utest->dsn~health.detect~1]
    // [utest->dsn~health.policy~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aRestoreIsTheActionLoggedCountsLikeARestartAndIsRecoveredFromAtTheNextHeartbeat() {
        start(image(0b01));
        h.heartbeat(0, 0);
        points.take(0, 0, 0);
        assertTrue(points.valid(0));
        h.failure(0, HealthAction.REASON_CRASH, 400_000);
        assertEquals(List.of("p0 " + HealthAction.REASON_CRASH + "/" + HealthAction.RESTORE),
                logged(EventKind.FAILURE_DETECTED));
        assertEquals(1, logged(EventKind.PARTITION_RESTORED).size());
        assertEquals(List.of(), logged(EventKind.PARTITION_RESTARTED), "restored, not restarted");
        assertEquals(400_000 + WATCHDOG, h.deadline(0), "the watchdog runs from the restore");
        h.heartbeat(0, 450_000);
        assertEquals(List.of("p0 50000/0"), logged(EventKind.PARTITION_RECOVERED), "timed from the detection");
        h.failure(0, HealthAction.REASON_CRASH, 500_000);
        assertEquals(List.of("p0 " + HealthAction.REASON_CRASH + "/" + HealthAction.RESTORE,
                "p0 " + HealthAction.REASON_CRASH + "/" + HealthAction.STOP), logged(EventKind.FAILURE_DETECTED),
                "the window's one restore is used up: the escalation");
        assertEquals(PartitionState.STOPPED, table.state(0));
        assertEquals(1, logged(EventKind.PARTITION_RESTORED).size());
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void aRestoreGivesEachCoreItsOwnContextDropsWhatWasHeldAndCancelsTheVirtualTimer() {
        SystemImageBuilder b = image(0b11);
        b.partition("p1", Criticality.ASIL_D, 0b01, RAM + 8 * PAGE, 0, false); // keeps p0 off core 0
        b.region(1, RAM + 8 * PAGE, PAGE, Access.ALL);
        start(b);
        assertEquals(1, sched.running(0));
        assertEquals(0, sched.running(1));
        f.regs[1][3] = 99;
        points.take(0, 1, 100);
        f.regs[1][3] = 111;
        assertTrue(sched.held().hold(0, 0, 5, 150));
        sched.timers().setDeadline(0, 1, 900_000);
        assertEquals(900_000, f.deadline[1]);
        h.failure(0, HealthAction.REASON_CRASH, 200);
        assertEquals(1, logged(EventKind.PARTITION_RESTORED).size());
        assertEquals(0, sched.running(1));
        assertEquals(99, f.regs[1][3], "core 1 runs the context saved for core 1");
        assertEquals(0, sched.held().pendingCount(0, 0), "nothing held before the restore is delivered after it");
        assertTrue(f.deadline[1] > 900_000, "the virtual timer set before the restore is gone: " + f.deadline[1]);
    }
}
