package warden.launcher.config;

/** A memory region of a partition: [base, base+size) with {@code warden.kernel.api.Access} bits. */
public record RegionSpec(String name, long base, long size, int perms, Loc loc) {
}
