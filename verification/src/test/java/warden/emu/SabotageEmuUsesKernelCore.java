package warden.emu;

/**
 * Sabotage of the arrow "ports never use kernel.core": the emulation core using the kernel's implementation.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageEmuUsesKernelCore {
    public static Object use() {
        return new warden.kernel.core.SabotageCoreTarget();
    }
}
