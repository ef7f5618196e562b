package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * For random monitor ranges and region sets, a hart PMP programmed by
 * {@link RiscvProtectionUnit#activate} gives S and U mode exactly the slot's regions with their
 * permissions (first region added wins on overlap), never the monitor range, nothing else; and
 * NO_SLOT gives them nothing.
 */
class RiscvProtectionUnitPropertiesTest {
    private static final int[] PERMS = {0, Access.READ, Access.READ | Access.WRITE, Access.EXECUTE,
        Access.READ | Access.EXECUTE, Access.ALL};
    private static final int[] SIZES = {1, 2, 4, 8};
    private static final int[] KINDS = {Access.READ, Access.WRITE, Access.EXECUTE};
    private static final int SPAN_GRANULES = 256;

    /** A range in entry order with its permissions. */
    record Range(long base, long size, int perms) {
        boolean touches(long a, int n) {
            return a < base + size && base < a + n;
        }

        boolean covers(long a, int n) {
            return base <= a && a + n <= base + size;
        }
    }

    @Provide
    Arbitrary<Integer> grains() {
        return Arbitraries.of(0, 0, 1, 2, 4);
    }

    @Provide
    Arbitrary<Integer> entryCounts() {
        return Arbitraries.of(16, 64);
    }

    // [utest->dsn~riscv.pmp.encoder~1] [utest->dsn~riscv.pmp.monitor~1] [utest->dsn~riscv.pmp.activate~1]
    @Property(seed = "42", tries = 200)
    void activatedSlotGivesSupervisorAndUserExactlyItsRegions(
            @ForAll("grains") int g, @ForAll("entryCounts") int n, @ForAll long seed) {
        Random rnd = new Random(seed);
        long granule = 1L << (g + 2);
        long origin = origin(rnd, granule);
        Pmp hart = new Pmp(n, g);
        RiscvProtectionUnit pu = new RiscvProtectionUnit(new Pmp[] {hart}, n, g);
        Range monitor = randomRange(rnd, origin, granule, null, 0);
        while (monitor.base() + monitor.size() == Pmp.PHYS_LIMIT) { // may need an inexpressible TOR top
            monitor = randomRange(rnd, origin, granule, null, 0);
        }
        assertEquals(Status.OK, pu.protectMonitor(monitor.base(), monitor.size()));
        List<List<Range>> slots = new ArrayList<>();
        for (int slot = 0; slot < 2; slot++) {
            if (rnd.nextBoolean()) {
                configureSlot(rnd, pu, slot, monitor, origin, granule); // discarded by beginSlot
            }
            slots.add(configureSlot(rnd, pu, slot, monitor, origin, granule));
            assertTrue(pu.entriesUsed(slot) <= n);
        }
        assertEquals(Status.OK, pu.activate(0, 0));
        assertEquals(Status.OK, pu.activate(0, 1));
        check(rnd, hart, slots.get(1), monitor, origin, granule);
        assertEquals(Status.OK, pu.activate(0, ProtectionUnit.NO_SLOT));
        check(rnd, hart, List.of(monitor), monitor, origin, granule);
        assertEquals(Status.OK, pu.activate(0, 0));
        check(rnd, hart, slots.get(0), monitor, origin, granule);
    }

    private static List<Range> configureSlot(Random rnd, RiscvProtectionUnit pu, int slot, Range monitor,
            long origin, long granule) {
        List<Range> accepted = new ArrayList<>();
        accepted.add(monitor);
        assertEquals(Status.OK, pu.beginSlot(slot));
        int count = 1 + rnd.nextInt(14);
        Range previous = monitor;
        for (int k = 0; k < count; k++) {
            Range r = randomRange(rnd, origin, granule, previous, PERMS[rnd.nextInt(PERMS.length)]);
            int before = pu.entriesUsed(slot);
            int st = pu.addRegion(slot, r.base(), r.size(), r.perms());
            if (st == Status.OK) {
                accepted.add(r);
                previous = r;
            } else if (st == Status.INVALID_PARAM) {
                // only a TOR ending at 2^56 is inexpressible; a NAPOT there is fine
                assertEquals(Pmp.PHYS_LIMIT, r.base() + r.size(), r.toString());
                boolean napot = Long.bitCount(r.size()) == 1 && r.size() >= Math.max(8, granule)
                        && r.base() % r.size() == 0;
                assertTrue(!napot && !(granule == 4 && r.size() == 4), r.toString());
            } else {
                assertEquals(Status.NO_SPACE, st, r.toString());
                assertEquals(before, pu.entriesUsed(slot));
            }
        }
        return accepted;
    }

    private static void check(Random rnd, Pmp hart, List<Range> ranges, Range monitor, long origin,
            long granule) {
        for (int k = 0; k < 400; k++) {
            long a = probe(rnd, ranges, origin, granule);
            int size = SIZES[rnd.nextInt(SIZES.length)];
            int kind = KINDS[rnd.nextInt(KINDS.length)];
            boolean want = expected(ranges, a, size, kind);
            Supplier<String> what = () -> String.format("addr=%#x size=%d kind=%d ranges=%s", a, size, kind, ranges);
            assertEquals(want, hart.allows(a, size, kind, Pmp.PRIV_S), what);
            assertEquals(want, hart.allows(a, size, kind, Pmp.PRIV_U), what);
            assertEquals(expectedMachine(ranges, a, size), hart.allows(a, size, kind, Pmp.PRIV_M), what);
            if (monitor.touches(a, size)) {
                assertEquals(false, hart.allows(a, size, kind, Pmp.PRIV_S), what);
            }
        }
    }

    /** The first range (entry order) touching any byte decides; it must cover all bytes. */
    private static boolean expected(List<Range> ranges, long a, int size, int kind) {
        if (a < 0 || a + size > Pmp.PHYS_LIMIT) {
            return false;
        }
        for (Range r : ranges) {
            if (r.touches(a, size)) {
                return r.covers(a, size) && (r.perms() & kind) != 0;
            }
        }
        return false;
    }

    /**
     * M-mode: no entry is locked, so permissions do not apply; but the deciding entry must still
     * cover every byte ("irrespective of the L, R, W, and X bits").
     */
    private static boolean expectedMachine(List<Range> ranges, long a, int size) {
        if (a < 0 || a + size > Pmp.PHYS_LIMIT) {
            return false;
        }
        for (Range r : ranges) {
            if (r.touches(a, size)) {
                return r.covers(a, size);
            }
        }
        return true;
    }

    private static long origin(Random rnd, long granule) {
        int pick = rnd.nextInt(3);
        if (pick == 0) {
            return 0;
        }
        return pick == 1 ? 0x8000_0000L : Pmp.PHYS_LIMIT - SPAN_GRANULES * granule;
    }

    /** Power-of-two aligned, adjacent to the previous range, or arbitrary; inside the span. */
    private static Range randomRange(Random rnd, long origin, long granule, Range previous, int perms) {
        int pick = rnd.nextInt(3);
        if (pick == 0) {
            long sizeGranules = 1L << rnd.nextInt(7);
            long slots = SPAN_GRANULES / sizeGranules;
            return new Range(origin + rnd.nextInt((int) slots) * sizeGranules * granule, sizeGranules * granule, perms);
        }
        long start = pick == 1 && previous != null ? previous.base() + previous.size() - origin
                : rnd.nextInt(SPAN_GRANULES - 1) * granule;
        long room = SPAN_GRANULES * granule - start;
        if (room < granule) {
            start = 0;
            room = SPAN_GRANULES * granule;
        }
        long size = (1 + rnd.nextInt((int) Math.min(room / granule, 40))) * granule;
        return new Range(origin + start, size, perms);
    }

    private static long probe(Random rnd, List<Range> ranges, long origin, long granule) {
        int pick = rnd.nextInt(10);
        if (pick < 7) {
            Range r = ranges.get(rnd.nextInt(ranges.size()));
            long edge = rnd.nextBoolean() ? r.base() : r.base() + r.size();
            return edge + rnd.nextInt(19) - 9;
        }
        if (pick < 9) {
            return origin + (long) (rnd.nextDouble() * SPAN_GRANULES * granule);
        }
        return rnd.nextLong() & (Pmp.PHYS_LIMIT - 1);
    }
}
