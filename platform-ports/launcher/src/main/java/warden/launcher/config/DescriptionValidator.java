package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;

/**
 * Checks a loaded description against a target: memory layout (sizes, RAM, overlaps, monitor),
 * devices and interrupt lines, cores, protection-unit expressibility, workloads, stimuli and channels. Each
 * problem is located at the offending element and names the other party of a conflict. An empty
 * list means the description can be compiled and booted on that target.
 *
 * [impl->dsn~config.validate~1]
 */
public final class DescriptionValidator {
    private DescriptionValidator() {
    }

    /** @return every problem found; empty when the description is valid for the target. */
    public static List<Problem> validate(SystemDescription described, TargetInfo target) {
        PlatformDescription p = target.description();
        SystemDescription d = ElfWorkloads.resolve(described, p);
        MonitorSpec monitor = effectiveMonitor(d, p);
        List<Problem> out = new ArrayList<>();
        duplicateNames(d, out);
        MemoryChecks.check(d, p, monitor, out);
        DeviceChecks.check(d, p, out);
        CoreChecks.check(d, p, out);
        WorkloadChecks.check(d, p, out);
        ProtectionChecks.check(d, target, monitor, out);
        IsolationChecks.check(d, target, out);
        StimulusChecks.check(d, out);
        ChannelChecks.check(d, target, monitor, out);
        MediatedChecks.check(d, p, out);
        UpdateChecks.check(d, monitor, out);
        SnapshotChecks.check(d, out);
        return out;
    }

    /** @return the description's monitor memory, or the platform's default located at the root. */
    public static MonitorSpec effectiveMonitor(SystemDescription d, PlatformDescription p) {
        if (d.monitor() != null) {
            return d.monitor();
        }
        return new MonitorSpec(p.monitorBase(), p.monitorSize(), d.loc().field("monitor"));
    }

    // [impl->dsn~config.check.names~1]
    private static void duplicateNames(SystemDescription d, List<Problem> out) {
        List<PartitionSpec> ps = d.partitions();
        for (int j = 0; j < ps.size(); j++) { // at most 16 x 16
            for (int i = 0; i < j; i++) {
                if (ps.get(i).name().equals(ps.get(j).name())) {
                    out.add(ps.get(j).loc().field("name").problem("partition name '" + ps.get(j).name()
                            + "' is already used by " + Fmt.at(ps.get(i).loc())));
                    break;
                }
            }
        }
    }
}
