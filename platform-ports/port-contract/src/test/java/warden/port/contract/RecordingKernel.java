package warden.port.contract;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Platform;

/**
 * A stand-in kernel for the port contract suite: it records every entry a port makes (as text,
 * e.g. {@code "call 0 3"}, {@code "fault 0 1 0x80000000"}, {@code "irq 0 10"}, {@code "timer 0 @50000"}),
 * reads a call's six arguments through the port, answers calls as told, claims and completes
 * external interrupts, disarms the timer it was entered for and redirects every access fault
 * to the guest. It guarantees nothing beyond recording: it is a probe of the port, not a kernel.
 */
public final class RecordingKernel implements TrapEntry {
    final List<String> entries = new ArrayList<>();
    final long[] lastArgs = new long[6];
    private final Platform platform;
    private int answerStatus;
    private long answerValue;
    /** Runs once inside the next monitor call, after its result is set (a world switch, say). */
    private Runnable duringCall;

    /** @param platform the port under test, whose SPI the stand-in calls back */
    public RecordingKernel(Platform platform) {
        this.platform = platform;
    }

    /** Answers the following monitor calls with {@code status} and {@code value}. */
    public void answer(int status, long value) {
        answerStatus = status;
        answerValue = value;
    }

    /** Runs {@code action} once inside the next monitor call, after its result is set. */
    public void duringNextCall(Runnable action) {
        duringCall = action;
    }

    /** @return argument {@code i} (0..5) of the last monitor call, as the port's callArg gave it. */
    public long lastArg(int i) {
        return lastArgs[i];
    }

    /** @return every entry recorded so far, oldest first (a live view). */
    public List<String> entries() {
        return entries;
    }

    @Override
    public int onMonitorCall(int core, int callId) {
        for (int i = 0; i < 6; i++) {
            lastArgs[i] = platform.cpu().callArg(core, i);
        }
        entries.add("call " + core + " " + callId);
        platform.cpu().setCallResult(core, answerStatus, answerValue);
        if (duringCall != null) {
            Runnable once = duringCall;
            duringCall = null;
            once.run();
        }
        return answerStatus;
    }

    @Override
    public int onAccessFault(int core, int access, long address) {
        entries.add("fault " + core + " " + access + " 0x" + Long.toHexString(address));
        platform.cpu().redirectFault(core);
        return 0;
    }

    @Override
    public int onIllegalInstruction(int core, long pc) {
        entries.add("illegal " + core);
        return 0;
    }

    @Override
    public int onExternalInterrupt(int core) {
        int line = platform.interrupts().claim(core);
        entries.add("irq " + core + " " + line);
        if (line > 0) {
            platform.interrupts().complete(core, line);
        }
        return 0;
    }

    @Override
    public int onTimer(int core) {
        entries.add("timer " + core + " @" + platform.timer().now(core));
        platform.timer().setDeadline(core, warden.kernel.port.Timer.NEVER);
        return 0;
    }

    /** @return the entry recorded last, or "" when none. */
    public String last() {
        return entries.isEmpty() ? "" : entries.get(entries.size() - 1);
    }
}
