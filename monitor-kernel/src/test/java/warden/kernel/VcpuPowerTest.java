package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.VcpuState;

class VcpuPowerTest {

    private static int call(Monitor m, FakePlatform f, int core, int id, long a0, long a1) {
        f.args[0] = a0;
        f.args[1] = a1;
        return m.onMonitorCall(core, id);
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    @Test
    void aPartitionStopsOneOfItsVcpusAndStartsItAgainAtAnEntryOfItsOwn() {
        FakePlatform f = new FakePlatform(2);
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        m.start();
        assertEquals(1, m.running(1));
        assertEquals(Status.OK, call(m, f, 1, MonitorCall.VCPU_OFF, 0, 0));
        assertEquals(-1, m.running(1), "core 1 idles");
        assertEquals(Status.INVALID_PARAM, call(m, f, 0, MonitorCall.VCPU_ON, 1, Images.RTOS_RAM),
                "rtos does not run on core 1");
        call(m, f, 0, MonitorCall.YIELD, 0, 0);
        assertEquals(1, m.running(0), "linux runs on core 0 while rtos waits");
        assertEquals(Status.INVALID_ADDRESS, call(m, f, 0, MonitorCall.VCPU_ON, 1, Images.RTOS_RAM),
                "an entry outside its own executable memory");
        assertEquals(Status.INVALID_PARAM, call(m, f, 0, MonitorCall.VCPU_ON, 7, Images.LINUX_RAM));
        f.now[0] = 5_000;
        f.now[1] = 5_000;
        assertEquals(Status.OK, call(m, f, 0, MonitorCall.VCPU_ON, 1, Images.LINUX_RAM + 0x100));
        assertEquals(5_000, f.deadline[1], "core 1 is kicked through its timer");
        m.onTimer(1);
        assertEquals(1, m.running(1));
        assertEquals(Images.LINUX_RAM + 0x100, f.regs[1][0], "at the entry it was given");
        assertEquals(Status.BAD_STATE, call(m, f, 0, MonitorCall.VCPU_ON, 1, Images.LINUX_RAM), "already on");
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    @Test
    void vcpuOffHandsTheCoreToThePartitionSharingItAndDropsTheStoppedVcpusRegisters() {
        KernelRig rig = new KernelRig(Images.shared());
        FakePlatform f = rig.f;
        Monitor m = rig.m;
        assertEquals(0, m.running(0), "rtos runs on core 0, linux waits there");
        f.regs[0][3] = 0x5A; // rtos's live register state
        int portCalls = f.log.size();
        assertEquals(Status.OK, call(m, f, 0, MonitorCall.VCPU_OFF, 0, 0));
        assertEquals(VcpuState.STOPPED, m.vcpuState(0, 0));
        assertEquals(1, m.running(0), "linux runs on core 0 at once");
        assertEquals(java.util.List.of("idle 0", "restore 0 p1"), f.log.subList(portCalls, f.log.size()),
                "the stopped vCPU's registers are dropped, not saved: VCPU_ON starts it afresh at an entry");
        assertEquals(Images.LINUX_RAM, f.regs[0][0], "linux's own context on core 0");
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~health.restart~1]
    @Test
    void aRequestedResetRestartsThePartitionWithoutCountingAFailure() {
        FakePlatform f = new FakePlatform(2);
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        m.start();
        assertEquals(Status.OK, call(m, f, 1, MonitorCall.PARTITION_RESET, 0, 0));
        assertEquals(1, m.restarts(1));
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED));
        assertEquals(PartitionState.BOOTING, m.partitionState(1));
        assertEquals(1, m.running(1), "restarted and running again");
        long last = m.eventRecords().sequence() - 1;
        assertEquals(EventKind.PARTITION_RESTARTED, m.eventRecords().kind(last));
        assertTrue(m.running(0) == 0, "rtos untouched");
    }
}
