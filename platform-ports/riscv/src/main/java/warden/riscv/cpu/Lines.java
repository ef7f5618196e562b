package warden.riscv.cpu;

/**
 * The interrupt lines a board wires to a hart's mip (MSIP, MTIP, MEIP from CLINT and PLIC) and
 * the next instant a line may rise without an instruction's doing.
 */
public interface Lines {
    /** @return the mip bits the devices drive at {@code nowNs}. */
    long pending(long nowNs);

    /** @return the earliest virtual ns at which a line may change on its own; MAX_VALUE if never. */
    long nextEventNs();
}
