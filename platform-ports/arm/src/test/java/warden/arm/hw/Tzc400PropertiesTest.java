package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For any non-overlapping region set and any access, the filter allows exactly what a predicate
 * written from the TZC-400 TRM allows: one enabled region holds every byte (else region 0), and
 * the access's security state has that region's enable for the direction.
 */
class Tzc400PropertiesTest {
    private static final long BASE = 0x8000_0000L;

    // [utest->dsn~arm.tzc.regions~1]
    @Property(seed = "42", tries = 400)
    void theFilterAllowsExactlyWhatTheSpecPredicateAllows(
            @ForAll @IntRange(min = 0, max = 8) int regions, @ForAll @IntRange(min = 1, max = 4) int pagesEach,
            @ForAll @LongRange(min = 0, max = 0x4_0000L) long offset, @ForAll @IntRange(min = 0, max = 3) int sizeLog,
            @ForAll boolean write, @ForAll boolean nonSecure, @ForAll @IntRange(min = 0, max = 3) int nsaid,
            @ForAll @IntRange(min = 0, max = 255) int seed) {
        Tzc400 tzc = new Tzc400(new TransactionSecurity());
        long[] b = new long[regions + 1];
        long[] t = new long[regions + 1];
        int[] attr = new int[regions + 1];
        int[] ids = new int[regions + 1];
        for (int n = 1; n <= regions; n++) {
            b[n] = BASE + (n - 1) * 0x8000L;
            t[n] = b[n] + pagesEach * 0x1000L - 1;
            attr[n] = 1 | (((seed >>> n) & 1) != 0 ? Tzc400Descriptor.S_RD_EN : 0)
                    | (((seed >>> (n + 1)) & 1) != 0 ? Tzc400Descriptor.S_WR_EN : 0);
            ids[n] = ((seed * n) & 0xF) | (((seed * n) & 0xF) << 16);
            program(tzc, n, b[n], t[n], attr[n], ids[n]);
        }
        int size = 1 << sizeLog;
        long a = BASE + offset;
        assertEquals(expected(b, t, attr, ids, regions, a, size, write, nonSecure, nsaid),
                tzc.check(a, size, write, nonSecure, nsaid) == Tzc400.ALLOW);
    }

    private static boolean expected(long[] b, long[] t, int[] attr, int[] ids, int regions, long a, int size,
                                    boolean write, boolean ns, int nsaid) {
        int hit = 0;
        for (int n = 1; n <= regions; n++) {
            boolean any = a <= t[n] && a + size - 1 >= b[n];
            if (any && (a < b[n] || a + size - 1 > t[n])) {
                return false;
            }
            if (any) {
                hit = n;
            }
        }
        if (hit == 0) {
            return false; // region 0 has no enables
        }
        if (ns) {
            return ((ids[hit] >>> ((write ? 16 : 0) + nsaid)) & 1) != 0;
        }
        return (attr[hit] & (write ? Tzc400Descriptor.S_WR_EN : Tzc400Descriptor.S_RD_EN)) != 0;
    }

    private static void program(Tzc400 tzc, int n, long base, long top, int attr, int ids) {
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.BASE_LOW), 4, base & 0xFFFF_FFFFL, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.TOP_LOW), 4, top & 0xFFFF_FFFFL, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ID_ACCESS), 4, ids, 0);
        tzc.write(Tzc400Descriptor.offset(n, Tzc400Descriptor.ATTRIBUTES), 4, attr, 0);
    }
}
