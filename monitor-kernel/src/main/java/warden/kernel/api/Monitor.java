package warden.kernel.api;

import warden.kernel.core.EventLog;
import warden.kernel.core.ImageCheck;
import warden.kernel.core.Kernel;
import warden.kernel.core.Scheduler;
import warden.kernel.port.Platform;
import warden.kernel.api.rules.BootPhase;

/**
 * The kernel's public face: create it on a platform, {@link #boot} a {@link SystemImage},
 * {@link #start} the mission, and hand it to the port as its {@link TrapEntry}. The read-only
 * queries serve reports and tests; none of them allocates.
 */
public final class Monitor implements TrapEntry {
    private final Kernel kernel;

    public Monitor(Platform platform) {
        this.kernel = new Kernel(platform);
    }

    /** Validates, allocates, programs and seals. @return Status.OK or an error. */
    @BootPhase
    public int boot(SystemImage image) { return kernel.boot(image); }

    /** Starts the mission phase: every core runs its most critical partition. */
    public int start() { return kernel.start(); }

    /** @return the ImageCheck code of the last boot's check (ImageCheck.OK = 0). */
    public int imageCheckCode() { return kernel.imageCheck().lastCode(); }

    @Override public int onMonitorCall(int core, int callId) { return kernel.onMonitorCall(core, callId); }
    @Override public int onAccessFault(int core, int access, long address) { return kernel.onAccessFault(core, access, address); }
    @Override public int onIllegalInstruction(int core, long pc) { return kernel.onIllegalInstruction(core, pc); }
    @Override public int onExternalInterrupt(int core) { return kernel.onExternalInterrupt(core); }
    @Override public int onTimer(int core) { return kernel.onTimer(core); }

    public boolean sealed() { return kernel.sealed(); }
    /** Fault injection (campaigns, tests): flips a bit of a saved vCPU context; see Kernel#upsetSavedContext. */
    public int upsetSavedContext(int p, int core, int word, int bit) { return kernel.upsetSavedContext(p, core, word, bit); }
    public long counter(int id) { return kernel.counter(id); }
    public int partitionState(int p) { return kernel.partitionState(p); }
    public long bootTimeNs(int p) { return kernel.bootTimeNs(p); }
    public long lastHeartbeatNs(int p) { return kernel.lastHeartbeatNs(p); }
    public int restarts(int p) { return kernel.restarts(p); }
    /** @return true once the health monitor brought the system to its safe state. */
    public boolean inSafeState() { return kernel.inSafeState(); }
    /** @return the partition running on core, or SystemImage.NO_PARTITION. */
    public int running(int core) { return kernel.scheduler().running(core); }
    /** @return the scheduler state of p's vCPU on core (Scheduler.READY, WAITING, ...). */
    public int vcpuState(int p, int core) { return kernel.scheduler().state(p, core); }
    /** @return how many interrupts are held for p's vCPU on core. */
    public int heldInterrupts(int p, int core) { return kernel.scheduler().pendingCount(p, core); }
    public EventLog events() { return kernel.eventLog(); }
    /** @return the kernel's event log as a read-only api view (for ports and reports). */
    public EventRecords eventRecords() { return kernel.eventLog(); }
    /** @return the name of an ImageCheck code ("OK", "REGION_OVERLAP", ...), or "?". */
    public static String imageCheckName(int code) { return ImageCheck.name(code); }
    public ImageCheck imageCheck() { return kernel.imageCheck(); }
    public static final int VCPU_READY = Scheduler.READY;
    public static final int VCPU_WAITING = Scheduler.WAITING;
}
