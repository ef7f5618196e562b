package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** SMCCC function-id decoding and return codes (DEN0028 §2.5, §7). */
class SmcccTest {
    // [utest->dsn~arm.smccc.decode~1]
    @Test
    void wardenCallsAreFastSmc64VendorEl3MonitorCalls() {
        int fid = Smccc.wardenFid(MonitorCall.GET_TIME);
        assertEquals(0xC700_0003, fid);
        assertTrue(Smccc.fast(fid));
        assertTrue(Smccc.smc64(fid));
        assertEquals(7, Smccc.oen(fid));
        assertEquals(3, Smccc.function(fid));
        assertEquals(MonitorCall.GET_TIME, Smccc.callId(fid, 0));
        assertEquals(MonitorCall.GET_TIME, Smccc.callId(0x8700_0003, 0), "SMC32 too");
    }

    // [utest->dsn~arm.smccc.decode~1]
    @Test
    void anythingElseIsUnknown() {
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0x4700_0003, 0), "yielding");
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xC701_0003, 0), "bits 23:16 set");
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xC700_0000 | MonitorCall.COUNT, 0), "past the last call");
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xC200_0001, 0), "SiP");
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xF200_0001, 0), "trusted OS");
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(0xC700_0003, 1), "imm16 not zero");
        assertEquals(Smccc.SMC_UNK, Smccc.returnCode(0xC700_0003, Status.NOT_SUPPORTED));
        assertEquals(-1L, Smccc.SMC_UNK);
    }

    // [utest->dsn~arm.smccc.decode~1]
    @Test
    void smc32ArgumentsKeepOnlyTheirLow32Bits() {
        assertEquals(0x2222_3333L, Smccc.argument(0x8700_0004, 0x1111_2222_3333L));
        assertEquals(0x1111_2222_3333L, Smccc.argument(0xC700_0004, 0x1111_2222_3333L));
    }

    // [utest->dsn~arm.smccc.decode~1]
    @Test
    void theWardenServiceReturnsKernelStatusesAndThePsciServicePsciCodes() {
        assertEquals(0, Smccc.returnCode(0xC700_0002, Status.OK));
        assertEquals(Status.DENIED, Smccc.returnCode(0xC700_0005, Status.DENIED));
        assertEquals(Psci.INVALID_PARAMETERS, Smccc.returnCode(Psci.CPU_SUSPEND_64, Status.INVALID_PARAM));
        assertEquals(Psci.NOT_SUPPORTED, Smccc.returnCode(Psci.CPU_ON_64, Status.NOT_SUPPORTED));
    }

    // [utest->dsn~arm.smccc.decode~1]
    @Test
    void versionQueriesAreAnsweredByTheMonitor() {
        assertTrue(Smccc.answeredByMonitor(Smccc.SMCCC_VERSION));
        assertEquals(0x1_0005, Smccc.monitorAnswer(Smccc.SMCCC_VERSION, 0));
        assertFalse(Smccc.answeredByMonitor(Smccc.wardenFid(0)));
    }
}
