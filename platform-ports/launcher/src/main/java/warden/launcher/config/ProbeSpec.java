package warden.launcher.config;

import java.util.List;

/** A probe that, from {@code startNs} on, tries 1 to 256 accesses and reports what it could reach. */
public record ProbeSpec(long startNs, List<ProbeAccess> accesses, Loc loc) implements WorkloadSpec {
    public ProbeSpec {
        accesses = List.copyOf(accesses);
    }
}
