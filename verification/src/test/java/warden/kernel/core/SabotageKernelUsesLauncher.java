package warden.kernel.core;

/**
 * Sabotage of the arrow "the kernel depends on java.base and itself only": a kernel class using the launcher.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageKernelUsesLauncher {
    public static Object use() {
        return new warden.launcher.SabotageLauncherTarget();
    }
}
