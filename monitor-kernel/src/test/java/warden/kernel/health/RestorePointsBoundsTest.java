package warden.kernel.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * Restore points at their bounds: what the port is asked and charged, the one-shot time after a boot
 * snapshot, the contexts of a partition on two cores, and upsets of the kernel's own snapshot tables.
 * p0 (ASIL-C, core 0) has 4 rw pages at 0x80000000 and a one-shot time {@code at}; p1 (QM, cores 0
 * and 1, waiting behind p0 on core 0) has 2 pages at 0x80008000 and snapshots too; p2 (QM, core 1)
 * has none.
 */
class RestorePointsBoundsTest extends HealthFixture {
    private static final long RAM = 0x8000_0000L;
    private static final int PAGE = RestorePoint.PAGE_BYTES;
    private static final long P1 = RAM + 8 * PAGE;
    /** Bytes the snapshot digest hashes besides pages: p0's 4 page digests, 2 cores of 4 words, kept, count. */
    private static final int TOP = 4 * 32 + 2 * 4 * 8 + 16;

    private static SystemImageBuilder image(long at) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(0x7000_0000L, 0x10_0000);
        b.partition("p0", Criticality.ASIL_C, 0b01, RAM, 1_000_000L, false);
        b.region(0, RAM, 4 * PAGE, Access.READ | Access.WRITE);
        b.health(0, 0, 0, 1_000_000_000L, 3, HealthAction.RESTORE, HealthAction.STOP);
        b.snapshot(0, true, at, 0, SystemImage.NO_PARTITION);
        b.partition("p1", Criticality.QM, 0b11, P1, 1_000_000L, false);
        b.region(1, P1, 2 * PAGE, Access.ALL);
        b.snapshot(1, false, -1, 0, SystemImage.NO_PARTITION);
        b.partition("p2", Criticality.QM, 0b10, RAM + 12 * PAGE, 1_000_000L, false);
        b.region(2, RAM + 12 * PAGE, PAGE, Access.ALL);
        return b;
    }

    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void aBootSnapshotBeforeTheOneShotTimeLeavesTheOneShotSnapshotToCome() {
        start(image(5_000));
        points.heartbeat(0, 0, 10, true);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN), "the boot snapshot");
        points.heartbeat(0, 0, 4_999, false);
        assertEquals(1, points.stat(0, RestorePoint.TAKEN));
        points.heartbeat(0, 0, 5_000, false);
        assertEquals(2, points.stat(0, RestorePoint.TAKEN), "the one-shot snapshot at its time");
        points.heartbeat(0, 0, 5_001, false);
        assertEquals(2, points.stat(0, RestorePoint.TAKEN));
        assertTrue(points.reserved(), "p2, without snapshots, needs no store");
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void thePortIsAskedAboutThePartitionsPagesOnceEachAndChargedForWhatWasCopiedAndHashed() {
        start(image(-1));
        f.writeByte(RAM + 5, 1);
        f.writeByte(RAM + 3 * PAGE, 2);
        f.dirtyQueries = 0;
        long bytes = f.chargedBytes;
        assertEquals(2, points.take(0, 0, 100));
        assertEquals(4, f.dirtyQueries, "one question per page of p0");
        assertEquals(2L * PAGE + TOP, f.chargedBytes - bytes, "the 2 pages copied are hashed, and the top");
        assertEquals(2, f.chargedPages);
        f.writeByte(RAM + PAGE, 3);
        f.dirtyQueries = 0;
        bytes = f.chargedBytes;
        assertEquals(0, points.restore(0, 0, 200));
        assertEquals(8, f.dirtyQueries, "once to check, once to copy back");
        assertEquals(PAGE + TOP, f.chargedBytes - bytes, "the page checked, the top");
        assertEquals(0, f.readByte(RAM + PAGE));
    }

    // [utest->dsn~kernel.snapshot.take~1]
    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void eachVcpuGetsBackItsOwnContextWhetherItRanOrWaitedAtTheSnapshot() {
        start(image(-1));
        assertEquals(1, sched.running(1), "p1 runs on core 1 and waits behind p0 on core 0");
        f.regs[1][0] = P1 + 0x100;
        f.regs[1][1] = 20;
        int captures = f.captures;
        assertEquals(0, points.take(1, 1, 100));
        assertEquals(1, f.captures - captures, "only the running vCPU's live registers");
        sched.stopPartition(0);
        assertEquals(1, sched.running(0));
        assertEquals(P1, f.regs[0][0], "p1's vCPU on core 0 starts at its entry");
        long word1 = f.regs[0][1];
        f.regs[0][0] = 0xBAD;
        f.regs[0][1] = 0xBAD;
        f.regs[1][0] = 0;
        f.regs[1][1] = 0;
        assertEquals(0, points.restore(1, 1, 200));
        sched.reschedule(0);
        sched.reschedule(1);
        assertEquals(P1, f.regs[0][0], "core 0: the saved context it had at the snapshot");
        assertEquals(word1, f.regs[0][1]);
        assertEquals(P1 + 0x100, f.regs[1][0], "core 1: the live registers captured");
        assertEquals(20, f.regs[1][1]);
    }

    private Object table(String name) throws ReflectiveOperationException {
        Field fld = RestorePoints.class.getDeclaredField(name);
        fld.setAccessible(true);
        return fld.get(points);
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    // [utest->dsn~kernel.snapshot.digest~1]
    @Test
    void anUpsetInTheKernelsOwnPageDigestOrContextTableFailsTheSnapshotDigest() throws Exception {
        start(image(-1));
        f.writeByte(RAM, 1);
        assertEquals(1, points.take(0, 0, 100));
        f.writeByte(RAM, 2);
        byte[][] pageDigest = (byte[][]) table("pageDigest");
        pageDigest[0][3 * 32] ^= 1; // page 3, not written since: the restore does not hash it
        assertEquals(RestorePoint.DIGEST_MISMATCH, points.restore(0, 0, 200));
        assertEquals(2, f.readByte(RAM), "nothing copied back");
        assertFalse(points.valid(0));
        pageDigest[0][3 * 32] ^= 1;
        assertEquals(1, points.take(0, 0, 300));
        f.writeByte(RAM, 3);
        long[][] contexts = (long[][]) table("contexts");
        contexts[0][1] ^= 1L << 40;
        assertEquals(RestorePoint.DIGEST_MISMATCH, points.restore(0, 0, 400));
        assertEquals(3, f.readByte(RAM));
        assertFalse(points.valid(0));
    }

    // [utest->dsn~kernel.snapshot.boot-check~1]
    // [utest->dsn~kernel.snapshot.take~1]
    @Test
    void aPortWhoseContextsExceedTheDigestsBoundCannotHoldTheRestorePoints() {
        start(image(-1));
        SystemImage img = image(-1).build();
        int words = SnapshotDigest.CONTEXT_WORDS_MAX / img.coreCount();
        assertTrue(new RestorePoints(img, sched, f, log, counters, words).reserved());
        assertFalse(new RestorePoints(img, sched, f, log, counters, words + 1).reserved());
    }

    // [utest->dsn~kernel.snapshot.restore~1]
    @Test
    void aRestoreDropsTheInterruptsHeldForThePartitionAndItsVirtualTimers() {
        start(image(-1));
        assertEquals(0, points.take(1, 1, 100));
        assertTrue(sched.held().hold(1, 0, 5, 150));
        sched.timers().setDeadline(1, 0, 5_000);
        assertEquals(5_000, f.deadline[0], "p1's virtual timer is core 0's earliest deadline");
        assertEquals(0, points.restore(1, 1, 200));
        assertEquals(0, sched.held().pendingCount(1, 0), "the interrupt held for p1 is dropped");
        assertTrue(f.deadline[0] > 5_000, "and its virtual timer: " + f.deadline[0]);
    }
}
