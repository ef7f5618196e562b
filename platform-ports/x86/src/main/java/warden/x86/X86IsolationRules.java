package warden.x86;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Isolation;

/**
 * The isolation x86 without VT-x/EPT cannot give, as validation rules. Outside SMM nothing but
 * SMRR (Intel SDM Vol. 3A §11.11.2.4) restricts memory, so:
 * <ul>
 *   <li>at most one non-critical partition: two partitions that both run outside SMM share every
 *       byte and every device outside SMRAM, and cannot be kept apart;</li>
 *   <li>a critical partition's memory and devices must lie in SMRAM (the SMRR range), else the rich
 *       OS reaches them;</li>
 *   <li>a non-critical partition's memory and devices must lie outside SMRAM, where it runs: inside,
 *       its reads would return all ones and its writes would be dropped.</li>
 * </ul>
 * Critical partitions are kept apart from each other by the monitor's SMM page tables.
 *
 * [impl->dsn~x86.isolation-rules~1]
 */
final class X86IsolationRules {
    private X86IsolationRules() {
    }

    static List<Isolation.Problem> check(X86Platform platform, List<Isolation.Partition> partitions) {
        List<Isolation.Problem> out = new ArrayList<>();
        int firstRich = -1;
        for (int p = 0; p < partitions.size(); p++) { // at most 16
            Isolation.Partition part = partitions.get(p);
            if (!part.critical()) {
                if (firstRich >= 0) {
                    out.add(new Isolation.Problem(p, -1, -1,
                            "x86 without VT-x/EPT cannot keep non-critical partitions '"
                            + partitions.get(firstRich).name() + "' and '" + part.name() + "' apart: both run outside"
                            + " SMM, where only SMRR restricts memory; use one non-critical partition"));
                } else {
                    firstRich = p;
                }
            }
            windows(platform, p, part, part.memory(), true, out);
            windows(platform, p, part, part.devices(), false, out);
        }
        return out;
    }

    private static void windows(X86Platform platform, int p, Isolation.Partition part, List<Isolation.Window> ws,
                                boolean memory, List<Isolation.Problem> out) {
        long lo = platform.smramBase();
        long hi = lo + platform.smramSize();
        String smram = "SMRAM [0x" + Long.toHexString(lo) + ", 0x" + Long.toHexString(hi) + ")";
        for (int i = 0; i < ws.size(); i++) { // at most 64
            Isolation.Window w = ws.get(i);
            if (w.size() <= 0) {
                continue; // an unknown device: DeviceChecks reports it
            }
            boolean inside = w.base() >= lo && w.base() + w.size() <= hi;
            boolean outside = w.base() + w.size() <= lo || w.base() >= hi;
            String what = (memory ? "region '" : "device '") + w.name() + "'";
            String msg = null;
            if (part.critical() && !inside) {
                msg = what + " of critical partition '" + part.name() + "' lies outside " + smram
                        + ": on x86 the rich OS could reach it; critical memory and devices must be in SMRAM";
            } else if (!part.critical() && !outside) {
                msg = what + " of non-critical partition '" + part.name() + "' overlaps " + smram
                        + ", which SMRR hides from code outside SMM where this partition runs";
            }
            if (msg != null) {
                out.add(new Isolation.Problem(p, memory ? i : -1, memory ? -1 : i, msg));
            }
        }
    }
}
