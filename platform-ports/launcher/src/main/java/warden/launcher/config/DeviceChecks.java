package warden.launcher.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;
import warden.kernel.api.SystemImage;

/**
 * Device and interrupt checks: every assigned device is in the platform's catalog, not the
 * monitor's, and assigned once; every explicit line override names an existing line of one of the
 * partition's own devices, once, on one of its cores; every stimulus drives an assigned device that
 * has a line, once.
 */
final class DeviceChecks {
    private DeviceChecks() {
    }

    static void check(SystemDescription d, PlatformDescription p, List<Problem> out) {
        Map<String, Loc> assigned = new HashMap<>();
        Map<Integer, Loc> routed = new HashMap<>();
        List<PartitionSpec> ps = d.partitions();
        for (int i = 0; i < ps.size(); i++) { // at most 16
            devices(ps.get(i), p, assigned, out);
            lines(ps.get(i), p, routed, out);
        }
        if (assigned.size() > SystemImage.DEVICES_MAX) {
            out.add(d.loc().problem("more than " + SystemImage.DEVICES_MAX + " devices are assigned"));
        }
        stimuli(d, p, assigned, out);
    }

    // [impl->dsn~config.check.devices~1]
    private static void devices(PartitionSpec ps, PlatformDescription p, Map<String, Loc> assigned,
                                List<Problem> out) {
        for (int j = 0; j < ps.devices().size(); j++) { // at most 64
            String name = ps.devices().get(j);
            Loc loc = ps.at("devices[" + j + "]");
            DeviceSpec dev = p.device(name);
            if (dev == null) {
                out.add(loc.problem("unknown device '" + name + "': the " + p.target()
                        + " platform has " + assignable(p)));
            } else if (dev.monitorOnly()) {
                out.add(loc.problem("device '" + name + "' belongs to the monitor and cannot be"
                        + " assigned to a partition"));
            } else if (assigned.containsKey(name)) {
                out.add(loc.problem("device '" + name + "' is assigned to partition '" + ps.name()
                        + "' and already at " + Fmt.at(assigned.get(name))));
            } else {
                assigned.put(name, loc);
            }
        }
    }

    // [impl->dsn~config.check.lines~1]
    private static void lines(PartitionSpec ps, PlatformDescription p, Map<Integer, Loc> routed,
                              List<Problem> out) {
        int top = Math.min(p.lines(), SystemImage.LINES_MAX) - 1;
        for (LineSpec l : ps.interrupts()) { // at most 64
            Loc loc = l.loc().field("line");
            if (l.line() < 1 || l.line() > top) {
                out.add(loc.problem("interrupt line " + l.line() + " does not exist: the " + p.target()
                        + " platform has lines 1.." + top));
            } else if (routed.containsKey(l.line())) {
                out.add(loc.problem("interrupt line " + l.line() + " is routed twice: here and at "
                        + Fmt.at(routed.get(l.line()))));
            } else if (!ownLine(ps, p, l.line())) {
                out.add(loc.problem("interrupt line " + l.line() + " is not the line of a device of"
                        + " partition '" + ps.name() + "' (" + ownLines(ps, p) + ")"));
            } else {
                routed.put(l.line(), l.loc());
            }
            if (!ps.cores().contains(l.core())) {
                out.add(l.loc().field("core").problem("core " + l.core() + " is not one of the cores "
                        + ps.cores() + " of partition '" + ps.name() + "'"));
            }
        }
    }

    // [impl->dsn~config.check.stimuli~1]
    private static void stimuli(SystemDescription d, PlatformDescription p, Map<String, Loc> assigned,
                                List<Problem> out) {
        List<String> seen = new ArrayList<>();
        for (StimulusSpec s : d.stimuli()) { // at most 64
            DeviceSpec dev = p.device(s.device());
            Loc loc = s.loc().field("name");
            if (seen.contains(s.device())) {
                out.add(loc.problem("device '" + s.device() + "' has more than one stimulus"));
            } else if (!assigned.containsKey(s.device())) {
                out.add(loc.problem("stimulus device '" + s.device() + "' is not assigned to any partition"));
            } else if (dev.line() <= 0) {
                out.add(loc.problem("stimulus device '" + s.device() + "' has no interrupt line"));
            } else {
                canTraffic(s, dev, out);
            }
            seen.add(s.device());
        }
    }

    /**
     * {@code id} (the frames' identifier) belongs to a CAN controller only. [impl->dsn~config.stimulus-can-id~2]
     */
    private static void canTraffic(StimulusSpec s, DeviceSpec dev, List<Problem> out) {
        boolean can = dev.kind().equals("can");
        if (!can && s.canId() != null) {
            out.add(s.loc().field("id").problem("'id' is the identifier of CAN frames, but device '" + s.device()
                    + "' is a " + dev.kind() + ", not a CAN controller"));
        } else if (!can && s.extended()) { // [impl->dsn~config.stimulus-can-extended~1]
            out.add(s.loc().field("extended").problem("'extended' makes CAN frames' identifiers 29 bits, but device '"
                    + s.device() + "' is a " + dev.kind() + ", not a CAN controller"));
        }
    }

    static boolean ownLine(PartitionSpec ps, PlatformDescription p, int line) {
        for (String name : ps.devices()) { // at most 64
            DeviceSpec dev = p.device(name);
            if (dev != null && dev.line() == line) {
                return true;
            }
        }
        return false;
    }

    private static String ownLines(PartitionSpec ps, PlatformDescription p) {
        List<String> parts = new ArrayList<>();
        for (String name : ps.devices()) { // at most 64
            DeviceSpec dev = p.device(name);
            parts.add(name + ": " + (dev == null || dev.line() <= 0 ? "none" : dev.line()));
        }
        return parts.isEmpty() ? "it has no devices" : String.join(", ", parts);
    }

    private static String assignable(PlatformDescription p) {
        List<String> names = new ArrayList<>();
        p.devices().stream().filter(x -> !x.monitorOnly()).forEach(x -> names.add(x.name()));
        return String.join(", ", names);
    }
}
