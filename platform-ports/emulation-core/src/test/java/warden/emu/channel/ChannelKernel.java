package warden.emu.channel;

import warden.kernel.api.ChannelLayout;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;

/**
 * A test double of the kernel's side of the channel contract and of the memory that holds the
 * rings: 8-byte words, the sender's view read-write, the receiver's read-only, nothing else
 * mapped. It checks the callers' roles and counts as the contract says and records doorbells and
 * reported failures.
 */
public final class ChannelKernel {
    public static final int SENDER = 1;
    public static final int RECEIVER = 2;

    public final long base;
    public final long[] words;
    final int channels;
    final int[] slotSize;
    final int[] slotCount;
    final int[] policy;
    final int[] dataId;
    final long[] maxAge;
    final int[] window;
    /** The CRC width of every channel of this kernel. */
    final int crcBits;
    public final long[] ringBase;
    final long[] published;
    final long[] consumed;
    public final long[] doorbells;
    public long failuresReported;
    public long lastFailureCode;
    public long lastFailureArg;
    long now;
    /** A CHANNEL_INFO field the kernel refuses (tests of discovery), or -1. */
    int refuseField = -1;

    /** One channel per entry; rings laid out one after another from {@code base}. */
    public ChannelKernel(long base, int[] slotSize, int[] slotCount, int[] policy, int[] dataId, long[] maxAge,
                         int[] window) {
        this(base, slotSize, slotCount, policy, dataId, maxAge, window, ChannelLayout.CRC32);
    }

    /** One channel per entry, all with CRCs of {@code crcBits}. */
    public ChannelKernel(long base, int[] slotSize, int[] slotCount, int[] policy, int[] dataId, long[] maxAge,
                         int[] window, int crcBits) {
        this.crcBits = crcBits;
        this.base = base;
        this.channels = slotSize.length;
        this.slotSize = slotSize;
        this.slotCount = slotCount;
        this.policy = policy;
        this.dataId = dataId;
        this.maxAge = maxAge;
        this.window = window;
        ringBase = new long[channels];
        published = new long[channels];
        consumed = new long[channels];
        doorbells = new long[channels];
        long at = base;
        for (int c = 0; c < channels; c++) {
            ringBase[c] = at;
            at += (long) Frame.stride(slotSize[c], crcBits) * slotCount[c];
        }
        words = new long[(int) ((at - base) / 8)];
    }

    static ChannelKernel single(int slotSize, int slots, int policy, int dataId, long maxAge, int window) {
        return new ChannelKernel(0x8000_0000L, new int[] {slotSize}, new int[] {slots}, new int[] {policy},
            new int[] {dataId}, new long[] {maxAge}, new int[] {window});
    }

    static ChannelKernel single(int slotSize, int slots, int policy, int dataId, long maxAge, int window, int crcBits) {
        return new ChannelKernel(0x8000_0000L, new int[] {slotSize}, new int[] {slots}, new int[] {policy},
            new int[] {dataId}, new long[] {maxAge}, new int[] {window}, crcBits);
    }

    public int channelAt(long address) {
        for (int c = 0; c < channels; c++) {
            long end = ringBase[c] + (long) Frame.stride(slotSize[c], crcBits) * slotCount[c];
            if (address >= ringBase[c] && address < end) {
                return c;
            }
        }
        return -1;
    }

    long info(int c, int role, int field) {
        switch (field) {
            case ChannelCalls.INFO_BASE: return ringBase[c];
            case ChannelCalls.INFO_SLOT_SIZE: return slotSize[c];
            case ChannelCalls.INFO_SLOT_COUNT: return slotCount[c];
            case ChannelCalls.INFO_ROLE: return role;
            case ChannelCalls.INFO_DATA_ID: return dataId[c];
            case ChannelCalls.INFO_MAX_AGE: return maxAge[c];
            case ChannelCalls.INFO_COUNTER_WINDOW: return window[c];
            case ChannelCalls.INFO_STRIDE: return Frame.stride(slotSize[c], crcBits);
            case ChannelCalls.INFO_POLICY: return policy[c];
            case ChannelCalls.INFO_DOORBELL: return 40 + c;
            case ChannelCalls.INFO_CRC: return crcBits;
            default: return -1;
        }
    }

    /** A monitor call of a caller that has {@code roles[c]} on channel c (0: none). */
    public int call(int[] roles, int id, long a0, long a1, long[] value) {
        if (id == MonitorCall.REPORT_FAILURE) {
            failuresReported++;
            lastFailureCode = a0;
            lastFailureArg = a1;
            return Status.OK;
        }
        if (a0 < 0 || a0 >= channels || roles[(int) a0] == 0) {
            return Status.DENIED;
        }
        int c = (int) a0;
        if (id == ChannelCalls.CHANNEL_INFO) {
            if (a1 < 0 || a1 >= ChannelCalls.INFO_FIELDS || a1 == refuseField) {
                return Status.INVALID_PARAM;
            }
            value[0] = info(c, roles[c], (int) a1);
            return Status.OK;
        }
        if (id == ChannelCalls.CHANNEL_SEND && roles[c] == SENDER) {
            if (a1 < published[c] || a1 - published[c] > slotCount[c]) {
                return Status.INVALID_PARAM;
            }
            published[c] = a1;
            doorbells[c]++;
            value[0] = consumed[c];
            return Status.OK;
        }
        if (id == ChannelCalls.CHANNEL_RECEIVE && roles[c] == RECEIVER) {
            if (a1 > published[c] || a1 < consumed[c]) {
                return Status.INVALID_PARAM;
            }
            consumed[c] = a1;
            value[0] = published[c];
            return Status.OK;
        }
        return Status.DENIED;
    }

    /** What the kernel does when an end of channel {@code c} restarts: both counts back to 0. */
    public void reset(int c) {
        published[c] = 0;
        consumed[c] = 0;
    }
}
