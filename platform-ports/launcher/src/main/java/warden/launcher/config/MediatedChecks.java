package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.emu.dev.can.CanRegisters;
import warden.kernel.api.Access;

/**
 * Checks of the mediated devices against the partitions and the platform, each at the line of the
 * device or entry at fault: the device is assigned to a partition (its owner) and mediated once;
 * an entry's partition exists and does not own the device; its register is a name of the device's
 * register map or a 4-byte aligned offset inside the device's window; mask and range only on an
 * entry that writes, and some value of the range within the mask; no two entries of one partition
 * allow the same register in the same direction.
 *
 * [impl->dsn~config.check.mediated~1]
 */
final class MediatedChecks {
    private MediatedChecks() {
    }

    static void check(SystemDescription d, PlatformDescription p, List<Problem> out) {
        List<String> seen = new ArrayList<>();
        for (MediatedSpec m : d.mediated()) { // at most 16
            Loc loc = m.loc().field("device");
            String owner = owner(d, m.device());
            if (seen.contains(m.device())) {
                out.add(loc.problem("device '" + m.device() + "' is mediated twice"));
            } else if (owner == null || p.device(m.device()) == null) {
                out.add(loc.problem("mediated device '" + m.device() + "' is not assigned to any partition: list it"
                        + " under the devices of the partition that owns it"));
            } else {
                entries(d, m, owner, p.device(m.device()), out);
            }
            seen.add(m.device());
        }
        for (PartitionSpec ps : d.partitions()) { // at most 16
            if (ps.workload() instanceof RichOsSpec r && r.canTx() != null && !seen.contains(r.canTx().device())) {
                out.add(r.canTx().loc().field("device").problem("canTx sends through the monitor, but device '"
                        + r.canTx().device() + "' is not mediated: list it under 'mediated' with entries for '"
                        + ps.name() + "'"));
            } else if (ps.workload() instanceof RichOsSpec r && r.canTx() != null
                    && p.device(r.canTx().device()) != null && !p.device(r.canTx().device()).kind().equals("can")) {
                out.add(r.canTx().loc().field("device").problem("device '" + r.canTx().device()
                        + "' is not a CAN controller"));
            }
        }
    }

    private static String owner(SystemDescription d, String device) {
        for (PartitionSpec ps : d.partitions()) { // at most 16
            if (ps.devices().contains(device)) {
                return ps.name();
            }
        }
        return null;
    }

    private static void entries(SystemDescription d, MediatedSpec m, String owner, DeviceSpec dev,
                                List<Problem> out) {
        List<AclEntrySpec> acl = m.acl();
        for (int i = 0; i < acl.size(); i++) { // at most 64
            AclEntrySpec e = acl.get(i);
            if (d.partitionIndex(e.partition()) < 0) {
                out.add(e.loc().field("partition").problem("unknown partition '" + e.partition() + "'"));
            } else if (e.partition().equals(owner)) {
                out.add(e.loc().field("partition").problem("partition '" + owner + "' owns device '" + m.device()
                        + "' and reaches it through its own window: an entry for it would mediate nothing"));
            }
            int off = offset(e, dev);
            if (off == -1) {
                out.add(e.loc().field("register").problem("device '" + m.device() + "' (" + dev.kind()
                        + ") has no register '" + e.register() + "'" + names(dev)));
            } else if ((off & 3) != 0 || off + 4 > dev.size()) {
                out.add(e.loc().field("register").problem("register offset " + Fmt.hex(off)
                        + " is not a 4-byte aligned 32-bit register inside the " + Fmt.hex(dev.size())
                        + "-byte window of device '" + m.device() + "'"));
            } else {
                duplicate(acl, i, off, dev, out);
                onePreset(acl, i, off, dev, out);
            }
            values(e, out);
            preset(e, out);
        }
    }

