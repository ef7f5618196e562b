package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/** PSCI over SMCCC entity 4 (DEN0022 §5): what maps onto the kernel, what is NOT_SUPPORTED. */
class PsciTest {
    // [utest->dsn~arm.psci~2]
    @Test
    void psciVersionAndFeaturesAreAnsweredByTheMonitor() {
        assertEquals(true, Smccc.answeredByMonitor(Psci.PSCI_VERSION));
        assertEquals(0x0001_0001L, Smccc.monitorAnswer(Psci.PSCI_VERSION, 0));
        assertEquals(Psci.SUCCESS, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.CPU_SUSPEND_64));
        assertEquals(Psci.SUCCESS, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.CPU_ON_64));
        assertEquals(Psci.SUCCESS, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.SYSTEM_RESET));
        assertEquals(Psci.NOT_SUPPORTED, Smccc.monitorAnswer(Psci.PSCI_FEATURES, Psci.SYSTEM_OFF));
    }

    // [utest->dsn~arm.psci~2]
    @Test
    void psciPowerCallsMapOntoTheKernelsVcpuCallsAndSystemOffIsNotSupported() {
        assertEquals(MonitorCall.YIELD, Smccc.callId(Psci.CPU_SUSPEND_64, 0));
        assertEquals(MonitorCall.YIELD, Smccc.callId(Psci.CPU_SUSPEND_32, 0));
        assertEquals(MonitorCall.VCPU_OFF, Smccc.callId(Psci.CPU_OFF, 0));
        assertEquals(MonitorCall.VCPU_ON, Smccc.callId(Psci.CPU_ON_64, 0));
        assertEquals(MonitorCall.VCPU_ON, Smccc.callId(Psci.CPU_ON_32, 0));
        assertEquals(MonitorCall.PARTITION_RESET, Smccc.callId(Psci.SYSTEM_RESET, 0));
        assertEquals(MonitorCall.UNKNOWN, Smccc.callId(Psci.SYSTEM_OFF, 0));
        assertEquals(Psci.NOT_SUPPORTED, Smccc.returnCode(Psci.SYSTEM_OFF, Status.NOT_SUPPORTED));
        assertEquals(Psci.ALREADY_ON, Smccc.returnCode(Psci.CPU_ON_64, Status.BAD_STATE));
    }

    // [utest->dsn~arm.psci~2]
    @Test
    void aPsciCallThroughAPeReachesTheKernelOrTheMonitorWithPsciReturnCodes() {
        TestBoard b = new TestBoard();
        b.enter(1);
        Pe pe = b.m.pe(0);
        pe.setRegister(0, Psci.PSCI_VERSION);
        pe.smc(0);
        assertEquals(0x0001_0001L, pe.register(0));
        assertEquals(0, b.kernel.entries.size(), "answered at EL3 without the kernel");
        pe.setRegister(0, Psci.SYSTEM_OFF & 0xFFFF_FFFFL);
        b.kernel.status = Status.NOT_SUPPORTED;
        pe.smc(0);
        assertEquals("call " + MonitorCall.UNKNOWN, b.kernel.entries.get(0));
        assertEquals(-1L, pe.register(0));
        pe.setRegister(0, Psci.CPU_SUSPEND_64 & 0xFFFF_FFFFL);
        b.kernel.status = Status.OK;
        pe.smc(0);
        assertEquals("call " + MonitorCall.YIELD, b.kernel.entries.get(1));
        assertEquals(0L, pe.register(0));
        pe.setRegister(0, Psci.CPU_ON_64 & 0xFFFF_FFFFL);
        pe.setRegister(1, 0x2L); // target_cpu: Aff0 = 2 (DEN0022 §5.1.4: the other bits are RES0)
        pe.setRegister(2, 0x4100_0000L);
        b.kernel.status = Status.BAD_STATE;
        pe.smc(0);
        assertEquals("call " + MonitorCall.VCPU_ON, b.kernel.entries.get(2));
        assertEquals(2, b.kernel.args[0], "the core is the MPIDR's Aff0");
        assertEquals(0x4100_0000L, b.kernel.args[1], "the entry point");
        assertEquals(Psci.ALREADY_ON, pe.register(0));
    }
}
