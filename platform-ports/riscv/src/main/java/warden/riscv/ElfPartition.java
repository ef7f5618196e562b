package warden.riscv;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.riscv.cpu.ElfImage;

/**
 * The golden image of a partition that runs a RISC-V ELF binary: its loadable segments laid out
 * from the lowest segment address to the end of the highest (gaps and the bytes past each
 * p_filesz zero), then, at the next 8-byte boundary, the device tree blob that describes what the
 * partition owns. The kernel checks this image against its digest and copies it into the
 * partition's memory at boot and before every restart, so the binary, its zeroed data and its
 * device tree are reloaded together.
 *
 * @param image      the bytes to load
 * @param load       where they go (the lowest segment address)
 * @param entry      the ELF entry point
 * @param fdtAddress where the device tree blob lies (passed in a1)
 * @param fdtSize    its size in bytes
 *
 * [impl->dsn~riscv.elf.image~1]
 */
public record ElfPartition(byte[] image, long load, long entry, long fdtAddress, int fdtSize) {
    /** The ISA string the device tree gives each cpu node (what the interpreter executes). */
    public static final String ISA = "rv64imac_zicsr_zifencei";

    public ElfPartition {
        image = image.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /**
     * What a partition owns, as its device tree describes it.
     *
     * @param name       the partition's name
     * @param cores      its harts
     * @param timebaseHz the timebase of time and the SBI timer
     * @param regions    its memory regions as {base, size}
     * @param devices    its devices (name, kind, window, line)
     * @param channels   the ids of the channels it is an endpoint of
     */
    public record Owned(String name, List<Integer> cores, long timebaseHz, List<long[]> regions,
                        List<DeviceSpec> devices, List<Integer> channels) {
        /** A partition that is no channel's endpoint. */
        public Owned(String name, List<Integer> cores, long timebaseHz, List<long[]> regions,
                     List<DeviceSpec> devices) {
            this(name, cores, timebaseHz, regions, devices, List.of());
        }
    }

    /** @return the lowest segment address and the end of the highest (exclusive). */
    public static long[] span(ElfImage elf) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < elf.segments(); i++) {
            lo = Math.min(lo, elf.segmentAddress(i));
            hi = Math.max(hi, elf.segmentAddress(i) + elf.segmentMemorySize(i));
        }
        return elf.segments() == 0 ? new long[] {0, 0} : new long[] {lo, hi};
    }

    /** @return the golden image of {@code elf} with the device tree of {@code owned} behind it. */
    public static ElfPartition build(ElfImage elf, Owned owned) {
        long[] span = span(elf);
        byte[] fdt = deviceTree(owned);
        long fdtAddress = (span[1] + 7) & ~7L;
        int size = (int) (fdtAddress - span[0]) + fdt.length;
        byte[] out = new byte[size];
        for (int i = 0; i < elf.segments(); i++) {
            int at = (int) (elf.segmentAddress(i) - span[0]);
            for (long j = 0; j < elf.segmentFileSize(i); j++) {
                out[at + (int) j] = (byte) elf.segmentByte(i, j);
            }
        }
        System.arraycopy(fdt, 0, out, (int) (fdtAddress - span[0]), fdt.length);
        return new ElfPartition(out, span[0], elf.entry(), fdtAddress, fdt.length);
    }

    /**
     * The partition's device tree: its memory regions, its harts with the timebase, and a bus with
     * its own devices, whose interrupt lines go to a virtual controller claimed through Warden's
     * SBI extension ({@link Sbi#CLAIM_FID}); {@code /chosen/stdout-path} names its first UART.
     */
    public static byte[] deviceTree(Owned o) {
        Fdt t = new Fdt().begin("").cells("#address-cells", 2).cells("#size-cells", 2)
                .string("compatible", "warden,partition").string("model", "warden partition " + o.name());
        DeviceSpec uart = null;
        for (DeviceSpec d : o.devices()) {
            if (uart == null && d.kind().equals("uart")) {
                uart = d;
            }
        }
        if (uart != null) {
            t.begin("chosen").string("stdout-path", "/soc/" + nodeName(uart)).end();
        }
        t.begin("cpus").cells("#address-cells", 1).cells("#size-cells", 0)
                .cells("timebase-frequency", o.timebaseHz());
        for (int c : o.cores()) {
            t.begin("cpu@" + Integer.toHexString(c)).string("device_type", "cpu").cells("reg", c)
                    .string("compatible", "riscv").string("riscv,isa", ISA).string("mmu-type", "riscv,sv39")
                    .string("status", "okay")
                    .begin("interrupt-controller").cells("#interrupt-cells", 1).empty("interrupt-controller")
                    .string("compatible", "riscv,cpu-intc").end()
                    .end();
        }
        t.end();
        for (long[] r : o.regions()) {
            t.begin("memory@" + Long.toHexString(r[0])).string("device_type", "memory").pairs("reg", r[0], r[1]).end();
        }
        soc(t, o.devices());
        channels(t, o.channels());
        t.end();
        return t.finish(o.cores().isEmpty() ? 0 : o.cores().get(0));
    }

    /** The bus with the partition's own devices and the virtual interrupt controller their lines go to. */
    private static void soc(Fdt t, List<DeviceSpec> devices) {
        t.begin("soc").cells("#address-cells", 2).cells("#size-cells", 2).string("compatible", "simple-bus")
                .empty("ranges");
        t.begin("interrupt-controller").string("compatible", "warden,sbi-intc").cells("#interrupt-cells", 1)
                .empty("interrupt-controller").cells("phandle", 1).end();
        for (DeviceSpec d : devices) {
            t.begin(nodeName(d)).string("compatible", compatible(d.kind())).pairs("reg", d.base(), d.size());
            if (d.line() > 0) {
                t.cells("interrupt-parent", 1).cells("interrupts", d.line());
            }
            t.end();
        }
        t.end();
    }

    /**
     * The channels the partition is an endpoint of, when there are any: {@code /channels} with one
     * {@code channel@ID} node ({@code compatible = "warden,channel"}, {@code reg} = the id) each, so
     * a guest asks CHANNEL_INFO about its own channels only. [impl->dsn~guest.rtos.channels~1]
     */
    private static void channels(Fdt t, List<Integer> ids) {
        if (ids.isEmpty()) {
            return;
        }
        t.begin("channels").cells("#address-cells", 1).cells("#size-cells", 0);
        for (int id : ids) {
            t.begin("channel@" + Integer.toHexString(id)).string("compatible", "warden,channel").cells("reg", id).end();
        }
        t.end();
    }

    private static String nodeName(DeviceSpec d) {
        String generic = d.kind().equals("uart") ? "serial" : d.kind().equals("nic") ? "ethernet" : d.kind();
        return generic + "@" + Long.toHexString(d.base());
    }

    private static String compatible(String kind) {
        return kind.equals("uart") ? "ns16550a" : "warden," + kind;
    }
}
