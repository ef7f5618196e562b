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
 * Asks the target's own protection unit whether each endpoint's slot takes its channel rings
 * (read-write for the sender, read-only for the receiver) after its regions and devices, as the
 * kernel programs it at boot. The first refusal per partition is reported at the channel, with
 * the unit's reason: no entries left (too many channels for the protection slots), or on x86 a
 * ring that an SMM partition and a partition outside SMM would share (SMRR cannot fence such a
 * ring from the rich side; the unit refuses to mix worlds in one slot).
 *
 * [impl->dsn~config.check.channels~1]
 */
final class ChannelProtection {
    private ChannelProtection() {
    }

    static void check(SystemDescription d, TargetInfo target, MonitorSpec m, long[] at, List<Problem> out) {
        PlatformDescription p = target.description();
        for (PartitionSpec ps : d.partitions()) { // at most 16
            ProtectionUnit unit = target.newProtectionUnit();
            if (unit.protectMonitor(m.base(), m.size()) != Status.OK || !own(ps, p, unit)) {
                continue; // ProtectionChecks reports these
            }
            for (int j = 0; j < at.length; j++) { // at most CHANNELS_MAX
                ChannelSpec c = d.channels().get(j);
                boolean sender = c.from().equals(ps.name());
                if (!sender && !c.to().equals(ps.name())) {
                    continue;
                }
                int perms = sender ? Access.READ | Access.WRITE : Access.READ;
                int st = unit.addRegion(0, at[j], ChannelPlacement.regionSize(c), perms);
                if (st != Status.OK) {
                    out.add(c.at(sender ? "from" : "to").problem(refusal(c, ps, p, unit.refusal(), st, at[j])));
                    break;
                }
            }
        }
    }

    private static boolean own(PartitionSpec ps, PlatformDescription p, ProtectionUnit unit) {
        boolean ok = unit.beginSlot(0) == Status.OK;
        for (RegionSpec r : ps.memory()) { // at most 8
            ok &= r.size() == 0 || unit.addRegion(0, r.base(), r.size(), r.perms()) == Status.OK;
        }
        for (String name : ps.devices()) { // at most 64
            DeviceSpec dev = p.device(name);
            if (dev != null && !dev.monitorOnly()) {
                ok &= unit.addRegion(0, dev.base(), dev.size(), Access.READ | Access.WRITE) == Status.OK;
            }
        }
        return ok;
    }

    private static String refusal(ChannelSpec c, PartitionSpec ps, PlatformDescription p, int why, int status,
                                  long base) {
        String what = "channel '" + c.name() + "': the ring " + Fmt.range(base, ChannelPlacement.regionSize(c))
                + " in partition '" + ps.name() + "'";
        if (status == Status.NO_SPACE || why == Refusal.NO_ENTRIES) {
            return what + " needs one more protection entry than the " + p.protectionEntries() + " the "
                    + p.target() + " target has left after its regions and devices (too many channels)";
        }
        if (why == Refusal.MIXED_WORLDS || why == Refusal.STRADDLES_BOUNDARY) {
            return what + " cannot be protected on x86: one endpoint runs in SMM (its memory in SMRAM) and the"
                    + " other outside SMM, and SMRR cannot give a ring outside SMRAM to one of them only nor"
                    + " keep a partition outside SMM from writing it; connect two SMM partitions only";
        }
        return what + " " + ProtectionChecks.reason(why, p);
    }
}
