/**
 * Register-level models of the RISC-V platform hardware, named after the specification's
 * registers: {@code Pmp}, {@code Pmpcfg} and {@code PmpRegionEncoder} (physical memory protection,
 * privileged spec §3.7), {@code Clint} (mtime, mtimecmp, msip), {@code Plic} and
 * {@code PlicGateway} (sources, priorities, enables, claim/complete), their memory-map
 * descriptors, and the kernel-port adaptors on them: {@code RiscvProtectionUnit} and
 * {@code RiscvInterruptController}.
 *
 * <p>Depends on {@code warden.emu} (MMIO device interface) and the kernel's {@code api} and
 * {@code port} only; never on {@code warden.riscv}. Used by {@code warden.riscv}, the launcher and
 * the tests.
 */
package warden.riscv.hw;
