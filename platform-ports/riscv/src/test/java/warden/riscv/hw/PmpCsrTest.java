package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Status;

/** CSR behaviour of {@link Pmp}: RV64 layout, WARL fields, grain, lock. */
class PmpCsrTest {
    private static final int NAPOT_RWX = Pmpcfg.of(Pmpcfg.RWX, Pmpcfg.NAPOT, false);

    // [utest->dsn~riscv.pmp.csr~1]
    @Test
    void oddPmpcfgIsIllegalOnRv64AndReadsZero() {
        Pmp pmp = new Pmp(16, 0);
        assertEquals(Status.NOT_SUPPORTED, pmp.writePmpcfg(1, 0x1F));
        assertEquals(0, pmp.readPmpcfg(1));
        assertEquals(Status.INVALID_PARAM, pmp.writePmpcfg(16, 0));
        assertEquals(Status.INVALID_PARAM, pmp.writePmpcfg(-2, 0));
        assertEquals(Status.OK, pmp.writePmpcfg(0, 0x0F));
        assertEquals(0x0F, pmp.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.csr~1]
    @Test
    void pmpcfg2HoldsEntriesEightToFifteen() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpcfg(2, 0x0F00_0000_0000_0019L);
        assertEquals(0x0F00_0000_0000_0019L, pmp.readPmpcfg(2));
        pmp.writePmpaddr(8, 0x100);
        assertTrue(pmp.allows(0x400, 4, Pmpcfg.R, Pmp.PRIV_U)); // entry 8: NAPOT, R
        assertEquals(0, pmp.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.csr~1]
    @Test
    void shouldReadZeroAndIgnoreWritesWhenEntriesAreNotImplemented() {
        Pmp pmp = new Pmp(16, 0);
        assertEquals(Status.OK, pmp.writePmpcfg(4, -1L));
        assertEquals(0, pmp.readPmpcfg(4));
        assertEquals(Status.OK, pmp.writePmpaddr(20, 0x1234));
        assertEquals(0, pmp.readPmpaddr(20));
        assertEquals(Status.INVALID_PARAM, pmp.writePmpaddr(64, 0));
        Pmp none = new Pmp(0, 0);
        none.writePmpcfg(0, -1L);
        assertEquals(0, none.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.warl~1]
    @Test
    void reservedBitsFiveAndSixReadZero() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpcfg(0, 0x61);
        assertEquals(0x01, pmp.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.warl~1]
    @Test
    void shouldClearWriteWhenSoftwareWritesTheReservedWriteOnlyCombination() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpcfg(0, Pmpcfg.of(Pmpcfg.W | Pmpcfg.X, Pmpcfg.NAPOT, false));
        assertEquals(Pmpcfg.of(Pmpcfg.X, Pmpcfg.NAPOT, false), pmp.readPmpcfg(0));
        pmp.writePmpcfg(0, Pmpcfg.of(Pmpcfg.W, Pmpcfg.TOR, false));
        assertEquals(Pmpcfg.of(0, Pmpcfg.TOR, false), pmp.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.warl~1] [utest->dsn~riscv.pmp.granularity~1]
    @Test
    void shouldTurnNa4IntoOffWhenTheGrainIsCoarserThanFourBytes() {
        Pmp fine = new Pmp(16, 0);
        fine.writePmpcfg(0, Pmpcfg.of(Pmpcfg.R, Pmpcfg.NA4, false));
        assertEquals(Pmpcfg.NA4, Pmpcfg.a((int) fine.readPmpcfg(0)));
        Pmp coarse = new Pmp(16, 1);
        coarse.writePmpcfg(0, Pmpcfg.of(Pmpcfg.R, Pmpcfg.NA4, false));
        assertEquals(Pmpcfg.of(Pmpcfg.R, Pmpcfg.OFF, false), coarse.readPmpcfg(0));
    }

    // [utest->dsn~riscv.pmp.csr~1]
    @Test
    void pmpaddrKeepsAddressBits55To2Only() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpaddr(3, -1L);
        assertEquals((1L << 54) - 1, pmp.readPmpaddr(3));
    }

    // [utest->dsn~riscv.pmp.granularity~1]
    @Test
    void softwareFindsTheGrainWithTheSpecProcedure() {
        for (int g = 0; g <= 12; g++) {
            Pmp pmp = new Pmp(16, g);
            pmp.writePmpcfg(0, 0);
            pmp.writePmpaddr(0, -1L);
            assertEquals(g, Long.numberOfTrailingZeros(pmp.readPmpaddr(0)), "G=" + g);
        }
    }

    // [utest->dsn~riscv.pmp.granularity~1]
    @Test
    void shouldReadOnesInNapotAndZerosInTorButKeepTheStoredBitWhenTheModeChanges() {
        Pmp pmp = new Pmp(16, 3); // grain 32 bytes
        pmp.writePmpaddr(0, 0x100); // bits 2:0 = 000
        pmp.writePmpcfg(0, NAPOT_RWX);
        assertEquals(0x103, pmp.readPmpaddr(0)); // bits G-2:0 = 1:0 read as ones
        pmp.writePmpaddr(0, 0x104); // bit G-1 = 2 set
        assertEquals(0x107, pmp.readPmpaddr(0));
        pmp.writePmpcfg(0, Pmpcfg.of(Pmpcfg.RWX, Pmpcfg.TOR, false));
        assertEquals(0x100, pmp.readPmpaddr(0)); // bits G-1:0 read as zeros
        pmp.writePmpcfg(0, NAPOT_RWX);
        assertEquals(0x107, pmp.readPmpaddr(0)); // bit G-1 retained
    }

    // [utest->dsn~riscv.pmp.granularity~1]
    @Test
    void torMatchingIgnoresTheLowGrainBits() {
        Pmp pmp = new Pmp(16, 2); // grain 16 bytes
        pmp.writePmpaddr(0, 0x7); // 0x1C bytes, TOR uses 0x10
        pmp.writePmpcfg(0, Pmpcfg.of(Pmpcfg.R, Pmpcfg.TOR, false));
        assertTrue(pmp.allows(0x0C, 4, Pmpcfg.R, Pmp.PRIV_U));
        assertFalse(pmp.allows(0x10, 4, Pmpcfg.R, Pmp.PRIV_U));
    }

    // [utest->dsn~riscv.pmp.lock~1]
    @Test
    void shouldIgnoreWritesToCfgAndAddrWhenTheEntryIsLocked() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpaddr(1, 0x40);
        int locked = Pmpcfg.of(Pmpcfg.R, Pmpcfg.NAPOT, true);
        pmp.writePmpcfg(0, (long) locked << 8);
        pmp.writePmpcfg(0, 0x1F1F);
        assertEquals((long) locked << 8 | 0x1F, pmp.readPmpcfg(0)); // entry 0 took it, entry 1 did not
        pmp.writePmpaddr(1, 0x80);
        assertEquals(0x40, pmp.readPmpaddr(1));
    }

