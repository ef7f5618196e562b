/**
 * Register-level models of the Arm platform hardware, named after the architecture's registers:
 * the GICv3 ({@code GicState}, {@code GicDistributor}, {@code GicRedistributor},
 * {@code GicCpuInterface}, {@code GicRegisters}, {@code GicGroups}), the TZC-400 address-space
 * controller ({@code Tzc400}), the generic timer ({@code GenericTimer}), the bus's security
 * attribute ({@code TransactionSecurity}), their memory-map descriptors, and the kernel-port
 * adaptors on them: {@code ArmProtectionUnit} and {@code ArmInterruptController}.
 *
 * <p>Depends on {@code warden.emu} (MMIO device interface) and the kernel's {@code api} and
 * {@code port} only; never on {@code warden.arm}. Used by {@code warden.arm}, the launcher and the
 * tests.
 */
package warden.arm.hw;
