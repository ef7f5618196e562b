package warden.emu.guest;

/**
 * What a guest model needs to use one channel it is an endpoint of: the channel id of the monitor
 * calls (CHANNEL_SEND / CHANNEL_RECEIVE / CHANNEL_INFO), its name, whether this partition sends,
 * the ring (base and region size, slot size, slot count; slot i at base + i * stride with
 * stride = slotSize + header room rounded up to 8), the receiver's doorbell line (-1 for none), the
 * full-ring policy (0 drop, 1 overwrite) and the end-to-end parameters. Plain data: the same values
 * a guest reads with CHANNEL_INFO.
 *
 * @param id            channel id (index in the description's {@code channels:})
 * @param name          channel name
 * @param sender        true when this partition writes the ring
 * @param base          ring base physical address
 * @param regionSize    bytes its protection entry covers
 * @param slotSize      payload bytes per slot
 * @param slots         number of slots
 * @param doorbell      receiver's doorbell line, or -1
 * @param full          full-ring policy: 0 drop, 1 overwrite
 * @param dataId        end-to-end data id
 * @param maxAgeNs      maximum age / receive timeout in ns
 * @param counterWindow largest sequence-counter gap the receiver accepts
 * @param crcBits       width of the end-to-end CRC, 32 or 64
 */
public record ChannelBinding(int id, String name, boolean sender, long base, long regionSize, int slotSize, int slots,
                             int doorbell, int full, long dataId, long maxAgeNs, int counterWindow, int crcBits) {
    /** @return bytes from one slot to the next. */
    public long stride() {
        return warden.kernel.api.ChannelLayout.stride(slotSize, crcBits);
    }
}
