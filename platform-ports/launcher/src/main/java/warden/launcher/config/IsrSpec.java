package warden.launcher.config;

/** An interrupt service routine: the device whose interrupt it handles and its work per interrupt. */
public record IsrSpec(String device, long workNs, Loc loc) {
}
