/**
 * The Arm port: the machine and its board as data ({@code warden.arm}) and the register-level
 * hardware models ({@code warden.arm.hw}). It depends on the kernel's api and port packages and on
 * the emulation core, never on another architecture's port.
 */
module warden.arm {
    requires transitive warden.emu;
    exports warden.arm;
    exports warden.arm.hw;
}
