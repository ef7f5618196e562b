package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** Priority, threshold, claim/complete and gateway behaviour of {@link Plic} through MMIO. */
class PlicTest {
    private final Plic plic = new Plic(96, 2);

    private void priority(int s, int p) {
        plic.write(PlicDescriptor.priority(s), 4, p, 0);
    }

    private void enable(int ctx, int s) {
        long off = PlicDescriptor.enable(ctx, s);
        plic.write(off, 4, plic.read(off, 4, 0) | (1L << (s % 32)), 0);
    }

    private void threshold(int ctx, int t) {
        plic.write(PlicDescriptor.threshold(ctx), 4, t, 0);
    }

    private int claim(int ctx) {
        return (int) plic.read(PlicDescriptor.claimComplete(ctx), 4, 0);
    }

    private void complete(int ctx, int s) {
        plic.write(PlicDescriptor.claimComplete(ctx), 4, s, 0);
    }

    // [utest->dsn~riscv.plic.priority~1]
    @Test
    void shouldNotifyOnlyWhenAnEnabledPendingSourceExceedsTheThreshold() {
        priority(5, 3);
        plic.raise(5);
        assertFalse(plic.externalPending(0)); // not enabled
        enable(0, 5);
        assertTrue(plic.externalPending(0));
        threshold(0, 3);
        assertFalse(plic.externalPending(0)); // priority must exceed the threshold
        threshold(0, 2);
        assertTrue(plic.externalPending(0));
        assertFalse(plic.externalPending(1));
    }

    // [utest->dsn~riscv.plic.priority~1]
    @Test
    void priorityZeroNeverInterruptsAndIsNeverClaimed() {
        enable(0, 7);
        plic.raise(7);
        assertFalse(plic.externalPending(0));
        assertEquals(0, claim(0));
        assertTrue(plic.isPending(7));
    }

    // [utest->dsn~riscv.plic.priority~1]
    @Test
    void prioritiesAndThresholdsAreThreeBitWarlFields() {
        priority(1, 0xF);
        assertEquals(7, plic.read(PlicDescriptor.priority(1), 4, 0));
        threshold(1, 9);
        assertEquals(1, plic.read(PlicDescriptor.threshold(1), 4, 0));
        priority(0, 5);
        assertEquals(0, plic.read(PlicDescriptor.priority(0), 4, 0)); // source 0 does not exist
    }

    // [utest->dsn~riscv.plic.claim~1]
    @Test
    void claimReturnsTheHighestPriorityAndTheLowestIdOnTiesRegardlessOfTheThreshold() {
        for (int s : new int[] {40, 9, 33}) {
            priority(s, s == 9 ? 2 : 6);
            enable(0, s);
            plic.raise(s);
        }
        threshold(0, 7);
        assertEquals(33, claim(0));
        assertFalse(plic.isPending(33));
        assertEquals(40, claim(0));
        assertEquals(9, claim(0));
        assertEquals(0, claim(0));
    }

    // [utest->dsn~riscv.plic.claim~1]
    @Test
    void pendingBitsAreVisibleAndReadOnly() {
        plic.raise(33);
        assertEquals(1L << 1, plic.read(0x1004, 4, 0));
        plic.write(0x1004, 4, 0, 0);
        assertTrue(plic.isPending(33));
        assertEquals(Status.INVALID_PARAM, plic.raise(0));
        assertEquals(Status.INVALID_PARAM, plic.raise(96));
    }

    // [utest->dsn~riscv.plic.claim~1]
    @Test
    void enableBitsOfSourceZeroAndAbsentSourcesAreHardwiredZero() {
        plic.write(0x2000, 4, 0xFFFF_FFFFL, 0);
        assertEquals(0xFFFF_FFFEL, plic.read(0x2000, 4, 0));
        plic.write(0x2008, 4, 0xFFFF_FFFFL, 0); // sources 64..95 all exist
        assertEquals(0xFFFF_FFFFL, plic.read(0x2008, 4, 0));
        assertEquals(0, plic.read(0x200C, 4, 0)); // word 3 would be sources 96..127
        Plic small = new Plic(40, 1);
        small.write(0x2004, 4, 0xFFFF_FFFFL, 0);
        assertEquals(0xFFL, small.read(0x2004, 4, 0));
    }

    // [utest->dsn~riscv.plic.complete~1] [utest->dsn~riscv.plic.gateway~1]
    @Test
    void shouldHoldANewRequestUntilCompletionWhenTheSourceIsInService() {
        priority(3, 1);
        enable(0, 3);
        plic.raise(3);
        assertEquals(3, claim(0));
        plic.raise(3); // arrives while the handler runs
        assertFalse(plic.isPending(3));
        assertFalse(plic.externalPending(0));
        assertEquals(1, plic.gateway().backlog(3));
        complete(0, 3);
        assertTrue(plic.isPending(3)); // forwarded on completion: not lost
        assertEquals(3, claim(0));
        complete(0, 3);
        assertFalse(plic.isPending(3));
        assertFalse(plic.gateway().inService(3));
    }

    // [utest->dsn~riscv.plic.no-lost-interrupt~1] [utest->dsn~riscv.plic.gateway~1]
    @Test
    void noRequestIsLostWhenASourceRaisesRepeatedly() {
        priority(4, 2);
        enable(0, 4);
        int raised = 0;
        int handled = 0;
        for (int round = 0; round < 5; round++) {
            for (int k = 0; k <= round; k++) {
                plic.raise(4);
                raised++;
            }
            int s = claim(0);
            if (s == 4) {
                handled++;
                complete(0, 4);
            }
        }
        for (int k = 0; k < 100 && plic.isPending(4); k++) {
            assertEquals(4, claim(0));
            handled++;
            complete(0, 4);
        }
        assertEquals(raised, handled);
        assertEquals(0, plic.gateway().backlog(4));
    }

    // [utest->dsn~riscv.plic.complete~1]
    @Test
    void shouldIgnoreCompletionWhenTheSourceIsNotEnabledForTheContextOrNotInService() {
        priority(6, 1);
        enable(0, 6);
        plic.raise(6);
        complete(0, 6); // not claimed yet: ignored
        assertTrue(plic.isPending(6));
        assertEquals(6, claim(0));
        plic.raise(6);
        complete(1, 6); // context 1 does not have source 6 enabled
        assertTrue(plic.gateway().inService(6));
        assertFalse(plic.isPending(6));
        complete(0, 0);
        complete(0, 200);
        complete(0, 6);
        assertTrue(plic.isPending(6));
    }

    @Test
    void malformedAccessesReadZeroAndAreIgnored() {
        priority(2, 1);
        enable(0, 2);
        plic.raise(2);
        assertEquals(0, plic.read(PlicDescriptor.claimComplete(0), 8, 0));
        assertEquals(0, plic.read(PlicDescriptor.claimComplete(0) + 2, 4, 0));
        assertEquals(0, plic.read(PlicDescriptor.claimComplete(2), 4, 0)); // context 2 does not exist
        assertEquals(0, plic.read(PlicDescriptor.CONTEXT_BASE + 8, 4, 0));
        assertTrue(plic.isPending(2));
    }
}
