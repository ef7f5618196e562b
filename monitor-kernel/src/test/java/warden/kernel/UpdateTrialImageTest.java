package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.HealthAction;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.UpdateReason;

/** A new image on trial whose slot no longer matches its digest when the partition restarts. */
class UpdateTrialImageTest {
    private final UpdateRig r = new UpdateRig();
    private final byte[] v2 = UpdateRig.content(5000, 2);

    private void onTrialWithSlotBCorrupted() {
        r.at(1_000_000);
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), true));
        assertEquals(UpdateReason.status(1, UpdateReason.ON_TRIAL, 1), r.status());
        r.f.writeByte(UpdateRig.SLOT_B + 17, r.f.readByte(UpdateRig.SLOT_B + 17) ^ 0x10); // an upset in slot B
        r.at(2_000_000);
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void aRestartOnTrialWhoseNewSlotFailsItsDigestRollsBackAndRunsTheOldImage() {
        onTrialWithSlotBCorrupted();
        assertEquals(Status.OK, r.call(0, MonitorCall.PARTITION_RESET));
        EventRecords log = r.m.eventRecords();
        long rb = r.last(EventKind.UPDATE_ROLLED_BACK);
        assertTrue(rb >= 0, "rolled back");
        assertEquals(HealthAction.REASON_IMAGE, log.a(rb), "because the new slot failed its digest");
        assertArrayEquals(r.golden, r.loaded(r.golden.length), "the old image runs again");
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        assertEquals(-1, r.last(EventKind.IMAGE_CORRUPT), "the old slot was sound: no escalation");
        assertEquals(PartitionState.BOOTING, r.m.partitionState(UpdateRig.RTOS));
        assertTrue(r.last(EventKind.PARTITION_RESTARTED) > rb, "restarted after the rollback");
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void whenTheOldSlotFailsTooTheRestartIsRefusedAndThePartitionEscalates() {
        onTrialWithSlotBCorrupted();
        r.f.writeByte(UpdateRig.STORE + 5, r.f.readByte(UpdateRig.STORE + 5) ^ 0x01); // and one in slot A
        r.call(0, MonitorCall.PARTITION_RESET);
        assertTrue(r.last(EventKind.UPDATE_ROLLED_BACK) >= 0);
        assertTrue(r.last(EventKind.IMAGE_CORRUPT) > r.last(EventKind.UPDATE_ROLLED_BACK), "neither slot is sound");
        assertEquals(PartitionState.STOPPED, r.m.partitionState(UpdateRig.RTOS), "its escalation: the safe state");
        assertTrue(r.last(EventKind.PARTITION_RESTARTED) < r.last(EventKind.UPDATE_ROLLED_BACK), "no restart after it");
    }

    // [utest->dsn~kernel.update.trial~1]
    @Test
    void withoutATrialACorruptImageIsNotRolledBackButEscalates() {
        r.at(1_000_000);
        r.f.writeByte(UpdateRig.STORE + 5, r.f.readByte(UpdateRig.STORE + 5) ^ 0x01);
        r.call(0, MonitorCall.PARTITION_RESET);
        assertEquals(-1, r.last(EventKind.UPDATE_ROLLED_BACK), "no update was on trial");
        assertTrue(r.last(EventKind.IMAGE_CORRUPT) >= 0);
        assertEquals(PartitionState.STOPPED, r.m.partitionState(UpdateRig.RTOS));
    }
}
