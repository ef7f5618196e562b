package warden.launcher;

/**
 * Sabotage target: a class of the launcher, which the kernel, the emulation core, the ports, the manual and
 * the trace engine may not use.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageLauncherTarget {
}
