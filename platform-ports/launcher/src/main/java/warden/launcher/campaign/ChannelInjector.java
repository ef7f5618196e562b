package warden.launcher.campaign;

import warden.emu.Bus;
import warden.emu.ChannelFaultable;
import warden.emu.Engine;
import warden.emu.Executor;
import warden.emu.FaultModel;
import warden.emu.channel.ChannelStats;
import warden.emu.channel.Frame;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.SystemImage;
import warden.launcher.run.SystemRun;

/**
 * An engine source that injects one channel fault at one virtual time and then measures its
 * detection. It injects once the channel is in use (both ends open, the receiver has read a
 * frame; a fault on a channel nobody reads yet tests nothing), trying again every
 * {@link #RETRY_NS} for at most {@link #RETRY_FOR_NS}; otherwise the fault is not applied. A bit
 * flip is written straight into the ring's physical memory, into the newest frame the sender
 * published and the receiver has not read yet (tried again while none is waiting); the other
 * models go to the guest at the end they act at ({@link ChannelFaultable}). From the injection on it
 * reads the counts of the end that must see the fault every {@link #CHECK_NS}, until the detection
 * bound has passed: the fault is detected at the first check where the evidence its model expects
 * has grown since the injection — at the receiver the verdict that catches it (corrupted;
 * ok-some-lost or wrong-sequence; repeated; wrong-sequence; wrong-data-id), at the sender of a
 * flooded or unread ring the frames its full-ring policy dropped or overwrote (it did not wait).
 * It also records whether the receiver's state machine entered INVALID (the failure it reports to
 * the health monitor) after the injection.
 *
 * [impl->dsn~campaign.channel-faults~1]
 * [impl->dsn~campaign.channel-detection~1]
 */
final class ChannelInjector implements Engine.Source {
    /** Interval between the checks of the evidence after an injection (the engine's quantum). */
    static final long CHECK_NS = Engine.DEFAULT_QUANTUM_NS;
    /** Interval between the tries of an injection while the channel is not in use or no frame waits. */
    static final long RETRY_NS = 10_000;
    /** How long an injection keeps trying before it counts as not applied. */
    static final long RETRY_FOR_NS = 150_000_000;

    private final SystemRun run;
    private final int model;
    private final int channel;
    private final long address;
    private final long bound;
    private final boolean bypass;
    private final long firstTry;
    private long at;
    private long injectedAt = -1;
    private boolean applied;
    private long baseline;
    private long baselineFailures;
    private long detectedAt = -1;
    private boolean reported;
    private String detail;

    /**
     * @param address the bit drawn for a bit flip (taken modulo the frame's length in bits)
     * @param bound   the detection bound of the model on this channel, in ns
     * @param bypass  whether the receiver checks nothing (only for showing that detection is measured)
     */
    ChannelInjector(SystemRun run, int model, int channel, long address, long at, long bound, boolean bypass) {
        this.run = run;
        this.model = model;
        this.channel = channel;
        this.address = address;
        this.at = at;
        this.firstTry = at;
        this.bound = bound;
        this.bypass = bypass;
    }

    @Override
    public long nextEventNs() {
        return at;
    }

    @Override
    public void fire(long nowNs) {
        if (!applied) {
            apply(nowNs);
            return;
        }
        if (evidence() > baseline) {
            detectedAt = nowNs;
        }
        ChannelStats rx = stats(false);
        reported = rx != null && rx.failures() > baselineFailures;
        at = detectedAt >= 0 || nowNs >= injectedAt + bound ? Long.MAX_VALUE
                : Math.min(nowNs + CHECK_NS, injectedAt + bound);
    }

    private void apply(long nowNs) {
        if (bypass && end(false) != null) {
            end(false).bypassChecks();
        }
        ChannelStats rx0 = stats(false);
        boolean live = rx0 != null && rx0.received() > 0 && stats(true) != null;
        applied = live && (model == FaultModel.CHANNEL_BIT_FLIP ? flip() : inject(nowNs));
        if (!applied) {
            at = nowNs + RETRY_NS < firstTry + RETRY_FOR_NS ? nowNs + RETRY_NS : Long.MAX_VALUE;
            return;
        }
        injectedAt = nowNs;
        baseline = evidence();
        ChannelStats rx = stats(false);
        baselineFailures = rx == null ? 0 : rx.failures();
        at = nowNs + CHECK_NS;
    }