    private static String names(DeviceSpec dev) {
        return dev.kind().equals("can") ? " (names: CTRL, TXREQ, TXDONE, MB0_ID .. MB2_DATA1, F0_ID .. F7_MASK, ...)"
                : " (its register map has no names: give a byte offset)";
    }

    /** @return the entry's register offset on device {@code dev}, or -1 for a name the device does not have. */
    static int offset(AclEntrySpec e, DeviceSpec dev) {
        if (e.register() == null) {
            return e.offset();
        }
        return dev.kind().equals("can") ? CanRegisters.offset(e.register()) : -1;
    }

    private static void duplicate(List<AclEntrySpec> acl, int i, int off, DeviceSpec dev, List<Problem> out) {
        AclEntrySpec e = acl.get(i);
        for (int j = 0; j < i; j++) { // at most 64 x 64
            AclEntrySpec o = acl.get(j);
            if (o.partition().equals(e.partition()) && offset(o, dev) == off && (o.access() & e.access()) != 0) {
                out.add(e.loc().problem("partition '" + e.partition() + "' has register " + Fmt.hex(off)
                        + " (" + Access.text(o.access() & e.access()) + ") already at " + Fmt.at(o.loc())
                        + ": one entry per register and direction"));
                return;
            }
        }
    }

    private static void values(AclEntrySpec e, List<Problem> out) {
        if (e.hasValues() && (e.access() & Access.WRITE) == 0) {
            out.add(e.loc().problem("mask and range constrain written values, but the entry only reads"
                    + " (access: r)"));
        } else if (smallestWithin(e.min(), e.mask()) < 0 || smallestWithin(e.min(), e.mask()) > e.max()) {
            out.add(e.loc().problem("no value of range [" + Fmt.hex(e.min()) + ", "
                    + Fmt.hex(e.max()) + "] has only bits of mask " + Fmt.hex(e.mask())
                    + ": the entry would allow no write"));
        }
    }

    /**
     * A preset is a value its own entry would let its partition write. [impl->dsn~config.mediated-preset~1]
     */
    private static void preset(AclEntrySpec e, List<Problem> out) {
        long v = e.preset();
        if (v < 0) {
            return;
        }
        Loc at = e.loc().field("preset");
        if ((e.access() & Access.WRITE) == 0) {
            out.add(at.problem("a preset is written to the register at boot for an entry that writes, but this"
                    + " entry only reads (access: r)"));
        } else if ((v & ~e.mask()) != 0 || v < e.min() || v > e.max()) {
            out.add(at.problem("preset " + Fmt.hex(v) + " is not a value the entry allows (mask " + Fmt.hex(e.mask())
                    + ", range [" + Fmt.hex(e.min()) + ", " + Fmt.hex(e.max()) + "])"));
        }
    }

    /** At most one entry presets a register. [impl->dsn~config.mediated-preset~1] */
    private static void onePreset(List<AclEntrySpec> acl, int i, int off, DeviceSpec dev, List<Problem> out) {
        AclEntrySpec e = acl.get(i);
        for (int j = 0; j < i && e.preset() >= 0; j++) { // at most 64 x 64
            AclEntrySpec o = acl.get(j);
            if (o.preset() >= 0 && offset(o, dev) == off) {
                out.add(e.loc().field("preset").problem("register " + Fmt.hex(off) + " already has preset "
                        + Fmt.hex(o.preset()) + " at " + Fmt.at(o.loc()) + ": one preset per register"));
                return;
            }
        }
    }

    /** @return the smallest v &gt;= min with no bit outside mask (32 bits), or -1. */
    static long smallestWithin(long min, long mask) {
        if ((min & ~mask) == 0) {
            return min;
        }
        for (int b = 0; b < 32; b++) { // the lowest bit b that can be raised, with min's bits above it kept
            long high = (min >>> (b + 1)) << (b + 1);
            if ((mask >>> b & 1) == 1 && (min >>> b & 1) == 0 && (high & ~mask) == 0) {
                return high | 1L << b;
            }
        }
        return -1;
    }
}
