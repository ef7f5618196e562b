package warden.launcher.config;

/**
 * Interrupts a device raises from the environment: either periodically ({@code periodNs > 0},
 * {@code meanIntervalNs == 0}) or at exponentially distributed intervals ({@code periodNs == 0},
 * {@code meanIntervalNs > 0}) drawn with {@code seed}.
 */
public record StimulusSpec(String device, long periodNs, long meanIntervalNs, long seed, Loc loc) {
}
