package warden.launcher.config;

/** What a partition runs: an RTOS, a rich OS, a probe or a hostile guest model, or a real binary (elf, linux). */
public sealed interface WorkloadSpec
        permits RtosSpec, RichOsSpec, ProbeSpec, HostileSpec, ElfSpec, LinuxSpec {
    /** @return where the workload mapping starts. */
    Loc loc();
}
