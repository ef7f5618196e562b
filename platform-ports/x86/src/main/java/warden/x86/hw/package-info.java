/**
 * Register-level models of the x86 platform hardware, named after the architecture's registers:
 * {@code Smrr} (IA32_SMRR_PHYSBASE/PHYSMASK), {@code LocalApic} (LVT timer, ICR, IRR/ISR,
 * IA32_TSC_DEADLINE), {@code SaveStateDescriptor} (the SMRAM state save map), and the
 * kernel-port adaptors on them: {@code X86ProtectionUnit} and {@code X86InterruptController}
 * (the I/O APIC redirection table).
 *
 * <p>Depends on {@code warden.emu} and the kernel's {@code api} and {@code port} only; never on
 * {@code warden.x86}. Used by {@code warden.x86}, the launcher and the tests.
 */
package warden.x86.hw;
