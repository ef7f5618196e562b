package warden.emu;

/**
 * Sabotage of the arrow "the emulation core depends on no architecture port": the emulation core using Arm.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageEmuUsesArm {
    public static Object use() {
        return new warden.arm.SabotageArmTarget();
    }
}
