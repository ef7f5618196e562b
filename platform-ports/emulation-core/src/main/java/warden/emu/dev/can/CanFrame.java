package warden.emu.dev.can;

/**
 * One classical CAN data or remote frame, as a mutable slot that is filled and copied, never
 * allocated per frame: an 11-bit standard or 29-bit extended identifier, the remote flag, the data
 * length code and up to eight data bytes (byte 0 in the lowest bits of {@link #data}).
 *
 * <p>Frame layout facts (ISO 11898-1 classical frame format, as tabulated in Davis, Burns, Bril,
 * Lukkien, "Controller Area Network (CAN) schedulability analysis: Refuted, revisited and revised",
 * Real-Time Systems 35(3), 2007): a standard frame has 34 bits from start of frame to the end of the
 * CRC field besides the data (SOF, 11 id bits, RTR, IDE, r0, 4 DLC bits, 15 CRC bits), an extended
 * frame 54; 13 more bits follow that are never stuffed (CRC delimiter, ACK slot and delimiter, 7 end of
 * frame bits, 3 intermission bits); the stuffed part gains at most one stuff bit per 4 bits after the
 * first. A DLC of 9 to 15 still means 8 data bytes.
 *
 * [impl->dsn~can.frame-timing~1]
 * [impl->dsn~can.arbitration~1]
 */
public final class CanFrame {
    /** Largest 11-bit identifier. */
    public static final int STD_ID_MAX = 0x7FF;
    /** Largest 29-bit identifier. */
    public static final int EXT_ID_MAX = 0x1FFF_FFFF;
    /** Bits of a standard frame before the data that are subject to stuffing. */
    static final int STD_STUFFED_OVERHEAD = 34;
    /** Bits of an extended frame before the data that are subject to stuffing. */
    static final int EXT_STUFFED_OVERHEAD = 54;
    /** CRC delimiter, ACK slot and delimiter, end of frame and intermission: never stuffed. */
    static final int TRAILER_BITS = 13;

    private int id;
    private boolean extended;
    private boolean remote;
    private int dlc;
    private long data;

    /** Fills the slot; the identifier is cut to 11 or 29 bits and the DLC to 4 bits. */
    public void set(int id, boolean extended, boolean remote, int dlc, long data) {
        this.id = id & (extended ? EXT_ID_MAX : STD_ID_MAX);
        this.extended = extended;
        this.remote = remote;
        this.dlc = dlc & 0xF;
        this.data = remote ? 0 : data & mask(bytes(this.dlc));
    }

    /** Copies another slot into this one. */
    public void copyFrom(CanFrame f) {
        id = f.id;
        extended = f.extended;
        remote = f.remote;
        dlc = f.dlc;
        data = f.data;
    }

    public int id() {
        return id;
    }

    public boolean extended() {
        return extended;
    }

    public boolean remote() {
        return remote;
    }

    public int dlc() {
        return dlc;
    }

    public long data() {
        return data;
    }

    /** @return the data bytes a DLC stands for in a classical frame: the DLC, at most 8. */
    public static int bytes(int dlc) {
        return Math.min(dlc & 0xF, 8);
    }

    private static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /**
     * The frame's bit length on the bus including the 3-bit intermission and the worst-case stuff
     * bits: {@code g + 8s + 13 + floor((g + 8s - 1) / 4)} with g = 34 (standard) or 54 (extended)
     * and s the data bytes (0 for a remote frame). Real stuffing depends on the bit pattern; the
     * model always takes the worst case, so a frame never ends later than the model says (a
     * standard 8-byte frame: 135 bits, an extended one: 160 bits).
     */
    public int bits() {
        int g = extended ? EXT_STUFFED_OVERHEAD : STD_STUFFED_OVERHEAD;
        int stuffed = g + 8 * (remote ? 0 : bytes(dlc));
        return stuffed + TRAILER_BITS + (stuffed - 1) / 4;
    }

    /**
     * The frame's arbitration field as one number, smaller wins: the bits in the order they go on
     * the bus, dominant (0) before recessive (1). Standard: 11 id bits, RTR, IDE = 0. Extended: the
     * 11 base id bits, SRR = 1, IDE = 1, the 18 id extension bits, RTR. So a lower identifier wins,
     * a data frame beats a remote frame of the same identifier, and a standard frame beats an
     * extended one with the same base identifier.
     */
    public long arbitrationKey() {
        if (!extended) {
            return ((long) id << 21) | ((remote ? 1L : 0L) << 20);
        }
        long base = (id >>> 18) & STD_ID_MAX;
        return (base << 21) | (1L << 20) | (1L << 19) | ((long) (id & 0x3FFFF) << 1) | (remote ? 1L : 0L);
    }
}
