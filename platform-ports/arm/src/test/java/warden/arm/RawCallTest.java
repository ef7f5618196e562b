package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.GuestCpu;
import warden.emu.SplitMix64;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** Raw SMCs (x0, x1..x7 and the immediate chosen by the guest) through the EL3 vector. */
class RawCallTest {
    /** A version query with a non-zero SMC immediate is not an SMCCC call: unknown, not answered at EL3. */
    // [utest->dsn~arm.smccc.decode~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void aVersionQueryWithANonZeroImmediateIsUnknown() {
        TestBoard b = new TestBoard();
        b.enter(1);
        Pe pe = b.m.pe(0);
        assertEquals(Smccc.VERSION_1_5, pe.rawCall(Smccc.SMCCC_VERSION & 0xFFFF_FFFFL, 0, new long[0]));
        assertEquals(List.of(), b.kernel.entries);
        assertEquals(GuestCpu.ANSWERED_BY_MONITOR, pe.rawCallTarget(Smccc.SMCCC_VERSION, 0));
        b.kernel.status = Status.NOT_SUPPORTED;
        assertEquals(Smccc.SMC_UNK, pe.rawCall(Psci.PSCI_VERSION & 0xFFFF_FFFFL, 1, new long[0]));
        assertEquals(List.of("call " + MonitorCall.UNKNOWN), b.kernel.entries);
        assertEquals(MonitorCall.UNKNOWN, pe.rawCallTarget(Psci.PSCI_VERSION, 0x1_0001), "imm16 is 16 bits: 1");
    }

    /** PSCI CPU_ON's target_cpu has only affinity bits: any other bit, or an affinity level above 0, names no core. */
    // [utest->dsn~arm.psci~2]
    @Test
    void cpuOnWithBitsOutsideAff0NamesNoCore() {
        TestBoard b = new TestBoard();
        b.enter(1);
        Pe pe = b.m.pe(0);
        long[] mpidrs = {0x8000_0002L, 0x102L, 0x1_0000_0002L, 0x4000_0002L};
        for (long mpidr : mpidrs) {
            pe.rawCall(Psci.CPU_ON_64 & 0xFFFF_FFFFL, 0, new long[] {mpidr, 0x4100_0000L});
            assertEquals(-1, b.kernel.args[0], "MPIDR 0x" + Long.toHexString(mpidr));
        }
        pe.rawCall(Psci.CPU_ON_64 & 0xFFFF_FFFFL, 0, new long[] {2, 0x4100_0000L});
        assertEquals(2, b.kernel.args[0]);
        pe.rawCall(Psci.CPU_ON_32 & 0xFFFF_FFFFL, 0, new long[] {0xFFFF_FFFF_0000_0003L, 0x4100_0000L});
        assertEquals(3, b.kernel.args[0], "SMC32: only w1 counts");
    }

    /**
     * Random function ids (the hostile guest's table, mutated in bits 31, 30, 29:24, 23:16 and
     * below, any 32- or 64-bit value) and immediates with all of x1..x7 random: what the port
     * decodes is what the kernel receives, and an unknown id comes back as SMC_UNK.
     */
    // [utest->dsn~arm.smccc.decode~1]
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void randomFunctionIdsReachTheKernelAsDecodedAndUnknownOnesGetSmcUnk() {
        TestBoard b = new TestBoard();
        b.enter(1);
        Pe pe = b.m.pe(0);
        SplitMix64 random = new SplitMix64(3);
        long[] table = pe.callIds();
        int unknown = 0;
        int known = 0;
        for (int i = 0; i < 5_000; i++) {
            long draw = random.nextLong(4);
            long id = draw == 0 ? table[(int) random.nextLong(table.length)] : draw == 1
                    ? table[(int) random.nextLong(table.length)] ^ 1L << random.nextLong(32)
                    : draw == 2 ? random.nextLong() & 0xFFFF_FFFFL : random.nextLong();
            long imm = random.nextLong(3) == 0 ? random.nextLong() : 0;
            int target = pe.rawCallTarget(id, imm);
            if (target == MonitorCall.VCPU_OFF || target == MonitorCall.YIELD) {
                continue;
            }
            b.kernel.status = target == MonitorCall.UNKNOWN ? Status.NOT_SUPPORTED : Status.OK;
            b.kernel.entries.clear();
            long[] args = new long[7];
            for (int k = 0; k < 7; k++) {
                args[k] = random.nextLong();
            }
            long x0 = pe.rawCall(id, imm, args);
            if (target == GuestCpu.ANSWERED_BY_MONITOR) {
                assertEquals(List.of(), b.kernel.entries);
                continue;
            }
            assertEquals(List.of("call " + target), b.kernel.entries, "fid 0x" + Long.toHexString(id));
            if (target == MonitorCall.UNKNOWN) {
                unknown++;
                assertEquals(Smccc.SMC_UNK, x0);
                assertEquals(0xFFFF_FFFFL, x0 & 0xFFFF_FFFFL, "SMC_UNK in w0");
            } else {
                known++;
            }
        }
        assertTrue(unknown > 1_000 && known > 200, unknown + " unknown, " + known + " known");
    }
}
