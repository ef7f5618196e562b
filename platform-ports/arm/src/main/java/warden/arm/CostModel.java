package warden.arm;

/**
 * Modeled virtual-time costs of monitor work on an Armv8-A PE, in core cycles turned into ns at
 * the platform clock — a model, not a measurement. Calibrated against the one published figure
 * the design brief cites: TF-A measures a fast SMC round trip (PSCI_VERSION) at 520-720 ns on Juno's
 * big cores; here exception entry + first-level handler + ERET = 60 + 480 + 40 cycles = 580 ns
 * at 1 GHz. A world switch saves and restores {@link ContextLayout#WORDS} context words and
 * programs the PE's TZC-400 regions over its APB programming interface (6 registers a region).
 *
 * @param cpuHz            core clock
 * @param entryCycles      exception entry to EL3 (vectoring, SP_EL3 switch)
 * @param eretCycles       ERET
 * @param handlerCycles    first-level handler (el3_entry context save of the caller-saved
 *                         registers) and the kernel's decode/invoke
 * @param switchCycles     save + restore of the whole context at a world switch
 * @param regionCycles     per TZC-400 region programmed at a world switch
 * @param accessCycles     one guest load/store/fetch
 */
public record CostModel(long cpuHz, int entryCycles, int eretCycles, int handlerCycles,
                        int switchCycles, int regionCycles, int accessCycles) {

    public static CostModel defaults(long cpuHz) {
        return new CostModel(cpuHz, 60, 40, 480, 260, 24, 1);
    }

    private long ns(long cycles) {
        return (cycles * 1_000_000_000L + cpuHz - 1) / cpuHz;
    }

    public long entryNs() { return ns(entryCycles); }
    public long eretNs() { return ns(eretCycles); }
    public long handlerNs() { return ns(handlerCycles); }
    public long accessNs() { return ns(accessCycles); }

    /** @return the cost of a world switch that programs {@code regions} TZC-400 regions. */
    public long switchNs(int regions) {
        return ns(switchCycles + (long) Math.max(regions, 0) * regionCycles);
    }
}
