/**
 * The x86 port (SMM, SMRAM/SMRR, SMI/RSM, local APIC, I/O APIC). As on every port, this package
 * holds the adaptor, the board as data and the processor model:
 * <ul>
 *   <li>adaptor: {@code X86Machine}, the board (cores, bus, devices, per-core SMI timer) and the
 *       kernel's CPU context and timer; the rest of the port SPI comes from
 *       {@code warden.emu.port};</li>
 *   <li>board as data: {@code X86Platform}, {@code X86Target}, {@code X86IsolationRules} (what the
 *       validator must refuse), {@code CostModel}, {@code LatencyStats} (the board's metrics);</li>
 *   <li>processor model: {@code X86Core} (registers, SMM state, accesses), {@code Smm} (SMI entry
 *       and RSM), {@code SmiMonitor} (the monitor's SMI handler), {@code CoreEvents} and
 *       {@code Delivery} (what a core takes, what reaches the guest), {@code RegisterFile} (the
 *       saved context), {@code ApmCalls} (the calling convention), {@code Vectors}.</li>
 * </ul>
 *
 * <p>Depends on {@code warden.x86.hw}, the emulation core ({@code warden.emu},
 * {@code warden.emu.port}) and the kernel's {@code api} and {@code port}; never on another port.
 * Used by the launcher and the tests.
 */
package warden.x86;
