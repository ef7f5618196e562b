package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.Isolation;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;

/**
 * Asks the target which isolation between partitions it cannot give (beyond what one partition's
 * regions on a fresh protection unit show: for example x86 without VT-x/EPT cannot keep two
 * non-critical partitions apart nor restrict a non-critical region's access, and one Arm TZASC
 * cannot keep two partitions of one world apart) and reports each refusal at the partition,
 * region or device. Regions go with their declared access, device windows as read/write.
 *
 * [impl->dsn~config.check.isolation~2]
 */
final class IsolationChecks {
    /** The access a device's MMIO window is given (the format has no access key for devices). */
    private static final int DEVICE = Access.READ | Access.WRITE;

    private IsolationChecks() {
    }

    static void check(SystemDescription d, TargetInfo target, List<Problem> out) {
        PlatformDescription p = target.description();
        List<Isolation.Partition> parts = new ArrayList<>();
        for (PartitionSpec ps : d.partitions()) { // at most 16
            List<Isolation.Window> memory = new ArrayList<>();
            for (RegionSpec r : ps.memory()) {
                memory.add(new Isolation.Window(r.name(), r.base(), r.size(), r.perms()));
            }
            List<Isolation.Window> devices = new ArrayList<>();
            for (String name : ps.devices()) {
                DeviceSpec dev = p.device(name);
                devices.add(dev == null ? new Isolation.Window(name, 0, 0, DEVICE)
                        : new Isolation.Window(name, dev.base(), dev.size(), DEVICE));
            }
            parts.add(new Isolation.Partition(ps.name(), Criticality.isCritical(ps.criticality()), memory, devices));
        }
        for (Isolation.Problem pr : target.isolationProblems(parts)) {
            PartitionSpec ps = d.partitions().get(pr.partition());
            Loc loc = pr.memoryIndex() >= 0 ? ps.memory().get(pr.memoryIndex()).loc()
                    : pr.deviceIndex() >= 0 ? ps.loc().field("devices[" + pr.deviceIndex() + "]")
                    : ps.loc().field("criticality");
            out.add(loc.problem(pr.message()));
        }
    }
}
