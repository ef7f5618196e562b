package warden.launcher.config;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.api.ChannelLayout;

/**
 * Channel checks: a unique name, two existing and different endpoints, a doorbell inside the
 * target's lines that no device of the catalog and no routed line uses (one line may serve several
 * channels of the same receiver only), data ids unique per receiver, free RAM for the ring
 * ({@link ChannelPlacement}), and, through the target's own protection unit, that each endpoint's
 * slot can take its rings next to its regions and devices ({@link ChannelProtection}).
 *
 * [impl->dsn~config.check.channels~1]
 */
final class ChannelChecks {
    private ChannelChecks() {
    }

    static void check(SystemDescription d, TargetInfo target, MonitorSpec m, List<Problem> out) {
        PlatformDescription p = target.description();
        List<ChannelSpec> cs = d.channels();
        boolean endpointsOk = true;
        for (int j = 0; j < cs.size(); j++) { // at most CHANNELS_MAX x CHANNELS_MAX
            ChannelSpec c = cs.get(j);
            endpointsOk &= endpoints(d, c, out);
            doorbell(d, p, c, out);
            for (int i = 0; i < j; i++) {
                pair(cs.get(i), c, out);
            }
        }
        if (!endpointsOk || cs.isEmpty()) {
            return;
        }
        long[] at = ChannelPlacement.place(d, p, m);
        for (int j = 0; j < cs.size(); j++) { // at most CHANNELS_MAX
            if (at[j] == ChannelPlacement.NO_ROOM) {
                ChannelSpec c = cs.get(j);
                out.add(c.loc().problem("channel '" + c.name() + "': no free RAM of " + ChannelPlacement.regionSize(c)
                        + " bytes (aligned) for its ring in the RAM bank of partition '" + c.from()
                        + "' outside the monitor memory, every region and every device window"));
                return;
            }
        }
        ChannelProtection.check(d, target, m, at, out);
    }

    private static boolean endpoints(SystemDescription d, ChannelSpec c, List<Problem> out) {
        boolean ok = true;
        if (d.partitionIndex(c.from()) < 0) {
            out.add(c.at("from").problem("channel '" + c.name() + "': unknown partition '" + c.from() + "'"));
            ok = false;
        }
        if (d.partitionIndex(c.to()) < 0) {
            out.add(c.at("to").problem("channel '" + c.name() + "': unknown partition '" + c.to() + "'"));
            ok = false;
        }
        if (ok && c.from().equals(c.to())) {
            out.add(c.at("to").problem("channel '" + c.name() + "': sender and receiver are the same partition '"
                    + c.to() + "' (a channel connects two partitions)"));
            ok = false;
        }
        return ok;
    }

    private static void doorbell(SystemDescription d, PlatformDescription p, ChannelSpec c, List<Problem> out) {
        int line = c.doorbell();
        if (line == ChannelLayout.NO_DOORBELL) {
            return;
        }
        Loc at = c.at("doorbell");
        if (line >= p.lines()) {
            out.add(at.problem("channel '" + c.name() + "': doorbell line " + line + " is outside the lines 1.."
                    + (p.lines() - 1) + " of the " + p.target() + " target"));
            return;
        }
        for (DeviceSpec dev : p.devices()) { // the platform catalog
            if (dev.line() == line) {
                out.add(at.problem("channel '" + c.name() + "': doorbell line " + line + " is the interrupt line of"
                        + " device '" + dev.name() + "' on the " + p.target() + " target; pick a line no device uses"));
                return;
            }
        }
        for (PartitionSpec ps : d.partitions()) { // at most 16 x 16
            for (LineSpec l : ps.interrupts()) {
                if (l.line() == line) {
                    out.add(at.problem("channel '" + c.name() + "': doorbell line " + line
                            + " is routed to partition '" + ps.name() + "' by its interrupts"));
                    return;
                }
            }
        }
    }

    private static void pair(ChannelSpec a, ChannelSpec c, List<Problem> out) {
        if (a.name().equals(c.name())) {
            out.add(c.at("name").problem("channel name '" + c.name() + "' is already used by " + Fmt.at(a.loc())));
        }
        if (c.doorbell() != ChannelLayout.NO_DOORBELL && a.doorbell() == c.doorbell() && !a.to().equals(c.to())) {
            out.add(c.at("doorbell").problem("channel '" + c.name() + "': doorbell line " + c.doorbell()
                    + " is already the doorbell of channel '" + a.name() + "' to another receiver ('" + a.to() + "')"));
        }
        if (a.to().equals(c.to()) && a.dataId() == c.dataId()) {
            out.add(c.at("protection.dataId").problem("channel '" + c.name() + "': data id " + c.dataId()
                    + " is already used by channel '" + a.name() + "' to the same receiver '" + c.to()
                    + "' (a receiver tells its channels apart by data id)"));
        }
    }
}
