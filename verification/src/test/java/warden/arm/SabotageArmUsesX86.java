package warden.arm;

/**
 * Sabotage of the arrow "no architecture port depends on another": Arm using x86.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageArmUsesX86 {
    public static Object use() {
        return new warden.x86.SabotageX86Target();
    }
}
