package warden.launcher.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.PlatformDescription;

/**
 * Workload consistency: a positive tick; an ISR handles one of the partition's own devices that has
 * a line; tasks have unique names and 0 &lt; wcet &lt;= deadline &lt;= period; the tasks of an RTOS
 * need at most 100% of a core; probe accesses are 1, 2, 4 or 8 bytes; burst and idle ranges have
 * min &lt;= max and a positive max; a hostile workload has a positive period and at least one
 * positive weight in its mix.
 *
 * [impl->dsn~config.check.workload~1]
 */
final class WorkloadChecks {
    private WorkloadChecks() {
    }

    static void check(SystemDescription d, PlatformDescription p, List<Problem> out) {
        for (PartitionSpec ps : d.partitions()) { // at most 16
            if (ps.workload() instanceof RtosSpec r) {
                tick(r.tickNs(), r.loc(), out);
                isr(ps, r.isr(), p, out);
                tasks(r, out);
            } else if (ps.workload() instanceof RichOsSpec r) {
                tick(r.tickNs(), r.loc(), out);
                isr(ps, r.isr(), p, out);
                range("burst", r.burstMinNs(), r.burstMaxNs(), r.loc(), out);
                range("idle", r.idleMinNs(), r.idleMaxNs(), r.loc(), out);
            } else if (ps.workload() instanceof HostileSpec h) {
                hostile(h, out);
            } else if (ps.workload() instanceof ElfSpec e) {
                elf(ps, e, p, out);
            } else if (ps.workload() instanceof LinuxSpec l) {
                linux(ps, l, p, out);
            } else if (ps.workload() instanceof ProbeSpec r) {
                for (ProbeAccess a : r.accesses()) { // at most 256
                    if (a.size() != 1 && a.size() != 2 && a.size() != 4 && a.size() != 8) {
                        out.add(a.loc().field("size").problem("probe access size " + a.size()
                                + " is not 1, 2, 4 or 8 bytes"));
                    } else if (a.access() == warden.kernel.api.Access.EXECUTE && a.size() != 4) {
                        // [impl->dsn~config.check.probe-execute~1]
                        out.add(a.loc().field("size").problem("an execute access is an instruction fetch of"
                                + " 4 bytes; size " + a.size() + " cannot be fetched"));
                    }
                }
            }
        }
    }

    /**
     * An ELF workload runs on RISC-V only (Arm and x86 do not run real binaries yet); its loadable
     * segments and the device tree behind them must lie inside the partition's own memory regions.
     *
     * [impl->dsn~config.workload.elf~1]
     */
    private static void elf(PartitionSpec ps, ElfSpec e, PlatformDescription p, List<Problem> out) {
        if (!ElfWorkloads.supported(p)) {
            out.add(e.loc().field("kind").problem("kind: elf is not yet supported on target '" + p.target()
                    + "': only the riscv target runs real binaries (Arm and x86 run guest models)"));
            return;
        }
        for (int i = 0; i < e.elf().segments(); i++) { // at most 64
            long a = e.elf().segmentAddress(i);
            long n = e.elf().segmentMemorySize(i);
            if (!inside(ps, a, n)) {
                out.add(e.loc().field("file").problem("segment " + i + " of '" + e.file() + "' ("
                        + Fmt.hex(a) + ", " + n + " bytes) is not inside one of the memory regions of partition '"
                        + ps.name() + "'"));
            }
        }
        if (e.resolved() != null && !inside(ps, e.resolved().fdtAddress(), e.resolved().fdtSize())) {
            out.add(e.loc().field("file").problem("no room for the device tree (" + e.resolved().fdtSize()
                    + " bytes at " + Fmt.hex(e.resolved().fdtAddress()) + ", after the segments of '" + e.file()
                    + "') inside the memory regions of partition '" + ps.name() + "'"));
        }
    }

