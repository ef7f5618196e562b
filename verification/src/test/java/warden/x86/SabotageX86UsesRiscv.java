package warden.x86;

/**
 * Sabotage of the arrow "no architecture port depends on another": x86 using RISC-V.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageX86UsesRiscv {
    public static Object use() {
        return new warden.riscv.SabotageRiscvTarget();
    }
}
