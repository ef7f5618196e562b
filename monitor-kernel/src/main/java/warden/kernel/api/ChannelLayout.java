package warden.kernel.api;

/**
 * The layout of a channel's ring and the fields of {@link MonitorCall#CHANNEL_INFO}: offsets,
 * lengths and limits only. The kernel moves no payload bytes; it only checks the counts.
 *
 * <pre>
 *  ring base (monitor-owned RAM, mapped rw for the sender, r for the receiver, for no one else)
 *  +-----------------------------+  base + 0 * stride
 *  | E2E header room: 24 bytes   |  the guest library's business (data id, length, counter, CRC,
 *  | (CRC-32), 32 bytes (CRC-64) |  send time); its size follows the channel's CRC width
 *  | slot-size payload bytes     |
 *  | padding to a multiple of 8  |
 *  +-----------------------------+  base + 1 * stride
 *  | ...                         |
 *  +-----------------------------+  base + slots * stride  (the region is rounded up to what the
 *                                                            target's protection unit expresses)
 *  frame n (n = 0, 1, ... counted since the channel's last reset) lives in slot n mod slots.
 * </pre>
 *
 * [impl->dsn~channel.layout~2]
 */
public final class ChannelLayout {
    /** CRC width value of {@link #INFO_CRC}: CRC-32 (AUTOSAR CRC-32P4), the default. */
    public static final int CRC32 = 32;
    /** CRC width value of {@link #INFO_CRC}: CRC-64 (the CRC of AUTOSAR E2E profile 7). */
    public static final int CRC64 = 64;
    /** Bytes of header room in front of each slot's payload of a channel with a 32-bit CRC. */
    public static final int HEADER_CRC32 = 24;
    /** Bytes of header room in front of each slot's payload of a channel with a 64-bit CRC. */
    public static final int HEADER_CRC64 = 32;
    /** Largest payload of one slot: an Ethernet frame without its FCS. */
    public static final int SLOT_SIZE_MAX = 1514;
    /** Most slots one ring may have. */
    public static final int SLOTS_MAX = 1024;
    /** Sentinel of {@link #INFO_DOORBELL}: the channel has no doorbell. */
    public static final int NO_DOORBELL = -1;
    /** Full-ring policy: a frame that finds the ring full is dropped by the sender. */
    public static final int FULL_DROP = 0;
    /** Full-ring policy: the sender overwrites the oldest unread frame. */
    public static final int FULL_OVERWRITE = 1;
    /** Role value of {@link #INFO_ROLE}. */
    public static final int ROLE_SENDER = 1;
    /** Role value of {@link #INFO_ROLE}. */
    public static final int ROLE_RECEIVER = 2;

    /** CHANNEL_INFO field: ring base physical address. */
    public static final int INFO_BASE = 0;
    /** CHANNEL_INFO field: payload bytes per slot. */
    public static final int INFO_SLOT_SIZE = 1;
    /** CHANNEL_INFO field: number of slots. */
    public static final int INFO_SLOTS = 2;
    /** CHANNEL_INFO field: the caller's role. */
    public static final int INFO_ROLE = 3;
    /** CHANNEL_INFO field: the E2E data id. */
    public static final int INFO_DATA_ID = 4;
    /** CHANNEL_INFO field: maximum age / receive timeout in ns. */
    public static final int INFO_MAX_AGE = 5;
    /** CHANNEL_INFO field: the largest sequence-counter gap the receiver accepts. */
    public static final int INFO_COUNTER_WINDOW = 6;
    /** CHANNEL_INFO field: bytes from one slot to the next. */
    public static final int INFO_STRIDE = 7;
    /** CHANNEL_INFO field: full-ring policy. */
    public static final int INFO_FULL = 8;
    /** CHANNEL_INFO field: doorbell line on the receiver, or {@link #NO_DOORBELL}. */
    public static final int INFO_DOORBELL = 9;
    /** CHANNEL_INFO field: width of the end-to-end CRC in bits, {@link #CRC32} or {@link #CRC64}. */
    public static final int INFO_CRC = 10;
    /** One past the last CHANNEL_INFO field. */
    public static final int INFO_FIELDS = 11;

    private ChannelLayout() {
    }

    /**
     * @return the header room of a channel whose CRC is {@code crcBits} wide: 32 bytes for
     *     {@link #CRC64}, else 24 (the boot check refuses any width but the two).
     * [impl->dsn~channel.layout~2]
     */
    public static int headerRoom(int crcBits) {
        return crcBits == CRC64 ? HEADER_CRC64 : HEADER_CRC32;
    }

    /**
     * @return bytes from one slot to the next: payload plus header room, rounded up to 8.
     * [impl->dsn~channel.layout~2]
     */
    public static long stride(int slotSize, int crcBits) {
        return (slotSize + headerRoom(crcBits) + 7L) & ~7L;
    }

    /**
     * @return bytes the ring's slots occupy (before rounding to the protection unit).
     * [impl->dsn~channel.layout~2]
     */
    public static long ringBytes(int slotSize, int slots, int crcBits) {
        return stride(slotSize, crcBits) * slots;
    }
}
