package warden.riscv.hw;

import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.Refusal;

/**
 * Encodes one physical address range with permissions as the fewest PMP entries that match
 * exactly that range (RISC-V privileged spec, "Address Matching"), appended after the entries
 * already in a configuration row.
 *
 * <p>Choice, per range {@code [base, base+size)}, first that applies:
 * <ol>
 *   <li>one TOR entry when the previous entry's {@code pmpaddr} (ignoring bits G-1:0, which TOR
 *       ignores) already equals {@code base>>2}, or the range starts at 0 in entry 0;</li>
 *   <li>one NAPOT entry when size is a power of two &ge; max(8, grain) and base is aligned to it;
 *       one NA4 entry for a 4-byte aligned range when G=0;</li>
 *   <li>two entries: OFF holding {@code base>>2}, then TOR holding {@code (base+size)>>2}.</li>
 * </ol>
 * A TOR entry is preferred in case 1 because its {@code pmpaddr} is the range's end, which lets
 * a following adjacent range share it; both cases take one entry.
 *
 * <p>Guarantees: {@link #check} accepts only ranges these modes express exactly: base and size
 * multiples of the grain, size &gt; 0, end &le; 2^56 (end &lt; 2^56 when a TOR is needed),
 * permissions a subset of RWX without the reserved write-only combination. Stateless after
 * construction; allocates nothing.
 *
 * [impl->dsn~riscv.pmp.encoder~1]
 */
public final class PmpRegionEncoder {
    private final int g;
    private final long granule;
    private final long torMask;

    /** Boot-time: an encoder for grain exponent G (grain 2^(G+2) bytes). */
    public PmpRegionEncoder(int g) {
        if (g < 0 || g > Pmp.G_MAX) {
            throw new IllegalArgumentException("PMP grain exponent G outside 0.." + Pmp.G_MAX + ": " + g);
        }
        this.g = g;
        this.granule = 1L << (g + 2);
        this.torMask = ~((1L << g) - 1);
    }

    /** @return the grain in bytes. */
    public long granule() {
        return granule;
    }

    /** @return Status.OK, or Status.INVALID_PARAM when the range or permissions cannot be encoded. */
    public int check(long base, long size, int perms) {
        return why(base, size, perms) == Refusal.NONE ? Status.OK : Status.INVALID_PARAM;
    }

    /**
     * @return why {@link #check} refuses this range: a {@link Refusal} code, NONE when it accepts it.
     *         [impl->dsn~riscv.pmp.refusal~1]
     */
    public int why(long base, long size, int perms) {
        if ((perms & ~Access.ALL) != 0 || ((perms & Access.WRITE) != 0 && (perms & Access.READ) == 0)) {
            return Refusal.UNSUPPORTED_ACCESS; // W without R is reserved
        }
        if (size <= 0 || base < 0 || size > Pmp.PHYS_LIMIT - base) { // covers base >= 2^56 (size > 0)
            return Refusal.OUT_OF_RANGE;
        }
        if ((base & (granule - 1)) != 0 || (size & (granule - 1)) != 0) {
            return Refusal.MISALIGNED;
        }
        if (base + size == Pmp.PHYS_LIMIT && !napot(base, size) && !na4(base, size)) {
            return Refusal.OUT_OF_RANGE; // the TOR top 2^56 is not representable
        }
        return Refusal.NONE;
    }

    /** @return entries (1 or 2) that a checked range needs when appended at entry {@code at}. */
    public int entriesNeeded(long base, long size, long[] addr, int rowStart, int at) {
        if (sharesTor(base, size, addr, rowStart, at) || napot(base, size) || na4(base, size)) {
            return 1;
        }
        return 2;
    }

    /**
     * Writes the entries of a checked range at entry {@code at} of the row starting at
     * {@code rowStart} in {@code cfg}/{@code addr}; the caller has checked there is room.
     *
     * @return the number of entries written (1 or 2)
     */
    public int encode(long base, long size, int perms, int[] cfg, long[] addr, int rowStart, int at) {
        int rwx = perms & Pmpcfg.RWX;
        int e = rowStart + at;
        long endWord = (base + size) >>> 2;
        if (sharesTor(base, size, addr, rowStart, at)) {
            cfg[e] = Pmpcfg.of(rwx, Pmpcfg.TOR, false);
            addr[e] = endWord;
            return 1;
        }
        if (napot(base, size)) {
            cfg[e] = Pmpcfg.of(rwx, Pmpcfg.NAPOT, false);
            addr[e] = (base >>> 2) | ((size >>> 3) - 1);
            return 1;
        }
        if (na4(base, size)) {
            cfg[e] = Pmpcfg.of(rwx, Pmpcfg.NA4, false);
            addr[e] = base >>> 2;
            return 1;
        }
        cfg[e] = Pmpcfg.of(0, Pmpcfg.OFF, false);
        addr[e] = base >>> 2;
        cfg[e + 1] = Pmpcfg.of(rwx, Pmpcfg.TOR, false);
        addr[e + 1] = endWord;
        return 2;
    }

    private boolean sharesTor(long base, long size, long[] addr, int rowStart, int at) {
        if (base + size >= Pmp.PHYS_LIMIT) {
            return false;
        }
        long previous = at == 0 ? 0 : addr[rowStart + at - 1] & torMask;
        return previous == (base >>> 2);
    }

    private boolean napot(long base, long size) {
        boolean pow2 = (size & (size - 1)) == 0;
        return pow2 && size >= 8 && size >= granule && (base & (size - 1)) == 0;
    }

    private boolean na4(long base, long size) {
        return g == 0 && size == 4 && (base & 3) == 0;
    }
}
