package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Registers, time base and deadline arithmetic of {@link Clint}. */
class ClintTest {
    private static final long VIRT_HZ = 10_000_000L;
    private static final long HOUR_NS = 3_600_000_000_000L;

    private final Clint clint = new Clint(2, VIRT_HZ);

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void mtimecmpResetsToAllOnesSoNoTimerIsPending() {
        assertEquals(-1L, clint.read(0x4000, 8, 0));
        assertFalse(clint.timerPending(0, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, clint.nextTimerNs(0));
    }

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void mtimeCountsTheTimebaseFromVirtualTime() {
        assertEquals(0, clint.read(0xBFF8, 8, 99));
        assertEquals(1, clint.read(0xBFF8, 8, 100));
        assertEquals(HOUR_NS, clint.read(0xBFF8, 8, 100 * HOUR_NS)); // 100 h at 100 ns a tick, no overflow
        long t = (1L << 32) * 100 + 5 * 100; // mtime = 2^32 + 5
        assertEquals(5, clint.read(0xBFF8, 4, t));
        assertEquals(1, clint.read(0xBFFC, 4, t));
    }

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void shouldRaiseTheTimerWhenMtimeReachesMtimecmp() {
        clint.write(0x4008, 8, 1000, 0); // hart 1
        assertFalse(clint.timerPending(1, 99_999));
        assertTrue(clint.timerPending(1, 100_000));
        assertFalse(clint.timerPending(0, 100_000));
        assertEquals(100_000, clint.nextTimerNs(1));
    }

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void mtimecmpHalvesAreWritableSeparately() {
        clint.write(0x4000, 4, 0x1234, 0);
        assertEquals(0xFFFF_FFFF_0000_1234L, clint.mtimecmp(0));
        clint.write(0x4004, 4, 0, 0);
        assertEquals(0x1234, clint.read(0x4000, 8, 0));
        assertEquals(0, clint.read(0x4004, 4, 0));
    }

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void msipKeepsOnlyBitZero() {
        clint.write(0x4, 4, 0xFFFF_FFFFL, 0);
        assertEquals(1, clint.read(0x4, 4, 0));
        assertTrue(clint.softwarePending(1));
        assertFalse(clint.softwarePending(0));
        clint.write(0x4, 4, 2, 0);
        assertFalse(clint.softwarePending(1));
    }

    // [utest->dsn~riscv.clint.registers~1]
    @Test
    void shouldIgnoreMalformedAndUnknownAccesses() {
        clint.write(0x4002, 4, 5, 0);
        clint.write(0x4000, 2, 5, 0);
        clint.write(0x4010, 8, 5, 0); // hart 2 does not exist
        clint.write(0xBFF8, 8, 5, 0); // mtime is the virtual clock here
        assertEquals(-1L, clint.mtimecmp(0));
        assertEquals(0, clint.read(0x8, 4, 0));
        assertEquals(0, clint.read(0xC000, 4, 0));
        assertEquals(0, clint.read(0xBFF8, 8, 0));
    }
}
