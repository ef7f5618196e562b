package warden.trace;

/**
 * Sabotage of the arrow "the trace engine depends on no other Warden package": the trace engine using the
 * kernel's api.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageTraceUsesKernel {
    public static Object use() {
        return new warden.kernel.api.SabotageApiTarget();
    }
}
