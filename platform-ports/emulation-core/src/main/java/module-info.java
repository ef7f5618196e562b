/**
 * The emulation core: the deterministic engine, memory and bus, devices and stimuli, guest models,
 * and the pieces every port's machine shares ({@code warden.emu.port}). Ports and the launcher
 * build on it; it depends on the kernel's api and port packages only.
 */
module warden.emu {
    requires transitive warden.kernel;
    exports warden.emu;
    exports warden.emu.channel;
    exports warden.emu.dev.can;
    exports warden.emu.dev.nic;
    exports warden.emu.guest;
    exports warden.emu.port;
}
