package warden.launcher.config;

/** The monitor's reserved memory [base, base+size), which no partition may reach. */
public record MonitorSpec(long base, long size, Loc loc) {
}
