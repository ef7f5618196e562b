package warden.emu;

import warden.emu.channel.ChannelKernel;
import warden.kernel.api.MonitorCall;

/**
 * A FakeCpu whose ring addresses and channel calls go to a shared {@link ChannelKernel} (with this
 * partition's roles); everything else behaves as in FakeCpu.
 */
final class ChannelFakeCpu extends FakeCpu {
    private final ChannelKernel kernel;
    private final int[] roles;
    private final long[] value = new long[1];
    long ringFaults;

    ChannelFakeCpu(ChannelKernel kernel, int... roles) {
        this.kernel = kernel;
        this.roles = roles;
    }

    private int word(long address) {
        int c = kernel.channelAt(address);
        return c < 0 ? -2 : roles[c] == 0 || (address & 7) != 0 ? -1 : (int) ((address - kernel.base) >>> 3);
    }

    @Override
    public int load(long address, int size) {
        int w = word(address);
        if (w == -2) {
            return super.load(address, size);
        }
        if (w < 0) {
            ringFaults++;
            return FAULT;
        }
        lastValue = kernel.words[w];
        return OK;
    }

    @Override
    public int store(long address, int size, long v) {
        int w = word(address);
        if (w == -2) {
            return super.store(address, size, v);
        }
        if (w < 0 || roles[kernel.channelAt(address)] != ChannelKernel.SENDER) {
            ringFaults++;
            return FAULT;
        }
        kernel.words[w] = v;
        return OK;
    }

    @Override
    public int call(int callId, long arg0, long arg1) {
        if (callId >= 12 && callId <= 14 || callId == MonitorCall.REPORT_FAILURE) {
            calls.add((callId == MonitorCall.REPORT_FAILURE ? "REPORT_FAILURE" : "CHANNEL" + callId) + "@" + time);
            int status = kernel.call(roles, callId, arg0, arg1, value);
            lastValue = value[0];
            return status;
        }
        return super.call(callId, arg0, arg1);
    }
}
