package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.UpdateReason;
import warden.kernel.port.SignatureEngine;

/** Every bad update call refused with its status and an UPDATE_REFUSED record naming the reason. */
class UpdateRefusalTest {
    private final UpdateRig r = new UpdateRig();
    private final byte[] v2 = UpdateRig.content(5000, 2);

    /** Asserts the newest record is UPDATE_REFUSED of {@code caller} with {@code reason} and {@code detail}. */
    private void refused(int caller, int reason, long detail) {
        refused(r, caller, reason, detail);
    }

    private static void refused(UpdateRig r, int caller, int reason, long detail) {
        EventRecords log = r.m.eventRecords();
        long s = log.sequence() - 1;
        assertEquals(EventKind.UPDATE_REFUSED, log.kind(s), EventKind.name(log.kind(s)));
        assertEquals(caller, log.partition(s));
        assertEquals(reason, log.a(s) >>> 8, UpdateReason.name((int) (log.a(s) >>> 8)));
        assertEquals(detail, log.b(s));
    }

    private void begun() {
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, v2.length, 2));
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void onlyTheTargetsUpdaterMayUpdateIt() {
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_BEGIN, 0, 100, 2), "the target itself");
        refused(0, UpdateReason.NOT_ALLOWED, 0);
        assertEquals(0, r.m.eventRecords().a(r.m.eventRecords().sequence() - 1) & 0xFF, "names the target");
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_BEGIN, 1, 100, 2), "no update section");
        refused(1, UpdateReason.NOT_ALLOWED, 1);
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_BEGIN, 2, 100, 2), "no such partition");
        refused(1, UpdateReason.NOT_ALLOWED, 2);
        assertEquals(0xFF, r.m.eventRecords().a(r.m.eventRecords().sequence() - 1) & 0xFF, "names no target");
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_CHUNK, -1, 0, UpdateRig.BUFFER, 1));
        refused(1, UpdateReason.NOT_ALLOWED, -1);
        begun();
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.RTOS_RAM, 16));
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_FINISH, 0, UpdateRig.RTOS_RAM, 0));
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_STATUS, 7));
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_STATUS, -1));
        assertEquals(0, r.m.counter(Counter.RESTARTS));
    }

    // [utest->dsn~kernel.update.calls~1]
    @Test
    void aTargetWhoseLowBitsNameAPartitionIsNoneAndStatusIsForTheUpdaterAndTheTargetOnly() {
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_BEGIN, -(1L << 32), 100, 2));
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_BEGIN, 1L << 32, 100, 2));
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_STATUS, 1L << 32));
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_STATUS, 0), "the updater");
        assertEquals(Status.OK, r.call(0, MonitorCall.UPDATE_STATUS, 0), "the target");
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_STATUS, 1), "ops itself has no update section");
        assertEquals(Status.DENIED, r.call(0, MonitorCall.UPDATE_STATUS, 1));
    }

    // [utest->dsn~kernel.update.calls~1]
    @Test
    void anImageOfTheWholeSlotWritesNothingPastIt() {
        r.f.writeByte(UpdateRig.SLOT_B + UpdateRig.MAX, 0xA5);
        r.f.writeByte(UpdateRig.SLOT_B - 1, 0x5A);
        byte[] full = UpdateRig.content(UpdateRig.MAX, 9);
        assertEquals(Status.OK, r.send(full, 2));
        assertEquals(0xA5, r.f.readByte(UpdateRig.SLOT_B + UpdateRig.MAX));
        assertEquals(0x5A, r.f.readByte(UpdateRig.SLOT_B - 1));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(full, 2), false));
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, 3));
        byte[] other = UpdateRig.content(100, 4);
        other[10] = (byte) ~full[10];
        r.put(UpdateRig.BUFFER, other, 0, 100);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 10));
        assertEquals(other[9] & 0xff, r.f.readByte(UpdateRig.SLOT_B + 9));
        assertEquals(full[10] & 0xff, r.f.readByte(UpdateRig.SLOT_B + 10), "a short chunk copies its bytes only");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void anImageLargerThanTheSlotOrEmptyIsRefused() {
        assertEquals(Status.NO_SPACE, r.call(1, MonitorCall.UPDATE_BEGIN, 0, UpdateRig.MAX + 1, 2));
        refused(1, UpdateReason.TOO_BIG, UpdateRig.MAX + 1);
        assertEquals(Status.NO_SPACE, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 0, 2));
        assertEquals(Status.NO_SPACE, r.call(1, MonitorCall.UPDATE_BEGIN, 0, -5, 2));
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, UpdateRig.MAX, 2), "exactly the slot");
        assertEquals(1, r.f.lastValue, "slot B is written");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void anOlderOrTheSameVersionIsRefused() {
        assertEquals(Status.STALE_VERSION, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, 1));
        refused(1, UpdateReason.OLDER_VERSION, 1);
        assertEquals(Status.STALE_VERSION, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, 0));
        assertEquals(Status.STALE_VERSION, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, UpdateReason.VERSION_MAX + 1));
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, UpdateReason.VERSION_MAX));
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aChunkOutOfOrderOrPastTheImageIsRefused() {
        assertEquals(Status.BAD_STATE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 16), "no begin");
        refused(1, UpdateReason.WRONG_STATE, UpdateReason.IDLE);
        begun();
        assertEquals(Status.SEQUENCE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 16, UpdateRig.BUFFER, 16));
        refused(1, UpdateReason.OUT_OF_ORDER, 16);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 4096));
        assertEquals(4096, r.f.lastValue);
        assertEquals(Status.SEQUENCE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 16), "a repeat");
        assertEquals(Status.SEQUENCE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 4095, UpdateRig.BUFFER, 16));
        assertEquals(Status.NO_SPACE, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 4096, UpdateRig.BUFFER, 905));
        refused(1, UpdateReason.TOO_BIG, 905);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 4096, UpdateRig.BUFFER, 904), "the rest");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1] [utest->dsn~kernel.update.verify~1]
    @Test
    void aChunkOrManifestOutsideTheCallersMemoryOrOfABadLengthIsRefused() {
        begun();
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.STORE, 16));
        refused(1, UpdateReason.BAD_BUFFER, UpdateRig.STORE);
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.RTOS_RAM, 16));
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 0));
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, -1));
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER,
                UpdateReason.CHUNK_MAX + 1));
        assertEquals(UpdateReason.status(1, UpdateReason.RECEIVING, 0), r.status(), "refused before the copy: kept");
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_FINISH, 0, UpdateRig.STORE, 0));
        refused(1, UpdateReason.BAD_BUFFER, UpdateRig.STORE);
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_FINISH, 0, UpdateRig.MANIFEST, 2));
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 2), false), "the transfer survived the refusals");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aChunkThatCannotBeReadDiscardsTheTransfer() {
        begun();
        long unbacked = UpdateRig.OPS_RAM + 0x4000; // the caller's region, but no RAM answers there
        assertEquals(Status.INVALID_ADDRESS, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, unbacked, 16));
        refused(1, UpdateReason.BAD_BUFFER, unbacked);
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status(), "the transfer is discarded");
        begun();
        byte[] zeros = new byte[64];
        r.put(UpdateRig.BUFFER, zeros, 0, 64);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 64), "zeros are bytes");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void anIncompleteTransferCannotFinish() {
        begun();
        r.put(UpdateRig.BUFFER, v2, 0, 100);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 100));
        assertEquals(Status.BAD_STATE, r.finish(UpdateRig.manifest(v2, 2), false));
        refused(1, UpdateReason.WRONG_STATE, 100);
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aTamperedImageIsRefusedForItsDigestAndNeverSwitchedTo() {
        byte[] tampered = v2.clone();
        tampered[4321] ^= 0x40;
        assertEquals(Status.OK, r.send(tampered, 2));
        assertEquals(Status.VERIFY_FAILED, r.finish(UpdateRig.manifest(v2, 2), true));
        refused(1, UpdateReason.WRONG_DIGEST, 2);
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), r.status());
        assertEquals(Status.BAD_STATE, r.finish(UpdateRig.manifest(v2, 2), true), "discarded");
        r.m.onIllegalInstruction(0, UpdateRig.RTOS_RAM);
        assertArrayEquals(r.golden, r.loaded(r.golden.length));
        assertEquals(0, ((TestSignatures) r.f.signatures).calls, "no signature check for a wrong digest");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aWrongSignatureIsRefused() {
        byte[] manifest = UpdateRig.manifest(v2, 2);
        manifest[UpdateReason.DIGEST_BYTES + 5] ^= 1;
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.VERIFY_FAILED, r.finish(manifest, true));
        refused(1, UpdateReason.BAD_SIGNATURE, 2);
        assertEquals(0, r.m.restarts(0));
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.verify~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aSignatureForAnotherVersionIsRefused() {
        assertEquals(Status.OK, r.send(v2, 5));
        assertEquals(Status.VERIFY_FAILED, r.finish(UpdateRig.manifest(v2, 2), true), "signed as 2, sent as 5");
        refused(1, UpdateReason.BAD_SIGNATURE, 5);
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~port.signature-engine~1] [utest->dsn~kernel.update.calls~1]
    // [utest->dsn~kernel.update.verify~1]
    @Test
    void aFailedSignatureEngineRefusesTheUpdate() {
        ((TestSignatures) r.f.signatures).answer = SignatureEngine.FAILED;
        assertEquals(Status.OK, r.send(v2, 2));
        assertEquals(Status.FAILED, r.finish(UpdateRig.manifest(v2, 2), true));
        refused(1, UpdateReason.ENGINE, 2);
        assertEquals(1, ((TestSignatures) r.f.signatures).calls);
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void noNewTransferWhileTheTargetIsOnTrialAndANewOneReplacesAnUnfinishedOne() {
        begun();
        r.put(UpdateRig.BUFFER, v2, 0, 100);
        assertEquals(Status.OK, r.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 100));
        assertEquals(Status.OK, r.send(v2, 3), "a new begin starts over, its hash too");
        assertEquals(Status.OK, r.finish(UpdateRig.manifest(v2, 3), true));
        assertEquals(Status.BAD_STATE, r.call(1, MonitorCall.UPDATE_BEGIN, 0, 100, 4));
        refused(1, UpdateReason.WRONG_STATE, UpdateReason.ON_TRIAL);
        assertEquals(1, r.m.counter(Counter.DENIED_CALLS));
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void everyReasonHasANameAndAStatus() {
        String[] names = {"none", "not-allowed", "too-big", "out-of-order", "wrong-digest", "bad-signature",
            "older-version", "bad-buffer", "wrong-state", "engine"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], UpdateReason.name(i));
        }
        assertEquals("?", UpdateReason.name(-1));
        assertEquals("?", UpdateReason.name(names.length));
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aChunkTheMonitorCannotWriteToTheSlotDiscardsTheTransfer() {
        UpdateRig rom = new UpdateRig(false, true);
        assertEquals(Status.OK, rom.call(1, MonitorCall.UPDATE_BEGIN, 0, v2.length, 2));
        rom.put(UpdateRig.BUFFER, v2, 0, 64);
        assertEquals(Status.INVALID_ADDRESS, rom.call(1, MonitorCall.UPDATE_CHUNK, 0, 0, UpdateRig.BUFFER, 64));
        refused(rom, 1, UpdateReason.BAD_BUFFER, UpdateRig.BUFFER);
        assertEquals(UpdateReason.status(1, UpdateReason.IDLE, 0), rom.status(), "the transfer is discarded");
    }

    // [utest->dsn~kernel.update.refusals~1] [utest->dsn~kernel.update.calls~1]
    @Test
    void aPartitionThatIsNeitherTheTargetNorItsUpdaterMayNotReadTheStatus() {
        UpdateRig three = new UpdateRig(true, false);
        assertEquals(Status.DENIED, three.call(2, MonitorCall.UPDATE_STATUS, 0));
        refused(three, UpdateRig.LINUX, UpdateReason.NOT_ALLOWED, 0);
        assertEquals(Status.OK, three.call(1, MonitorCall.UPDATE_STATUS, 0));
    }

    // [utest->dsn~kernel.update.refusals~1]
    @Test
    void aRefusedUpdateCallIsCountedAndLoggedOnlyAsUpdateRefused() {
        EventRecords log = r.m.eventRecords();
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_STATUS, 1));
        refused(1, UpdateReason.NOT_ALLOWED, 1);
        assertEquals(1, r.m.counter(Counter.DENIED_CALLS));
        assertEquals(Status.DENIED, r.call(1, MonitorCall.UPDATE_BEGIN, 1, 100, 2));
        refused(1, UpdateReason.NOT_ALLOWED, 1);
        assertEquals(2, r.m.counter(Counter.DENIED_CALLS));
        // the calls below the device calls and SNAPSHOT keep the generic record; the device calls have their own
        assertTrue(r.call(1, MonitorCall.CHANNEL_INFO, 9, 0) != Status.OK);
        assertEquals(EventKind.DENIED_CALL, log.kind(log.sequence() - 1));
        assertEquals(MonitorCall.CHANNEL_INFO, log.a(log.sequence() - 1));
        assertTrue(r.call(1, MonitorCall.DEVICE_READ, UpdateRig.STORE) != Status.OK);
        assertTrue(log.kind(log.sequence() - 1) != EventKind.DENIED_CALL, EventKind.name(log.kind(log.sequence() - 1)));
        assertTrue(r.call(1, MonitorCall.SNAPSHOT, 0) != Status.OK);
        assertEquals(EventKind.DENIED_CALL, log.kind(log.sequence() - 1));
        assertEquals(MonitorCall.SNAPSHOT, log.a(log.sequence() - 1));
        assertEquals(5, r.m.counter(Counter.DENIED_CALLS));
    }
}
