package warden.launcher.config;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Refusal;

/**
 * Asks the target's own protection unit whether each partition's configuration can be expressed:
 * a fresh unit protects the monitor, opens slot 0, then takes every memory region and every
 * assigned device's MMIO window (read/write). The first refusal per partition is reported with the
 * reason the unit gives ({@link ProtectionUnit#refusal}), never a guessed one.
 *
 * [impl->dsn~config.check.protection~2]
 */
final class ProtectionChecks {
    private ProtectionChecks() {
    }

    static void check(SystemDescription d, TargetInfo target, MonitorSpec m, List<Problem> out) {
        PlatformDescription p = target.description();
        for (PartitionSpec ps : d.partitions()) { // at most 16
            ProtectionUnit unit = target.newProtectionUnit();
            int st = unit.protectMonitor(m.base(), m.size());
            if (st != Status.OK) {
                out.add(m.loc().problem("the " + p.target() + " protection unit cannot protect the monitor"
                        + " memory " + Fmt.range(m.base(), m.size()) + ": " + monitorReason(unit.refusal(), p)));
                return;
            }
            unit.beginSlot(0);
            partition(ps, p, unit, out);
        }
    }

    private static String monitorReason(int why, PlatformDescription p) {
        if (why == Refusal.MONITOR_PLACEMENT) {
            return "on x86 the monitor memory must lie inside SMRAM (the SMRR range) and hold every core's SMI"
                    + " handler and save map (SMBASE+8000h..+FFFFh)";
        }
        return "it " + reason(why, p);
    }

    private static void partition(PartitionSpec ps, PlatformDescription p, ProtectionUnit unit,
                                  List<Problem> out) {
        for (RegionSpec r : ps.memory()) { // at most 8
            String what = "region '" + r.name() + "' " + Fmt.range(r.base(), r.size());
            int st = r.size() > 0 ? unit.addRegion(0, r.base(), r.size(), r.perms()) : Status.OK;
            if (refused(ps, p, unit, st, what, r.loc(), out)) {
                return;
            }
        }
        for (int j = 0; j < ps.devices().size(); j++) { // at most 64
            DeviceSpec dev = p.device(ps.devices().get(j));
            if (dev == null || dev.monitorOnly()) {
                continue;
            }
            String what = "the MMIO window " + Fmt.range(dev.base(), dev.size()) + " of device '" + dev.name() + "'";
            int st = unit.addRegion(0, dev.base(), dev.size(), Access.READ | Access.WRITE);
            if (refused(ps, p, unit, st, what, ps.at("devices[" + j + "]"), out)) {
                return;
            }
        }
    }

    private static boolean refused(PartitionSpec ps, PlatformDescription p, ProtectionUnit unit, int status,
                                   String what, Loc loc, List<Problem> out) {
        if (status == Status.OK) {
            return false;
        }
        int why = unit.refusal();
        if (status == Status.NO_SPACE || why == Refusal.NO_ENTRIES) {
            out.add(loc.problem("partition '" + ps.name() + "' needs more protection entries than the "
                    + p.protectionEntries() + " the " + p.target() + " target has (at " + what + ")"));
        } else {
            out.add(loc.problem(what + " of partition '" + ps.name() + "' " + reason(why, p)));
        }
        return true;
    }

    /**
     * @return what the target's protection unit said is wrong, as the rest of a sentence.
     * [impl->dsn~config.check.protection~2]
     */
    static String reason(int why, PlatformDescription p) {
        String unit = "the " + p.target() + " protection unit";
        switch (why) {
            case Refusal.MISALIGNED:
                return "is misaligned for " + unit + " (granule " + p.protectionGranule() + " bytes)";
            case Refusal.OVERLAPS_MONITOR:
                return "overlaps the monitor memory, which " + unit + " gives to no partition";
            case Refusal.OVERLAPS_REGION:
                return "overlaps another region or device window of the same partition, which " + unit
                        + " cannot express (its regions must not overlap)";
            case Refusal.UNSUPPORTED_ACCESS:
                return "asks for access permissions " + unit + " cannot express"
                        + ("arm".equals(p.target()) ? " (execute without read: a fetch is a read at the TZC-400)"
                        : " (write without read is reserved by the PMP encoding)");
            case Refusal.OUT_OF_RANGE:
                return "lies beyond the addresses " + unit + " covers";
            case Refusal.STRADDLES_BOUNDARY:
                return "straddles the boundary of SMRAM (the SMRR range): part of it would be fenced off by SMRR"
                        + " and part not; put it entirely inside or entirely outside";
            case Refusal.MIXED_WORLDS:
                return "lies on the other side of the SMRAM boundary than the partition's earlier regions: an"
                        + " x86 partition runs either in SMM (everything in SMRAM) or outside SMM (nothing in SMRAM)";
            case Refusal.NO_ENTRIES:
                return "needs more than the " + p.protectionEntries() + " entries " + unit + " has";
            default:
                return "cannot be protected by " + unit + " (" + Refusal.name(why) + ")";
        }
    }
}
