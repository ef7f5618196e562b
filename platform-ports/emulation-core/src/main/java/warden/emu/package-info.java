/**
 * The emulation core shared by every port: the deterministic discrete-event {@code Engine}
 * (virtual time, fixed core order), physical memory and the {@code Bus} with its MMIO devices
 * (UART, null device), device stimuli, the executor interface ({@code Executor}, the
 * {@code GuestCpu} view of a core), the {@code Board}/{@code Target} interfaces a port implements,
 * the platform description (cores, memory map, devices, lines) and the run's records (console
 * log, interrupt latency statistics, Chrome trace, fault model).
 *
 * <p>Depends on the kernel's {@code warden.kernel.api} and {@code warden.kernel.port} only, never
 * on a port. May be used by every port, the launcher and the tests.
 */
package warden.emu;
