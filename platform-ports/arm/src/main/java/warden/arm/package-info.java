/**
 * The Arm port (EL3 + TrustZone, GICv3, TZC-400, generic timer, PSCI). As on every port, this
 * package holds the adaptor, the board as data and the processor model:
 * <ul>
 *   <li>adaptor: {@code ArmMachine}, the board (PEs, bus, devices) and the kernel's CPU context
 *       and timer; the rest of the port SPI comes from {@code warden.emu.port};</li>
 *   <li>board as data: {@code ArmPlatform}, {@code ArmBoardBuilder} (memory map and cold boot),
 *       {@code ArmTarget}, {@code CostModel};</li>
 *   <li>processor model: {@code Pe} (registers, PSTATE, EL3 registers, exception entry and ERET),
 *       {@code MonitorVector} (the monitor's first-level EL3 handler), {@code WorldSwitch} and
 *       {@code ContextLayout} (the saved context), {@code GuestEntry} (entry into a guest's EL1
 *       vector), {@code Smccc} and {@code Psci} (the calling convention), {@code Esr} and
 *       {@code Scr} (syndrome and secure configuration fields).</li>
 * </ul>
 *
 * <p>Depends on {@code warden.arm.hw}, the emulation core ({@code warden.emu},
 * {@code warden.emu.port}) and the kernel's {@code api} and {@code port}; never on another port.
 * Used by the launcher and the tests.
 */
package warden.arm;
