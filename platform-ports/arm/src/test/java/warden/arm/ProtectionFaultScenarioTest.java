package warden.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.arm.hw.ArmProtectionUnit;
import warden.arm.hw.Tzc400Descriptor;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.TraceRecorder;
import warden.kernel.Warden;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The kernel on the Arm machine with a stuck-at-0 fault in a PE's TZC-400: the port's read-back
 * reports that the PE's filter did not take the partition's slot, the partition never runs, and the
 * system enters its safe state with reason {@code protection}. Partition 0 "safe" (ASIL-D, Secure
 * world) runs on PE 0, partition 1 "rich" (QM, Non-secure world) on PE 1.
 */
class ProtectionFaultScenarioTest {
    private static final long MON = 0x8000_0000L;
    private static final int SAFE = 0;
    private static final int RICH = 1;

    private final ArmPlatform platform = ArmPlatform.virt();
    private final PlatformDescription d = platform.description();
    private final ArmMachine m;
    private final Monitor monitor;

    ProtectionFaultScenarioTest() {
        DeviceSpec uart1 = d.device("uart1");
        SystemImageBuilder b = SystemImage.builder(d.cores()).monitor(MON, 0x20_0000L);
        int safe = b.partition("safe", Criticality.ASIL_D, 0b01, TestBoard.SAFE_RAM, 0, false);
        b.region(safe, TestBoard.SAFE_RAM, TestBoard.SIZE, Access.ALL);
        b.device(safe, "uart1", uart1.base(), uart1.size());
        int rich = b.partition("rich", Criticality.QM, 0b10, TestBoard.RICH_RAM, 0, false);
        b.region(rich, TestBoard.RICH_RAM, TestBoard.SIZE, Access.READ | Access.WRITE);
        SystemImage image = b.build();
        Executor[] ex = new Executor[2 * d.cores()];
        ex[0] = new TestBoard.Recorder();
        ex[d.cores() + 1] = new TestBoard.Recorder();
        m = new ArmMachine(platform, image, ex, new ConsoleLog(new String[] {"safe", "rich"}, false),
                new IrqStats(d.lines()), new TraceRecorder(d.cores(), false));
        monitor = Warden.create(m.platform());
        assertEquals(Status.OK, monitor.boot(image));
        m.attach(monitor);
    }

    private ArmProtectionUnit unit() {
        return (ArmProtectionUnit) m.platform().protection();
    }

    private long last(int kind) {
        EventRecords log = monitor.eventRecords();
        for (long s = log.sequence() - 1; s >= log.oldest(); s--) {
            if (log.kind(s) == kind) {
                return s;
            }
        }
        return -1;
    }

    private void assertSafeStateFor(int p) {
        assertTrue(monitor.inSafeState(), "the system is in its safe state");
        assertEquals(PartitionState.STOPPED, monitor.partitionState(SAFE));
        assertEquals(PartitionState.STOPPED, monitor.partitionState(RICH));
        assertEquals(1, monitor.counter(Counter.FAILURES_DETECTED), "one failure counted");
        long f = last(EventKind.FAILURE_DETECTED);
        assertTrue(f >= 0, "failure logged");
        assertEquals(p, monitor.eventRecords().partition(f), "the partition whose slot the PE did not take");
        assertEquals(HealthAction.REASON_PROTECTION, monitor.eventRecords().a(f), "reason protection");
        assertEquals(HealthAction.SAFE_STATE, monitor.eventRecords().b(f), "action safe-state");
        assertTrue(last(EventKind.SAFE_STATE) > f, "the safe state follows the failure");
        for (int c = 0; c < d.cores(); c++) {
            assertEquals(SystemImage.NO_PARTITION, monitor.running(c), "PE " + c + " runs nothing");
        }
    }

    // [utest->dsn~arm.tzc.activate~1] [utest->dsn~arm.tzc.fault-injection~1] [utest->dsn~kernel.protection-check~1]
    @Test
    void withoutAFaultBothPartitionsStartOnTheirPes() {
        assertEquals(Status.OK, monitor.start());
        assertFalse(monitor.inSafeState());
        assertEquals(SAFE, monitor.running(0));
        assertEquals(RICH, monitor.running(1));
        assertEquals(0, monitor.counter(Counter.FAILURES_DETECTED));
    }

    // [utest->dsn~arm.tzc.activate~1] [utest->dsn~arm.tzc.fault-injection~1] [utest->dsn~kernel.protection-check~1]
    @Test
    void aStuckSecureWriteEnableOnTheCriticalPartitionsPeBringsTheSystemToItsSafeState() {
        unit().filter(0).stickAttributeBits(1, Tzc400Descriptor.S_WR_EN);
        monitor.start();
        assertSafeStateFor(SAFE);
    }

    // [utest->dsn~arm.tzc.activate~1] [utest->dsn~arm.tzc.fault-injection~1] [utest->dsn~kernel.protection-check~1]
    @Test
    void aStuckFilterEnableOnTheRichOsPeBringsTheSystemToItsSafeStateToo() {
        unit().filter(1).stickAttributeBits(1, 1);
        monitor.start();
        assertSafeStateFor(RICH);
    }
}
