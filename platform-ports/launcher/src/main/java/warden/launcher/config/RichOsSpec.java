package warden.launcher.config;

/**
 * A rich OS under load: boot work, timer tick, compute bursts and idle gaps drawn uniformly from
 * [min, max], an optional interrupt service routine (null when absent) and optional CAN
 * transmissions through the monitor (null when absent).
 */
public record RichOsSpec(long bootNs, long tickNs, long burstMinNs, long burstMaxNs, long idleMinNs,
                         long idleMaxNs, IsrSpec isr, Loc loc, CanTxSpec canTx) implements WorkloadSpec {
    /** A rich OS without CAN transmissions. */
    public RichOsSpec(long bootNs, long tickNs, long burstMinNs, long burstMaxNs, long idleMinNs, long idleMaxNs,
                      IsrSpec isr, Loc loc) {
        this(bootNs, tickNs, burstMinNs, burstMaxNs, idleMinNs, idleMaxNs, isr, loc, null);
    }
}
