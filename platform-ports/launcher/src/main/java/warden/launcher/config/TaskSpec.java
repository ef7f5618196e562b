package warden.launcher.config;

/** A periodic task of an RTOS; the deadline defaults to the period. */
public record TaskSpec(String name, long periodNs, long wcetNs, long deadlineNs, Loc loc) {
}
