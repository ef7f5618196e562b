package warden.emu.channel;

import warden.emu.GuestCpu;

/**
 * A GuestCpu of one partition over a {@link ChannelKernel}: time is the kernel's shared clock,
 * accesses are 8-byte aligned words of the rings and checked against this partition's roles
 * (sender: read-write, receiver: read-only, none: nothing), monitor calls go to the kernel double.
 */
final class ChannelCpu implements GuestCpu {
    final ChannelKernel kernel;
    final int[] roles;
    private final long[] value = new long[1];
    long loads;
    long stores;
    long faults;
    long calls;
    int lastCause;
    /** Accesses at or above these addresses fault (a protection unit that refuses part of the ring). */
    long denyLoadsFrom = Long.MAX_VALUE;
    long denyStoresFrom = Long.MAX_VALUE;

    ChannelCpu(ChannelKernel kernel, int... roles) {
        this.kernel = kernel;
        this.roles = roles;
    }

    @Override public int core() { return 0; }
    @Override public long now() { return kernel.now; }
    @Override public long budget() { return Long.MAX_VALUE; }
    @Override public void advance(long ns) { kernel.now += ns; }
    @Override public long lastValue() { return value[0]; }
    @Override public int lastFaultCause() { return lastCause; }
    @Override public String causeName(int cause) { return "cause " + cause; }
    @Override public boolean attached() { return true; }
    @Override public int fetch(long address) { return fault(1); }

    private int fault(int cause) {
        faults++;
        lastCause = cause;
        return FAULT;
    }

    private int word(long address, int size) {
        int c = kernel.channelAt(address);
        if (c < 0 || roles[c] == 0 || size != 8 || (address & 7) != 0) {
            return -1;
        }
        return (int) ((address - kernel.base) >>> 3);
    }

    @Override
    public int load(long address, int size) {
        int w = word(address, size);
        if (w < 0 || address >= denyLoadsFrom) {
            return fault(5);
        }
        loads++;
        value[0] = kernel.words[w];
        return OK;
    }

    @Override
    public int store(long address, int size, long v) {
        int w = word(address, size);
        if (w < 0 || roles[kernel.channelAt(address)] != ChannelKernel.SENDER || address >= denyStoresFrom) {
            return fault(7);
        }
        stores++;
        kernel.words[w] = v;
        return OK;
    }

    @Override
    public int call(int callId, long arg0, long arg1) {
        calls++;
        return kernel.call(roles, callId, arg0, arg1, value);
    }

    @Override
    public int call(int callId, long[] args) {
        return call(callId, args.length > 0 ? args[0] : 0, args.length > 1 ? args[1] : 0);
    }

    /** Raw calls: this double's convention is the kernel's own ids, function 0, two arguments. */
    @Override
    public int rawCallTarget(long id, long function) {
        return function == 0 && id >= 0 && id < warden.kernel.api.MonitorCall.COUNT ? (int) id
                : warden.kernel.api.MonitorCall.UNKNOWN;
    }

    @Override
    public long rawCall(long id, long function, long[] args) {
        int target = rawCallTarget(id, function);
        return target == warden.kernel.api.MonitorCall.UNKNOWN ? notSupportedCode()
                : call(target, args.length > 0 ? args[0] : 0, args.length > 1 ? args[1] : 0);
    }

    @Override public long notSupportedCode() { return warden.kernel.api.Status.NOT_SUPPORTED; }

    @Override
    public long[] callIds() {
        return new long[] {warden.kernel.api.MonitorCall.CHANNEL_SEND, warden.kernel.api.MonitorCall.CHANNEL_RECEIVE,
            warden.kernel.api.MonitorCall.CHANNEL_INFO};
    }
}
