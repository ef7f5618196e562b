package warden.kernel.api;

/**
 * Sabotage of the arrow "the kernel's api does not depend on its core": an api class using kernel.core.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageApiUsesCore {
    public static Object use() {
        return new warden.kernel.core.SabotageCoreTarget();
    }
}
