package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IopmpTest {
    private static final int TOR = Iopmp.A_TOR << Iopmp.A_SHIFT;
    private static final int NAPOT = Iopmp.A_NAPOT << Iopmp.A_SHIFT;
    private static final int NA4 = Iopmp.A_NA4 << Iopmp.A_SHIFT;
    private static final int RW = Iopmp.CFG_R | Iopmp.CFG_W;

    /** MD 0 = entries 0-1 (TOR [0x1000, 0x2000) rw), RRID 0 in MD 0. */
    private static Iopmp oneDomain(int perms) {
        Iopmp u = new Iopmp();
        u.writeEntry(0, 0x1000 >>> 2, 0);
        u.writeEntry(1, 0x2000 >>> 2, perms | TOR);
        u.writeMdcfg(0, 2);
        u.writeSrcmdEn(0, 1);
        return u;
    }

    /** A TOR entry permits exactly its range with its permissions; the bytes around it are denied. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void aTorEntryPermitsExactlyItsRange() {
        Iopmp u = oneDomain(RW);
        assertEquals(Iopmp.OK, u.check(0, 0x1000, 8, false));
        assertEquals(Iopmp.OK, u.check(0, 0x1FF8, 8, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(0, 0xFF8, 8, false));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(0, 0x2000, 1, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0x1FFC, 8, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0xFFC, 8, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0xFF9, 8, true));
        assertTrue(u.permits(0, 0x1800, 2048, true));
        assertFalse(u.permits(0, 0x1800, 2049, true));
        assertEquals(6, u.denials());
    }

    /** R and W are checked separately: a read-only entry refuses writes, a write-only one reads. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void permissionsDecideReadAndWriteApart() {
        Iopmp ro = oneDomain(Iopmp.CFG_R);
        assertEquals(Iopmp.OK, ro.check(0, 0x1000, 4, false));
        assertEquals(Iopmp.ETYPE_WRITE, ro.check(0, 0x1000, 4, true));
        Iopmp wo = oneDomain(Iopmp.CFG_W);
        assertEquals(Iopmp.ETYPE_READ, wo.check(0, 0x1000, 4, false));
        assertEquals(Iopmp.OK, wo.check(0, 0x1000, 4, true));
        Iopmp none = oneDomain(Iopmp.CFG_X);
        assertEquals(Iopmp.ETYPE_READ, none.check(0, 0x1000, 4, false));
    }

    /** The lowest-numbered matching entry decides, even when a later one would permit. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void theFirstMatchingEntryDecides() {
        Iopmp u = new Iopmp();
        u.writeEntry(0, (0x1000 >>> 2) | 0xFF, Iopmp.CFG_R | NAPOT); // [0x1000, 0x1800) read-only
        u.writeEntry(1, 0x1000 >>> 2, 0);
        u.writeEntry(2, 0x2000 >>> 2, RW | TOR); // [0x1000, 0x2000) rw
        u.writeMdcfg(0, 3);
        u.writeSrcmdEn(0, 1);
        assertEquals(Iopmp.ETYPE_WRITE, u.check(0, 0x1400, 4, true));
        assertEquals(Iopmp.OK, u.check(0, 0x1400, 4, false));
        assertEquals(Iopmp.OK, u.check(0, 0x1800, 4, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0x17FC, 8, true));
        u.writeEntry(0, 0x3004 >>> 2, RW | NA4); // [0x3004, 0x3008)
        assertEquals(Iopmp.OK, u.check(0, 0x3004, 4, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0x3004, 8, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(0, 0x3000, 4, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(0, 0x2FFC, 4, true));
        assertEquals(Iopmp.OK, u.check(0, 0x1400, 4, true));
    }

    /** TOR at entry 0 starts at address 0; an empty TOR range matches nothing and a later entry decides. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void torFromZeroAndEmptyRanges() {
        Iopmp u = new Iopmp();
        u.writeEntry(0, 0x800 >>> 2, Iopmp.CFG_R | TOR); // [0, 0x800) read-only
        u.writeEntry(1, 0x1000 >>> 2, 0);
        u.writeEntry(2, 0x1000 >>> 2, RW | TOR); // [0x1000, 0x1000): empty
        u.writeEntry(3, 0x3FF, RW | NAPOT); // [0, 0x2000) rw
        u.writeMdcfg(0, 4);
        u.writeSrcmdEn(0, 1);
        assertEquals(Iopmp.OK, u.check(0, 0, 8, false));
        assertEquals(Iopmp.ETYPE_WRITE, u.check(0, 0x7F8, 8, true));
        assertEquals(Iopmp.OK, u.check(0, 0xFF8, 16, true));
        assertEquals(Iopmp.OK, u.check(0, 0x1000, 8, true));
        assertEquals(Iopmp.ETYPE_PARTIAL, u.check(0, 0x1FF8, 16, true));
    }

    /** An RRID sees only the entries of its memory domains; no domain, or an unknown RRID, denies. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void domainsSeparateRequestors() {
        Iopmp u = oneDomain(RW);
        u.writeEntry(2, (0x2000 >>> 2) | 0x1FF, RW | NAPOT); // MD 1 = entry 2: [0x2000, 0x3000)
        u.writeMdcfg(1, 3);
        u.writeSrcmdEn(1, 2);
        assertEquals(Iopmp.OK, u.check(1, 0x2000, 4, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(1, 0x1000, 4, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(0, 0x2000, 4, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, u.check(2, 0x1000, 4, false));
        assertEquals(Iopmp.ETYPE_UNKNOWN_RRID, u.check(Iopmp.RRIDS, 0x1000, 4, false));
        assertEquals(Iopmp.ETYPE_UNKNOWN_RRID, u.check(-1, 0x1000, 4, false));
        u.writeSrcmdEn(1, 3);
        assertEquals(Iopmp.OK, u.check(1, 0x1000, 4, true));
        assertEquals(Iopmp.ETYPE_NOT_HIT, new Iopmp().check(0, 0, 4, false));
    }

    /** The first denial is recorded (info, address, RRID and entry) until cleared; later ones are counted. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void theFirstDenialIsRecorded() {
        Iopmp u = oneDomain(Iopmp.CFG_R);
        assertEquals(0, u.errInfo());
        u.check(0, 0x1004, 4, true);
        assertEquals(1 | 2 << 1 | Iopmp.ETYPE_WRITE << 4, u.errInfo());
        assertEquals(0x1004, u.errReqAddr());
        assertEquals(1 << 16, u.errReqId());
        u.check(3, 0x5000, 4, false);
        assertEquals(0x1004, u.errReqAddr());
        u.clearError();
        assertEquals(0, u.errInfo());
        u.check(3, 0x5000, 4, false);
        assertEquals(1 | 1 << 1 | Iopmp.ETYPE_NOT_HIT << 4, u.errInfo());
        assertEquals(3 | 0xFFFF << 16, u.errReqId());
        assertEquals(3, u.denials());
    }

    /** Out-of-range writes are ignored; the registers keep their fields only. */
    // [utest->dsn~riscv.iopmp~1]
    @Test
    void registerWritesOutOfRangeAreIgnored() {
        Iopmp u = new Iopmp();
        u.writeEntry(-1, 1, 1);
        u.writeEntry(Iopmp.ENTRIES_MAX, 1, 1);
        u.writeEntry(0, -1L, 0xFF);
        assertEquals((1L << 54) - 1, u.entryAddr(0));
        assertEquals(0x1F, u.entryCfg(0));
        u.writeMdcfg(Iopmp.MDS, 1);
        u.writeMdcfg(-1, 1);
        u.writeMdcfg(0, Iopmp.ENTRIES_MAX + 1);
        u.writeMdcfg(0, -1);
        assertEquals(0, u.mdcfg(0));
        u.writeMdcfg(0, Iopmp.ENTRIES_MAX);
        assertEquals(Iopmp.ENTRIES_MAX, u.mdcfg(0));
        u.writeMdcfg(0, 0);
        assertEquals(0, u.mdcfg(0));
        u.writeMdcfg(Iopmp.MDS - 1, 3);
        assertEquals(3, u.mdcfg(Iopmp.MDS - 1));
        u.writeSrcmdEn(Iopmp.RRIDS, 1);
        u.writeSrcmdEn(-1, 1);
        u.writeSrcmdEn(0, -1);
        assertEquals(0xFF, u.srcmdEn(0));
        assertEquals(0, u.srcmdEn(Iopmp.RRIDS - 1));
    }
}
