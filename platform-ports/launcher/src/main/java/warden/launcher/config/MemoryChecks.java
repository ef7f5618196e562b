package warden.launcher.config;

import java.util.ArrayList;
import java.util.List;
import warden.emu.PlatformDescription;
import warden.kernel.api.SystemImage;

/**
 * Memory-layout checks: no zero sizes, every region and the monitor inside RAM, no region overlapping
 * another (in the same or another partition) or the monitor, the entry point inside a region of its
 * partition, and no more regions than the kernel's tables hold.
 */
final class MemoryChecks {
    private MemoryChecks() {
    }

    static void check(SystemDescription d, PlatformDescription p, MonitorSpec m, List<Problem> out) {
        monitor(m, p, out);
        List<RegionSpec> seen = new ArrayList<>();
        List<String> owner = new ArrayList<>();
        int total = 0;
        for (PartitionSpec ps : d.partitions()) { // at most 16 partitions x 8 regions
            for (RegionSpec r : ps.memory()) {
                region(ps, r, p, m, seen, owner, out);
                seen.add(r);
                owner.add(ps.name());
            }
            total += ps.memory().size();
            entry(ps, out);
        }
        images(d, m, out);
        if (total > SystemImage.REGIONS_MAX) {
            out.add(d.loc().field("partitions").problem("the system has " + total
                    + " memory regions; the kernel holds at most " + SystemImage.REGIONS_MAX));
        }
    }

    // [impl->dsn~config.check.zero-size~1]
    // [impl->dsn~config.check.ram~1]
    private static void monitor(MonitorSpec m, PlatformDescription p, List<Problem> out) {
        if (m.size() == 0) {
            out.add(m.loc().field("size").problem("the monitor memory has size 0"));
        } else if (!p.inRam(m.base(), m.size())) {
            out.add(m.loc().problem("the monitor memory " + Fmt.range(m.base(), m.size())
                    + " is not inside the RAM of the " + p.target() + " platform" + ram(p)));
        }
    }

    // [impl->dsn~config.check.overlap~1]
    // [impl->dsn~config.check.monitor-overlap~1]
    private static void region(PartitionSpec ps, RegionSpec r, PlatformDescription p, MonitorSpec m,
                               List<RegionSpec> seen, List<String> owner, List<Problem> out) {
        String self = "region '" + r.name() + "' " + Fmt.range(r.base(), r.size())
                + " of partition '" + ps.name() + "'";
        if (r.size() == 0) {
            out.add(r.loc().field("size").problem("region '" + r.name() + "' has size 0"));
            return;
        }
        if (!p.inRam(r.base(), r.size())) {
            out.add(r.loc().problem(self + " is not inside the RAM of the " + p.target() + " platform" + ram(p)));
        }
        if (m.size() > 0 && overlaps(r.base(), r.size(), m.base(), m.size())) {
            out.add(r.loc().problem(self + " overlaps the monitor memory " + Fmt.range(m.base(), m.size())));
        }
        for (int i = 0; i < seen.size(); i++) { // bounded by the regions before this one
            RegionSpec o = seen.get(i);
            if (o.size() > 0 && overlaps(r.base(), r.size(), o.base(), o.size())) {
                out.add(r.loc().problem(self + " overlaps region '" + o.name() + "' "
                        + Fmt.range(o.base(), o.size()) + " of partition '" + owner.get(i) + "' at "
                        + Fmt.at(o.loc())));
            }
        }
    }

    // [impl->dsn~config.check.entry~1]
    private static void entry(PartitionSpec ps, List<Problem> out) {
        for (RegionSpec r : ps.memory()) { // at most 8; a zero size is reported already
            if (r.size() == 0 || Long.compareUnsigned(ps.entry() - r.base(), r.size()) < 0) {
                return;
            }
        }
        out.add(ps.at("entry").problem("entry " + Fmt.hex(ps.entry())
                + " is not inside any memory region of partition '" + ps.name() + "'"));
    }

    /**
     * Golden images: each loads entirely inside one region of its partition, and together they fit
     * in the upper half of the monitor memory.
     *
     * [impl->dsn~config.image~1]
     */
    private static void images(SystemDescription d, MonitorSpec m, List<Problem> out) {
        for (PartitionSpec ps : d.partitions()) { // at most 16 partitions x 8 regions
            ImageSpec im = ps.image();
            boolean inside = false;
            boolean entryInside = false;
            boolean zeroRegion = false;
            for (RegionSpec r : ps.memory()) {
                inside |= r.size() >= im.size()
                        && Long.compareUnsigned(im.load() - r.base(), r.size() - im.size() + 1) < 0;
                entryInside |= Long.compareUnsigned(ps.entry() - r.base(), r.size()) < 0;
                zeroRegion |= r.size() == 0;
            }
            boolean reported = zeroRegion || (im.load() == ps.entry() && !entryInside); // said once already
            if (!inside && !reported) {
                out.add(im.loc().problem("the golden image of partition '" + ps.name() + "' (" + im.size()
                        + " bytes, loaded at " + Fmt.hex(im.load())
                        + ") does not lie inside one of its memory regions"));
            }
        }
        if (m.size() == 0) {
            return;
        }
        long[] at = ImageStore.layout(d.partitions(), m);
        for (int i = 0; i < at.length; i++) {
            PartitionSpec ps = d.partitions().get(i);
            if (at[i] + ps.image().size() > m.base() + m.size()) {
                out.add(ps.image().loc().problem("the golden image of partition '" + ps.name() + "' ("
                        + ps.image().size()
                        + " bytes) does not fit in the image store: the upper half of the monitor memory "
                        + Fmt.range(ImageStore.start(m), m.base() + m.size() - ImageStore.start(m))
                        + " holds the images of all partitions, each at a 4 KiB boundary; enlarge monitor.memory"));
                return;
            }
        }
    }

    static boolean overlaps(long b1, long s1, long b2, long s2) {
        return b1 < b2 + s2 && b2 < b1 + s1;
    }

    private static String ram(PlatformDescription p) {
        StringBuilder sb = new StringBuilder(" (RAM:");
        p.memory().forEach(ms -> sb.append(' ').append(Fmt.range(ms.base(), ms.size())));
        return sb.append(')').toString();
    }
}
