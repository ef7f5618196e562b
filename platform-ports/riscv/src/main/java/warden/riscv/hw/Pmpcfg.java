package warden.riscv.hw;

/**
 * The 8-bit configuration field {@code pmpNcfg} of one PMP entry and its packing into the RV64
 * {@code pmpcfg} CSRs (RISC-V privileged spec, Machine-Level ISA, "Physical Memory Protection
 * CSRs" and "Address Matching").
 *
 * <pre>
 *    7   6   5   4   3   2   1   0
 *  +---+---+---+-------+---+---+---+
 *  | L | 0 | 0 |   A   | X | W | R |      A: 0 OFF, 1 TOR, 2 NA4, 3 NAPOT
 *  +---+---+---+-------+---+---+---+
 *
 *  RV64: pmpcfg0  = pmp7cfg  .. pmp0cfg   (byte k of the CSR = entry 4*csr + k)
 *        pmpcfg2  = pmp15cfg .. pmp8cfg
 *        ...
 *        pmpcfg14 = pmp63cfg .. pmp56cfg  (odd-numbered pmpcfg CSRs are illegal on RV64)
 * </pre>
 *
 * <p>Guarantees: {@link #legalize} maps every byte software writes to a legal (WARL) value, so a
 * stored configuration never holds a reserved encoding. The R/W/X bit values equal
 * {@code warden.kernel.api.Access} READ/WRITE/EXECUTE.
 */
public final class Pmpcfg {
    public static final int R = 0x01;
    public static final int W = 0x02;
    public static final int X = 0x04;
    public static final int RWX = R | W | X;
    public static final int A_SHIFT = 3;
    public static final int A_MASK = 0x18;
    public static final int L = 0x80;

    public static final int OFF = 0;
    public static final int TOR = 1;
    public static final int NA4 = 2;
    public static final int NAPOT = 3;

    /** Entries per RV64 pmpcfg CSR. */
    public static final int ENTRIES_PER_CSR = 8;
    /** CSR numbers pmpcfg0..pmpcfg15 exist in the encoding space; only even ones are legal on RV64. */
    public static final int CSR_NUMBERS = 16;

    private Pmpcfg() {
    }

    /** @return the A field (OFF, TOR, NA4, NAPOT) of a configuration byte. */
    public static int a(int cfg) {
        return (cfg & A_MASK) >>> A_SHIFT;
    }

    /** @return true when the L bit of a configuration byte is set. */
    public static boolean locked(int cfg) {
        return (cfg & L) != 0;
    }

    /** @return a configuration byte with permissions {@code rwx}, address mode {@code a}, lock bit. */
    public static int of(int rwx, int a, boolean locked) {
        return (rwx & RWX) | ((a << A_SHIFT) & A_MASK) | (locked ? L : 0);
    }

    /** @return true when {@code csr} names an RV64 pmpcfg CSR (pmpcfg0, 2, ..., 14). */
    public static boolean isRv64Csr(int csr) {
        return csr >= 0 && csr < CSR_NUMBERS && (csr & 1) == 0;
    }

    /** @return the first entry held by RV64 CSR {@code pmpcfg<csr>}. */
    public static int firstEntry(int csr) {
        return csr * 4;
    }

    /**
     * WARL legalisation of a byte written to an unlocked {@code pmpNcfg} with grain G:
     * <ul>
     *   <li>bits 6:5 read as zero;</li>
     *   <li>R=0 with W=1 is reserved ("collective WARL field"): W is cleared, X kept — the result
     *       never grants more than was written (the Imperas/OVP reference model does the same);</li>
     *   <li>G &ge; 1 and A=NA4 ("NA4 is not selectable"): A becomes OFF. Deterministic and
     *       independent of the previous value; an entry that cannot be what was asked for
     *       matches nothing rather than a wider NAPOT range.</li>
     * </ul>
     *
     * [impl->dsn~riscv.pmp.warl~1]
     */
    public static int legalize(int written, int g) {
        int v = written & (L | A_MASK | RWX);
        if ((v & R) == 0 && (v & W) != 0) {
            v &= ~W;
        }
        if (g >= 1 && a(v) == NA4) {
            v &= ~A_MASK;
        }
        return v;
    }
}
