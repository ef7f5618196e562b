package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.PlatformDescription;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;

/**
 * Core checks: every core exists on the target; no core hosts two critical (ASIL A-D) partitions;
 * no core hosts more than {@link #PARTITIONS_PER_CORE_MAX} partitions.
 */
final class CoreChecks {
    /** Largest number of partitions that may share one core. */
    static final int PARTITIONS_PER_CORE_MAX = 4;

    private CoreChecks() {
    }

    // [impl->dsn~config.check.cores~1]
    // [impl->dsn~config.check.core-load~1]
    static void check(SystemDescription d, PlatformDescription p, List<Problem> out) {
        int cores = Math.min(p.cores(), SystemImage.CORES_MAX);
        List<List<PartitionSpec>> onCore = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            onCore.add(new ArrayList<>());
        }
        for (PartitionSpec ps : d.partitions()) { // at most 16 partitions x 64 cores
            for (int j = 0; j < ps.cores().size(); j++) {
                int c = ps.cores().get(j);
                if (c >= cores) {
                    out.add(ps.at("cores[" + j + "]").problem("core " + c + " does not exist:"
                            + " the " + p.target() + " target has cores 0.." + (cores - 1)));
                    continue;
                }
                shareCritical(ps, c, onCore.get(c), out);
                onCore.get(c).add(ps);
                if (onCore.get(c).size() == PARTITIONS_PER_CORE_MAX + 1) {
                    out.add(ps.at("cores[" + j + "]").problem("core " + c + " hosts more than "
                            + PARTITIONS_PER_CORE_MAX + " partitions: " + names(onCore.get(c))));
                }
            }
        }
    }

    // [impl->dsn~config.check.critical-sharing~1]
    private static void shareCritical(PartitionSpec ps, int core, List<PartitionSpec> others,
                                      List<Problem> out) {
        if (!Criticality.isCritical(ps.criticality())) {
            return;
        }
        for (PartitionSpec o : others) { // at most 16
            if (Criticality.isCritical(o.criticality())) {
                out.add(ps.at("cores").problem("critical partitions '" + o.name() + "' ("
                        + Criticality.name(o.criticality()) + ") and '" + ps.name() + "' ("
                        + Criticality.name(ps.criticality()) + ") share core " + core
                        + "; at most one critical partition may run on a core"));
                return;
            }
        }
    }

    private static String names(List<PartitionSpec> ps) {
        List<String> n = new ArrayList<>();
        ps.forEach(x -> n.add(x.name()));
        return String.join(", ", n);
    }
}
