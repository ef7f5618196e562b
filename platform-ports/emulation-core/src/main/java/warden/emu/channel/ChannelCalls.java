package warden.emu.channel;

import warden.kernel.api.ChannelLayout;
import warden.kernel.api.MonitorCall;

/**
 * The channel monitor calls as the guest side uses them (the contract with the kernel's channel
 * table): call ids, the fields of {@link #CHANNEL_INFO}, the roles and the full policies. The ids
 * are those the kernel's {@link MonitorCall} defines for channels.
 *
 * [impl->dsn~e2e.ring~1]
 */
public final class ChannelCalls {
    /** arg0 = channel, arg1 = the sender's published count; value = the receiver's consumed count. */
    public static final int CHANNEL_SEND = MonitorCall.CHANNEL_SEND;
    /** arg0 = channel, arg1 = the receiver's consumed count; value = the sender's published count. */
    public static final int CHANNEL_RECEIVE = MonitorCall.CHANNEL_RECEIVE;
    /** arg0 = channel, arg1 = one of the {@code INFO_*} fields; value = that field. */
    public static final int CHANNEL_INFO = MonitorCall.CHANNEL_INFO;

    public static final int INFO_BASE = ChannelLayout.INFO_BASE;
    public static final int INFO_SLOT_SIZE = ChannelLayout.INFO_SLOT_SIZE;
    public static final int INFO_SLOT_COUNT = ChannelLayout.INFO_SLOTS;
    public static final int INFO_ROLE = ChannelLayout.INFO_ROLE;
    public static final int INFO_DATA_ID = ChannelLayout.INFO_DATA_ID;
    public static final int INFO_MAX_AGE = ChannelLayout.INFO_MAX_AGE;
    public static final int INFO_COUNTER_WINDOW = ChannelLayout.INFO_COUNTER_WINDOW;
    public static final int INFO_STRIDE = ChannelLayout.INFO_STRIDE;
    public static final int INFO_POLICY = ChannelLayout.INFO_FULL;
    public static final int INFO_DOORBELL = ChannelLayout.INFO_DOORBELL;
    /** The CRC width in bits (32 or 64). */
    public static final int INFO_CRC = ChannelLayout.INFO_CRC;
    /** One past the last field. */
    public static final int INFO_FIELDS = ChannelLayout.INFO_FIELDS;

    public static final int ROLE_SENDER = ChannelLayout.ROLE_SENDER;
    public static final int ROLE_RECEIVER = ChannelLayout.ROLE_RECEIVER;
    public static final int POLICY_DROP = ChannelLayout.FULL_DROP;
    public static final int POLICY_OVERWRITE = ChannelLayout.FULL_OVERWRITE;

    private ChannelCalls() {
    }
}
