package warden.x86;

/**
 * Sabotage target: a class of the x86 port.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageX86Target {
}
