package warden.emu.channel;

import warden.kernel.api.ChannelLayout;

/**
 * Host-speed benchmark of the library (not a unit test; no JMH): frames protected, written to a
 * ring in guest memory, polled, read and checked, one at a time, through the kernel double
 * (ChannelKernel/ChannelCpu), for several payload sizes. Prints frames per second and host ns per
 * frame after a warm-up, by wall clock and by the thread's CPU time (the machine may be shared).
 * Run (after {@code ./mvnw -o test-compile -pl platform-ports/emulation-core}):
 * <pre>
 * java -cp platform-ports/emulation-core/target/classes:platform-ports/emulation-core/target/test-classes:\
 *   monitor-kernel/target/classes warden.emu.channel.E2eBench
 * </pre>
 */
public final class E2eBench {
    private E2eBench() {
    }

    /** Sends and receives {@code frames} frames of {@code payload} bytes with a 32-bit CRC. @return accepted frames */
    static long loop(int payload, long frames) {
        return loop(payload, frames, ChannelLayout.CRC32);
    }

    /** Sends and receives {@code frames} frames of {@code payload} bytes. @return accepted frames */
    static long loop(int payload, long frames, int crcBits) {
        ChannelKernel k = ChannelKernel.single(payload, 16, ChannelCalls.POLICY_DROP, 1, 1_000_000_000L, 3, crcBits);
        ChannelCpu tx = new ChannelCpu(k, ChannelKernel.SENDER);
        ChannelCpu rx = new ChannelCpu(k, ChannelKernel.RECEIVER);
        ChannelEnd out = ChannelEnd.open(tx, 0);
        ChannelEnd in = ChannelEnd.open(rx, 0);
        long accepted = 0;
        for (long f = 0; f < frames; f++) {
            out.frame()[out.payloadOffset()] = (byte) f;
            out.send(tx, payload);
            k.now += 1000;
            int n = in.poll(rx);
            for (int i = 0; i < n; i++) {
                accepted += Verdict.accepted(in.next(rx)) ? 1 : 0;
            }
        }
        return accepted;
    }

    public static void main(String[] args) {
        int[] sizes = {16, 64, 256, 1514};
        long frames = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        for (int bits : new int[] {ChannelLayout.CRC32, ChannelLayout.CRC64}) {
            for (int size : sizes) {
                run(size, frames, bits);
            }
        }
    }

    private static void run(int size, long frames, int bits) {
        {
            loop(size, frames / 5, bits); // warm-up
            java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long ok = loop(size, frames, bits);
            long ns = System.nanoTime() - t0;
            long cpu = bean.getCurrentThreadCpuTime() - c0;
            if (ok != frames) {
                throw new IllegalStateException("accepted " + ok + " of " + frames);
            }
            System.out.printf("CRC-%d, payload %4d B: %,d frames, wall %.3f s = %,.0f frames/s, %.0f host ns/frame;"
                + " thread CPU %.0f ns/frame = %,.0f frames/s%n", bits, size, frames, ns / 1e9, frames * 1e9 / ns,
                (double) ns / frames, (double) cpu / frames, frames * 1e9 / cpu);
        }
    }
}
