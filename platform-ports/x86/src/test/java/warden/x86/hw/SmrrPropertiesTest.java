package warden.x86.hw;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SMRR's mask match (Intel SDM Vol. 3A §11.11.2.4) against the plain range predicate
 * {@code base <= addr < base + size} for every range SMRR can encode, and the save-state checks
 * against their definition.
 */
class SmrrPropertiesTest {
    record Range(long base, long size) {
    }

    @Provide
    Arbitrary<Range> ranges() {
        return Arbitraries.integers().between(12, 31).flatMap(k -> {
            long size = 1L << k;
            return Arbitraries.longs().between(0, (1L << 32) / size - 1).map(i -> new Range(i * size, size));
        });
    }

    @Provide
    Arbitrary<Long> addresses() {
        return Arbitraries.longs().between(0, (1L << 33) - 1);
    }

    // [utest->dsn~x86.smrr~1]
    @Property(seed = "42")
    boolean theMaskMatchIsTheRange(@ForAll("ranges") Range r, @ForAll("addresses") long address) {
        Smrr s = new Smrr();
        s.write(Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(r.base(), Smrr.TYPE_WB), true);
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(r.size()), true);
        boolean plain = address >= r.base() && address < r.base() + r.size();
        return s.matches(address) == plain && s.base() == r.base() && s.size() == r.size();
    }

    // [utest->dsn~x86.smrr~1]
    @Property(seed = "42")
    boolean nothingMatchesWithoutTheValidBitOrOutsideSmmWrites(@ForAll("ranges") Range r, @ForAll("addresses") long a) {
        Smrr s = new Smrr();
        boolean outside = s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(r.size()), false);
        s.write(Smrr.IA32_SMRR_PHYSBASE, Smrr.physBaseFor(r.base(), Smrr.TYPE_WB), true);
        s.write(Smrr.IA32_SMRR_PHYSMASK, Smrr.physMaskFor(r.size()) & ~Smrr.VALID, true);
        return !outside && !s.matches(a);
    }

    @Provide
    Arbitrary<long[]> controlRegisters() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as((a, b, c) -> new long[] {a & 0xFFFF_FFFFL, b & 0x7F_FFFFL, c & 0xD01L});
    }

    // [utest->dsn~x86.save-state~1]
    @Property(seed = "42")
    boolean rsmAcceptsExactlyTheValidStates(@ForAll("controlRegisters") long[] cr) {
        long cr0 = cr[0];
        long cr4 = cr[1];
        long efer = cr[2];
        boolean valid = (cr4 & ~SaveStateDescriptor.CR4_DEFINED) == 0
                && !((cr0 & SaveStateDescriptor.CR0_PG) != 0 && (cr0 & SaveStateDescriptor.CR0_PE) == 0)
                && !((cr0 & SaveStateDescriptor.CR0_NW) != 0 && (cr0 & SaveStateDescriptor.CR0_CD) == 0)
                && !((efer & SaveStateDescriptor.EFER_LME) != 0 && (cr0 & SaveStateDescriptor.CR0_PG) != 0
                    && (cr4 & SaveStateDescriptor.CR4_PAE) == 0);
        return (SaveStateDescriptor.checkRsm(cr0, cr4, efer) == SaveStateDescriptor.RSM_OK) == valid;
    }
}
