package warden.arm;

/**
 * Sabotage target: a class of the Arm port.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageArmTarget {
}
