package warden.riscv;

/**
 * Modeled virtual-time costs of monitor work on a RISC-V hart, in core cycles turned into ns at
 * the platform clock. These are a model, not a measurement of any chip: the trap and mret costs
 * are in the range published for in-order cores, and the world switch is charged per register and
 * per PMP entry written. They make latencies visible and deterministic; they are parameters.
 *
 * @param cpuHz              core clock
 * @param trapEntryCycles    pipeline flush and vectoring into mtvec
 * @param trapReturnCycles   mret
 * @param handlerCycles      first-level handler and kernel decode/invoke
 * @param switchCycles       save + restore of 31 GPRs and 8 S-mode CSRs
 * @param pmpEntryCycles     per PMP entry written at a world switch
 * @param accessCycles       one guest load/store/fetch
 */
public record CostModel(long cpuHz, int trapEntryCycles, int trapReturnCycles, int handlerCycles,
                        int switchCycles, int pmpEntryCycles, int accessCycles) {

    public static CostModel defaults(long cpuHz) {
        return new CostModel(cpuHz, 40, 20, 120, 160, 8, 1);
    }

    private long ns(long cycles) {
        return (cycles * 1_000_000_000L + cpuHz - 1) / cpuHz;
    }

    public long trapEntryNs() { return ns(trapEntryCycles); }
    public long trapReturnNs() { return ns(trapReturnCycles); }
    public long handlerNs() { return ns(handlerCycles); }
    public long accessNs() { return ns(accessCycles); }

    public long switchNs(int pmpEntries) {
        return ns(switchCycles + (long) pmpEntries * pmpEntryCycles);
    }
}
