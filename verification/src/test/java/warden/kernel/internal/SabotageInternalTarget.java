package warden.kernel.internal;

/**
 * Sabotage target: a kernel package other than {@code api} and {@code port}, which no port may use.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageInternalTarget {
}
