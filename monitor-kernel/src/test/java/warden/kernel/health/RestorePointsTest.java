package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * Restore points over a real scheduler and the fake port: p0 (ASIL-C, core 0) has 4 pages of RAM at
 * 0x80000000 (rw) and a read-only page after them, snapshots at boot and {@code restore} as its
 * healing action; p1 (QM, core 1, privileged) owns 2 pages at 0x80008000.
 */
class RestorePointsTest extends HealthFixture {
    private static final long RAM = 0x8000_0000L;
    private static final int PAGE = RestorePoint.PAGE_BYTES;

    private static SystemImageBuilder image(int onFailure) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x7000_0000L, 0x10_0000);
        b.partition("p0", Criticality.ASIL_C, 0b01, RAM, 1_000_000L, false);
        b.region(0, RAM, 4 * PAGE, Access.READ | Access.WRITE);
        b.region(0, RAM + 4 * PAGE, PAGE, Access.READ | Access.EXECUTE);
        b.health(0, 0, 0, 1_000_000_000L, 3, onFailure, HealthAction.STOP);
        b.snapshot(0, true, -1, 0, 1);
        b.partition("p1", Criticality.QM, 0b10, RAM + 8 * PAGE, 1_000_000L, true);
        b.region(1, RAM + 8 * PAGE, 2 * PAGE, Access.ALL);
        return b;
    }

    private void write(long address, int value) {
        assertEquals(0, f.writeByte(address, value));
    }


    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aSnapshotCopiesOnlyThePagesWrittenSinceTheLastOne() {
        start(image(HealthAction.RESTORE));
        assertEquals(4L * PAGE, f.store.length, "p0's 4 pages; none for p1, which has no snapshots");
        f.dirty = 0;
        write(RAM + 5, 1);
        write(RAM + 2 * PAGE + 7, 2);
        write(RAM + 4 * PAGE, 3); // the read-only region is not in the snapshot
        assertEquals(2, points.take(0, 0, 100));
        assertEquals(0, points.take(0, 0, 200), "nothing written since");
        write(RAM + PAGE, 4);
        write(RAM + PAGE + 1, 5);
        assertEquals(1, points.take(0, 0, 300));
        assertEquals(3L * PAGE, points.stat(0, RestorePoint.BYTES_COPIED));
        assertEquals(3, points.stat(0, RestorePoint.TAKEN));
        assertEquals(1, points.stat(0, RestorePoint.LAST_PAGES));
        assertEquals(4, points.stat(0, RestorePoint.PAGES));
        assertEquals(3, counters[Counter.SNAPSHOTS]);
        assertEquals(4, f.store[PAGE], "page 1 of the store holds the write at RAM + 4 KiB");
        assertEquals(5, f.store[PAGE + 1]);
        assertEquals(List.of("p0 2/" + points.stat(0, RestorePoint.MAX_NS), "p0 0/" + (4 * 32 + 8 * 8 + 16) * 4,
                "p0 1/" + points.stat(0, RestorePoint.LAST_NS)), logged(EventKind.SNAPSHOT_TAKEN));
        assertEquals(0, f.dirty & 0b1111, "every page copied is clean again");
        assertEquals(-1, points.take(1, 1, 400), "p1 has no snapshots");
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void theBootSnapshotIsTakenAtTheFirstHeartbeatOnlyAndThePeriodicOneWhenThePeriodHasPassed() {
        SystemImageBuilder b = image(HealthAction.RESTORE);
        b.snapshot(0, true, 5_000, 1_000, 1);
        start(b);
        points.heartbeat(0, 0, 10, true);
        points.heartbeat(0, 0, 500, false);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "boot snapshot, then not within the period");
        points.heartbeat(0, 0, 1_010, false);
        assertEquals(2, points.stat(0, RestorePoint.TAKEN), "the period passed");
        points.heartbeat(0, 0, 5_000, false);
        assertEquals(3, points.stat(0, RestorePoint.TAKEN), "the one-shot time (and the period)");
        points.heartbeat(0, 0, 5_100, false);
        assertEquals(3, points.stat(0, RestorePoint.TAKEN), "the one-shot snapshot is taken once");
        points.heartbeat(1, 1, 10, true);
        assertEquals(0, points.stat(1, RestorePoint.TAKEN));
        SystemImageBuilder noBoot = image(HealthAction.RESTORE);
        noBoot.snapshot(0, false, -1, 0, 1);
        start(noBoot);
        points.heartbeat(0, 0, 10, true);
        assertEquals(0, points.stat(0, RestorePoint.TAKEN), "no boot snapshot asked for");
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aRestoreBringsBackThePagesWrittenSinceTheSnapshotTheContextsAndTheKeptState() {
        start(image(HealthAction.RESTORE));
        write(RAM + 3 * PAGE, 0x11);
        f.regs[0][3] = 77;
        f.liveState[0] = 5;
        assertEquals(1, points.take(0, 0, 100));
        assertEquals(1, f.captures, "p0 runs on core 0: its live registers");
        write(RAM + 3 * PAGE, 0x22);
        write(RAM, 0x33);
        f.regs[0][3] = 88;
        f.liveState[0] = 6;
        long charged = f.charged;
        h.failure(0, HealthAction.REASON_CRASH, 200);
        assertEquals(0x11, f.readByte(RAM + 3 * PAGE));
        assertEquals(0, f.readByte(RAM), "a page written after the snapshot comes back as it was (zero)");
        assertEquals(77, f.regs[0][3], "the context captured comes back on core 0");
        assertEquals(5, f.liveState[0]);
        assertEquals(List.of("p0 2/" + (f.charged - charged)), logged(EventKind.PARTITION_RESTORED));
        assertEquals(2 * PAGE + 4 * 32 + 8 * 8 + 16, f.chargedBytes - (PAGE + 4 * 32 + 8 * 8 + 16),
                "the restore hashed the two pages it copied back and the snapshot's digest input");
        assertEquals(List.of(), logged(EventKind.PARTITION_RESTARTED));
        assertEquals(1, counters[Counter.RESTORES]);
        assertEquals(0, sched.running(1) == 0 ? 1 : 0);
        assertEquals(0, sched.running(0));
        assertEquals(0, f.dirty & 0b1111, "restored pages are clean");
        assertTrue(points.valid(0), "the snapshot stays for the next restore");
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aRestoreWithNothingWrittenHashesOnlyTheDigestInputAndIsBoundedByThePages() {
        start(image(HealthAction.RESTORE));
        assertEquals(0, points.take(0, 0, 100));
        long before = f.chargedBytes;
        assertEquals(0, points.restore(0, 0, 200));
        assertEquals(4 * 32 + 8 * 8 + 16, f.chargedBytes - before);
        for (int i = 0; i < 4 * PAGE; i++) {
            write(RAM + i, i);
        }
        before = f.chargedBytes;
        assertEquals(0, points.restore(0, 0, 300));
        assertEquals(4L * PAGE + 4 * 32 + 8 * 8 + 16, f.chargedBytes - before, "at most every page once");
        assertEquals(4, points.stat(0, RestorePoint.RESTORE_PAGES));
    }

    // [utest->dsn~kernel.snapshot.fallback~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void aStorePageThatNoLongerMatchesItsDigestMakesTheRestoreARestartAndSaysWhy() {
        start(image(HealthAction.RESTORE));
        write(RAM + PAGE, 9);
        points.take(0, 0, 100);
        f.store[PAGE] ^= 1; // an upset in the monitor's store
        write(RAM + PAGE, 10);
        h.failure(0, HealthAction.REASON_CRASH, 200);
        assertEquals(List.of("p0 " + RestorePoint.DIGEST_MISMATCH + "/1"), logged(EventKind.SNAPSHOT_CORRUPT));
        assertEquals(1, logged(EventKind.PARTITION_RESTARTED).size(), "the golden image instead");
        assertEquals(List.of(), logged(EventKind.PARTITION_RESTORED));
        assertEquals(10, f.readByte(RAM + PAGE), "nothing of the snapshot was copied");
        assertFalse(points.valid(0), "the snapshot is dropped");
        assertEquals(1, points.stat(0, RestorePoint.FALLBACKS));
    }

    // [utest->dsn~kernel.snapshot.fallback~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void withoutASnapshotOrWithTheKeptStateChangedTheRestoreIsARestart() {
        start(image(HealthAction.RESTORE));
        h.failure(0, HealthAction.REASON_CRASH, 100);
        assertEquals(List.of("p0 " + RestorePoint.NO_SNAPSHOT + "/0"), logged(EventKind.SNAPSHOT_CORRUPT));
        points.take(0, 0, 200);
        f.keptState[0] ^= 4; // the port's kept copy changed
        h.failure(0, HealthAction.REASON_CRASH, 300);
        assertEquals(List.of("p0 " + RestorePoint.NO_SNAPSHOT + "/0", "p0 " + RestorePoint.DIGEST_MISMATCH + "/1"),
                logged(EventKind.SNAPSHOT_CORRUPT));
        assertEquals(2, logged(EventKind.PARTITION_RESTARTED).size());
    }

    // [utest->dsn~kernel.snapshot.fallback~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void aPortThatCannotCopyBackOrReinstateMakesARestartAndDropsTheSnapshot() {
        start(image(HealthAction.RESTORE));
        write(RAM, 1);
        points.take(0, 0, 100);
        write(RAM, 2);
        f.reinstateStatus = -1;
        assertEquals(RestorePoint.STATE_LOST, points.restore(0, 0, 200));
        assertFalse(points.valid(0));
        f.reinstateStatus = 0;
        points.take(0, 0, 300);
        write(RAM, 3);
        f.pageErrorAddress = RAM;
        assertEquals(RestorePoint.STATE_LOST, points.restore(0, 0, 400));
        assertEquals(-1, points.take(0, 0, 500), "and a page the port cannot save fails the snapshot");
        assertFalse(points.valid(0));
    }

    // [utest->dsn~kernel.snapshot.fallback~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void restoresCountAgainstTheRestartsOfTheWindowAndEscalate() {
        start(image(HealthAction.RESTORE));
        points.take(0, 0, 100);
        for (int i = 0; i < 3; i++) {
            h.failure(0, HealthAction.REASON_CRASH, 200 + i);
        }
        assertEquals(3, logged(EventKind.PARTITION_RESTORED).size());
        h.failure(0, HealthAction.REASON_CRASH, 300);
        assertEquals(1, logged(EventKind.PARTITION_STOPPED).size(), "the fourth escalates to stop");
        h.heartbeat(0, 400);
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void takingAndRestoringAllocateNothing() {
        start(image(HealthAction.RESTORE));
        f.quiet = true;
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long min = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int i = 0; i < 50; i++) {
                f.writeByte(RAM + (i % 4) * PAGE, i);
                points.take(0, 0, i);
                f.writeByte(RAM + (i % 4) * PAGE, i + 1);
                points.restore(0, 0, i);
            }
            min = Math.min(min, bean.getThreadAllocatedBytes(id) - before);
        }
        assertEquals(0, min, "bytes allocated by 50 snapshots and restores in the quietest round");
    }

    // [utest->dsn~kernel.snapshot.digest~1]
    @Test
    void theSnapshotDigestCoversPagesContextsAndKeptState() {
        SnapshotDigest d = new SnapshotDigest(f);
        byte[] pageDigests = new byte[64];
        long[] ctx = {1, 2};
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        d.snapshot(pageDigests, 2, ctx, 7, a, 0);
        d.snapshot(pageDigests, 2, ctx, 7, b, 0);
        assertArrayEquals(a, b);
        pageDigests[63] = 1;
        d.snapshot(pageDigests, 2, ctx, 7, b, 0);
        assertFalse(SnapshotDigest.same(a, 0, b, 0), "the last byte of the last page digest");
        pageDigests[63] = 0;
        ctx[1] = 3;
        d.snapshot(pageDigests, 2, ctx, 7, b, 0);
        assertFalse(SnapshotDigest.same(a, 0, b, 0), "a context word");
        ctx[1] = 2;
        d.snapshot(pageDigests, 2, ctx, 8, b, 0);
        assertFalse(SnapshotDigest.same(a, 0, b, 0), "the kept-state check");
        d.snapshot(pageDigests, 1, ctx, 7, b, 0);
        assertFalse(SnapshotDigest.same(a, 0, b, 0), "the page count");
        // SHA-256 of 4096 zero bytes (FIPS 180-4), as the store's unwritten pages
        assertEquals("ad7facb2586fc6e966c004d7d1d16b024f5805ff7cb47c7a85dabd8b48892ca7", hex(d.zeroPage()));
    }

    /** p0 as in {@link #image}, p1 (QM, core 1) with 2 snapshotted pages, p2 (QM, core 0, behind p0) with 1. */
    private static SystemImageBuilder three() {
        SystemImageBuilder b = image(HealthAction.RESTORE);
        b.snapshot(1, false, -1, 0, SystemImage.NO_PARTITION);
        b.partition("p2", Criticality.QM, 0b01, RAM + 12 * PAGE, 1_000_000L, false);
        b.region(2, RAM + 12 * PAGE, PAGE, Access.ALL);
        b.snapshot(2, false, -1, 0, SystemImage.NO_PARTITION);
        return b;
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void eachPartitionHasItsOwnStoreDigestAndFigures() {
        start(three());
        assertEquals(7L * PAGE, f.store.length, "4 + 2 + 1 pages reserved, none for a partition without snapshots");
        assertTrue(points.reserved());
        assertEquals(2, points.stat(1, RestorePoint.PAGES));
        assertEquals(1, points.stat(2, RestorePoint.PAGES));
        write(RAM + 8 * PAGE + 1, 0x41);
        write(RAM + 9 * PAGE + 2, 0x42);
        assertEquals(2, points.take(1, 1, 100));
        assertEquals(0x41, f.store[4 * PAGE + 1], "p1's pages follow p0's 4 in the store");
        assertEquals(0x42, f.store[5 * PAGE + 2]);
        assertEquals(0, points.stat(0, RestorePoint.TAKEN));
        assertEquals(1, points.stat(1, RestorePoint.TAKEN));
        assertEquals(2L * PAGE, points.stat(1, RestorePoint.BYTES_COPIED));
        assertEquals(0, points.take(0, 0, 200));
        write(RAM + 9 * PAGE + 2, 0x43);
        write(RAM + 2, 0x44);
        assertEquals(0, points.restore(1, 1, 300), "p1's digest is its own, not p0's");
        assertEquals(0x42, f.readByte(RAM + 9 * PAGE + 2));
        assertEquals(0x44, f.readByte(RAM + 2), "p0's memory is not p1's to restore");
        assertEquals(1, f.loads, "only the page written since the snapshot is copied back");
        assertEquals(1, points.stat(1, RestorePoint.RESTORES));
        assertEquals(1, points.stat(1, RestorePoint.RESTORE_PAGES));
        assertEquals(0, points.stat(0, RestorePoint.RESTORES));
        assertTrue(points.restoreOrLog(0, 0, 400));
        assertEquals(0, f.readByte(RAM + 2));
        f.store[4 * PAGE + 1] ^= 1;
        write(RAM + 8 * PAGE + 1, 0);
        assertFalse(points.restoreOrLog(1, 1, 500));
        assertEquals(1, points.stat(1, RestorePoint.FALLBACKS));
        assertEquals(0, points.stat(0, RestorePoint.FALLBACKS));
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void aSavedContextThatFailsItsCheckFailsTheSnapshot() {
        start(three());
        assertEquals(0, sched.running(0), "p2 waits behind p0 on core 0: its context is saved");
        assertEquals(0, points.take(2, 0, 100));
        assertEquals(warden.kernel.api.Status.OK, sched.worldSwitch().upsetContext(2, 0, 1, 3));
        write(RAM + 12 * PAGE, 1);
        assertEquals(-1, points.take(2, 0, 200));
        assertFalse(points.valid(2));
        assertTrue(f.pageDirty(RAM + 12 * PAGE), "no page copied for a snapshot that failed");
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void aStoreThePortCannotHoldIsNotReserved() {
        f.storeCapacity = 4L * PAGE + 1;
        start(three());
        assertFalse(points.reserved());
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.fallback~1]
    @Test
    void theOneShotAndPeriodicSnapshotsAreTakenExactlyAtTheirTimes() {
        SystemImageBuilder b = image(HealthAction.RESTORE);
        b.snapshot(0, false, 0, 1_000, 1);
        start(b);
        points.heartbeat(0, 0, 0, false);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "the one-shot time 0, reached exactly");
        points.heartbeat(0, 0, 999, false);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "one ns short of the period");
        points.heartbeat(0, 0, 1_000, false);
        assertEquals(2, points.stat(0, RestorePoint.TAKEN), "exactly the period");
        SystemImageBuilder once = image(HealthAction.RESTORE);
        once.snapshot(0, true, 500, 0, 1);
        start(once);
        points.heartbeat(0, 0, 499, false);
        assertEquals(0, points.stat(0, RestorePoint.TAKEN), "before the one-shot time, not a first heartbeat");
        points.heartbeat(0, 0, 500, false);
        points.heartbeat(0, 0, 501, false);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "once, at 500");
        points.heartbeat(0, 0, 600, true);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "a boot snapshot only when none was taken");
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
    }
}
