package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.emu.channel.ChannelEnd;
import warden.emu.channel.ChannelStats;
import warden.emu.channel.Frame;
import warden.emu.channel.Verdict;
import warden.kernel.api.MonitorCall;

/**
 * The channels a guest model was given: opened through the kernel at its first boot (role, ring
 * and protection from CHANNEL_INFO), then used by the model — publish a frame on every end where
 * it is the sender, consume everything ready on every end where it is the receiver. A payload
 * carries a sequence number of the model's own and one value; a receiving end that enters the
 * INVALID state is reported to the health monitor. A model given no channels makes no call here.
 * The ends keep their state through a restart of the guest: the ring positions are the kernel's
 * and the protection counters must not restart (the receiver would take new frames for repeats).
 *
 * [impl->dsn~emu.guest.channels~1]
 */
final class GuestChannels {
    private static final int PAYLOAD = 16;
    /** Rounds of poll-and-read per consumption: bounded, so a flooding sender cannot hold the guest. */
    private static final int ROUNDS = 4;
    private final int[] ids;
    private final ChannelEnd[] ends;
    private boolean opened;
    private long unusable;
    private long lastValue;
    private long lastAccepted;

    private final boolean reportFailures;

    /**
     * @param reportFailures whether a receiving end's failure is reported to the health monitor
     *     (REPORT_FAILURE, which the kernel answers with the reporter's own health action, a restart):
     *     the rich OS does; the safety RTOS does not — a restart of the receiver cannot cure a silent or
     *     faulty sender, and a QM sender must not be able to get the critical partition restarted
     *     (`anom~channel.e2e-failure-restarts-receiver~1`); it counts the failure and keeps its last
     *     good input. [impl->dsn~emu.guest.channels~1]
     */
    GuestChannels(int[] ids, boolean reportFailures) {
        this.ids = ids.clone();
        this.ends = new ChannelEnd[ids.length];
        this.reportFailures = reportFailures;
    }

    /** Opens every channel once (at the first boot); a channel the kernel refuses stays closed. */
    void open(GuestCpu cpu) {
        if (opened) {
            return;
        }
        opened = true;
        for (int i = 0; i < ids.length; i++) {
            ends[i] = ChannelEnd.open(cpu, ids[i]);
            unusable += ends[i] == null ? 1 : 0;
        }
    }

    /** Sends one frame holding {@code sequence} and {@code value} on every sending end. */
    void publish(GuestCpu cpu, long sequence, long value) {
        for (ChannelEnd e : ends) {
            if (e != null && e.sender()) {
                int n = Math.min(PAYLOAD, e.ring().slotSize());
                byte[] f = e.frame();
                java.util.Arrays.fill(f, Frame.HEADER, Frame.HEADER + n, (byte) 0);
                putPrefix(f, Frame.HEADER, n, sequence);
                putPrefix(f, Frame.HEADER + 8, n - 8, value);
                e.send(cpu, n);
            }
        }
    }

    private static void putPrefix(byte[] f, int at, int room, long v) {
        for (int i = 0; i < Math.min(8, room); i++) {
            f[at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Reads everything ready on every receiving end. @return how many frames were accepted */
    int consume(GuestCpu cpu) {
        int accepted = 0;
        for (ChannelEnd e : ends) {
            if (e == null || e.sender()) {
                continue;
            }
            int n = e.poll(cpu);
            if (n == 0) {
                e.idle(cpu);
            }
            // read what is ready; the next poll tells the kernel (and so the sender) the progress
            for (int round = 0; round < ROUNDS && n > 0; round++) {
                for (int i = 0; i < n; i++) {
                    int v = e.next(cpu);
                    if (v >= 0 && Verdict.accepted(v)) {
                        accepted++;
                        lastValue = Frame.getLong(e.frame(), Frame.HEADER);
                        lastAccepted++;
                    }
                }
                n = e.poll(cpu);
            }
            if (e.takeFailure() && reportFailures) {
                cpu.call(MonitorCall.REPORT_FAILURE, ChannelEnd.FAILURE_CHANNEL_E2E, e.ring().channel());
            }
        }
        return accepted;
    }

    /** @return whether {@code line} is the doorbell of a receiving end. */
    boolean doorbell(int line) {
        for (ChannelEnd e : ends) {
            if (e != null && !e.sender() && e.ring().doorbell() == line) {
                return true;
            }
        }
        return false;
    }

    int count() { return ids.length; }
    /** @return the counts of the i-th channel given, or null if it is not open (yet). */
    ChannelStats stats(int i) { return ends[i] == null ? null : ends[i].stats(); }
    long unusable() { return unusable; }
    /** @return the first payload word of the last accepted frame (the sender's sequence number). */
    long lastValue() { return lastValue; }
    long accepted() { return lastAccepted; }
}
