package warden.x86;

import java.util.ArrayList;
import java.util.List;
import warden.emu.Isolation;
import warden.kernel.api.Access;

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
 * <p>Region access, as the hardware can enforce it ({@link #access}):
 * <ul>
 *   <li>a non-critical partition's region must be {@code rwx}: outside SMM SMRR is the only fence
 *       and it guards SMRAM alone, and the rich OS runs at CPL 0 with its own page tables, so it can
 *       read, write and execute every byte of its memory whatever the description says; its device
 *       windows are likewise executable (the format gives devices no access key: they are
 *       read/write, and the rich OS can fetch from them too);</li>
 *   <li>a critical partition's region may not be execute-only ({@code x}): the SMM page tables
 *       cannot express it, since a present user-mode page is always readable (Intel SDM Vol. 3A
 *       §4.6.1 "Determination of Access Rights") and protection keys restrict data accesses only,
 *       through PKRU, which CPL-3 code rewrites with WRPKRU (§4.6.2 "Protection Keys").
 *       {@code r}, {@code rw}, {@code rx} and {@code rwx} are expressible: R/W (bit 1) and XD
 *       (bit 63, with IA32_EFER.NXE = 1) of the page-table entries.</li>
 * </ul>
 *
 * [impl->dsn~x86.isolation-rules~1] [impl->dsn~x86.region-access~1]
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
            for (int i = 0; i < part.memory().size(); i++) { // at most 8
                String msg = access(part, part.memory().get(i));
                if (msg != null) {
                    out.add(new Isolation.Problem(p, i, -1, msg));
                }
            }
        }
        return out;
    }

    /**
     * @return why x86 without VT-x/EPT cannot enforce a region's access as declared, or null when it can.
     * [impl->dsn~x86.region-access~1]
     */
    static String access(Isolation.Partition part, Isolation.Window w) {
        int a = w.access() & Access.ALL;
        String declared = "region '" + w.name() + "' of " + (part.critical() ? "critical" : "non-critical")
                + " partition '" + part.name() + "' is declared '" + text(a) + "'";
        if (!part.critical() && a != Access.ALL) {
            return declared + ", which x86 without VT-x/EPT cannot enforce: the partition runs outside SMM,"
                    + " where only SMRR restricts memory and only SMRAM, with its own page tables, so it can also "
                    + missing(a) + " it; declare it 'rwx'";
        }
        if (part.critical() && a == Access.EXECUTE) {
            return declared + " (execute-only), which x86 paging cannot express: a present user page is always"
                    + " readable (Intel SDM Vol. 3A 4.6.1) and protection keys, which CPL-3 code can rewrite"
                    + " with WRPKRU, restrict data accesses only; declare it 'rx'";
        }
        return null;
    }

    private static String text(int a) {
        return ((a & Access.READ) != 0 ? "r" : "") + ((a & Access.WRITE) != 0 ? "w" : "")
                + ((a & Access.EXECUTE) != 0 ? "x" : "");
    }

    private static String missing(int a) {
        String r = (a & Access.READ) == 0 ? "read" : null;
        String w = (a & Access.WRITE) == 0 ? "write" : null;
        String x = (a & Access.EXECUTE) == 0 ? "execute" : null;
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {r, w, x}) {
            if (s != null) {
                sb.append(sb.length() == 0 ? "" : " and ").append(s);
            }
        }
        return sb.toString();
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
