package warden.arm;

import warden.arm.hw.ArmProtectionUnit;
import warden.arm.hw.TransactionSecurity;
import warden.arm.hw.Tzc400;
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

/**
 * The Arm target as the validator sees it: its board and a fresh TZC-400 protection unit to try
 * each partition's regions on (4 KiB granule, 8 regions, no overlap), and the factory of boards.
 *
 * [impl->dsn~arm.scenarios~1]
 */
public final class ArmTarget implements Target {
    private final ArmPlatform platform;

    public ArmTarget(ArmPlatform platform) {
        this.platform = platform;
    }

    public ArmTarget() {
        this(ArmPlatform.virt());
    }

    public ArmPlatform platform() {
        return platform;
    }

    @Override
    public PlatformDescription description() {
        return platform.description();
    }

    @Override
    public Board build(SystemImage image, Executor[] executors, ConsoleLog console, IrqStats irqStats,
                       TraceRecorder trace) {
        return new ArmMachine(platform, image, executors, console, irqStats, trace);
    }

    @Override
    public ProtectionUnit newProtectionUnit() {
        return new ArmProtectionUnit(new Tzc400[0], new TransactionSecurity(), platform.nsaid());
    }

    /**
     * What one TZASC shared by all PEs, as real SoCs have, could not separate: a second partition
     * in the Secure or in the Non-secure world ({@link ArmIsolationRules}).
     */
    @Override
    public List<Isolation.Problem> isolationProblems(List<Isolation.Partition> partitions) {
        return ArmIsolationRules.check(partitions);
    }
}
