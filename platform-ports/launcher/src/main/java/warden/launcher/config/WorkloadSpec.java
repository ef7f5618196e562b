package warden.launcher.config;

/** What a partition runs: exactly one of an RTOS, a rich OS or a probe guest model. */
public sealed interface WorkloadSpec permits RtosSpec, RichOsSpec, ProbeSpec {
    /** @return where the workload mapping starts. */
    Loc loc();
}
