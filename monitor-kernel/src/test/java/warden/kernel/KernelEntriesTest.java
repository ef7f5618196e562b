package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecordDescriptor;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.log.EventLog;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Timer;
import warden.kernel.api.EventRecords;

/**
 * The kernel's five entry points, each checked for its phase and core and then for exactly what it
 * does in the mission phase: the status it returns, the counters it moves, the records it logs and
 * what it asks of the port.
 */
class KernelEntriesTest {
    private FakePlatform f;
    private Monitor m;

    private void boot(SystemImage image) {
        f = new FakePlatform(2);
        m = Warden.create(f);
        assertEquals(Status.OK, m.boot(image));
        assertEquals(Status.OK, m.start());
    }

    private Recording bootRecording() {
        Recording r = new Recording(new FakePlatform(2));
        f = r.fake;
        m = Warden.create(r);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertEquals(Status.OK, m.start());
        return r;
    }

    private int call(int core, int id, long... args) {
        Arrays.fill(f.args, 0);
        System.arraycopy(args, 0, f.args, 0, args.length);
        return m.onMonitorCall(core, id);
    }

    private long lastSeq() {
        return m.eventRecords().sequence() - 1;
    }

    /** rtos as in Images.shared(), but privileged. */
    private static SystemImage privilegedRtos() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, true);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        b.line(rtos, Images.CAN_LINE, 0, 7);
        int linux = b.partition("linux", Criticality.QM, 0b11, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, Access.ALL);
        b.line(linux, Images.NIC_LINE, 0, 1);
        return b.build();
    }

    // [utest->dsn~kernel.entries~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void beforeBootEveryEntryRefusesAndNothingMoves() {
        f = new FakePlatform(2);
        m = Warden.create(f);
        assertFalse(m.inSafeState());
        assertEquals(Status.BAD_STATE, m.start());
        assertEquals(Status.BAD_STATE, m.onMonitorCall(0, MonitorCall.VERSION));
        assertEquals(Status.BAD_STATE, m.onAccessFault(0, Access.READ, 0));
        assertEquals(Status.BAD_STATE, m.onIllegalInstruction(0, 0));
        assertEquals(Status.BAD_STATE, m.onExternalInterrupt(0));
        assertEquals(Status.BAD_STATE, m.onTimer(0));
        for (int c = 0; c < Counter.COUNT; c++) {
            assertEquals(0, m.counter(c), Counter.name(c));
        }
        assertEquals(0, m.eventRecords().sequence());
        assertTrue(f.log.isEmpty(), f.log.toString());
    }

    // [utest->dsn~kernel.entries~1]
    @Test
    void aCoreOutsideTheImageIsRefusedByEveryEntryAndOnlyAcceptedEntriesAreCounted() {
        boot(Images.shared().build());
        for (int core : new int[] {-1, 2}) {
            assertEquals(Status.BAD_STATE, m.onMonitorCall(core, MonitorCall.VERSION));
            assertEquals(Status.BAD_STATE, m.onAccessFault(core, Access.READ, 0));
            assertEquals(Status.BAD_STATE, m.onIllegalInstruction(core, 0));
            assertEquals(Status.BAD_STATE, m.onExternalInterrupt(core));
            assertEquals(Status.BAD_STATE, m.onTimer(core));
        }
        assertEquals(0, m.counter(Counter.KERNEL_ENTRIES));
        assertEquals(Status.OK, call(1, MonitorCall.VERSION));
        assertEquals(Status.OK, m.onTimer(1));
        assertEquals(Status.OK, m.onExternalInterrupt(1));
        assertEquals(Status.OK, m.onIllegalInstruction(1, 0x10));
        assertEquals(4, m.counter(Counter.KERNEL_ENTRIES));
        assertEquals(1, m.counter(Counter.MONITOR_CALLS));
    }

    // [utest->dsn~kernel.entries~1]
    @Test
    void callsThatSucceedAreNotCountedAsDeniedAndRefusedOnesAreLoggedWithTheirStatus() {
        boot(Images.shared().build());
        assertEquals(Status.OK, call(0, MonitorCall.VERSION));
        assertEquals(MonitorCall.ABI_VERSION, f.lastValue);
        f.now[0] = 42;
        assertEquals(Status.OK, call(0, MonitorCall.GET_TIME));
        assertEquals(42, f.lastValue);
        assertEquals(Status.OK, call(0, MonitorCall.HEARTBEAT));
        assertEquals(0, m.counter(Counter.DENIED_CALLS));
        assertEquals(3, m.counter(Counter.MONITOR_CALLS));
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.SET_TIMER, -7));
        assertEquals(Status.INVALID_PARAM, f.lastStatus);
        assertEquals(1, m.counter(Counter.DENIED_CALLS));
        long s = lastSeq();
        assertEquals(EventKind.DENIED_CALL, m.eventRecords().kind(s));
        assertEquals(MonitorCall.SET_TIMER, m.eventRecords().a(s));
        assertEquals(Status.INVALID_PARAM, m.eventRecords().b(s));
        assertEquals(0, m.eventRecords().partition(s));
        assertEquals(0, m.eventRecords().core(s));
        assertEquals(42, m.eventRecords().time(s));
    }

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void consoleWritePrintsExactlyTheBytesAskedForAndAnswersTheirCount() {
        boot(Images.shared().build());
        f.memoryBase = Images.RTOS_RAM;
        byte[] text = "abcdefgh".getBytes();
        System.arraycopy(text, 0, f.memory, 0x200, text.length);
        f.memory[0x208] = 0;
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM + 0x200, 3));
        assertEquals("abc", f.console.toString());
        assertEquals(3, f.lastValue);
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM + 0x207, 2));
        assertEquals("abch\0", f.console.toString(), "a zero byte is written as it is");
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM, 0));
        assertEquals(0, f.lastValue);
        assertEquals("abch\0", f.console.toString());
    }

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aByteTheBusCannotReadIsPrintedAsAQuestionMark() {
        boot(Images.shared().build());
        f.memoryBase = Images.RTOS_RAM;
        int end = f.memory.length;
        f.memory[end - 1] = 'z';
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM + end - 1, 3));
        assertEquals("z??", f.console.toString());
        assertEquals(3, f.lastValue);
    }

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aFullLengthWriteIsPrintedWhole() {
        boot(Images.shared().build());
        f.memoryBase = Images.RTOS_RAM;
        Arrays.fill(f.memory, 0, 300, (byte) 'x');
        assertEquals(Status.OK, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM, 256));
        assertEquals(256, f.console.length());
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CONSOLE_WRITE, Images.RTOS_RAM, 257));
        assertEquals(256, f.console.length());
    }

    // [utest->dsn~kernel.mcall.partition-info~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aPrivilegedPartitionReadsAnotherPartitionsInformation() {
        boot(privilegedRtos());
        assertEquals(Status.OK, call(0, MonitorCall.PARTITION_INFO, 1));
        assertEquals(Criticality.QM | ((long) PartitionState.BOOTING << 8) | (0b11L << 16), f.lastValue);
        call(1, MonitorCall.HEARTBEAT);
        assertEquals(Status.OK, call(0, MonitorCall.PARTITION_INFO, 1));
        assertEquals(Criticality.QM | ((long) PartitionState.RUNNING << 8) | (0b11L << 16), f.lastValue);
        assertEquals(Status.OK, call(0, MonitorCall.PARTITION_INFO, -1));
        assertEquals(Criticality.ASIL_C | (0b01L << 16), f.lastValue);
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.PARTITION_INFO, 2));
        assertEquals(0, f.lastValue);
    }

    // [utest->dsn~kernel.mcall.heartbeat~1]
    // [utest->dsn~kernel.entries~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void onlyTheFirstHeartbeatSetsTheBootTimeAndLogsTheBoot() {
        boot(Images.shared().build());
        f.now[1] = 0;
        assertEquals(Status.OK, call(1, MonitorCall.HEARTBEAT));
        assertEquals(0, m.bootTimeNs(1), "booted at time 0");
        long s = lastSeq();
        assertEquals(EventKind.PARTITION_BOOTED, m.eventRecords().kind(s));
        assertEquals(1, m.eventRecords().partition(s));
        assertEquals(1, m.eventRecords().core(s));
        f.now[1] = 500;
        assertEquals(Status.OK, call(1, MonitorCall.HEARTBEAT));
        assertEquals(0, m.bootTimeNs(1));
        assertEquals(500, m.lastHeartbeatNs(1));
        assertEquals(s, lastSeq(), "later heartbeats log nothing");
        assertEquals(PartitionState.RUNNING, m.partitionState(1));
    }

    // [utest->dsn~kernel.timer.multiplex~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void setTimerMinusOneCancelsTheDeadline() {
        boot(Images.shared().build());
        assertEquals(Status.OK, call(1, MonitorCall.SET_TIMER, 9_000));
        assertEquals(9_000, f.deadline[1]);
        assertEquals(Status.OK, call(1, MonitorCall.SET_TIMER, -1));
        assertEquals(Timer.NEVER, f.deadline[1]);
        assertEquals(Status.OK, call(1, MonitorCall.SET_TIMER, 0));
        assertEquals(0, f.deadline[1]);
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void vcpuOnChecksTheTargetCoreAgainstTheImage() {
        boot(Images.shared().build());
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.VCPU_ON, 2, Images.LINUX_RAM));
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.VCPU_ON, -1, Images.RTOS_RAM));
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.VCPU_ON, 2, Images.RTOS_RAM));
        call(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0), "linux on core 0 while rtos waits");
        assertEquals(Status.OK, call(0, MonitorCall.VCPU_OFF));
        assertEquals(-1, m.running(0), "core 0 idles: rtos waits, linux is off there");
        assertEquals(Status.BAD_STATE, call(0, MonitorCall.VERSION), "no one runs on core 0");
        assertEquals(Status.BAD_STATE, m.onIllegalInstruction(0, 0x10));
        assertEquals(Status.OK, call(1, MonitorCall.VCPU_ON, 0, Images.LINUX_RAM + 0x40));
        assertEquals(Status.BAD_STATE, call(1, MonitorCall.VCPU_ON, 0, Images.LINUX_RAM + 0x40), "on already");
    }

    // [utest->dsn~kernel.mcall.event-read~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void eventReadWritesTheWholeRecordIncludingItsPaddingAndNothingBeyond() {
        boot(privilegedRtos());
        f.memoryBase = Images.RTOS_RAM;
        Arrays.fill(f.memory, 0, 0x100, (byte) 0xAA);
        f.now[1] = 0x0102_0304_0506_0708L;
        m.onAccessFault(1, Access.EXECUTE, 0x1122_3344_5566_7788L);
        long seq = lastSeq();
        assertEquals(Status.OK, call(0, MonitorCall.EVENT_READ, seq, Images.RTOS_RAM + 0x10));
        assertEquals(seq, f.lastValue);
        ByteBuffer r = ByteBuffer.wrap(f.memory).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0x10;
        assertEquals(0xAAAAAAAAAAAAAAAAL, r.getLong(at - 8), "nothing before the record");
        assertEquals(0x0102_0304_0506_0708L, r.getLong(at + EventRecordDescriptor.TIME_OFFSET));
        assertEquals(EventKind.ACCESS_VIOLATION, r.getInt(at + EventRecordDescriptor.KIND_OFFSET));
        assertEquals(1, r.getInt(at + EventRecordDescriptor.PARTITION_OFFSET));
        assertEquals(1, r.getInt(at + EventRecordDescriptor.CORE_OFFSET));
        assertEquals(0, r.getInt(at + EventRecordDescriptor.CORE_OFFSET + 4), "padding");
        assertEquals(0x1122_3344_5566_7788L, r.getLong(at + EventRecordDescriptor.A_OFFSET));
        assertEquals(Access.EXECUTE, r.getLong(at + EventRecordDescriptor.B_OFFSET));
        assertEquals((byte) 0xAA, f.memory[at + EventRecordDescriptor.LENGTH], "nothing after the record");
    }

    // [utest->dsn~kernel.mcall.event-read~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aRecordThatWasOverwrittenReadsAsTheOldestStillHeld() {
        boot(privilegedRtos());
        f.memoryBase = Images.RTOS_RAM;
        for (int i = 0; i < EventLog.CAPACITY + 5; i++) {
            f.now[1] = i;
            call(1, MonitorCall.UNKNOWN);
        }
        EventRecords log = m.eventRecords();
        assertEquals(5, log.oldest());
        assertEquals(Status.OK, call(0, MonitorCall.EVENT_READ, 0, Images.RTOS_RAM));
        assertEquals(5, f.lastValue, "the oldest held instead");
        ByteBuffer r = ByteBuffer.wrap(f.memory).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5, r.getLong(EventRecordDescriptor.TIME_OFFSET));
        long newest = log.sequence() - 1;
        assertEquals(Status.OK, call(0, MonitorCall.EVENT_READ, newest, Images.RTOS_RAM));
        assertEquals(newest, f.lastValue);
        assertEquals(EventLog.CAPACITY + 4, r.getLong(EventRecordDescriptor.TIME_OFFSET));
        assertEquals(MonitorCall.UNKNOWN, r.getLong(EventRecordDescriptor.A_OFFSET));
    }

    // [utest->dsn~kernel.fault.access~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void anIllegalInstructionIsCountedLoggedAndRedirected() {
        boot(Images.shared().build());
        assertIllegalInstructionHandled(1, 0xdead_beefL, 77);
    }

    // [utest->dsn~kernel.fault.access~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void anIllegalInstructionOfPartitionZeroIsCountedLoggedAndRedirectedLikeAnyOther() {
        boot(Images.shared().build());
        assertEquals(0, m.running(0), "rtos, partition 0, runs on core 0");
        assertIllegalInstructionHandled(0, Images.RTOS_RAM + 0x40, 55);
    }

    /**
     * Raises an illegal instruction at pc on core (where partition {@code core} runs) at time t and
     * checks its handling.
     */
    private void assertIllegalInstructionHandled(int core, long pc, long t) {
        f.now[core] = t;
        assertEquals(Status.OK, m.onIllegalInstruction(core, pc));
        assertEquals(1, m.counter(Counter.ILLEGAL_INSTRUCTIONS));
        assertTrue(f.log.contains("redirect " + core), f.log.toString());
        EventRecords log = m.eventRecords();
        long first = log.oldest();
        assertEquals(EventKind.ILLEGAL_INSTRUCTION, log.kind(first));
        assertEquals(pc, log.a(first));
        assertEquals(core, log.partition(first));
        assertEquals(core, log.core(first));
        assertEquals(t, log.time(first));
        assertEquals(EventKind.FAILURE_DETECTED, log.kind(first + 1));
        assertEquals(HealthAction.REASON_CRASH, log.a(first + 1));
    }

    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aSpuriousInterruptIsOnlyCounted() {
        boot(Images.shared().build());
        assertEquals(Status.OK, m.onExternalInterrupt(0));
        assertEquals(1, m.counter(Counter.SPURIOUS_INTERRUPTS));
        assertEquals(0, m.counter(Counter.INTERRUPTS));
        assertEquals(0, m.eventRecords().sequence());
        assertTrue(f.delivered.isEmpty());
    }

    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void anInterruptForTheRunningOwnerIsDeliveredAtOnceAndCompleted() {
        Recording r = bootRecording();
        f.pending[Images.CAN_LINE] = true;
        assertEquals(Status.OK, m.onExternalInterrupt(0));
        assertEquals(List.of(Images.CAN_LINE), r.completed);
        assertEquals(1, m.counter(Counter.INTERRUPTS));
        assertEquals(1, m.counter(Counter.DELIVERED_INTERRUPTS));
        assertEquals(0, m.counter(Counter.HELD_INTERRUPTS));
        assertEquals(0, m.counter(Counter.SPURIOUS_INTERRUPTS));
        assertEquals(1, f.delivered.size());
        assertEquals(Images.CAN_LINE, f.delivered.get(0)[2]);
        assertEquals(0, f.delivered.get(0)[1]);
    }

    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.entries~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    // [utest->dsn~kernel.sched.hold~1]
    @Test
    void anInterruptForAWaitingOwnerWakesItAndItPreemptsAtOnce() {
        boot(Images.shared().build());
        call(0, MonitorCall.YIELD);
        assertEquals(1, m.running(0));
        f.pending[Images.CAN_LINE] = true;
        m.onExternalInterrupt(0);
        assertEquals(0, m.running(0), "rtos woken by its line");
        assertEquals(1, m.counter(Counter.HELD_INTERRUPTS));
        int[] last = f.delivered.get(f.delivered.size() - 1);
        assertEquals(Images.CAN_LINE, last[2]);
        assertEquals(0, last[1], "delivered to rtos once it runs");
    }

    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void linesWithNoOwnerRoutedElsewhereOrOwnedByAStoppedPartitionAreLoggedAndDropped() {
        SystemImageBuilder b = Images.shared();
        b.health(1, 0, 0, 1_000_000_000L, 0, HealthAction.STOP, HealthAction.STOP);
        boot(b.build());
        f.pending[5] = true;
        m.onExternalInterrupt(0);
        long s = lastSeq();
        assertEquals(EventKind.UNOWNED_INTERRUPT, m.eventRecords().kind(s));
        assertEquals(5, m.eventRecords().a(s));
        assertEquals(SystemImage.NO_PARTITION, m.eventRecords().partition(s));
        f.lineCore[Images.NIC_LINE] = 1;
        f.pending[Images.NIC_LINE] = true;
        m.onExternalInterrupt(1);
        s = lastSeq();
        assertEquals(EventKind.UNOWNED_INTERRUPT, m.eventRecords().kind(s), "NIC is routed to core 0 in the image");
        assertEquals(Images.NIC_LINE, m.eventRecords().a(s));
        assertEquals(1, m.eventRecords().core(s));
        assertTrue(f.delivered.isEmpty());
        assertEquals(0, m.heldInterrupts(1, 1));
        f.lineCore[Images.NIC_LINE] = 0;
        call(1, MonitorCall.REPORT_FAILURE);
        assertEquals(PartitionState.STOPPED, m.partitionState(1));
        f.pending[Images.NIC_LINE] = true;
        m.onExternalInterrupt(0);
        s = lastSeq();
        assertEquals(EventKind.UNOWNED_INTERRUPT, m.eventRecords().kind(s), "owner stopped");
        assertEquals(1, m.eventRecords().partition(s));
        assertEquals(0, m.heldInterrupts(1, 0));
        assertEquals(3, m.counter(Counter.INTERRUPTS));
        assertEquals(0, m.counter(Counter.HELD_INTERRUPTS));
    }

    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.entries~1]
    @Test
    void aControllerThatKeepsClaimingIsBoundedByItsLineCount() {
        Recording r = bootRecording();
        r.stuck = SystemImage.LINES_MAX;
        assertEquals(Status.OK, m.onExternalInterrupt(0));
        assertEquals(f.lineCount(), m.counter(Counter.INTERRUPTS));
        assertEquals(f.lineCount(), r.completed.size());
        assertEquals(EventKind.UNOWNED_INTERRUPT, m.eventRecords().kind(lastSeq()),
                "a line past the table has no owner");
        assertEquals(SystemImage.LINES_MAX, m.eventRecords().a(lastSeq()));
    }

    /** A platform that records completed lines and can report one line as pending for ever. */
    private static final class Recording implements Platform, InterruptController {
        final FakePlatform fake;
        final List<Integer> completed = new ArrayList<>();
        int stuck;

        Recording(FakePlatform fake) {
            this.fake = fake;
        }

        @Override public String targetName() { return "recording"; }
        @Override public int coreCount() { return fake.coreCount(); }
        @Override public CpuContext cpu() { return fake; }
        @Override public ProtectionUnit protection() { return fake; }
        @Override public InterruptController interrupts() { return this; }
        @Override public Timer timer() { return fake; }
        @Override public Console console() { return fake; }
        @Override public GuestMemory memory() { return fake; }
        @Override public warden.kernel.port.SignatureEngine signatures() { return fake.signatures(); }
        @Override public warden.kernel.port.SnapshotStore snapshots() { return fake; }
        @Override public int lineCount() { return fake.lineCount(); }
        @Override public int route(int line, int core, int priority, boolean critical) {
            return fake.route(line, core, priority, critical);
        }
        @Override public int claim(int core) { return stuck != 0 ? stuck : fake.claim(core); }
        @Override public void complete(int core, int line) { completed.add(line); }
        @Override public int setEnabled(int line, boolean enabled) { return fake.setEnabled(line, enabled); }
    }
}
