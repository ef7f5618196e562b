package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.HealthAction;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.UpdateReason;

/** Over-the-air update on the fake port: switch at restart, trial, commit and rollback, power loss. */
class UpdateTest {
    private final UpdateRig r = new UpdateRig();
    private final byte[] v2 = UpdateRig.content(5000, 2);

    private void switchedToV2() {
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), true));
        assertArrayEquals(v2, r.loaded(v2.length), "the new image is loaded at the restart");
    }

    // [utest->dsn~kernel.update.calls~1] [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.switch~1]
    // [utest->dsn~kernel.update.trial~1] [utest->dsn~kernel.update.slots~1]
    @Test
    void aGoodUpdateSwitchesAtTheRestartAndCommitsAtTheFirstHeartbeatAfterItsTrial() {
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        r.at(1_000_000);
        switchedToV2();
        EventRecords log = r.m.eventRecords();
        assertEquals(2, log.a(r.last(EventKind.UPDATE_VERIFIED)));
        assertEquals(5000, log.b(r.last(EventKind.UPDATE_VERIFIED)));
        assertEquals(1, log.a(r.last(EventKind.UPDATE_SWITCHED)), "slot B");
        assertEquals(1, r.m.restarts(UpdateRig.RTOS));
        assertEquals(UpdateReason.status(1, UpdateReason.ON_TRIAL, 1), r.status());

        r.at(1_000_000 + UpdateRig.TRIAL - 1);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        assertEquals(-1, r.last(EventKind.UPDATE_COMMITTED), "still on trial");
        r.at(1_000_000 + UpdateRig.TRIAL);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        long c = r.last(EventKind.UPDATE_COMMITTED);
        assertEquals(2, log.a(c));
        assertEquals(UpdateRig.TRIAL, log.b(c));
        assertEquals(UpdateReason.status(2, UpdateReason.IDLE, 1), r.status());

        r.m.onIllegalInstruction(0, UpdateRig.RTOS_RAM);
        assertArrayEquals(v2, r.loaded(v2.length), "a committed image is the one restarts reload");
        assertEquals(Status.STALE_VERSION, r.send(v2, 2), "the counter advanced");
    }

    // [utest->dsn~kernel.update.slots~1] [utest->dsn~kernel.update.trial~1]
    @Test
    void afterACommitToSlotBTheNextUpdateGoesIntoSlotAAndItsRollbackReturnsToB() {
        r.at(1_000_000);
        switchedToV2();
        r.at(1_000_000 + UpdateRig.TRIAL);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        byte[] v3 = UpdateRig.content(UpdateRig.MAX, 3);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, v3.length, 3));
        assertEquals(0, r.f.lastValue, "slot A, where the golden image was");
        assertEquals(Status.OK, r.send(v3, 3));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v3, 3), true));
        assertArrayEquals(v3, r.loaded(v3.length));
        assertEquals(UpdateReason.status(2, UpdateReason.ON_TRIAL, 0), r.status());
        r.m.onIllegalInstruction(0, UpdateRig.RTOS_RAM);
        assertArrayEquals(v2, r.loaded(v2.length), "back to the committed image in slot B");
        assertEquals(UpdateReason.status(2, UpdateReason.IDLE, 1), r.status());
    }

    // [utest->dsn~kernel.update.switch~1] [utest->dsn~kernel.update.slots~1] [utest->dsn~kernel.update.verify~1]
    @Test
    void aVerifiedImageWaitsForTheTargetsNextRestart() {
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), false));
        assertEquals(2, r.f.lastValue, "the value is the version");
        assertEquals(UpdateReason.status(1, UpdateReason.VERIFIED, 0), r.status());
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
        assertEquals(Status.OK, r.call(0, MonitorCall.PARTITION_RESET));
        assertArrayEquals(v2, r.loaded(v2.length));
        assertEquals(UpdateReason.status(1, UpdateReason.ON_TRIAL, 1), r.status());
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void anUpdateThatCrashesOnTrialIsRolledBackToTheOldImage() {
        r.at(1_000_000);
        switchedToV2();
        r.at(3_000_000);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        r.at(4_000_000);
        r.m.onIllegalInstruction(0, UpdateRig.RTOS_RAM);
        long rb = r.last(EventKind.UPDATE_ROLLED_BACK);
        assertEquals(HealthAction.REASON_CRASH, r.m.eventRecords().a(rb));
        assertEquals(EventKind.FAILURE_DETECTED, r.m.eventRecords().kind(rb - 1), "logged as a failure");
        assertEquals(HealthAction.REASON_CRASH, r.m.eventRecords().a(rb - 1));
        assertEquals(HealthAction.RESTART, r.m.eventRecords().b(rb - 1), "whose action is a restart");
        assertEquals(3_000_000, r.m.eventRecords().b(rb), "time from the switch to the detection");
        assertArrayEquals(r.golden, r.loaded(r.golden.length), "the old image runs again");
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        r.at(5_000_000);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        assertEquals(1_000_000, r.m.eventRecords().a(r.last(EventKind.PARTITION_RECOVERED)), "time to roll back");
        assertEquals(Status.OK, r.send(v2, 2), "the same version may be sent again: it never committed");
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void anUpdateThatNeverSendsAHeartbeatIsRolledBackAtItsBootTimeoutForItsTrial() {
        r.at(1_000_000);
        switchedToV2();
        r.at(11_000_000);
        r.m.onTimer(0);
        long rb = r.last(EventKind.UPDATE_ROLLED_BACK);
        assertTrue(rb >= 0);
        assertEquals(HealthAction.REASON_TRIAL, r.m.eventRecords().a(rb));
        assertEquals(10_000_000, r.m.eventRecords().b(rb));
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void anUpdateThatHangsAfterItBootedIsRolledBackAtItsWatchdog() {
        r.at(1_000_000);
        switchedToV2();
        r.at(2_000_000);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        r.at(7_000_001);
        r.m.onTimer(0);
        long rb = r.last(EventKind.UPDATE_ROLLED_BACK);
        assertEquals(HealthAction.REASON_WATCHDOG, r.m.eventRecords().a(rb));
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
    }

    // [utest->dsn~kernel.update.switch~1]
    @Test
    void aRestartOfTheTargetInTheMiddleOfATransferLeavesTheOldImage() {
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 5000, 2));
        r.put(UpdateRig.BUFFER, v2, 0, 4096);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 4096));
        r.m.onIllegalInstruction(0, UpdateRig.RTOS_RAM);
        long ab = r.last(EventKind.UPDATE_ABORTED);
        assertEquals(4096, r.m.eventRecords().a(ab));
        assertEquals(5000, r.m.eventRecords().b(ab));
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
        assertEquals(Status.BAD_STATE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 4096, UpdateRig.BUFFER, 904));
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        assertEquals(-1, r.last(EventKind.UPDATE_SWITCHED), "no verified image, no switch");
    }

    // [utest->dsn~kernel.update.switch~1]
    @Test
    void aRestartOfAPartitionThatIsNeitherTheTargetNorItsUpdaterLeavesTheTransfer() {
        UpdateRig three = new UpdateRig(true, false);
        assertEquals(Status.OK, three.call(1, MonitorCall.UPDATE_BEGIN, 0, 5000, 2));
        three.put(UpdateRig.BUFFER, v2, 0, 4096);
        assertEquals(Status.OK, three.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 4096));
        assertEquals(Status.OK, three.call(2, MonitorCall.PARTITION_RESET), "linux restarts");
        assertEquals(1, three.m.restarts(UpdateRig.LINUX));
        assertEquals(-1, three.last(EventKind.UPDATE_ABORTED));
        three.put(UpdateRig.BUFFER, v2, 4096, 904);
        assertEquals(Status.OK, three.call(1, MonitorCall.UPDATE_CHUNK, 0, 4096, UpdateRig.BUFFER, 904));
        assertEquals(Status.OK, three.finish(UpdateRig.manifest(v2, 2), true));
        assertArrayEquals(v2, three.loaded(v2.length));
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void aHeartbeatOutsideATrialCommitsNothing() {
        r.at(UpdateRig.TRIAL + 1);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        assertEquals(-1, r.last(EventKind.UPDATE_COMMITTED));
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), false));
        r.at(3 * UpdateRig.TRIAL);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        assertEquals(-1, r.last(EventKind.UPDATE_COMMITTED), "verified, but not switched to");
        assertEquals(UpdateReason.status(1, UpdateReason.VERIFIED, 0), r.status());
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void aWatchdogExpiryWithoutAnUpdateOnTrialHasTheReasonWatchdog() {
        r.at(1_000_000);
        assertEquals(Status.OK, r.call(0, MonitorCall.HEARTBEAT));
        r.at(7_000_001);
        r.m.onTimer(0);
        long fd = r.last(EventKind.FAILURE_DETECTED);
        assertTrue(fd >= 0);
        assertEquals(HealthAction.REASON_WATCHDOG, r.m.eventRecords().a(fd));
        assertEquals(-1, r.last(EventKind.UPDATE_ROLLED_BACK));
    }

    // [utest->dsn~kernel.update.switch~1]
    @Test
    void aRestartOfTheUpdaterInTheMiddleOfATransferAbandonsIt() {
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 5000, 2));
        assertEquals(Status.OK, r.call(1, MonitorCall.PARTITION_RESET));
        assertTrue(r.last(EventKind.UPDATE_ABORTED) >= 0);
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
    }

    // [utest->dsn~kernel.update.trial~1] [utest->dsn~kernel.update.slots~1]
    @Test
    void aNewSlotCorruptedBeforeItsSwitchIsRolledBackAtOnce() {
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), false));
        r.f.writeByte(UpdateRig.SLOT_B + 7, (v2[7] ^ 1) & 0xff);
        assertEquals(Status.OK, r.call(0, MonitorCall.PARTITION_RESET));
        assertEquals(HealthAction.REASON_IMAGE, r.m.eventRecords().a(r.last(EventKind.UPDATE_ROLLED_BACK)));
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
    }

    // [utest->dsn~kernel.update.calls~1]
    @Test
    void theTargetMayReadItsOwnStatus() {
        assertEquals(Status.OK, r.call(0, MonitorCall.UPDATE_STATUS, 0));
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.f.lastValue);
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_STATUS, 1), "ops has no update section");
    }
}
