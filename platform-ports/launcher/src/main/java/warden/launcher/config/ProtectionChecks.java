package warden.launcher.config;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.api.Access;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;

/**
 * Asks the target's own protection unit whether each partition's configuration can be expressed:
 * a fresh unit protects the monitor, opens slot 0, then takes every memory region and every
 * assigned device's MMIO window (read/write). The first refusal per partition is reported.
 *
 * [impl->dsn~config.check.protection~1]
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
                        + " memory " + Fmt.range(m.base(), m.size()) + ": " + Status.name(st)));
                return;
            }
            unit.beginSlot(0);
            partition(ps, p, unit, out);
        }
    }

    private static void partition(PartitionSpec ps, PlatformDescription p, ProtectionUnit unit,
                                  List<Problem> out) {
        for (RegionSpec r : ps.memory()) { // at most 8
            String what = "region '" + r.name() + "' " + Fmt.range(r.base(), r.size());
            if (r.size() > 0 && refused(ps, p, unit.addRegion(0, r.base(), r.size(), r.perms()), what, r.loc(), out)) {
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
            if (refused(ps, p, st, what, ps.at("devices[" + j + "]"), out)) {
                return;
            }
        }
    }

    private static boolean refused(PartitionSpec ps, PlatformDescription p, int status, String what,
                                   Loc loc, List<Problem> out) {
        if (status == Status.OK) {
            return false;
        }
        if (status == Status.NO_SPACE) {
            out.add(loc.problem("partition '" + ps.name() + "' needs more protection entries than the "
                    + p.protectionEntries() + " the " + p.target() + " target has (at " + what + ")"));
        } else if (status == Status.INVALID_PARAM) {
            out.add(loc.problem(what + " of partition '" + ps.name() + "' is misaligned for the "
                    + p.target() + " protection unit (granule " + p.protectionGranule() + " bytes)"));
        } else {
            out.add(loc.problem(what + " of partition '" + ps.name() + "' cannot be protected: "
                    + Status.name(status)));
        }
        return true;
    }
}
