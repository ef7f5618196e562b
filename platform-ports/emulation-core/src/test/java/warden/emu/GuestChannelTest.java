package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;
import warden.emu.channel.ChannelCalls;
import warden.emu.channel.ChannelEnd;
import warden.emu.channel.ChannelKernel;
import warden.emu.channel.ChannelStats;
import warden.emu.channel.Verdict;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;

class GuestChannelTest {
    private static final long MS = 1_000_000;

    private static RtosGuest rtos() {
        return new RtosGuest("rtos", 0, MS, new String[] {"slow", "control"}, new long[] {5 * MS, MS},
            new long[] {300_000, 100_000}, new long[] {5 * MS, MS}, 20, 10_000, 0x1000);
    }

    private static RichOsGuest rich() {
        return new RichOsGuest("linux", true, 2 * MS, MS, 200_000, 2 * MS, 100_000, MS, 21, 5_000, 0x2000, 7);
    }

    /** Runs a model on its own fake core up to {@code until}, delivering its timer. */
    private static void step(Executor g, FakeCpu cpu, long until) {
        for (int i = 0; i < 10_000 && cpu.time < until; i++) {
            cpu.attached = true;
            cpu.until = until;
            g.run(cpu);
            if (!cpu.attached) {
                cpu.time = cpu.timerDeadline > cpu.time ? Math.min(until, cpu.timerDeadline) : until;
            }
            if (cpu.timerDeadline >= 0 && cpu.time >= cpu.timerDeadline) {
                cpu.timerDeadline = -1;
                g.onTimer(cpu.time);
            }
        }
    }

    /** Channel 0: RTOS to rich OS (sensor), channel 1: rich OS to RTOS (commands). */
    private static ChannelKernel kernel(int slots) {
        return new ChannelKernel(0x9000_0000L, new int[] {32, 16}, new int[] {slots, slots},
            new int[] {ChannelCalls.POLICY_DROP, ChannelCalls.POLICY_OVERWRITE}, new int[] {0x51, 0xC0},
            new long[] {5 * MS, 20 * MS}, new int[] {2, 2});
    }

    private static void run(ChannelKernel k, RtosGuest r, RichOsGuest l, FakeCpu a, FakeCpu b, long end) {
        long[] rung = new long[2];
        for (long t = 100_000; t <= end; t += 100_000) {
            step(r, a, t);
            step(l, b, t);
            if (k.doorbells[0] != rung[0]) {
                rung[0] = k.doorbells[0];
                l.onInterrupt(40, t);
            }
            if (k.doorbells[1] != rung[1]) {
                rung[1] = k.doorbells[1];
                r.onInterrupt(41, t);
            }
        }
    }

    /**
     * The RTOS publishes a sensor frame per job of its control task, the rich OS consumes them
     * (on its tick and its doorbell) and answers with commands the RTOS consumes; every frame is OK,
     * none lost, latency within the rich OS's tick, and the counts are in the stats.
     * [utest->dsn~emu.guest.channels~2]
     */
    @Test
    void rtosSendsSensorFramesAndTheRichOsAnswers() {
        ChannelKernel k = kernel(8);
        RtosGuest r = rtos();
        RichOsGuest l = rich();
        r.setChannels(new int[] {0, 1});
        l.setChannels(new int[] {0, 1});
        ChannelFakeCpu a = new ChannelFakeCpu(k, ChannelKernel.SENDER, ChannelKernel.RECEIVER);
        ChannelFakeCpu b = new ChannelFakeCpu(k, ChannelKernel.RECEIVER, ChannelKernel.SENDER);
        run(k, r, l, a, b, 50 * MS);
        ChannelStats sensorOut = r.channelStats(0);
        ChannelStats sensorIn = l.channelStats(0);
        ChannelStats commandOut = l.channelStats(1);
        ChannelStats commandIn = r.channelStats(1);
        assertEquals(2, r.channelCount());
        assertTrue(sensorOut.sent() >= 48, sensorOut.toString());
        assertTrue(sensorOut.sent() - sensorIn.received() <= 1, sensorIn.toString());
        assertEquals(sensorIn.received(), sensorIn.verdict(Verdict.OK), sensorIn.toString());
        assertTrue(sensorIn.worstLatencyNs() > 0 && sensorIn.worstLatencyNs() <= MS, sensorIn.toString());
        assertTrue(commandOut.sent() > 10, commandOut.toString());
        assertEquals(commandIn.received(), commandIn.verdict(Verdict.OK), commandIn.toString());
        assertTrue(commandOut.sent() - commandIn.received() <= 1, commandIn.toString());
        assertEquals(0, sensorOut.drops() + sensorIn.failures() + commandIn.failures() + a.ringFaults + b.ringFaults);
        assertTrue(sensorOut.highWater() >= 1 && sensorOut.highWater() <= 8);
        assertEquals(0, k.failuresReported);
        assertEquals(0, r.totalMisses());
    }

