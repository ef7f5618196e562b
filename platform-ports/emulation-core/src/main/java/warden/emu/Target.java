package warden.emu;

import warden.kernel.api.SystemImage;

/** A target architecture: what the validator needs, and a factory for its boards. */
public interface Target extends TargetInfo {
    /**
     * Builds a board for {@code image}. {@code executors} has one entry per vCPU at index
     * {@code partition * cores + core} (null where the partition does not run).
     */
    Board build(SystemImage image, Executor[] executors, ConsoleLog console, IrqStats irqStats, TraceRecorder trace);
}
