package warden.emu;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * A GuestCpu for guest-model tests: time advances as the model computes, memory accesses below
 * {@link #deniedFrom} succeed, monitor calls are recorded, and YIELD detaches the model.
 */
class FakeCpu implements GuestCpu {
    long time;
    long until = Long.MAX_VALUE;
    boolean attached = true;
    long deniedFrom = Long.MAX_VALUE;
    final List<String> calls = new ArrayList<>();
    long timerDeadline = -1;
    int lastCause;
    long lastValue;
    final java.util.Map<Long, Long> memory = new java.util.HashMap<>();

    @Override public int core() { return 0; }
    @Override public long now() { return time; }
    @Override public void advance(long ns) { time += ns; }
    @Override public long lastValue() { return lastValue; }
    @Override public int lastFaultCause() { return lastCause; }
    @Override public String causeName(int cause) { return "cause " + cause; }
    @Override public boolean attached() { return attached; }

    @Override
    public long budget() {
        long stop = timerDeadline >= 0 ? Math.min(until, timerDeadline) : until;
        return attached ? Math.max(0, stop - time) : 0;
    }

    private int access(long address, int cause) {
        if (address >= deniedFrom) {
            lastCause = cause;
            return FAULT;
        }
        return OK;
    }

    @Override
    public int load(long address, int size) {
        int r = access(address, 5);
        lastValue = memory.getOrDefault(address, 0L);
        return r;
    }

    @Override
    public int store(long address, int size, long value) {
        int r = access(address, 7);
        if (r == OK) {
            memory.put(address, value);
        }
        return r;
    }
    @Override public int fetch(long address) { return access(address, 1); }

    /** The fake ABI's not-supported code; {@link #misanswers} makes unknown calls return 0 instead. */
    static final long NOT_SUPPORTED = -7;
    boolean misanswers;
    final List<long[]> rawCalls = new ArrayList<>();

    /** A toy convention: function 0 with a kernel id calls it, anything else is unknown. */
    @Override
    public int rawCallTarget(long id, long function) {
        return function == 0 && id >= 0 && id < MonitorCall.COUNT ? (int) id : MonitorCall.UNKNOWN;
    }

    @Override
    public long rawCall(long id, long function, long[] args) {
        rawCalls.add(new long[] {id, function, args[0], args[6]});
        int target = rawCallTarget(id, function);
        if (target == MonitorCall.UNKNOWN) {
            calls.add("UNKNOWN@" + time);
            return misanswers ? 0 : NOT_SUPPORTED;
        }
        return call(target, args[0], args[1]);
    }

    @Override public long notSupportedCode() { return NOT_SUPPORTED; }

    @Override
    public long[] callIds() {
        return new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0xFF};
    }

    /** Arguments of the last call with an argument array. */
    long[] lastArgs = new long[0];

    @Override
    public int call(int callId, long[] args) {
        lastArgs = args.clone();
        return call(callId, args.length > 0 ? args[0] : 0, args.length > 1 ? args[1] : 0);
    }

    @Override
    public int call(int callId, long arg0, long arg1) {
        calls.add(MonitorCall.name(callId) + "@" + time);
        if (callId == MonitorCall.YIELD) {
            attached = false;
        } else if (callId == MonitorCall.SET_TIMER) {
            timerDeadline = arg0;
        }
        return Status.OK;
    }
}
