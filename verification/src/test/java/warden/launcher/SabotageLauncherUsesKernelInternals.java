package warden.launcher;

/**
 * Sabotage of the arrow "ports use the kernel's api and port packages only": the launcher using a kernel
 * package other than those two.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageLauncherUsesKernelInternals {
    public static Object use() {
        return new warden.kernel.internal.SabotageInternalTarget();
    }
}
