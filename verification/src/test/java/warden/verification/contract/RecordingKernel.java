package warden.verification.contract;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Platform;

/** A stand-in kernel that records every entry a port makes, and answers calls as told. */
final class RecordingKernel implements TrapEntry {
    final List<String> entries = new ArrayList<>();
    Platform platform;
    int answerStatus;
    long answerValue;
    long[] lastArgs = new long[6];
    /** Runs once inside the next monitor call, after its result is set (a world switch, say). */
    Runnable duringCall;

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

    String last() {
        return entries.isEmpty() ? "" : entries.get(entries.size() - 1);
    }
}
