package warden.riscv;

import warden.emu.Board;
import warden.emu.ConsoleLog;
import warden.emu.Executor;
import warden.emu.Isolation;
import warden.emu.IrqStats;
import warden.emu.PlatformDescription;
import warden.emu.Target;
import warden.emu.TraceRecorder;
import java.util.List;
import warden.kernel.api.SystemImage;
import warden.kernel.port.ProtectionUnit;
import warden.riscv.hw.Pmp;
import warden.riscv.hw.RiscvProtectionUnit;

/** The RISC-V target as the validator sees it: its board and a fresh PMP encoder to try. */
public final class RiscvTarget implements Target {
    private final RiscvPlatform platform;

    public RiscvTarget(RiscvPlatform platform) {
        this.platform = platform;
    }

    public RiscvTarget() {
        this(RiscvPlatform.virt());
    }

    public RiscvPlatform platform() {
        return platform;
    }

    @Override
    public PlatformDescription description() {
        return platform.description();
    }

    @Override
    public Board build(SystemImage image, Executor[] executors, ConsoleLog console, IrqStats irqStats,
                       TraceRecorder trace) {
        return new RiscvMachine(platform, image, executors, console, irqStats, trace);
    }

    @Override
    public ProtectionUnit newProtectionUnit() {
        return new RiscvProtectionUnit(new Pmp[0], platform.pmpEntries(), platform.pmpG());
    }

    /** PMP isolates every partition's regions from every other's: nothing to refuse beyond the PMP checks. */
    @Override
    public List<Isolation.Problem> isolationProblems(List<Isolation.Partition> partitions) {
        return List.of();
    }
}
