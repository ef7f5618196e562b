package warden.riscv.hw;

/**
 * An independent, deliberately naive model of PMP written straight from the privileged spec text
 * ("Address Matching", "Locking and Privilege Mode", "Priority and Matching Logic"): it works
 * byte by byte and bit by bit and shares no code with {@link Pmp}. Test-only.
 */
final class PmpSpecModel {
    final int entryCount;
    final int g;
    final int[] cfg;
    final long[] addr;

    PmpSpecModel(int entryCount, int g) {
        this.entryCount = entryCount;
        this.g = g;
        this.cfg = new int[entryCount];
        this.addr = new long[entryCount];
    }

    /** "If PMP entry i is locked, writes to pmpicfg and pmpaddri are ignored." */
    void writeCfg(int i, int legalValue) {
        if ((cfg[i] & 0x80) == 0) {
            cfg[i] = legalValue;
        }
    }

    /** "... Additionally, if PMP entry i is locked and pmpicfg.A is set to TOR, writes to pmpaddri-1 are ignored." */
    void writeAddr(int i, long value) {
        if ((cfg[i] & 0x80) != 0) {
            return;
        }
        if (i + 1 < entryCount && (cfg[i + 1] & 0x80) != 0 && ((cfg[i + 1] >> 3) & 3) == 1) {
            return;
        }
        addr[i] = value & ((1L << 54) - 1);
    }

    /** Spec: the lowest-numbered entry matching any byte decides; it must match all bytes. */
    boolean allows(long address, int size, int access, int priv) {
        if (address < 0 || address + size > (1L << 56)) {
            return false;
        }
        int decider = -1;
        for (long b = address; b < address + size; b++) {
            for (int i = 0; i < entryCount; i++) {
                if (matches(i, b)) {
                    if (decider < 0 || i < decider) {
                        decider = i;
                    }
                    break;
                }
            }
        }
        if (decider < 0) {
            // "If no PMP entry matches an M-mode memory operation, the operation succeeds. If no PMP
            // entry matches an S-mode or U-mode memory operation, the operation fails if at least
            // one PMP entry is implemented and succeeds otherwise."
            return priv == 3 || entryCount == 0;
        }
        for (long b = address; b < address + size; b++) {
            if (!matches(decider, b)) {
                return false;
            }
        }
        boolean locked = (cfg[decider] & 0x80) != 0;
        if (!locked && priv == 3) {
            return true;
        }
        return (cfg[decider] & access) != 0;
    }

    /** Does entry i match byte address y? pmpaddr holds address bits 55:2, so compare y >> 2. */
    boolean matches(int i, long y) {
        long word = y >>> 2;
        int a = (cfg[i] >> 3) & 3;
        if (a == 0) {
            return false;
        }
        if (a == 1) {
            long lower = i == 0 ? 0 : clearLowBits(addr[i - 1], g);
            long upper = clearLowBits(addr[i], g);
            return lower <= word && word < upper;
        }
        if (a == 2) {
            return word == addr[i];
        }
        long v = addr[i];
        for (int bit = 0; bit <= g - 2; bit++) { // G >= 2, NAPOT: bits G-2:0 read as ones
            v |= 1L << bit;
        }
        int ones = 0;
        while (ones < 54 && ((v >>> ones) & 1) == 1) {
            ones++;
        }
        // yyyy...y0 (no trailing ones) = 8 bytes = 2 words; each trailing one doubles it
        return (word >>> (ones + 1)) == (v >>> (ones + 1));
    }

    /** "Bits pmpaddr[G-1:0] do not affect the TOR address-matching logic." */
    private static long clearLowBits(long v, int g) {
        long r = v;
        for (int bit = 0; bit < g; bit++) {
            r &= ~(1L << bit);
        }
        return r;
    }
}
