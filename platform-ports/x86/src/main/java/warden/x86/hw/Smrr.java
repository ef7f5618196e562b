package warden.x86.hw;

/**
 * The system-management range registers {@code IA32_SMRR_PHYSBASE} (MSR 1F2h) and
 * {@code IA32_SMRR_PHYSMASK} (MSR 1F3h), Intel SDM Vol. 3A §11.11.2.4 "System-Management Range
 * Register Interface", Figure 11-8.
 *
 * <pre>
 *  IA32_SMRR_PHYSBASE  63        32 31          12 11   8 7      0
 *                     | reserved   | PhysBase     | rsvd  | Type   |
 *  IA32_SMRR_PHYSMASK  63        32 31          12 11 10          0
 *                     | reserved   | PhysMask     | V | reserved   |
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>the MSRs "may be written only in SMM; an attempt to write them outside of SMM causes a
 *       general-protection exception": {@link #write} returns false (the caller raises #GP) outside
 *       SMM and for a write with reserved bits set;</li>
 *   <li>an address is in the range when the valid bit is set and
 *       {@code (addr & PhysMask) == (PhysBase & PhysMask)} ("Address_Within_Range AND PhysMask =
 *       PhysBase AND PhysMask"); the range lies below 4 GiB, so no address at or above 4 GiB
 *       matches;</li>
 *   <li>outside SMM "write accesses are ignored and read accesses return a fixed value for each
 *       byte": the SDM does not name the value; this model returns {@link #FIXED_READ_BYTE} (all
 *       ones, what a UC read of an undecoded address returns) for each byte;</li>
 *   <li>nothing allocates; every method is O(1).</li>
 * </ul>
 *
 * [impl->dsn~x86.smrr~1]
 */
public final class Smrr {
    public static final int IA32_SMRR_PHYSBASE = 0x1F2;
    public static final int IA32_SMRR_PHYSMASK = 0x1F3;
    /** Memory type field of PHYSBASE (Table 11-8): write-back. */
    public static final int TYPE_WB = 6;
    public static final int TYPE_UC = 0;
    public static final long TYPE_BITS = 0xFFL;
    public static final long ADDRESS_BITS = 0xFFFF_F000L;
    public static final long VALID = 1L << 11;
    /** The fixed value each byte of a read of the range returns outside SMM. */
    public static final int FIXED_READ_BYTE = 0xFF;
    private static final long BASE_WRITABLE = ADDRESS_BITS | TYPE_BITS;
    private static final long MASK_WRITABLE = ADDRESS_BITS | VALID;

    private long physBase;
    private long physMask;

    /**
     * WRMSR to 1F2h or 1F3h.
     * @return true when written; false when the processor raises #GP (outside SMM, an MSR that is
     *         not an SMRR, or a reserved bit set)
     */
    public boolean write(int msr, long value, boolean inSmm) {
        if (!inSmm) {
            return false;
        }
        if (msr == IA32_SMRR_PHYSBASE && (value & ~BASE_WRITABLE) == 0) {
            physBase = value;
            return true;
        }
        if (msr == IA32_SMRR_PHYSMASK && (value & ~MASK_WRITABLE) == 0) {
            physMask = value;
            return true;
        }
        return false;
    }

    /** RDMSR of 1F2h or 1F3h (readable in any mode when SMRR is supported); other MSRs read 0. */
    public long read(int msr) {
        return msr == IA32_SMRR_PHYSBASE ? physBase : msr == IA32_SMRR_PHYSMASK ? physMask : 0;
    }

    public boolean valid() {
        return (physMask & VALID) != 0;
    }

    /** @return whether {@code address} is in the SMRR range (valid bit set and the mask matches). */
    public boolean matches(long address) {
        return valid() && match(address, physBase, physMask);
    }

    /** The SDM's predicate on raw MSR values, ignoring the valid bit. */
    public static boolean match(long address, long physBase, long physMask) {
        if ((address >>> 32) != 0) {
            return false;
        }
        long mask = physMask & ADDRESS_BITS;
        return (address & mask) == (physBase & mask);
    }

    /** @return true when {@code [base, base+size)} is one SMRR range (2^n, aligned, &ge; 4 KiB, below 4 GiB). */
    public static boolean encodable(long base, long size) {
        return size >= 0x1000 && Long.bitCount(size) == 1 && (base & (size - 1)) == 0 && base >= 0
                && base + size <= 1L << 32;
    }

    /** @return the PHYSBASE value for an encodable range with memory type {@code type}. */
    public static long physBaseFor(long base, int type) {
        return (base & ADDRESS_BITS) | (type & TYPE_BITS);
    }

    /** @return the PHYSMASK value (valid) for an encodable range of {@code size} bytes. */
    public static long physMaskFor(long size) {
        return (~(size - 1) & ADDRESS_BITS) | VALID;
    }

    /** @return the first byte of the range (PhysBase, 4 KiB aligned). */
    public long base() {
        return physBase & ADDRESS_BITS;
    }

    /** @return the size of a contiguous range: the lowest set bit of PhysMask (0 when not valid). */
    public long size() {
        long m = physMask & ADDRESS_BITS;
        return valid() && m != 0 ? Long.lowestOneBit(m) : 0;
    }

    /** @return whether any byte of {@code [address, address+length)} is in the range (length &le; 8). */
    public boolean touches(long address, int length) {
        for (int i = 0; i < length && i < 8; i++) { // bound: 8 bytes
            if (matches(address + i)) {
                return true;
            }
        }
        return false;
    }
}
