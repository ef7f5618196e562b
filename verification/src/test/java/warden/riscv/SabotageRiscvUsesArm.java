package warden.riscv;

/**
 * Sabotage of the arrow "no architecture port depends on another": RISC-V using Arm.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageRiscvUsesArm {
    public static Object use() {
        return new warden.arm.SabotageArmTarget();
    }
}
