package warden.launcher.config;

/**
 * Interrupts a device raises from the environment: either periodically ({@code periodNs > 0},
 * {@code meanIntervalNs == 0}) or at exponentially distributed intervals ({@code periodNs == 0},
 * {@code meanIntervalNs > 0}) drawn with {@code seed}; seed 0 (the default) means: derived from the
 * run seed and the device's position in the list, so that --seed changes every unseeded stream.
 * For a CAN controller the stimulus is a node on the controller's CAN bus that sends a periodic (or,
 * with {@code meanIntervalNs}, sporadic) stream of 8-byte data frames with identifier
 * {@code canId} (null: not given, then {@link #DEFAULT_CAN_ID}), standard (11-bit) or, with
 * {@code extended}, extended (29-bit), whose payload {@code seed} draws; the controller's interrupt
 * comes from their reception.
 */
public record StimulusSpec(String device, long periodNs, long meanIntervalNs, long seed, Integer canId,
                           boolean extended, Loc loc) {
    /** A stimulus of standard CAN frames, or of a device that is no CAN controller. */
    public StimulusSpec(String device, long periodNs, long meanIntervalNs, long seed, Integer canId, Loc loc) {
        this(device, periodNs, meanIntervalNs, seed, canId, false, loc);
    }

    /** CAN identifier of a CAN device's frames when the stimulus gives no {@code id}. */
    public static final int DEFAULT_CAN_ID = 0x100;

    /** @return the CAN identifier of the frames: the given one or {@link #DEFAULT_CAN_ID}. */
    public int canIdOrDefault() {
        return canId != null ? canId : DEFAULT_CAN_ID;
    }
}