    /**
     * Corrupting the ring in every slot makes the rich OS see CORRUPTED frames; its state machine
     * fails and it reports the channel failure code with the channel id to the health monitor.
     * [utest->dsn~emu.guest.channels~2]
     */
    @Test
    void corruptedSensorFramesAreReportedAsAChannelFailure() {
        ChannelKernel k = kernel(4);
        RtosGuest r = rtos();
        RichOsGuest l = rich();
        r.setChannels(new int[] {0});
        l.setChannels(new int[] {0});
        ChannelFakeCpu a = new ChannelFakeCpu(k, ChannelKernel.SENDER, 0);
        ChannelFakeCpu b = new ChannelFakeCpu(k, ChannelKernel.RECEIVER, 0);
        run(k, r, l, a, b, 5 * MS);
        for (long t = 5 * MS; t < 20 * MS; t += 100_000) {
            step(r, a, t);
            // a bit in each of the first three slots (stride 56 bytes: 7 words), rewritten faster than sent
            k.words[3] ^= 1L << 40;
            k.words[7] ^= 1L << 3;
            k.words[11] ^= 1L << 3;
            k.words[15] ^= 1L << 3;
            step(l, b, t);
        }
        ChannelStats in = l.channelStats(0);
        assertTrue(in.verdict(Verdict.CORRUPTED) > 3, in.toString());
        assertTrue(in.failures() >= 1, in.toString());
        assertTrue(k.failuresReported >= 1);
        assertEquals(MonitorCall.FAILURE_CHANNEL, k.lastFailureCode);
        assertEquals(0, k.lastFailureArg);
    }

    /**
     * A receiver may not write its ring (a real fault), a channel the kernel refuses stays closed,
     * and a model given no channels makes exactly the calls of one given none.
     * [utest->dsn~emu.guest.channels~2]
     */
    @Test
    void refusedChannelsAndNoChannels() {
        ChannelKernel k = kernel(4);
        ChannelFakeCpu b = new ChannelFakeCpu(k, ChannelKernel.RECEIVER, 0);
        assertEquals(GuestCpu.FAULT, b.store(0x9000_0000L, 8, 1));
        RichOsGuest l = rich();
        l.setChannels(new int[] {1, 7});
        step(l, b, 10 * MS);
        assertNull(l.channelStats(0), "no role on channel 1");
        assertNull(l.channelStats(1), "no channel 7");
        RtosGuest plain = rtos();
        RtosGuest empty = rtos();
        empty.setChannels(new int[0]);
        FakeCpu c1 = new FakeCpu();
        FakeCpu c2 = new FakeCpu();
        step(plain, c1, 20 * MS);
        step(empty, c2, 20 * MS);
        assertEquals(c1.calls, c2.calls);
        assertEquals(0, empty.channelCount());
    }

    private ChannelEnd sender;

    /**
     * The safety RTOS reports a failed receiving end as the channel's failure (code FAILURE_CHANNEL
     * with the channel, which the kernel never answers with the reporter's restart): a faulty
     * sender's corrupted frames make its state machine fail, which it counts and reports once per
     * entry into INVALID.
     * [utest->dsn~emu.guest.channels~2]
     */
    @Test
    void theRtosCountsAndReportsAFailedCommandChannelAsTheChannels() {
        ChannelKernel k = kernel(4);
        RtosGuest r = rtos();
        r.setChannels(new int[] {0});
        ChannelFakeCpu a = new ChannelFakeCpu(k, ChannelKernel.RECEIVER, 0);
        ChannelFakeCpu tx = new ChannelFakeCpu(k, ChannelKernel.SENDER, 0);
        for (long t = 100_000; t <= 60 * MS; t += 100_000) {
            step(r, a, t);
            if (t % MS == 0 && r.channelStats(0) != null) { // a faulty sender: every frame has a flipped bit
                tx.time = t;
                ChannelEnd out = sender == null ? (sender = ChannelEnd.open(tx, 0)) : sender;
                out.send(tx, 8);
                for (int slot = 0; slot < 4; slot++) {
                    k.words[slot * 7 + 3] ^= 1L << 9;
                }
            }
        }
        ChannelStats in = r.channelStats(0);
        assertTrue(in.verdict(Verdict.CORRUPTED) > 2, in.toString());
        assertTrue(in.failures() >= 1, in.toString());
        assertEquals(in.failures(), k.failuresReported, in.toString());
        assertEquals(MonitorCall.FAILURE_CHANNEL, k.lastFailureCode);
        assertEquals(0, k.lastFailureArg, "the channel");
    }
}
