package warden.x86.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * The x86 protection unit and the SMRR MSR pair, at their boundaries: the monitor range against the
 * handlers and save maps, the SMRR boundary of a region, the monitor's bytes, 4 KiB pages, the
 * region table's capacity, and the byte-exact access check of an SMM slot.
 */
class X86ProtectionUnitTest {
    private static final long S = 0x1000_0000L;
    private static final long SIZE = 0x40_0000L;
    private static final long[] SMBASE = {S, S + 0x1_0000L};

    /** Records every MSR write; fails the write numbered {@code failAt} (0 = none). */
    private static final class Writes implements X86ProtectionUnit.Msrs {
        final List<String> log = new ArrayList<>();
        final int failAt;

        Writes(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public boolean wrmsr(int core, int msr, long value) {
            log.add(core + ":" + Integer.toHexString(msr) + "=" + Long.toHexString(value));
            return log.size() != failAt;
        }
    }

    private static X86ProtectionUnit unit() {
        return new X86ProtectionUnit(S, SIZE, SMBASE, null);
    }

    /** A unit whose monitor is [S+8000h, S+20000h): both cores' handlers and save maps, nothing more. */
    private static X86ProtectionUnit sealedUnit() {
        X86ProtectionUnit u = unit();
        assertEquals(Status.OK, u.protectMonitor(S + 0x8000, 0x1_8000));
        return u;
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void smramMustBeOneSmrrRange() {
        assertThrows(IllegalArgumentException.class, () -> new X86ProtectionUnit(S + 0x1000, SIZE, SMBASE, null));
        assertThrows(IllegalArgumentException.class, () -> new X86ProtectionUnit(S, SIZE + 0x1000, SMBASE, null));
        X86ProtectionUnit u = unit();
        assertEquals(S, u.smramBase());
        assertEquals(SIZE, u.smramSize());
        assertEquals(ProtectionUnit.NO_SLOT, u.activeSlot(0));
        assertEquals(ProtectionUnit.NO_SLOT, u.activeSlot(1));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void theMonitorRangeHoldsEveryHandlerAndSaveMapExactly() {
        assertEquals(Status.OK, unit().protectMonitor(S + 0x8000, 0x1_8000));
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S + 0x8001, 0x1_7FFF),
                "misses core 0's handler entry");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S + 0x8000, 0x1_7FFF),
                "misses core 1's last save-map byte");
        assertEquals(Status.OK, unit().protectMonitor(S, SIZE), "all of SMRAM");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S, SIZE + 1), "larger than SMRAM");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S - 1, 0x2_0000), "starts below SMRAM");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S + 1, SIZE), "ends above SMRAM");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S, 0), "empty");
        assertEquals(Status.INVALID_PARAM, unit().protectMonitor(S, -1), "negative");
        X86ProtectionUnit noCores = new X86ProtectionUnit(S, SIZE, new long[0], null);
        assertEquals(Status.INVALID_PARAM, noCores.protectMonitor(S, 0), "empty, even with no handler to hold");
        assertEquals(Status.OK, noCores.protectMonitor(S + SIZE - 1, 1), "the last byte of SMRAM");
    }

    // [utest->dsn~x86.protection~1] [utest->dsn~x86.smrr~1]
    @Test
    void protectMonitorProgramsBothSmrrMsrsOnEveryCore() {
        Writes w = new Writes(0);
        X86ProtectionUnit u = new X86ProtectionUnit(S, SIZE, SMBASE, w);
        assertEquals(Status.OK, u.protectMonitor(S + 0x8000, 0x1_8000));
        assertEquals(List.of("0:1f2=10000006", "0:1f3=ffc00800", "1:1f2=10000006", "1:1f3=ffc00800"), w.log);
        for (int fail = 1; fail <= 4; fail++) {
            Writes f = new Writes(fail);
            assertEquals(Status.FAILED, new X86ProtectionUnit(S, SIZE, SMBASE, f).protectMonitor(S + 0x8000, 0x1_8000));
            assertEquals(fail, f.log.size(), "stops at the write that raised #GP");
        }
        Writes none = new Writes(0);
        assertEquals(Status.INVALID_PARAM, new X86ProtectionUnit(S, SIZE, SMBASE, none).protectMonitor(S, 0x1000));
        assertEquals(List.of(), none.log, "a refused monitor range programs nothing");
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void slotsAreNumberedZeroToFifteen() {
        X86ProtectionUnit u = sealedUnit();
        assertEquals(Status.INVALID_PARAM, u.beginSlot(-1));
        assertEquals(Status.INVALID_PARAM, u.beginSlot(X86ProtectionUnit.SLOTS_MAX));
        assertEquals(Status.OK, u.beginSlot(0));
        assertEquals(Status.OK, u.beginSlot(X86ProtectionUnit.SLOTS_MAX - 1));
        assertEquals(Status.INVALID_PARAM, u.addRegion(-1, 0, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, u.addRegion(X86ProtectionUnit.SLOTS_MAX, 0, 0x1000, Access.READ));
        assertEquals(Status.OK, u.addRegion(X86ProtectionUnit.SLOTS_MAX - 1, 0, 0x1000, Access.READ));
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.world(-1));
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.world(X86ProtectionUnit.SLOTS_MAX));
        assertEquals(X86ProtectionUnit.WORLD_RICH, u.world(X86ProtectionUnit.SLOTS_MAX - 1));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void beginSlotForgetsTheSlotsRegionsAndWorld() {
        X86ProtectionUnit u = sealedUnit();
        u.beginSlot(2);
        assertEquals(Status.OK, u.addRegion(2, S + 0x2_0000, 0x1000, Access.READ));
        assertEquals(1, u.regionCount(2));
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.world(2));
        assertEquals(Status.OK, u.beginSlot(2));
        assertEquals(0, u.regionCount(2));
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.world(2));
        assertEquals(Status.OK, u.addRegion(2, 0x1000, 0x1000, Access.READ), "the slot may now be a rich-OS slot");
        assertEquals(X86ProtectionUnit.WORLD_RICH, u.world(2));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void aRegionMustBeNonEmptyNonNegativeAndNotWrap() {
        X86ProtectionUnit u = sealedUnit();
        u.beginSlot(0);
        assertEquals(Status.INVALID_PARAM, u.addRegion(0, 0x1000, 0, Access.READ));
        assertEquals(Status.INVALID_PARAM, u.addRegion(0, 0x1000, -0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, u.addRegion(0, -1, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, u.addRegion(0, Long.MAX_VALUE - 0xFFF, 0x1000, Access.READ));
        assertEquals(0, u.regionCount(0));
        assertEquals(Status.OK, u.addRegion(0, 0, 1, Access.READ), "one byte at address 0 (rich-OS, any size)");
        assertEquals(Status.OK, u.addRegion(0, Long.MAX_VALUE - 0x1000, 0x1000, Access.READ), "ends at the top");
        assertEquals(2, u.regionCount(0));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void theSmrrBoundarySplitsTheWorlds() {
        X86ProtectionUnit u = sealedUnit();
        assertEquals(X86ProtectionUnit.WORLD_RICH, u.worldOf(S - 0x1000, 0x1000), "ends where SMRAM starts");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S - 0x1000, 0x1001), "straddles the start");
        assertEquals(X86ProtectionUnit.WORLD_RICH, u.worldOf(S + SIZE, 0x1000), "starts where SMRAM ends");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S + SIZE - 1, 0x1000), "straddles the end");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S - 0x1000, SIZE + 0x2000), "encloses SMRAM");
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.worldOf(S + SIZE - 0x1000, 0x1000), "SMRAM's last page");
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.worldOf(S + 0x2_0000, 0x1000), "the page after the monitor");
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.worldOf(S, 0x8000),
                "SMRAM below the monitor, up to its first byte");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S, 0x8001), "one byte of the monitor");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S + 0x1_FFFF, 0x1000), "the monitor's last byte");
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.worldOf(S + 0x9000, 0x1000), "inside the monitor");
        assertEquals(X86ProtectionUnit.WORLD_SMM, unit().worldOf(S + 0x9000, 0x1000), "no monitor range yet");
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void aSlotIsEitherSmmOrRichAndSmmRegionsArePages() {
        X86ProtectionUnit u = sealedUnit();
        u.beginSlot(1);
        assertEquals(Status.INVALID_PARAM, u.addRegion(1, S - 0x1000, 0x2000, Access.READ), "straddles SMRR");
        assertEquals(Status.INVALID_PARAM, u.addRegion(1, S + 0x8000, 0x1000, Access.READ), "the monitor's");
        assertEquals(Status.INVALID_PARAM, u.addRegion(1, S + 0x2_0800, 0x1000, Access.READ), "base not a page");
        assertEquals(Status.INVALID_PARAM, u.addRegion(1, S + 0x2_0000, 0x1800, Access.READ), "size not pages");
        assertEquals(Status.OK, u.addRegion(1, S + 0x2_0000, 0x1000, Access.READ));
        assertEquals(Status.INVALID_PARAM, u.addRegion(1, 0x1000, 0x1000, Access.READ),
                "a rich-OS region in an SMM slot");
        assertEquals(Status.OK, u.addRegion(1, S + 0x3_0000, 0x2000, Access.WRITE));
        assertEquals(2, u.regionCount(1));
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.world(1));
        u.beginSlot(3);
        assertEquals(Status.OK, u.addRegion(3, 0x1234, 0x10, Access.READ), "rich-OS regions need no pages");
        assertEquals(Status.INVALID_PARAM, u.addRegion(3, S + 0x2_0000, 0x1000, Access.READ),
                "an SMM region in a rich-OS slot");
        assertEquals(X86ProtectionUnit.WORLD_RICH, u.world(3));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void aSlotHoldsSixteenRegions() {
        X86ProtectionUnit u = sealedUnit();
        u.beginSlot(4);
        for (int i = 0; i < X86ProtectionUnit.REGIONS_MAX; i++) {
            assertEquals(Status.OK, u.addRegion(4, S + 0x2_0000 + i * 0x1000L, 0x1000, Access.READ));
        }
        assertEquals(Status.NO_SPACE, u.addRegion(4, S + 0x3_0000, 0x1000, Access.READ));
        assertEquals(X86ProtectionUnit.REGIONS_MAX, u.regionCount(4));
        u.activate(0, 4);
        assertTrue(u.allows(0, S + 0x2_0000 + 15 * 0x1000L, 1, Access.READ), "the sixteenth region");
        assertFalse(u.allows(0, S + 0x3_0000, 1, Access.READ), "the refused seventeenth");
        assertEquals(Status.OK, u.addRegion(5, S + 0x3_0000, 0x1000, Access.READ), "other slots keep their own table");
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void activateChecksTheCoreAndTheSlot() {
        X86ProtectionUnit u = sealedUnit();
        assertEquals(Status.INVALID_PARAM, u.activate(-1, 0));
        assertEquals(Status.INVALID_PARAM, u.activate(2, 0));
        assertEquals(Status.INVALID_PARAM, u.activate(0, -2));
        assertEquals(Status.INVALID_PARAM, u.activate(0, X86ProtectionUnit.SLOTS_MAX));
        assertEquals(ProtectionUnit.NO_SLOT, u.activeSlot(0));
        assertEquals(Status.OK, u.activate(1, X86ProtectionUnit.SLOTS_MAX - 1));
        assertEquals(X86ProtectionUnit.SLOTS_MAX - 1, u.activeSlot(1));
        assertEquals(Status.OK, u.activate(1, 0));
        assertEquals(0, u.activeSlot(1));
        assertEquals(ProtectionUnit.NO_SLOT, u.activeSlot(0));
        assertEquals(Status.OK, u.activate(1, ProtectionUnit.NO_SLOT));
        assertEquals(ProtectionUnit.NO_SLOT, u.activeSlot(1));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void anSmmSlotAllowsExactlyItsBytesWithItsPermissions() {
        X86ProtectionUnit u = sealedUnit();
        long r = S + 0x2_0000;
        u.beginSlot(6);
        u.addRegion(6, r, 0x2000, Access.READ | Access.WRITE | 0x70);
        u.addRegion(6, S + 0x5_0000, 0x1000, Access.EXECUTE);
        assertFalse(u.allows(0, r, 1, Access.READ), "no slot active");
        u.activate(0, 6);
        assertTrue(u.allows(0, r, 1, Access.READ), "first byte");
        assertTrue(u.allows(0, r + 0x1FFF, 1, Access.WRITE), "last byte");
        assertTrue(u.allows(0, r + 0x1FF8, 8, Access.READ | Access.WRITE), "last eight bytes");
        assertTrue(u.allows(0, r, 0x2000, Access.READ), "the whole region");
        assertFalse(u.allows(0, r, 0x2001, Access.READ), "one byte more than the region");
        assertFalse(u.allows(0, r + 0x1FF9, 8, Access.READ), "runs one byte past the end");
        assertFalse(u.allows(0, r - 1, 1, Access.READ), "the byte before");
        assertFalse(u.allows(0, r + 0x2000, 1, Access.READ), "the byte after");
        assertFalse(u.allows(0, r, 1, Access.EXECUTE), "not executable (bits above ALL are dropped)");
        assertTrue(u.allows(0, S + 0x5_0000, 4, Access.EXECUTE), "the second region");
        assertFalse(u.allows(0, S + 0x5_0000, 4, Access.READ | Access.EXECUTE), "every requested right is needed");
        assertFalse(u.allows(1, r, 1, Access.READ), "core 1 has no slot");
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void aBegunSlotAllowsNoneOfTheRegionsItForgot() {
        X86ProtectionUnit u = sealedUnit();
        long r = S + 0x2_0000;
        u.beginSlot(9);
        u.addRegion(9, r, 0x1000, Access.READ);
        u.addRegion(9, r + 0x1000, 0x1000, Access.READ);
        u.activate(0, 9);
        assertTrue(u.allows(0, r + 0x1000, 4, Access.READ), "the second region before");
        u.beginSlot(9);
        assertFalse(u.allows(0, r, 4, Access.READ), "a begun slot with no region allows nothing");
        u.addRegion(9, S + 0x4_0000, 0x1000, Access.READ);
        assertTrue(u.allows(0, S + 0x4_0000, 4, Access.READ), "its new first region");
        assertFalse(u.allows(0, r + 0x1000, 4, Access.READ), "nor the second region it forgot");
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void slotZeroIsASlotLikeAnyOther() {
        X86ProtectionUnit u = sealedUnit();
        assertEquals(X86ProtectionUnit.WORLD_NONE, u.world(0));
        u.beginSlot(0);
        assertEquals(Status.OK, u.addRegion(0, S + 0x2_0000, 0x1000, Access.READ));
        assertEquals(X86ProtectionUnit.WORLD_SMM, u.world(0));
        assertEquals(Status.OK, u.activate(0, 0));
        assertTrue(u.allows(0, S + 0x2_0000, 4, Access.READ));
    }

    // [utest->dsn~x86.protection~1]
    @Test
    void aRichOsSlotIsNeverEnforcedInSmm() {
        X86ProtectionUnit u = sealedUnit();
        u.beginSlot(7);
        u.addRegion(7, 0x4000, 0x1000, Access.ALL);
        u.activate(0, 7);
        assertFalse(u.allows(0, 0x4000, 1, Access.READ));
        u.beginSlot(8);
        u.activate(0, 8);
        assertFalse(u.allows(0, 0x4000, 1, Access.READ), "an empty slot allows nothing");
    }

    // [utest->dsn~x86.smrr~1]
    @Test
    void smrrMsrsAreWrittenOnlyInSmmAndWithoutReservedBits() {
        Smrr s = new Smrr();
        assertFalse(s.write(Smrr.IA32_SMRR_PHYSBASE, 0x8000_0006L, false));
        assertEquals(0, s.read(Smrr.IA32_SMRR_PHYSBASE));
        assertTrue(s.write(Smrr.IA32_SMRR_PHYSBASE, 0xFFFF_F0FFL, true), "every writable base bit");
        assertEquals(0xFFFF_F0FFL, s.read(Smrr.IA32_SMRR_PHYSBASE));
        assertFalse(s.write(Smrr.IA32_SMRR_PHYSBASE, 0x8000_0106L, true), "reserved bit 8");
        assertFalse(s.write(Smrr.IA32_SMRR_PHYSBASE, 1L << 32, true), "reserved bit 32");
        assertEquals(0xFFFF_F0FFL, s.read(Smrr.IA32_SMRR_PHYSBASE));
        assertTrue(s.write(Smrr.IA32_SMRR_PHYSMASK, 0xFFFF_F800L, true), "every writable mask bit");
        assertEquals(0xFFFF_F800L, s.read(Smrr.IA32_SMRR_PHYSMASK));
        assertFalse(s.write(Smrr.IA32_SMRR_PHYSMASK, 0xFFFF_F801L, true), "reserved bit 0");
        assertFalse(s.write(Smrr.IA32_SMRR_PHYSMASK, 0xFFFF_FC00L, true), "reserved bit 10");
        assertEquals(0xFFFF_F800L, s.read(Smrr.IA32_SMRR_PHYSMASK));
        assertFalse(s.write(0x1F4, 0, true), "not an SMRR");
        assertEquals(0, s.read(0x1F4));
        assertEquals(0, s.read(0x1F1));
    }

    // [utest->dsn~x86.smrr~1]
    @Test
    void theRangeNeedsTheValidBitAndLiesBelowFourGib() {
        Smrr s = new Smrr();
        s.write(Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(0x8000_0000L, Smrr.TYPE_WB), true);
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(0x10_0000L) & ~Smrr.VALID, true);
        assertFalse(s.valid());
        assertFalse(s.matches(0x8000_0000L));
        assertEquals(0, s.size(), "no size when not valid");
        assertEquals(0x8000_0000L, s.base());
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(0x10_0000L), true);
        assertTrue(s.valid());
        assertEquals(0x10_0000L, s.size());
        assertTrue(s.matches(0x8000_0000L));
        assertTrue(s.matches(0x800F_FFFFL));
        assertFalse(s.matches(0x7FFF_FFFFL));
        assertFalse(s.matches(0x8010_0000L));
        assertFalse(s.matches(0x1_8000_0000L), "4 GiB above a match");
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.VALID, true);
        assertEquals(0, s.size(), "a valid mask of zero describes no contiguous range");
        assertTrue(s.matches(0xFFFF_FFFFL), "a zero mask matches every address below 4 GiB");
        assertFalse(s.matches(0x1_0000_0000L));
    }

    // [utest->dsn~x86.smrr~1]
    @Test
    void encodableRangesAndTheirMsrValues() {
        assertTrue(Smrr.encodable(0, 0x1000));
        assertFalse(Smrr.encodable(0, 0x800), "below 4 KiB");
        assertFalse(Smrr.encodable(0, 0x3000), "not a power of two");
        assertFalse(Smrr.encodable(0x1000, 0x2000), "not aligned");
        assertFalse(Smrr.encodable(-0x1000, 0x1000), "negative");
        assertTrue(Smrr.encodable(0xFFFF_F000L, 0x1000), "ends at 4 GiB");
        assertTrue(Smrr.encodable(0, 1L << 32), "all of 4 GiB");
        assertFalse(Smrr.encodable(0x1_0000_0000L, 0x1000), "above 4 GiB");
        assertEquals(0x8000_0006L, Smrr.physBaseFor(0x8000_0FFFL, 0x106));
        assertEquals(0xFFF0_0800L, Smrr.physMaskFor(0x10_0000L));
        assertEquals(0xFFFF_F800L, Smrr.physMaskFor(0x1000L));
    }

    // [utest->dsn~x86.smrr~1]
    @Test
    void touchesLooksAtUpToEightBytes() {
        Smrr s = new Smrr();
        s.write(Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(0x8000_0000L, Smrr.TYPE_WB), true);
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(0x1000L), true);
        assertTrue(s.touches(0x7FFF_FFF9L, 8), "the last of eight bytes");
        assertFalse(s.touches(0x7FFF_FFF8L, 8), "eight bytes ending just below");
        assertFalse(s.touches(0x7FFF_FFF8L, 9), "a ninth byte is not looked at");
        assertTrue(s.touches(0x8000_0FFFL, 1));
        assertFalse(s.touches(0x8000_1000L, 8));
        assertFalse(s.touches(0x8000_0000L, 0), "no bytes");
    }
}
