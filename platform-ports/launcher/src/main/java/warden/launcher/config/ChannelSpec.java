package warden.launcher.config;

import java.util.Map;

/**
 * One channel of a description: a one-way ring from partition {@code from} to partition {@code to}
 * of {@code slots} slots of {@code slotSize} payload bytes, the receiver's doorbell line
 * ({@code warden.kernel.api.ChannelLayout#NO_DOORBELL} for none), the full-ring policy
 * ({@code ChannelLayout.FULL_DROP} or {@code FULL_OVERWRITE}) and the end-to-end protection
 * parameters the kernel hands to both endpoints (data id, maximum age, counter window, CRC width 32
 * or 64). Defaults are already applied.
 *
 * @param fieldLocs locations of the fields checks point at ("from", "to", "doorbell", ...)
 */
public record ChannelSpec(String name, String from, String to, int slotSize, int slots, int doorbell, int full,
                          long dataId, long maxAgeNs, int counterWindow, int crcBits, Loc loc,
                          Map<String, Loc> fieldLocs) {
    public ChannelSpec {
        fieldLocs = Map.copyOf(fieldLocs);
    }

    /** @return the location of a field: its own line when it was read from YAML, else the channel's. */
    public Loc at(String field) {
        Loc l = fieldLocs.get(field);
        return l != null ? l : loc.field(field);
    }
}
