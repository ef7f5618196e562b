package warden.kernel.api;

/**
 * Sabotage target: a class of the kernel's public face that the trace engine may not use.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageApiTarget {
}
