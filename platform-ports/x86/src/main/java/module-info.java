/**
 * The x86 port: the machine and its board as data ({@code warden.x86}) and the register-level
 * hardware models ({@code warden.x86.hw}). It depends on the kernel's api and port packages and on
 * the emulation core, never on another architecture's port.
 */
module warden.x86 {
    requires transitive warden.emu;
    exports warden.x86;
    exports warden.x86.hw;
}
