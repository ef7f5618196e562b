package warden.riscv.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * {@link RiscvProtectionUnit#activate} in steady state: world switch after world switch on two
 * harts it allocates nothing, and each activation leaves its hart's PMP giving S and U exactly the
 * active slot's regions (the monitor to none of them), with bad cores and slots refused; a locked
 * entry that refuses the configuration is reported.
 */
class RiscvProtectionUnitSteadyStateTest {
    private static final long MON = 0x8000_0000L;
    private static final long A = 0x8020_0000L;
    private static final long B = 0x8040_0000L;
    private static final long[] PROBES = {MON, MON + 0x1F_FFFCL, A - 4, A, A + 0x2FFCL, A + 0x3000, B - 4, B, B + 0xFFC,
        B + 0x1000};
    private static final int[] ACCESS = {Access.READ, Access.WRITE, Access.EXECUTE};
    private static final int[] SLOT = {0, 1, ProtectionUnit.NO_SLOT};
    private static final int ROUNDS = 12;

    private final Pmp[] harts = {new Pmp(16, 0), new Pmp(16, 0)};
    private final RiscvProtectionUnit pu = new RiscvProtectionUnit(harts, 16, 0);

    private void configure() {
        assertEquals(Status.OK, pu.protectMonitor(MON, 0x20_0000L));
        assertEquals(Status.OK, pu.beginSlot(0));
        assertEquals(Status.OK, pu.addRegion(0, A, 0x3000, Access.READ | Access.WRITE));
        assertEquals(Status.OK, pu.beginSlot(1));
        assertEquals(Status.OK, pu.addRegion(1, B, 0x1000, Access.READ | Access.EXECUTE));
    }

    /** One world switch on the hart of round r, then what S and U may do there. */
    private void round(int r, int[] status, boolean[] got) {
        int core = r & 1;
        status[r] = pu.activate(core, SLOT[r % 3]);
        int q = r * PROBES.length * ACCESS.length * 2;
        for (long address : PROBES) {
            for (int access : ACCESS) {
                got[q++] = harts[core].allows(address, 4, access, Pmp.PRIV_U);
                got[q++] = harts[core].allows(address, 4, access, Pmp.PRIV_S);
            }
        }
    }

    private static boolean expected(int slot, long address, int access) {
        if (slot == 0) {
            return address >= A && address < A + 0x3000 && access != Access.EXECUTE;
        }
        if (slot == 1) {
            return address >= B && address < B + 0x1000 && access != Access.WRITE;
        }
        return false;
    }

    // [utest->dsn~riscv.hw.no-allocation~1]
    // [utest->dsn~riscv.pmp.activate~1]
    @Test
    void worldSwitchesAllocateNothingAndLeaveExactlyTheActiveSlotsRegions() {
        com.sun.management.ThreadMXBean mx = threadBean();
        assumeTrue(mx != null && mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        configure();
        int[] status = new int[ROUNDS];
        int[] refused = new int[4];
        boolean[] got = new boolean[ROUNDS * PROBES.length * ACCESS.length * 2];
        long least = Long.MAX_VALUE;
        for (int phase = 0; phase < 4; phase++) { // phase 0 warms up: class loading, JIT
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int r = 0; r < ROUNDS; r++) {
                round(r, status, got);
            }
            refused[0] = pu.activate(-1, 0);
            refused[1] = pu.activate(harts.length, 0);
            refused[2] = pu.activate(0, RiscvProtectionUnit.SLOTS_MAX);
            refused[3] = pu.activate(0, -2);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (phase > 0) {
                least = Math.min(least, allocated);
            }
        }
        assertEquals(0, least, "bytes allocated in the quietest phase");
        int q = 0;
        for (int r = 0; r < ROUNDS; r++) {
            assertEquals(Status.OK, status[r], "round " + r);
            for (long address : PROBES) {
                for (int access : ACCESS) {
                    boolean want = expected(SLOT[r % 3], address, access);
                    assertEquals(want, got[q++],
                            "U, round " + r + " at " + Long.toHexString(address) + " access " + access);
                    assertEquals(want, got[q++],
                            "S, round " + r + " at " + Long.toHexString(address) + " access " + access);
                }
            }
        }
        for (int i = 0; i < refused.length; i++) {
            assertEquals(Status.INVALID_PARAM, refused[i], "refused activation " + i);
        }
    }

    // [utest->dsn~riscv.pmp.activate~1]
    @Test
    void aLockedEntryThatRefusesTheSlotIsReported() {
        configure();
        assertEquals(Status.OK, pu.activate(1, 0));
        harts[1].writePmpcfg(2, 0x80L);
        assertEquals(Status.FAILED, pu.activate(1, 1), "entry 8 stays locked");
        assertEquals(Status.OK, pu.activate(0, 1), "the other hart is not locked");
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean sun ? sun : null;
    }
}
