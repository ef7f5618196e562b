package warden.launcher.config;

/**
 * One probe access: address, size in bytes, kind (exactly one {@code warden.kernel.api.Access} bit)
 * and the expected outcome ("allowed", "denied", or null for none).
 */
public record ProbeAccess(long address, int size, int access, String expect, Loc loc) {
}
