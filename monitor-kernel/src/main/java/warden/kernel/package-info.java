/**
 * The Warden monitor kernel. This root package holds only {@link warden.kernel.Warden}, the factory
 * that creates a kernel behind its public face {@link warden.kernel.api.Monitor}.
 *
 * <p>Where things live: {@code api} (what users of the kernel see: the monitor's face, the system
 * image, ids and read-only views), {@code port} (what a platform port implements), {@code core} (the
 * kernel's boot sequence and entry points), {@code sched} (scheduling, the world switch, held
 * interrupts, virtual timers), {@code calls} (the monitor calls, decode beside invoke),
 * {@code health} (health monitoring and the partition table), {@code boot} (the image check, golden
 * images, platform setup), {@code log} (the event log).
 *
 * <p>Who may depend on it: code outside the kernel (launcher, emulation core, ports, tests) may use
 * {@code warden.kernel.Warden}, {@code warden.kernel.api} and {@code warden.kernel.port} only
 * (checked by the verification module's ArchitectureRulesTest). The kernel itself depends on
 * {@code java.base} only.
 */
package warden.kernel;
