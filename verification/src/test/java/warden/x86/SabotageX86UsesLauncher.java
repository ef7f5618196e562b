package warden.x86;

/**
 * Sabotage of the arrow "the emulation core and the ports do not depend on the launcher": x86 using the
 * launcher.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageX86UsesLauncher {
    public static Object use() {
        return new warden.launcher.SabotageLauncherTarget();
    }
}
