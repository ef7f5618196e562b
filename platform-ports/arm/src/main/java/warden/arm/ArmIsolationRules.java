package warden.arm;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Isolation;

/**
 * The isolation a realistic Arm SoC gives without a stage-2 (EL2) or Secure EL2 model, as
 * validation rules. The emulated board puts a TZC-400 filter in front of every PE and the monitor
 * reprograms it at every world switch; real SoCs do not: one TZASC sits in front of the memory
 * (its filter units front memory ports and share one set of region registers, TZC-400 TRM §2.2),
 * all PEs' transactions reach it, and it tells transactions apart only by security state (NS bit)
 * and, for Non-secure ones, by the NSAID of the bus master: every PE of a cluster presents the same
 * interface, so the same NSAID. On such hardware the TZASC separates the Secure world (critical
 * partitions) from the Non-secure world (QM partitions) and nothing finer; per-partition separation
 * inside a world needs translation the monitor owns (stage 2 at EL2 for Non-secure partitions,
 * Secure EL2 from Armv8.4 for Secure ones), which this port does not model. So the validator
 * refuses a second partition in either world; the per-PE filter of the model is then equivalent
 * to the shared TZASC (one Secure and one Non-secure configuration).
 *
 * [impl->dsn~arm.topology~1]
 */
final class ArmIsolationRules {
    private ArmIsolationRules() {
    }

    static List<Isolation.Problem> check(List<Isolation.Partition> partitions) {
        List<Isolation.Problem> out = new ArrayList<>();
        int firstSecure = -1;
        int firstNonSecure = -1;
        for (int p = 0; p < partitions.size(); p++) { // at most 16
            Isolation.Partition part = partitions.get(p);
            int first = part.critical() ? firstSecure : firstNonSecure;
            if (first >= 0) {
                out.add(new Isolation.Problem(p, -1, -1, message(partitions.get(first), part)));
            } else if (part.critical()) {
                firstSecure = p;
            } else {
                firstNonSecure = p;
            }
        }
        return out;
    }

    private static String message(Isolation.Partition first, Isolation.Partition part) {
        String world = part.critical() ? "Secure" : "Non-secure";
        String kind = part.critical() ? "critical" : "non-critical";
        String needs = part.critical() ? "Secure EL2 (Armv8.4)" : "stage-2 translation at EL2";
        return "arm cannot keep " + kind + " partitions '" + first.name() + "' and '" + part.name()
                + "' apart: both run in the " + world + " world, and the TZASC that one SoC shares between"
                + " all PEs separates only Secure from Non-secure (every PE's transactions carry the same"
                + " NSAID); separating partitions of one world needs " + needs
                + ", which this port does not model; use at most one " + kind + " partition";
    }
}
