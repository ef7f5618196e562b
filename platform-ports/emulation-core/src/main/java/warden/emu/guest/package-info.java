/**
 * Guest models: executors that stand in for guest software (a periodic-task RTOS, a rich OS under
 * load, a probe that reports what it could reach), their fault state and their I/O through the
 * {@code GuestCpu} view. They run on any port unchanged.
 *
 * <p>Depends on {@code warden.emu} and the kernel's {@code warden.kernel.api} only. Used by the
 * launcher (which builds the guests a system description names) and the tests; never by a port.
 */
package warden.emu.guest;
