package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.sched.HeldInterrupts;

/**
 * The channel calls seen from the guests of a booted kernel: rtos (core 0) sends sensors to linux
 * (cores 0 and 1; it runs on core 1), linux sends commands back; every status, the doorbell held
 * or delivered, the statistics and the reset on restart.
 */
class ChannelCallsTest {
    private static final int RTOS = 0;
    private static final int LINUX = 1;
    private static final int SENSORS = 0;
    private static final int COMMANDS = 1;
    private KernelRig rig;
    private FakePlatform f;
    private Monitor m;

    @BeforeEach
    void boot() {
        rig = new KernelRig(Images.withChannels());
        f = rig.f;
        m = rig.m;
    }

    private int call(int core, int id, long a0, long a1) {
        Arrays.fill(f.args, 0);
        f.args[0] = a0;
        f.args[1] = a1;
        f.lastStatus = 99;
        f.lastValue = 99;
        int st = m.onMonitorCall(core, id);
        assertEquals(st, f.lastStatus, "the status is answered to the guest");
        return st;
    }

    // [utest->dsn~channel.send~1]
    // [utest->dsn~channel.doorbell~1]
    // [utest->dsn~channel.statistics~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aSendToAReceiverThatDoesNotRunOnTheCallersCoreIsHeldForItNeverLost() {
        assertEquals(RTOS, m.running(0));
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 3));
        assertEquals(0, f.lastValue, "the receiver consumed nothing yet");
        assertEquals(1, m.heldInterrupts(LINUX, 0), "the doorbell waits for linux's vCPU on core 0");
        assertEquals(RTOS, m.running(0), "the critical sender keeps its core");
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.SENDS));
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.DOORBELLS));
        assertEquals(3, m.channelStat(SENSORS, ChannelStat.PUBLISHED));
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 3));
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.DOORBELLS), "no doorbell when nothing new was published");
        assertEquals(2, m.channelStat(SENSORS, ChannelStat.SENDS));
    }

    // [utest->dsn~channel.doorbell~1]
    @Test
    void aSendToAReceiverRunningOnItsCoreIsDeliveredAtOnce() {
        f.delivered.clear();
        assertEquals(LINUX, m.running(1));
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_SEND, COMMANDS, 1));
        assertEquals(1, f.delivered.size());
        assertEquals(0, f.delivered.get(0)[0], "on rtos's core");
        assertEquals(Images.COMMANDS_DOORBELL, f.delivered.get(0)[2]);
        assertEquals(0, m.heldInterrupts(RTOS, 0));
    }

    // [utest->dsn~channel.receive~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void theReceiverRecordsWhatItConsumedAndLearnsThePublishedCount() {
        call(0, MonitorCall.CHANNEL_SEND, SENSORS, 2);
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_RECEIVE, SENSORS, 1));
        assertEquals(2, f.lastValue, "the published count");
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.CHANNEL_RECEIVE, SENSORS, 0), "backwards");
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.CHANNEL_RECEIVE, SENSORS, 3), "beyond published");
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 2 + 4 - 1));
        assertEquals(1, f.lastValue, "the sender learns the consumed count");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 5 + 5), "more than a ring ahead");
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.RECEIVES));
        assertEquals(3, m.channelStat(SENSORS, ChannelStat.DENIED));
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.CONSUMED));
    }

    // [utest->dsn~channel.send~1]
    // [utest->dsn~channel.receive~1]
    // [utest->dsn~channel.info~2]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void theWrongEndAndUnknownChannelsAreRefusedCountedAndLogged() {
        long denied = m.counter(Counter.DENIED_CALLS);
        assertEquals(Status.DENIED, call(1, MonitorCall.CHANNEL_SEND, SENSORS, 1), "linux only receives sensors");
        assertEquals(Status.DENIED, call(0, MonitorCall.CHANNEL_RECEIVE, SENSORS, 0), "rtos only sends sensors");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_SEND, 2, 1), "no channel 2");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_INFO, SENSORS, ChannelLayout.INFO_FIELDS));
        assertEquals(denied + 4, m.counter(Counter.DENIED_CALLS));
        assertEquals(3, m.channelStat(SENSORS, ChannelStat.DENIED), "the unknown channel counts on none");
        assertTrue(rig.last(EventKind.DENIED_CALL) >= 0);
        assertEquals(0, m.channelStat(SENSORS, ChannelStat.PUBLISHED), "nothing recorded");
    }

    // [utest->dsn~channel.info~2]
    @Test
    void infoTellsEachEndpointItsRoleAndTheRing() {
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_INFO, SENSORS, ChannelLayout.INFO_ROLE));
        assertEquals(ChannelLayout.ROLE_SENDER, f.lastValue);
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_INFO, SENSORS, ChannelLayout.INFO_ROLE));
        assertEquals(ChannelLayout.ROLE_RECEIVER, f.lastValue);
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_INFO, SENSORS, ChannelLayout.INFO_BASE));
        assertEquals(Images.SENSORS_RING, f.lastValue);
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_INFO, COMMANDS, ChannelLayout.INFO_FULL));
        assertEquals(ChannelLayout.FULL_OVERWRITE, f.lastValue);
        assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_INFO, COMMANDS, ChannelLayout.INFO_DOORBELL));
        assertEquals(Images.COMMANDS_DOORBELL, f.lastValue);
    }

    // [utest->dsn~channel.restart~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void aRestartOfAnEndpointResetsBothCountsOfItsChannelsOnly() {
        call(0, MonitorCall.CHANNEL_SEND, SENSORS, 2);
        call(1, MonitorCall.CHANNEL_RECEIVE, SENSORS, 2);
        call(1, MonitorCall.CHANNEL_SEND, COMMANDS, 1);
        assertEquals(Status.OK, call(1, MonitorCall.PARTITION_RESET, 0, 0));
        for (int c = 0; c < 2; c++) {
            assertEquals(0, m.channelStat(c, ChannelStat.PUBLISHED));
            assertEquals(0, m.channelStat(c, ChannelStat.CONSUMED));
            assertEquals(1, m.channelStat(c, ChannelStat.RESETS));
        }
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.SENDS), "statistics are kept");
        assertEquals(1, m.restarts(LINUX), "the endpoint's restart is counted");
        long restarted = m.eventRecords().sequence() - 1;
        assertEquals(EventKind.PARTITION_RESTARTED, m.eventRecords().kind(restarted));
        assertEquals(LINUX, m.eventRecords().partition(restarted));
        assertEquals(1, m.eventRecords().a(restarted), "the record carries the restarts so far");
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 1), "the sender starts over from 0");
    }

    /**
     * A refused send (the wrong end, a count past the receiver's free slots, a count going back)
     * publishes nothing and rings no doorbell; the caller gets the refusal's status.
     */
    // [utest->dsn~channel.doorbell~1]
    // [utest->dsn~channel.send~1]
    @Test
    void aRefusedSendPublishesNothingAndRingsNoDoorbell() {
        f.delivered.clear();
        assertEquals(Status.DENIED, call(1, MonitorCall.CHANNEL_SEND, SENSORS, 1), "linux receives sensors");
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 1_000_000));
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 2));
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_SEND, SENSORS, 1), "counts never go back");
        assertEquals(2, m.channelStat(SENSORS, ChannelStat.PUBLISHED));
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.SENDS));
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.DOORBELLS), "only the accepted send rang");
        assertEquals(1, m.heldInterrupts(LINUX, 0));
        assertEquals(0, f.delivered.size());
    }

    /**
     * A doorbell for a vCPU whose hold FIFO is full is lost, counted and logged; the receiver's
     * vCPU stays woken and the later lines are not disturbed.
     */
    // [utest->dsn~channel.doorbell~1]
    @Test
    void aDoorbellOnAFullHoldFifoIsACountedLoggedLoss() {
        long slots = 4; // Images.withChannels: the sensors ring has 4 slots
        long count = 0;
        for (int i = 0; i < HeldInterrupts.PENDING_MAX; i++) {
            count++;
            assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, count));
            if (count % slots == 0) {
                // linux consumes on core 1 so that the sender may publish more
                assertEquals(Status.OK, call(1, MonitorCall.CHANNEL_RECEIVE, SENSORS, count));
            }
        }
        assertEquals(HeldInterrupts.PENDING_MAX, m.heldInterrupts(LINUX, 0));
        assertEquals(0, m.counter(Counter.PENDING_OVERFLOWS));
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, SENSORS, count + 1));
        assertEquals(HeldInterrupts.PENDING_MAX, m.heldInterrupts(LINUX, 0));
        assertEquals(1, m.counter(Counter.PENDING_OVERFLOWS));
        assertEquals(HeldInterrupts.PENDING_MAX + 1, m.channelStat(SENSORS, ChannelStat.DOORBELLS));
        long last = m.eventRecords().sequence() - 1;
        assertEquals(EventKind.PENDING_OVERFLOW, m.eventRecords().kind(last));
        assertEquals(LINUX, m.eventRecords().partition(last));
        assertEquals(RTOS, m.running(0), "the critical sender keeps its core");
    }

    // [utest->dsn~channel.protection~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void theSendersSlotMapsTheRingReadWriteTheReceiversReadOnly() {
        int rw = Access.READ | Access.WRITE;
        int r = Access.READ;
        assertTrue(f.log.contains("slot 0 " + Long.toHexString(Images.SENSORS_RING) + "+1000 " + rw), f.log.toString());
        assertTrue(f.log.contains("slot 1 " + Long.toHexString(Images.SENSORS_RING) + "+1000 " + r), f.log.toString());
        assertTrue(f.log.contains("slot 1 " + Long.toHexString(Images.COMMANDS_RING) + "+1000 " + rw));
        assertTrue(f.log.contains("slot 0 " + Long.toHexString(Images.COMMANDS_RING) + "+1000 " + r));
    }

    /** A negative channel id is refused like an unknown one and counted on no channel. */
    // [utest->dsn~channel.statistics~1]
    // [utest->dsn~channel.send~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aNegativeChannelIsRefusedAndCountedOnNone() {
        assertEquals(Status.INVALID_PARAM, call(0, MonitorCall.CHANNEL_SEND, -1, 1));
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.CHANNEL_RECEIVE, Long.MIN_VALUE, 0));
        assertEquals(0, m.channelStat(SENSORS, ChannelStat.DENIED));
        assertEquals(0, m.channelStat(COMMANDS, ChannelStat.DENIED));
    }

    /** A channel without a doorbell rings nothing when its sender publishes. */
    // [utest->dsn~channel.doorbell~1]
    @Test
    void aChannelWithoutADoorbellRingsNothing() {
        warden.kernel.api.SystemImageBuilder b = Images.shared();
        b.channel("quiet", RTOS, LINUX, Images.SENSORS_RING, 0x1000, 64, 4, ChannelLayout.NO_DOORBELL, 0);
        KernelRig quiet = new KernelRig(b);
        quiet.f.delivered.clear();
        Arrays.fill(quiet.f.args, 0);
        quiet.f.args[0] = 0;
        quiet.f.args[1] = 2;
        assertEquals(Status.OK, quiet.m.onMonitorCall(0, MonitorCall.CHANNEL_SEND));
        assertEquals(2, quiet.m.channelStat(0, ChannelStat.PUBLISHED));
        assertEquals(0, quiet.m.channelStat(0, ChannelStat.DOORBELLS));
        assertEquals(0, quiet.m.heldInterrupts(LINUX, 0));
        assertEquals(0, quiet.f.delivered.size());
    }

    /**
     * A protection unit that cannot take a partition's ring refuses the boot, and no ring after the
     * refused one is mapped into that partition's slot.
     */
    // [utest->dsn~channel.protection~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void aRefusedRingRefusesTheBootAndMapsNothingAfterIt() {
        FakePlatform small = new FakePlatform(2);
        small.regionsPerSlot = 3; // rtos: its RAM, can0 and the sensors ring; not the commands ring
        Monitor refused = Warden.create(small);
        assertTrue(refused.boot(Images.withChannels().build()) != Status.OK, small.log.toString());
        assertTrue(small.log.contains("slot 0 " + Long.toHexString(Images.SENSORS_RING) + "+1000 "
                + (Access.READ | Access.WRITE)), small.log.toString());
        assertTrue(small.log.stream().noneMatch(l -> l.startsWith("slot 0 " + Long.toHexString(Images.COMMANDS_RING))),
                small.log.toString());
    }

    /**
     * A ring refused by the protection unit ends the mapping of that partition's rings: the later
     * rings are not even tried, and the boot is refused.
     */
    // [utest->dsn~channel.protection~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void aRefusedFirstRingEndsTheMappingOfThatPartitionsRings() {
        FakePlatform small = new FakePlatform(2);
        small.regionsPerSlot = 2; // rtos: its RAM and can0; not the sensors ring (channel 0)
        Monitor refused = Warden.create(small);
        assertTrue(refused.boot(Images.withChannels().build()) != Status.OK, small.log.toString());
        assertEquals(java.util.List.of("slot 0 " + Long.toHexString(Images.SENSORS_RING)), small.refusedAdds,
                "the commands ring (channel 1) is not tried after the sensors ring was refused");
        assertTrue(small.log.stream().noneMatch(l -> l.startsWith("slot 0 " + Long.toHexString(Images.COMMANDS_RING))),
                small.log.toString());
    }

    /**
     * A QM sender on the critical receiver's core: the doorbell is held for the receiver's vCPU
     * there, the vCPU is woken, and the core at once runs the critical receiver.
     */
    // [utest->dsn~channel.doorbell~1]
    @Test
    void aDoorbellForAYieldedCriticalReceiverOnTheCallersCoreRunsItAtOnce() {
        assertEquals(Status.OK, call(0, MonitorCall.YIELD, 0, 0));
        assertEquals(LINUX, m.running(0), "rtos yielded core 0 to linux");
        f.delivered.clear();
        assertEquals(Status.OK, call(0, MonitorCall.CHANNEL_SEND, COMMANDS, 1));
        assertEquals(RTOS, m.running(0), "the doorbell wakes rtos, which preempts linux");
        assertTrue(f.delivered.stream().noneMatch(d -> d[1] == LINUX), "never delivered to linux");
        assertEquals(1, m.channelStat(COMMANDS, ChannelStat.DOORBELLS));
    }

    /**
     * p0 (rtos, core 0), p1 (aux, core 1), p2 (linux, cores 0 and 1); channel 0 aux to linux with
     * doorbell 50, channel 1 rtos to aux.
     */
    private static warden.kernel.api.SystemImageBuilder three() {
        warden.kernel.api.SystemImageBuilder b = warden.kernel.api.SystemImage.builder(2)
                .monitor(Images.MON, 0x20_0000L);
        int[] cores = {0b01, 0b10, 0b11};
        for (int p = 0; p < 3; p++) {
            long base = 0x8040_0000L + p * 0x40_0000L;
            b.partition("p" + p, p == 0 ? warden.kernel.api.Criticality.ASIL_C : warden.kernel.api.Criticality.QM,
                    cores[p], base, p == 0 ? 5_000_000 : 0, false);
            b.region(p, base, 0x40_0000L, Access.ALL);
        }
        b.channel("aux-linux", 1, 2, Images.SENSORS_RING, 0x1000, 64, 4, 50, 0);
        b.channel("rtos-aux", 0, 1, Images.COMMANDS_RING, 0x1000, 64, 4, ChannelLayout.NO_DOORBELL, 0);
        return b;
    }

    /**
     * The doorbell goes to the receiver's vCPU on the caller's core when it has one there (not to
     * its first core), held while another partition runs that core.
     */
    // [utest->dsn~channel.doorbell~1]
    @Test
    void aDoorbellGoesToTheReceiversVcpuOnTheCallersCore() {
        KernelRig r = new KernelRig(three());
        assertEquals(1, r.m.running(1), "aux runs core 1");
        Arrays.fill(r.f.args, 0);
        r.f.args[0] = 0;
        r.f.args[1] = 1;
        assertEquals(Status.OK, r.m.onMonitorCall(1, MonitorCall.CHANNEL_SEND));
        assertEquals(1, r.m.heldInterrupts(2, 1) + (r.m.running(1) == 2 ? 1 : 0), "for linux on core 1");
        assertEquals(0, r.m.heldInterrupts(2, 0), "not on linux's first core");
    }

    /**
     * A partition that is neither end of a channel gets no entry for its ring, of any permission;
     * each end gets exactly its own.
     */
    // [utest->dsn~channel.protection~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void aPartitionThatIsNeitherEndGetsNoEntryForTheRing() {
        KernelRig r = new KernelRig(three());
        String sensors = Long.toHexString(Images.SENSORS_RING);
        String commands = Long.toHexString(Images.COMMANDS_RING);
        int rw = Access.READ | Access.WRITE;
        assertTrue(r.f.log.contains("slot 1 " + sensors + "+1000 " + rw), r.f.log.toString());
        assertTrue(r.f.log.contains("slot 2 " + sensors + "+1000 " + Access.READ), r.f.log.toString());
        assertTrue(r.f.log.contains("slot 0 " + commands + "+1000 " + rw), r.f.log.toString());
        assertTrue(r.f.log.contains("slot 1 " + commands + "+1000 " + Access.READ), r.f.log.toString());
        assertTrue(r.f.log.stream().noneMatch(l -> l.startsWith("slot 0 " + sensors)), r.f.log.toString());
        assertTrue(r.f.log.stream().noneMatch(l -> l.startsWith("slot 2 " + commands)), r.f.log.toString());
        assertEquals(7, r.f.log.stream().filter(l -> l.startsWith("slot ")).count(), "3 regions, 4 ring entries");
    }
    /**
     * A receiver's report of its channel's end-to-end failure is the channel's: counted on the
     * channel and logged with the failures so far; neither the reporter nor anyone else is
     * restarted, and it is no health failure. Each endpoint receiver may report its own channel.
     */
    // [utest->dsn~channel.failure-report~1]
    // [utest->dsn~channel.statistics~1]
    @Test
    void aReceiversChannelFailureIsTheChannelsCountedAndLoggedNotARestart() {
        long failuresBefore = m.counter(Counter.FAILURES_DETECTED);
        for (int n = 1; n <= 2; n++) {
            assertEquals(Status.OK, call(1, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, SENSORS));
            long last = m.eventRecords().sequence() - 1;
            assertEquals(EventKind.CHANNEL_FAILURE, m.eventRecords().kind(last));
            assertEquals(LINUX, m.eventRecords().partition(last));
            assertEquals(1, m.eventRecords().core(last));
            assertEquals(SENSORS, m.eventRecords().a(last));
            assertEquals(n, m.eventRecords().b(last), "the failures so far");
            assertEquals(n, m.channelStat(SENSORS, ChannelStat.FAILURES));
        }
        assertEquals(Status.OK, call(0, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, COMMANDS));
        assertEquals(1, m.channelStat(COMMANDS, ChannelStat.FAILURES), "rtos receives commands");
        assertEquals(0, m.restarts(LINUX));
        assertEquals(0, m.restarts(RTOS), "the critical receiver is not restarted for a channel's failure");
        assertEquals(RTOS, m.running(0));
        assertEquals(LINUX, m.running(1));
        assertEquals(failuresBefore, m.counter(Counter.FAILURES_DETECTED), "no health failure");
        assertEquals(0, m.channelStat(SENSORS, ChannelStat.DENIED));
        assertEquals("failures", ChannelStat.name(ChannelStat.FAILURES));
    }

    /**
     * A channel failure report from the channel's sender, on a channel that does not exist, or on a
     * negative id is refused and taken as nothing else; any other failure code stays the caller's
     * own failure.
     */
    // [utest->dsn~channel.failure-report~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aChannelFailureReportFromTheWrongEndIsRefusedAndOtherCodesStayTheCallers() {
        long failuresBefore = m.counter(Counter.FAILURES_DETECTED);
        assertEquals(Status.DENIED, call(0, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, SENSORS),
                "rtos sends sensors");
        assertEquals(1, m.channelStat(SENSORS, ChannelStat.DENIED));
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, 2));
        assertEquals(Status.INVALID_PARAM, call(1, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, -1));
        for (int c = 0; c < 2; c++) {
            assertEquals(0, m.channelStat(c, ChannelStat.FAILURES));
        }
        assertEquals(EventKind.DENIED_CALL, m.eventRecords().kind(m.eventRecords().sequence() - 1));
        assertEquals(0, m.restarts(RTOS));
        assertEquals(failuresBefore, m.counter(Counter.FAILURES_DETECTED), "a refused report is no failure");
        assertEquals(Status.OK, call(1, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL - 1, SENSORS));
        assertEquals(failuresBefore + 1, m.counter(Counter.FAILURES_DETECTED), "another code: linux's own failure");
        assertEquals(Status.OK, call(1, MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL + 1, SENSORS));
        assertEquals(failuresBefore + 2, m.counter(Counter.FAILURES_DETECTED));
        assertEquals(0, m.channelStat(SENSORS, ChannelStat.FAILURES));
    }
}
