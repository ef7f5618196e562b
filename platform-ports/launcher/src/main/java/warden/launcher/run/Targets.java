package warden.launcher.run;

import warden.arm.ArmTarget;
import warden.emu.Target;
import warden.riscv.RiscvTarget;
import warden.x86.X86Target;

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
        if ("arm".equals(name)) {
            return new ArmTarget();
        }
        if ("x86".equals(name)) {
            return new X86Target();
        }
        return null;
    }

    /** @return why {@link #get} returned null for this name, for an error message. */
    public static String whyNot(String name) {
        return "unknown target '" + name + "'; available: riscv, arm, x86";
    }
}
