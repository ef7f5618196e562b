package warden.launcher.config;

/**
 * One access-control entry of a mediated device: {@code partition} may reach the register named
 * {@code register} (a name of the device's register map) or at byte {@code offset} (when the
 * description gave a number; -1 otherwise) in the directions of {@code access} (Access bits); a
 * written value must have no bit outside {@code mask} and lie in [min, max]; at most {@code rate}
 * accesses per {@code windowNs} (rate 0: no limit). {@code hasValues}: the entry gave a mask or range.
 * {@code preset}: the value the monitor writes to the register at boot, or -1 for none.
 *
 * [impl->dsn~config.mediated~1]
 * [impl->dsn~config.mediated-preset~1]
 */
public record AclEntrySpec(String partition, String register, int offset, int access, long mask, long min, long max,
                           int rate, long windowNs, boolean hasValues, long preset, Loc loc) {
    /** Every value of a 32-bit register. */
    public static final long ALL = 0xFFFF_FFFFL;
}
