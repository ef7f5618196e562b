package warden.launcher.run;

import warden.emu.Target;
import warden.riscv.RiscvTarget;

/** The registry of targets the launcher can run, by name. */
public final class Targets {
    /** Names accepted by --target, in the order --help lists them. */
    public static final String[] NAMES = {"riscv", "arm", "x86"};

    private Targets() {
    }

    /** @return the target, or null when the name is unknown or the port does not exist yet. */
    public static Target get(String name) {
        if ("riscv".equals(name)) {
            return new RiscvTarget();
        }
        return null;
    }

    /** @return why {@link #get} returned null for this name, for an error message. */
    public static String whyNot(String name) {
        if ("arm".equals(name) || "x86".equals(name)) {
            return "target '" + name + "' is planned but its port is not built yet; available: riscv";
        }
        return "unknown target '" + name + "'; available: riscv (arm and x86 are planned)";
    }
}
