package warden.emu.channel;

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

    public static final int INFO_BASE = 0;
    public static final int INFO_SLOT_SIZE = 1;
    public static final int INFO_SLOT_COUNT = 2;
    public static final int INFO_ROLE = 3;
    public static final int INFO_DATA_ID = 4;
    public static final int INFO_MAX_AGE = 5;
    public static final int INFO_COUNTER_WINDOW = 6;
    public static final int INFO_STRIDE = 7;
    public static final int INFO_POLICY = 8;
    public static final int INFO_DOORBELL = 9;
    /** The CRC width in bits (32 or 64). */
    public static final int INFO_CRC = 10;
    /** One past the last field. */
    public static final int INFO_FIELDS = 11;

    public static final int ROLE_SENDER = 1;
    public static final int ROLE_RECEIVER = 2;
    public static final int POLICY_DROP = 0;
    public static final int POLICY_OVERWRITE = 1;

    private ChannelCalls() {
    }
}
