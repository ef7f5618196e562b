package warden.emu.guest;

import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.kernel.api.Access;
import warden.kernel.api.MonitorCall;

/**
 * A probe: after an optional start delay it performs a listed sequence of accesses (address, size,
 * read/write/execute) and records, for each, whether it succeeded or faulted and with which
 * architectural cause. Then it idles. It is how isolation is shown, not claimed.
 *
 * [impl->dsn~emu.guest.probe~1]
 */
public final class ProbeGuest implements Executor, warden.emu.Restartable {
    /** Access outcome: not yet performed. */
    public static final int PENDING = 0;
    public static final int ALLOWED = 1;
    public static final int DENIED = 2;
    private static final long ACCESS_NS = 20;

    private final long startNs;
    private final long[] address;
    private final int[] size;
    private final int[] access;
    private final int[] outcome;
    private final int[] cause;
    private final String[] causeName;
    private final long[] when;
    private int next;
    private boolean started;
    private boolean waitingStart;
    private long faults;

    public ProbeGuest(long startNs, long[] address, int[] size, int[] access) {
        this.startNs = startNs;
        this.address = address.clone();
        this.size = size.clone();
        this.access = access.clone();
        int n = address.length;
        outcome = new int[n];
        cause = new int[n];
        causeName = new String[n];
        when = new long[n];
    }

    @Override
    public String kind() {
        return "probe";
    }

    @Override
    public int run(GuestCpu cpu) {
        for (long budget = cpu.budget(); budget > 0; budget = cpu.budget()) {
            if (!started) {
                started = true;
                cpu.call(MonitorCall.HEARTBEAT, 0, 0);
                if (startNs > cpu.now()) {
                    waitingStart = true;
                    cpu.call(MonitorCall.SET_TIMER, startNs, 0);
                    cpu.call(MonitorCall.YIELD, 0, 0);
                }
            } else if (waitingStart) {
                cpu.call(MonitorCall.YIELD, 0, 0);
            } else if (next < address.length) {
                probe(cpu, next++);
            } else {
                cpu.call(MonitorCall.YIELD, 0, 0);
            }
        }
        return cpu.attached() ? EXIT_BUDGET : EXIT_DETACHED;
    }

    private void probe(GuestCpu cpu, int i) {
        cpu.advance(ACCESS_NS);
        when[i] = cpu.now();
        int r;
        if (access[i] == Access.EXECUTE) {
            r = cpu.fetch(address[i]);
        } else if (access[i] == Access.WRITE) {
            r = cpu.store(address[i], size[i], 0xA5A5A5A5A5A5A5A5L);
        } else {
            r = cpu.load(address[i], size[i]);
        }
        if (r == GuestCpu.OK) {
            outcome[i] = ALLOWED;
        } else {
            outcome[i] = DENIED;
            cause[i] = cpu.lastFaultCause();
            causeName[i] = cpu.causeName(cause[i]);
        }
    }

    @Override
    public void onInterrupt(int line, long nowNs) {
    }

    @Override
    public void onTimer(long nowNs) {
        if (nowNs >= startNs) {
            waitingStart = false;
        }
    }

    @Override
    public void onFault(int c, long addr, long nowNs) {
        faults++;
    }

    /** Starts its list again from the first access; outcomes already recorded are kept. */
    @Override
    public void restart(long nowNs) {
        next = 0;
        started = false;
        waitingStart = false;
    }

    public int count() { return address.length; }
    public long address(int i) { return address[i]; }
    public int size(int i) { return size[i]; }
    public int access(int i) { return access[i]; }
    public int outcome(int i) { return outcome[i]; }
    public int cause(int i) { return cause[i]; }
    public String causeName(int i) { return causeName[i]; }
    public long when(int i) { return when[i]; }
    public long faults() { return faults; }
}
