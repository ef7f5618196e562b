/**
 * The RISC-V instruction-set interpreter (RV64IMAFDC + Zicsr + Zifencei, M/S/U privilege, Sv39):
 * {@code HartState} (the architectural state the port's {@code Hart} shares with it),
 * {@code Decoder} (instruction words to pre-decoded operations), {@code Interpreter} (the fetch
 * and execute loop over a per-page cache of decoded instructions, traps and interrupts),
 * {@code CsrFile} (CSR access rules), {@code Mmu} (Sv39 and PMP on every access),
 * {@code ElfImage} (ELF64 loading) and {@code BareMachine} (the board {@code warden exec} runs
 * with HTIF). Depends on {@code warden.riscv.hw} (PMP, CLINT) and {@code warden.emu} (bus, RAM).
 */
package warden.riscv.cpu;
