/**
 * The RISC-V port (M/S/U harts, PMP, CLINT, PLIC, SBI). As on every port, this package holds the
 * adaptor, the board as data and the processor model:
 * <ul>
 *   <li>adaptor: {@code RiscvMachine}, the board (harts, bus, devices) and the kernel's CPU
 *       context and timer; the rest of the port SPI comes from {@code warden.emu.port};</li>
 *   <li>board as data: {@code RiscvPlatform} (the virt board's description), {@code RiscvTarget}
 *       (what the validator asks), {@code CostModel} (virtual-time costs);</li>
 *   <li>processor model: {@code Hart} (registers, CSRs, trap entry and mret), {@code TrapHandler}
 *       (the monitor's first-level M-mode handler), {@code Sbi} (the calling convention),
 *       {@code Csr} (cause codes and CSR fields).</li>
 * </ul>
 *
 * <p>Depends on {@code warden.riscv.hw}, the emulation core ({@code warden.emu},
 * {@code warden.emu.port}) and the kernel's {@code api} and {@code port}; never on another port.
 * Used by the launcher and the tests.
 */
package warden.riscv;
