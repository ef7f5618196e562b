package warden.x86;

/**
 * Modeled virtual-time costs of SMM on an x86 core, in core cycles turned into ns at the platform
 * clock. A model, not a measurement of any part: SMI entry writes the 512-byte save map and
 * reloads the SMM execution environment (Intel SDM Vol. 3C §34.5.1, Table 34-4), RSM reads it back
 * and checks it; the rendezvous is the time the SMI handler waits for every core to arrive in SMM
 * before it acts, as firmware SMI dispatchers do. They make the rich OS's stall visible and
 * deterministic; they are parameters.
 *
 * @param cpuHz             core clock
 * @param smiEntryCycles    SMI recognition, save-state write, SMM environment load
 * @param rsmCycles         RSM: save-state read, checks, resume
 * @param rendezvousCycles  all cores check in before the handler acts, and are released after
 * @param handlerCycles     SMI source decode and the kernel's decode/invoke
 * @param switchCycles      context copy of a world switch
 * @param syscallCycles     SYSCALL/SYSRET between the critical partition (CPL 3) and the monitor in SMM
 * @param accessCycles      one guest load/store/fetch
 */
public record CostModel(long cpuHz, int smiEntryCycles, int rsmCycles, int rendezvousCycles, int handlerCycles,
                        int switchCycles, int syscallCycles, int accessCycles) {

    public static CostModel defaults(long cpuHz) {
        return new CostModel(cpuHz, 4000, 3000, 2000, 600, 400, 200, 1);
    }

    private long ns(long cycles) {
        return (cycles * 1_000_000_000L + cpuHz - 1) / cpuHz;
    }

    public long smiEntryNs() { return ns(smiEntryCycles); }
    public long rsmNs() { return ns(rsmCycles); }
    public long rendezvousNs() { return ns(rendezvousCycles); }
    public long handlerNs() { return ns(handlerCycles); }
    public long switchNs() { return ns(switchCycles); }
    public long syscallNs() { return ns(syscallCycles); }
    public long accessNs() { return ns(accessCycles); }
}