    /**
     * A Linux partition runs on RISC-V only, in a first memory region that holds the kernel at its
     * 2 MiB aligned load address and the device tree, with the board's virtual PLIC among its devices.
     *
     * [impl->dsn~config.workload.linux~1]
     */
    private static void linux(PartitionSpec ps, LinuxSpec l, PlatformDescription p, List<Problem> out) {
        if (!ElfWorkloads.supported(p)) {
            out.add(l.loc().field("kind").problem("kind: linux is not yet supported on target '" + p.target()
                    + "': only the riscv target runs real binaries"));
            return;
        }
        if (ps.memory().isEmpty()) {
            out.add(l.loc().field("kind").problem("a Linux partition needs a memory region to boot in"));
            return;
        }
        RegionSpec ram = ps.memory().get(0);
        String problem = l.image().placementProblem(ram.base(), ram.size());
        if (problem != null) {
            out.add(l.loc().field("image").problem(problem));
        }
        if (!ps.devices().contains("vplic")) {
            out.add(l.loc().field("kind").problem("Linux drives its own PLIC: add the board's virtual PLIC"
                    + " 'vplic' to the devices of partition '" + ps.name() + "'"));
        }
    }

    private static boolean inside(PartitionSpec ps, long address, long size) {
        for (RegionSpec r : ps.memory()) { // at most 8
            if (Long.compareUnsigned(address - r.base(), r.size()) < 0
                    && Long.compareUnsigned(size, r.size() - (address - r.base())) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** [impl->dsn~config.workload.hostile~1] */
    private static void hostile(HostileSpec h, List<Problem> out) {
        if (h.periodNs() <= 0) {
            out.add(h.loc().field("period").problem("period must be greater than 0"));
        }
        int total = 0;
        for (int w : h.mix()) { // four kinds
            total += w;
        }
        if (total == 0) {
            out.add(h.loc().field("mix").problem("every weight of the mix is 0: the hostile guest would do nothing"));
        }
    }

    private static void tick(long tickNs, Loc loc, List<Problem> out) {
        if (tickNs <= 0) {
            out.add(loc.field("tick").problem("tick must be greater than 0"));
        }
    }

    private static void isr(PartitionSpec ps, IsrSpec isr, PlatformDescription p, List<Problem> out) {
        if (isr == null) {
            return;
        }
        DeviceSpec dev = p.device(isr.device());
        if (!ps.devices().contains(isr.device())) {
            out.add(isr.loc().field("device").problem("isr device '" + isr.device()
                    + "' is not one of the devices " + ps.devices() + " of partition '" + ps.name() + "'"));
        } else if (dev != null && dev.line() <= 0) {
            out.add(isr.loc().field("device").problem("isr device '" + isr.device() + "' has no interrupt line"));
        }
    }

    private static void tasks(RtosSpec r, List<Problem> out) {
        List<String> names = new ArrayList<>();
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (TaskSpec t : r.tasks()) { // at most 16
            if (names.contains(t.name())) {
                out.add(t.loc().field("name").problem("task name '" + t.name() + "' is used twice"));
            }
            names.add(t.name());
            if (t.wcetNs() <= 0 || t.wcetNs() > t.deadlineNs() || t.deadlineNs() > t.periodNs()) {
                out.add(t.loc().problem("task '" + t.name() + "' needs 0 < wcet (" + Fmt.ns(t.wcetNs())
                        + ") <= deadline (" + Fmt.ns(t.deadlineNs()) + ") <= period ("
                        + Fmt.ns(t.periodNs()) + ")"));
                continue;
            }
            BigInteger period = BigInteger.valueOf(t.periodNs());
            num = num.multiply(period).add(BigInteger.valueOf(t.wcetNs()).multiply(den));
            den = den.multiply(period);
        }
        if (num.compareTo(den) > 0) {
            double percent = num.doubleValue() * 100.0 / den.doubleValue();
            out.add(r.loc().field("tasks").problem(String.format(java.util.Locale.ROOT,
                    "tasks need %.1f%% of a core (sum of wcet/period); at most 100%% is schedulable", percent)));
        }
    }

    private static void range(String what, long min, long max, Loc loc, List<Problem> out) {
        if (max <= 0) {
            out.add(loc.field(what).problem(what + " max must be greater than 0"));
        } else if (min > max) {
            out.add(loc.field(what).problem(what + " min (" + Fmt.ns(min) + ") is greater than max ("
                    + Fmt.ns(max) + ")"));
        }
    }
}
