/**
 * The RISC-V port: the machine and its board as data ({@code warden.riscv}) and the register-level
 * hardware models ({@code warden.riscv.hw}). It depends on the kernel's api and port packages and on
 * the emulation core, never on another architecture's port.
 */
module warden.riscv {
    requires transitive warden.emu;
    exports warden.riscv;
    exports warden.riscv.hw;
    exports warden.riscv.cpu;
}
