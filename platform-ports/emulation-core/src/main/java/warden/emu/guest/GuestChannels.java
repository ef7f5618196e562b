package warden.emu.guest;

import warden.emu.FaultModel;
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
 * [impl->dsn~emu.guest.channels~2]
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
    private int faultChannel = -1;
    private int faultModel = -1;
    private long floodUntil;
    /** A delayed frame (FaultModel.CHANNEL_DELAYED): its end, bytes, length and earliest write time. */
    private ChannelEnd delayedEnd;
    private byte[] delayed;
    private int delayedLength;
    private long delayedUntil;
    private boolean bypass;

    /**
     * A receiving end's failure (its state machine entered INVALID) is reported to the kernel with
     * REPORT_FAILURE code {@link MonitorCall#FAILURE_CHANNEL} and the channel, which the kernel
     * counts and logs as the channel's failure, never as the reporter's own (no restart); the guest
     * keeps its last good input. [impl->dsn~emu.guest.channels~2]
     */
    GuestChannels(int[] ids) {
        this.ids = ids.clone();
        this.ends = new ChannelEnd[ids.length];
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

    /**
     * Sends one frame holding {@code sequence} and {@code value} on every sending end; on the end
     * of a pending channel fault, the faulty send instead (once; a flood for its whole duration).
     */
    void publish(GuestCpu cpu, long sequence, long value) {
        if (delayedEnd != null && cpu.now() > delayedUntil) {
            delayedEnd.writeHeld(cpu, delayed, delayedLength);
            delayedEnd = null;
        }
        for (ChannelEnd e : ends) {
            if (e != null && e.sender()) {
                int n = Math.min(PAYLOAD, e.ring().slotSize());
                byte[] f = e.frame();
                int at = e.payloadOffset();
                java.util.Arrays.fill(f, at, at + n, (byte) 0);
                putPrefix(f, at, n, sequence);
                putPrefix(f, at + 8, n - 8, value);
                if (e.ring().channel() == faultChannel) {
                    sendFaulty(cpu, e, n);
                } else {
                    e.send(cpu, n);
                }
            }
        }
    }

    /**
     * The send of a sender with a pending channel fault: lost, repeated, reordered, masquerading,
     * delayed (protected now, written by {@link #publish} once the maximum age has passed),
     * or a burst of {@link FaultModel#FLOOD_BURST} frames while the flood lasts.
     * [impl->dsn~campaign.channel-faults~1]
     */
    private void sendFaulty(GuestCpu cpu, ChannelEnd e, int n) {
        int model = faultModel;
        boolean once = model != FaultModel.CHANNEL_FLOOD || cpu.now() >= floodUntil;
        if (once) {
            faultChannel = -1;
            faultModel = -1;
        }
        switch (model) {
            case FaultModel.CHANNEL_LOST:
                e.sendLost(cpu, n);
                break;
            case FaultModel.CHANNEL_REPEATED:
                e.send(cpu, n);
                e.resend(cpu);
                break;
            case FaultModel.CHANNEL_REORDERED:
                e.sendSwapped(cpu, n);
                break;
            case FaultModel.CHANNEL_MASQUERADE:
                e.sendMasquerade(cpu, n);
                break;
            case FaultModel.CHANNEL_DELAYED:
                delayedLength = e.protectHeld(cpu, n, delayed);
                delayedUntil = cpu.now() + e.ring().config().maxAgeNs();
                delayedEnd = e;
                break;
            case FaultModel.CHANNEL_FLOOD:
                for (int i = 0; i < (once ? 1 : FaultModel.FLOOD_BURST); i++) {
                    e.send(cpu, n);
                }
                break;
            default:
                e.send(cpu, n);
        }
    }

    /**
     * Records channel fault {@code model} on {@code channel}: the sender models act at this
     * guest's next send on it, a stopped reader from its next consumption on.
     * @return whether this guest has the end of the channel the model acts at
     * [impl->dsn~campaign.channel-faults~1]
     */
    boolean inject(int model, int channel, long nowNs) {
        ChannelEnd e = end(channel);
        boolean atSender = model != FaultModel.CHANNEL_STOP_READING;
        if (e == null || e.sender() != atSender || model == FaultModel.CHANNEL_BIT_FLIP
                || !FaultModel.channelFault(model)) {
            return false;
        }
        if (model == FaultModel.CHANNEL_DELAYED) {
            if (delayedEnd != null) {
                return false; // one delayed frame at a time
            }
            if (delayed == null || delayed.length < e.frame().length) {
                delayed = new byte[e.frame().length]; // fault injection only, not the guest's own path
            }
        }
        faultChannel = channel;
        faultModel = model;
        floodUntil = nowNs + FaultModel.FLOOD_DURATION_NS;
        return true;
    }

    /** @return this guest's open end of {@code channel}, or null. */
    ChannelEnd end(int channel) {
        for (ChannelEnd e : ends) {
            if (e != null && e.ring().channel() == channel) {
                return e;
            }
        }
        return null;
    }

    /** Every receiving end takes what it reads unchecked from now on (see ChannelFaultable#bypassChecks). */
    void bypassChecks() {
        bypass = true;
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
            boolean stopped = e != null && faultModel == FaultModel.CHANNEL_STOP_READING
                    && e.ring().channel() == faultChannel;
            if (e == null || e.sender() || stopped) {
                continue;
            }
            int n = e.poll(cpu);
            if (n == 0) {
                e.idle(cpu);
            }
            // read what is ready; the next poll tells the kernel (and so the sender) the progress
            for (int round = 0; round < ROUNDS && n > 0; round++) {
                for (int i = 0; i < n; i++) {
                    int v = bypass ? e.nextUnchecked(cpu) : e.next(cpu);
                    if (v >= 0 && Verdict.accepted(v)) {
                        accepted++;
                        lastValue = Frame.getLong(e.frame(), e.payloadOffset());
                        lastAccepted++;
                    }
                }
                n = e.poll(cpu);
            }
            if (e.takeFailure()) {
                cpu.call(MonitorCall.REPORT_FAILURE, MonitorCall.FAILURE_CHANNEL, e.ring().channel());
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
