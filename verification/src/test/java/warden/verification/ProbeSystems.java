package warden.verification;

import java.util.ArrayList;
import java.util.List;
import warden.launcher.config.PartitionSpec;
import warden.launcher.config.ProbeAccess;
import warden.launcher.config.ProbeSpec;
import warden.launcher.config.SystemDescription;

/** Builds variants of probe descriptions for the isolation tests. */
final class ProbeSystems {
    private ProbeSystems() {
    }

    /**
     * @return d with every probe access of every probe partition replaced by {@code accesses} (null keeps them,
     *         drops expect).
     */
    static SystemDescription withAccesses(SystemDescription d, List<ProbeAccess> accesses) {
        List<PartitionSpec> parts = new ArrayList<>();
        for (PartitionSpec p : d.partitions()) {
            if (p.workload() instanceof ProbeSpec s) {
                List<ProbeAccess> list = accesses;
                if (list == null) {
                    list = new ArrayList<>();
                    for (ProbeAccess a : s.accesses()) {
                        list.add(new ProbeAccess(a.address(), a.size(), a.access(), null, a.loc()));
                    }
                }
                p = new PartitionSpec(p.name(), p.criticality(), p.cores(), p.privileged(), p.entry(), p.image(),
                        p.digest(), p.watchdogNs(), p.memory(), p.devices(), p.interrupts(),
                        new ProbeSpec(s.startNs(), list, s.loc()), p.health(), p.loc(), p.fieldLocs());
            }
            parts.add(p);
        }
        return new SystemDescription(d.source(), d.target(), d.monitor(), parts, d.stimuli(), d.run(), d.loc(),
                d.channels());
    }

    static SystemDescription withoutExpectations(SystemDescription d) {
        return withAccesses(d, null);
    }
}
