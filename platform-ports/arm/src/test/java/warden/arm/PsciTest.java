package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** PSCI over SMCCC entity 4 (DEN0022 §5): what maps onto the kernel, what is NOT_SUPPORTED. */
// [utest->dsn~arm.psci~1]
class PsciTest {
    @Test
    void psciVersionAndFeaturesAreAnsweredByTheMonitor() {
        assertEquals(true, Smccc.answeredByMonitor(Psci.PSCI_VERSION));
        assertEquals(0x0001_0001L, Smccc.monitorAnswer(Psci.PSCI_VERSION, 0));
        assertEquals(Psci.SUCCESS, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.CPU_SUSPEND_64));
        assertEquals(Psci.NOT_SUPPORTED, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.CPU_ON_64));
        assertEquals(Psci.NOT_SUPPORTED, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.SYSTEM_RESET));
    }

    @Test
    void cpuSuspendIsTheKernelsYieldAndPowerControlIsNotSupported() {
        assertEquals(MonitorCall.YIELD, Smccc.callId(Psci.CPU_SUSPEND_64, 0));
        assertEquals(MonitorCall.YIELD, Smccc.callId(Psci.CPU_SUSPEND_32, 0));
        for (int fid : new int[] {Psci.CPU_ON_32, Psci.CPU_ON_64, Psci.CPU_OFF, Psci.SYSTEM_OFF, Psci.SYSTEM_RESET}) {
            assertEquals(MonitorCall.UNKNOWN, Smccc.callId(fid, 0), Integer.toHexString(fid));
            assertEquals(Psci.NOT_SUPPORTED, Smccc.returnCode(fid, Status.NOT_SUPPORTED));
        }
    }

    @Test
    void aPsciCallThroughAPeReachesTheKernelOrTheMonitorWithPsciReturnCodes() {
        TestBoard b = new TestBoard();
        b.enter(1);
        Pe pe = b.m.pe(0);
        pe.setRegister(0, Psci.PSCI_VERSION);
        pe.smc(0);
        assertEquals(0x0001_0001L, pe.register(0));
        assertEquals(0, b.kernel.entries.size(), "answered at EL3 without the kernel");
        pe.setRegister(0, Psci.CPU_ON_64 & 0xFFFF_FFFFL);
        b.kernel.status = Status.NOT_SUPPORTED;
        pe.smc(0);
        assertEquals("call " + MonitorCall.UNKNOWN, b.kernel.entries.get(0));
        assertEquals(-1L, pe.register(0));
        pe.setRegister(0, Psci.CPU_SUSPEND_64 & 0xFFFF_FFFFL);
        b.kernel.status = Status.OK;
        pe.smc(0);
        assertEquals("call " + MonitorCall.YIELD, b.kernel.entries.get(1));
        assertEquals(0L, pe.register(0));
    }
}
