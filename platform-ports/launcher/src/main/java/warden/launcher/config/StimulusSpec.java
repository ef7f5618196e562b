package warden.launcher.config;

/**
 * Interrupts a device raises from the environment: either periodically ({@code periodNs > 0},
 * {@code meanIntervalNs == 0}) or at exponentially distributed intervals ({@code periodNs == 0},
 * {@code meanIntervalNs > 0}) drawn with {@code seed}; seed 0 (the default) means: derived from the
 * run seed and the device's position in the list, so that --seed changes every unseeded stream.
 */
public record StimulusSpec(String device, long periodNs, long meanIntervalNs, long seed, Loc loc) {
}
