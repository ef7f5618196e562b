package warden.emu.dev.nic;

/**
 * Layout of the 16-byte descriptors a {@link NicController} reads from and writes to its rings in
 * guest memory, little-endian, after the "legacy" receive and transmit descriptors of Intel's
 * 8254x family (Intel, "PCI/PCI-X Family of Gigabit Ethernet Controllers Software Developer's
 * Manual", 8254x, sections "Receive Descriptor Format" and "Legacy Transmit Descriptor Format"):
 * <pre>
 * receive descriptor                          transmit descriptor
 *  0 +--------------------------------+        0 +--------------------------------+
 *    | buffer address (64 bits)       |          | buffer address (64 bits)       |
 *  8 +--------+--------+----+----+----+        8 +--------+----+----+----+----+---+
 *    | length | csum   |sta |err |spc |          | length |cso |cmd |sta |css |spc|
 *    | 16     | 16 (0) | 8  | 8  | 16 |          | 16     | 8  | 8  | 8  | 8  |16 |
 * 16 +--------+--------+----+----+----+       16 +--------+----+----+----+----+---+
 * </pre>
 * Receive: the device writes length and status (DD | EOP); the checksum, errors and special
 * fields are written as zero. Transmit: the driver writes address, length and cmd (EOP, RS); the
 * device sets DD in sta when RS asks for it. Only offsets, bits and checks; no state.
 */
public final class NicDescriptor {
    public static final int SIZE = 16;
    public static final int ADDRESS = 0;
    public static final int LENGTH = 8;
    /** Receive: status byte. */
    public static final int RX_STATUS = 12;
    /** Transmit: command byte. */
    public static final int TX_CMD = 11;
    /** Transmit: status byte. */
    public static final int TX_STATUS = 12;

    /** Status: descriptor done. */
    public static final int DD = 1;
    /** Receive status: end of packet (every frame fits one buffer here). */
    public static final int EOP = 2;
    /** Transmit cmd: end of packet. */
    public static final int CMD_EOP = 1;
    /** Transmit cmd: report status (write DD back). */
    public static final int CMD_RS = 8;

    /** Bytes of every receive buffer (the 8254x's reset buffer size). */
    public static final int BUFFER = 2048;
    /** Most descriptors of a ring. */
    public static final int RING_MAX = 256;

    private NicDescriptor() {
    }

    /** @return the descriptors of a ring of {@code lengthBytes}, or 0 when it is no valid ring length. */
    public static int count(long lengthBytes) {
        if (lengthBytes <= 0 || lengthBytes % SIZE != 0 || lengthBytes / SIZE > RING_MAX) {
            return 0;
        }
        return (int) (lengthBytes / SIZE);
    }
}
