package warden.riscv;

/**
 * Sabotage target: a class of the RISC-V port.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageRiscvTarget {
}