    private boolean inject(long nowNs) {
        ChannelFaultable g = end(model != FaultModel.CHANNEL_STOP_READING);
        return g != null && g.injectChannel(model, channel, nowNs);
    }

    /** Flips one bit of the newest frame published and not read yet. @return false when none waits */
    private boolean flip() {
        long published = run.monitor().channelStat(channel, ChannelStat.PUBLISHED);
        long consumed = run.monitor().channelStat(channel, ChannelStat.CONSUMED);
        if (published <= consumed) {
            return false;
        }
        SystemImage img = run.image();
        long stride = ChannelLayout.stride(img.channelSlotSize(channel), img.channelCrc(channel));
        long slot = img.channelBase(channel)
                + Long.remainderUnsigned(published - 1, img.channelSlots(channel)) * stride;
        Bus bus = run.board().bus();
        long length = 0;
        for (int i = 0; i < 4; i++) {
            length |= (long) (bus.readRamByte(slot + Frame.LENGTH + i) & 0xff) << (8 * i);
        }
        length = Math.max(ChannelLayout.headerRoom(img.channelCrc(channel)), Math.min(length, stride));
        long bit = Long.remainderUnsigned(address, length * 8);
        long byteAt = slot + bit / 8;
        bus.writeRamByte(byteAt, bus.readRamByte(byteAt) ^ (1 << (int) (bit % 8)));
        detail = "bit " + bit % 8 + " of byte " + bit / 8 + " of the frame at 0x" + Long.toHexString(slot);
        return true;
    }

    /** @return the count whose growth detects the model: verdicts at the receiver, or policy actions at the sender. */
    private long evidence() {
        boolean atSender = model == FaultModel.CHANNEL_FLOOD || model == FaultModel.CHANNEL_STOP_READING;
        ChannelStats s = stats(atSender);
        if (s == null) {
            return 0;
        }
        switch (model) {
            case FaultModel.CHANNEL_BIT_FLIP:
                return s.verdict(warden.emu.channel.Verdict.CORRUPTED);
            case FaultModel.CHANNEL_LOST:
                return s.verdict(warden.emu.channel.Verdict.OK_SOME_LOST)
                        + s.verdict(warden.emu.channel.Verdict.WRONG_SEQUENCE);
            case FaultModel.CHANNEL_REPEATED:
                return s.verdict(warden.emu.channel.Verdict.REPEATED);
            case FaultModel.CHANNEL_REORDERED:
                return s.verdict(warden.emu.channel.Verdict.WRONG_SEQUENCE);
            case FaultModel.CHANNEL_MASQUERADE:
                return s.verdict(warden.emu.channel.Verdict.WRONG_DATA_ID);
            case FaultModel.CHANNEL_DELAYED:
                return s.verdict(warden.emu.channel.Verdict.STALE);
            default:
                return s.drops() + s.overwrites();
        }
    }

    private ChannelStats stats(boolean sender) {
        ChannelFaultable g = end(sender);
        return g == null ? null : g.channelEndStats(channel);
    }

    /** @return the guest at the channel's sending or receiving end, if it is a channel guest. */
    private ChannelFaultable end(boolean sender) {
        SystemImage img = run.image();
        int p = sender ? img.channelSender(channel) : img.channelReceiver(channel);
        for (int c = 0; c < img.coreCount(); c++) {
            if ((img.coreMask(p) & (1 << c)) != 0) {
                Executor e = run.executor(p, c);
                if (e instanceof ChannelFaultable f && f.channelEndStats(channel) != null) {
                    return f;
                }
            }
        }
        return null;
    }

    boolean applied() { return applied; }
    /** @return when the fault was injected, or -1. */
    long injectedAt() { return injectedAt; }
    /** @return when the check first saw the expected evidence, or -1. */
    long detectedAt() { return detectedAt; }
    /** @return whether the receiver's state machine entered INVALID (and so reported) after the injection. */
    boolean reported() { return reported; }
    /** @return where a bit flip hit, or null. */
    String detail() { return detail; }
}