    // [utest->dsn~riscv.pmp.lock~1]
    @Test
    void shouldFreezeThePreviousPmpaddrWhenALockedEntryIsTor() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpaddr(0, 0x10);
        pmp.writePmpaddr(1, 0x20);
        pmp.writePmpcfg(0, (long) Pmpcfg.of(Pmpcfg.R, Pmpcfg.TOR, true) << 8);
        pmp.writePmpaddr(0, 0x18);
        assertEquals(0x10, pmp.readPmpaddr(0));
        pmp.writePmpcfg(0, (long) Pmpcfg.of(Pmpcfg.R, Pmpcfg.TOR, true) << 8 | NAPOT_RWX);
        assertEquals(NAPOT_RWX, pmp.readPmpcfg(0) & 0xFF); // pmp0cfg itself stays writable
    }

    // [utest->dsn~riscv.pmp.lock~1]
    @Test
    void shouldNotFreezeThePreviousPmpaddrWhenALockedEntryIsNapotOrOff() {
        Pmp pmp = new Pmp(16, 0);
        pmp.writePmpcfg(0, (long) Pmpcfg.of(0, Pmpcfg.NAPOT, true) << 8 | (long) Pmpcfg.of(0, Pmpcfg.OFF, true) << 16);
        pmp.writePmpaddr(0, 0x33);
        assertEquals(0x33, pmp.readPmpaddr(0));
        pmp.writePmpaddr(2, 0x44); // entry 2 is locked although OFF
        assertEquals(0, pmp.readPmpaddr(2));
    }

    // [utest->dsn~riscv.pmp.lock~1]
    @Test
    void resetUnlocksEveryEntry() {
        Pmp pmp = new Pmp(64, 0);
        pmp.writePmpcfg(14, -1L);
        pmp.reset();
        assertEquals(0, pmp.readPmpcfg(14));
        pmp.writePmpcfg(14, 0x0F);
        assertEquals(0x0F, pmp.readPmpcfg(14));
    }
}
