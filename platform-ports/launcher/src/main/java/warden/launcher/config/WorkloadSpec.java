package warden.launcher.config;

/** What a partition runs: exactly one of an RTOS, a rich OS, a probe or a hostile guest model. */
public sealed interface WorkloadSpec permits RtosSpec, RichOsSpec, ProbeSpec, HostileSpec {
    /** @return where the workload mapping starts. */
    Loc loc();
}
