package warden.x86;

import java.util.List;
import warden.emu.Board;
import warden.emu.ConsoleLog;
import warden.emu.Executor;
import warden.emu.IrqStats;
import warden.emu.Isolation;
import warden.emu.PlatformDescription;
import warden.emu.Target;
import warden.emu.TraceRecorder;
import warden.kernel.api.SystemImage;
import warden.kernel.port.ProtectionUnit;
import warden.x86.hw.X86ProtectionUnit;

/**
 * The x86 target as the validator sees it: its board, a fresh SMRR/SMM-paging protection unit to
 * try each partition's regions on, and the isolation rules this target adds
 * ({@link X86IsolationRules}).
 */
public final class X86Target implements Target {
    private final X86Platform platform;

    public X86Target(X86Platform platform) {
        this.platform = platform;
    }

    public X86Target() {
        this(X86Platform.q35Like());
    }

    public X86Platform platform() {
        return platform;
    }

    @Override
    public PlatformDescription description() {
        return platform.description();
    }

    @Override
    public Board build(SystemImage image, Executor[] executors, ConsoleLog console, IrqStats irqStats,
                       TraceRecorder trace) {
        return new X86Machine(platform, image, executors, console, irqStats, trace);
    }

    @Override
    public ProtectionUnit newProtectionUnit() {
        return new X86ProtectionUnit(platform.smramBase(), platform.smramSize(), platform.smbases(), null);
    }

    @Override
    public List<Isolation.Problem> isolationProblems(List<Isolation.Partition> partitions) {
        return X86IsolationRules.check(platform, partitions);
    }
}
