/**
 * The part of a port that is the same on every architecture, which each port's machine owns and
 * delegates to: {@code GuestBinding} (which vCPU's executor runs on each core, bound and unbound
 * at the world switch), {@code GuestEvents} (interrupt, timer and fault delivery to that executor,
 * and the port's entries in the run's timeline, each recorded inside the recorder's enabled
 * check) and {@code PortAssembly} (the kernel's {@code Platform} put together from the port's
 * CPU context, timer, protection unit and interrupt controller, with the board's console and the
 * monitor's memory view). A port is its hardware model plus a thin adaptor onto these.
 *
 * <p>Depends on {@code warden.emu} and the kernel's {@code warden.kernel.api} and
 * {@code warden.kernel.port}. Used by the ports only.
 */
package warden.emu.port;
