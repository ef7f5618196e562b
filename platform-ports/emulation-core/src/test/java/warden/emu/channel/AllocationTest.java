package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class AllocationTest {
    /**
     * Once warmed up, protecting, writing, polling, reading and checking frames allocates nothing
     * (ThreadMXBean's allocated bytes of this thread, before and after 20,000 frames).
     * [utest->dsn~e2e.endpoint~1]
     */
    @Test
    void perFrameWorkAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        E2eBench.loop(64, 20_000);
        ChannelKernel k = ChannelKernel.single(64, 4, ChannelCalls.POLICY_OVERWRITE, 1, 1_000_000_000L, 3);
        ChannelCpu tx = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu rx = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        long[] delta = new long[4];
        for (int round = 0; round < delta.length; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int f = 0; f < 20_000; f++) {
                out.send(tx, f % 65);
                k.now += 1000;
                int n = f % 3 == 0 ? in.poll(rx) : 0;
                for (int i = 0; i < n; i++) {
                    in.next(rx);
                }
                if (n == 0) {
                    in.idle(rx);
                }
            }
            delta[round] = bean.getThreadAllocatedBytes(id) - before;
        }
        // a per-frame allocation would show in every round (20,000 frames: at least 320 kB); a
        // one-off of the JVM (a class loaded, a deoptimisation) only in one: the quietest round counts
        long min = Long.MAX_VALUE;
        for (long d : delta) {
            min = Math.min(min, d);
        }
        assertEquals(0, min, "bytes allocated by 20,000 frames, per round: " + java.util.Arrays.toString(delta));
        assertEquals(20_000 * 4, out.stats().sent());
    }
}
