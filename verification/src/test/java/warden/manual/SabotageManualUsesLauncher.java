package warden.manual;

/**
 * Sabotage of the arrow "the safety manual reads files and depends on no other Warden package": the manual
 * using the launcher.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageManualUsesLauncher {
    public static Object use() {
        return new warden.launcher.SabotageLauncherTarget();
    }
}
