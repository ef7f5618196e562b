/**
 * The kernel's public api: {@link warden.kernel.api.Monitor} (boot, start, the trap entries and
 * read-only queries), the {@link warden.kernel.api.SystemImage} a launcher builds, the frozen ids
 * (call ids, statuses, event kinds, counters, states, criticality, image-check codes) and read-only
 * views ({@link warden.kernel.api.EventRecords}, {@link warden.kernel.api.ImageCheckResult}).
 *
 * <p>Who may depend on it: everyone, the kernel's own packages included. It depends on no other
 * kernel package but {@code warden.kernel.port} (checked by ArchitectureRulesTest).
 */
package warden.kernel.api;
