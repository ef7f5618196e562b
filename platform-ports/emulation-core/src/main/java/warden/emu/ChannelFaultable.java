package warden.emu;

import warden.emu.channel.ChannelStats;

/**
 * A guest model with channel ends that a campaign can disturb on one channel (a channel
 * {@link FaultModel}: the sender loses, repeats, reorders, masquerades or floods frames; the
 * receiver stops reading). Like {@link Faultable}, {@link #injectChannel} only records the fault;
 * the guest acts on it at its next send or receive, through its ring end and the kernel's calls.
 */
public interface ChannelFaultable {
    /**
     * Injects channel fault {@code model} on channel {@code channel}.
     * @return true when this guest is the end the model acts at (the sender, or the receiver for
     *     a stopped reader) and the channel is open; false otherwise (then nothing changes)
     */
    boolean injectChannel(int model, int channel, long nowNs);

    /** @return the counts of this guest's end of {@code channel}, or null when it has no open end of it. */
    ChannelStats channelEndStats(int channel);

    /**
     * Makes every receiving end take each frame read as OK without checking it (no CRC, data id,
     * counter or age check): only for showing that a campaign's detection is measured.
     */
    void bypassChecks();
}
