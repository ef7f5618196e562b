package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import warden.kernel.api.MonitorCall;

/** The function-id encoder and decoder agree, and the call decode follows the SMCCC fields. */
class SmcccPropertiesTest {
    // [utest->dsn~arm.smccc.decode~1]
    @Property(seed = "42")
    void encodeThenDecodeGivesTheFields(@ForAll boolean fast, @ForAll boolean smc64,
                                        @ForAll @IntRange(min = 0, max = 63) int oen,
                                        @ForAll @IntRange(min = 0, max = 0xFFFF) int function) {
        int fid = Smccc.fid(fast, smc64, oen, function);
        assertEquals(fast, Smccc.fast(fid));
        assertEquals(smc64, Smccc.smc64(fid));
        assertEquals(oen, Smccc.oen(fid));
        assertEquals(function, Smccc.function(fid));
        assertEquals(true, Smccc.wellFormed(fid));
    }

    // [utest->dsn~arm.smccc.decode~1]
    @Property(seed = "42", tries = 2000)
    void aFunctionIdMapsToAKernelCallOnlyWhenItIsAWardenOrPsciSuspendCall(@ForAll int fid, @ForAll boolean zeroImm) {
        int imm = zeroImm ? 0 : 1;
        int id = Smccc.callId(fid, imm);
        boolean warden = imm == 0 && Smccc.fast(fid) && (fid & 0x00FF_0000) == 0 && Smccc.oen(fid) == Smccc.WARDEN_OEN
                && Smccc.function(fid) < MonitorCall.COUNT;
        boolean suspend = imm == 0 && (fid == Psci.CPU_SUSPEND_32 || fid == Psci.CPU_SUSPEND_64);
        int expected = warden ? Smccc.function(fid) : suspend ? MonitorCall.YIELD : MonitorCall.UNKNOWN;
        assertEquals(expected, id);
    }
}
