package warden.launcher.config;

/**
 * A rich OS under load: boot work, timer tick, compute bursts and idle gaps drawn uniformly from
 * [min, max], and an optional interrupt service routine (null when absent).
 */
public record RichOsSpec(long bootNs, long tickNs, long burstMinNs, long burstMaxNs, long idleMinNs,
                         long idleMaxNs, IsrSpec isr, Loc loc) implements WorkloadSpec {
}
