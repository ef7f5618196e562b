package warden.kernel.core;

/**
 * Sabotage of the arrow "the kernel depends on java.base and itself only": a kernel class using {@code
 * java.sql}, a JDK module other than java.base.
 * Lives in verification's test tree only (never in a production jar); see
 * {@code warden.verification.rules.ArchitectureSabotageTest}.
 */
public final class SabotageKernelUsesJavaSql {
    public static Object use() {
        return new java.sql.Timestamp(0L);
    }
}
