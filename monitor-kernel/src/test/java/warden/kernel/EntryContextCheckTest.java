package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * Every entry point ends with the saved-context report: when an entry's own work makes a core
 * restore a vCPU whose saved context fails its check, that partition's failure is handled before
 * the entry returns. Here linux fails through each entry, its policy stops it, core 1 then turns to
 * partition x, whose saved context was upset: x must be restarted within the same entry.
 */
class EntryContextCheckTest {
    private static final int LINUX = 1;
    private static final int X = 2;
    private static final long X_RAM = 0x8200_0000L;
    private static final long BOOT_TIMEOUT = 5_000;

    private KernelRig rig;
    private Monitor m;

    /** rtos on core 0; linux (cores 0 and 1, stopped on failure) and x (core 1) below it. */
    private void boot(long linuxBootTimeout) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        int linux = b.partition("linux", Criticality.QM, 0b11, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, Access.ALL);
        b.health(linux, linuxBootTimeout, 1, 1_000_000_000L, 3, HealthAction.STOP, HealthAction.STOP);
        int x = b.partition("x", Criticality.QM, 0b10, X_RAM, 0, false);
        b.region(x, X_RAM, 0x10_0000L, Access.ALL);
        rig = new KernelRig(b);
        m = rig.m;
        assertEquals(LINUX, m.running(1), "linux before x on core 1");
        assertEquals(Status.OK, m.upsetSavedContext(X, 1, 0, 5));
        rig.at(1_000);
    }

    private void assertXRestartedInTheSameEntry() {
        assertEquals(PartitionState.STOPPED, m.partitionState(LINUX));
        assertEquals(1, m.counter(Counter.CONTEXT_FAULTS));
        assertEquals(1, rig.count(EventKind.CONTEXT_CORRUPT));
        long s = rig.last(EventKind.FAILURE_DETECTED);
        assertEquals(X, m.eventRecords().partition(s));
        assertEquals(HealthAction.REASON_CONTEXT, m.eventRecords().a(s));
        assertEquals(1, m.restarts(X), "x's policy (restart) ran before the entry returned");
        assertEquals(X, m.running(1), "x runs on core 1 from a fresh context");
        assertEquals(X_RAM, rig.f.regs[1][0]);
        assertEquals(0, m.running(0), "the rtos still runs on core 0");
    }

    // [utest->dsn~kernel.context-integrity~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void anAccessFaultEntryReportsTheContextItsStormExposed() {
        boot(0);
        assertEquals(Status.OK, m.onAccessFault(1, Access.WRITE, Images.RTOS_RAM));
        assertEquals(0, m.counter(Counter.CONTEXT_FAULTS), "one fault is within the limit");
        assertEquals(Status.OK, m.onAccessFault(1, Access.WRITE, Images.RTOS_RAM));
        assertXRestartedInTheSameEntry();
    }

    // [utest->dsn~kernel.context-integrity~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void anIllegalInstructionEntryReportsTheContextItsCrashExposed() {
        boot(0);
        assertEquals(Status.OK, m.onIllegalInstruction(1, Images.LINUX_RAM + 0x40));
        assertXRestartedInTheSameEntry();
    }

    // [utest->dsn~kernel.context-integrity~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aMonitorCallEntryReportsTheContextAReportedFailureExposed() {
        boot(0);
        assertEquals(Status.OK, m.onMonitorCall(1, MonitorCall.REPORT_FAILURE));
        assertXRestartedInTheSameEntry();
    }

    // [utest->dsn~kernel.context-integrity~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aTimerEntryOnAnotherCoreReportsTheContextAWatchdogExpiryExposed() {
        boot(BOOT_TIMEOUT);
        rig.at(BOOT_TIMEOUT);
        assertEquals(Status.OK, m.onTimer(0), "linux's home core is core 0");
        assertXRestartedInTheSameEntry();
        assertEquals(HealthAction.REASON_WATCHDOG, m.eventRecords().a(rig.last(EventKind.PARTITION_STOPPED)));
    }
}
