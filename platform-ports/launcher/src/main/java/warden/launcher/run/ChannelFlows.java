package warden.launcher.run;

import warden.emu.TraceRecorder;
import warden.kernel.api.ChannelStat;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Platform;

/**
 * The kernel's trap entry as a traced run's ports see it: every entry goes to the kernel
 * unchanged; an accepted channel call adds flow arrows to the timeline, one per frame, from the
 * CHANNEL_SEND that published it (on the sender's core) to the CHANNEL_RECEIVE that consumed it (on
 * the receiver's core). A frame is named by its channel, the channel's reset count (the kernel's
 * {@code resets} statistic, so the counts starting over after an endpoint's restart make new
 * arrows) and its count. Used only with {@code --trace}: untraced runs give the ports the kernel
 * itself.
 *
 * [impl->dsn~channel.trace-flows~1]
 */
final class ChannelFlows implements TrapEntry {
    private final Monitor kernel;
    private final Platform platform;
    private final SystemImage image;
    private final TraceRecorder trace;
    private final long[] published;
    private final long[] consumed;
    private final long[] epoch;

    ChannelFlows(Monitor kernel, Platform platform, SystemImage image, TraceRecorder trace) {
        this.kernel = kernel;
        this.platform = platform;
        this.image = image;
        this.trace = trace;
        int n = image.channelTotal();
        published = new long[n];
        consumed = new long[n];
        epoch = new long[n];
    }

    @Override
    public int onMonitorCall(int core, int callId) {
        boolean channelCall = callId == MonitorCall.CHANNEL_SEND || callId == MonitorCall.CHANNEL_RECEIVE;
        long channel = channelCall ? platform.cpu().callArg(core, 0) : -1;
        long count = channelCall ? platform.cpu().callArg(core, 1) : 0;
        int st = kernel.onMonitorCall(core, callId);
        if (st == Status.OK && channelCall) {
            frames(core, callId == MonitorCall.CHANNEL_SEND, (int) channel, count);
        }
        return st;
    }

    /** The frames an accepted send published (arrow starts) or an accepted receive consumed (ends). */
    private void frames(int core, boolean send, int c, long count) {
        long resets = kernel.channelStat(c, ChannelStat.RESETS);
        if (resets != epoch[c]) {
            epoch[c] = resets;
            published[c] = 0;
            consumed[c] = 0;
        }
        long from = send ? published[c] : consumed[c];
        long now = platform.timer().now(core);
        String name = image.channelName(c);
        for (long k = from + 1; k <= count; k++) {
            trace.flow(send, core, name, c + "." + resets + "." + k, now);
        }
        if (send) {
            published[c] = Math.max(published[c], count);
        } else {
            consumed[c] = Math.max(consumed[c], count);
        }
    }

    @Override
    public int onAccessFault(int core, int access, long address) {
        return kernel.onAccessFault(core, access, address);
    }

    @Override
    public int onIllegalInstruction(int core, long pc) {
        return kernel.onIllegalInstruction(core, pc);
    }

    @Override
    public int onExternalInterrupt(int core) {
        return kernel.onExternalInterrupt(core);
    }

    @Override
    public int onTimer(int core) {
        return kernel.onTimer(core);
    }
}
