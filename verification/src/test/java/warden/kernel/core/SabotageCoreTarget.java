package warden.kernel.core;

/**
 * Sabotage target: a class of the kernel's implementation package that no port and no {@code api} class may
 * use.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageCoreTarget {
}
