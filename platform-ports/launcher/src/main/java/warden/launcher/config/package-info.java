/**
 * System descriptions: the strict, bounded YAML loader, the typed and located description model
 * ({@code *Spec} records, {@code Loc}), the validator's checks against a target (memory, devices
 * and lines, cores, protection-unit expressibility, workloads) and the compiler to the kernel's
 * frozen {@code SystemImage}. Every problem carries file:line:column and the field path.
 *
 * <p>Depends on the kernel's {@code api} (and {@code port} for platform facts) and on the emulation
 * core's target description ({@code warden.emu}), never on an architecture port or on the other
 * launcher packages; used by {@code ..run}, {@code ..campaign} and {@code ..cli}.
 */
package warden.launcher.config;
