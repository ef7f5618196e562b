package warden.riscv;

import java.util.List;
import warden.emu.DeviceSpec;

/**
 * A RISC-V Linux kernel {@code Image} and how Warden boots it as a partition, as the kernel's boot
 * protocol (Documentation/riscv/boot.rst, "RISC-V Kernel Boot Requirements and Constraints") and
 * its image header (Documentation/riscv/boot-image-header.rst, arch/riscv/include/asm/image.h)
 * define it: a 64-byte header with {@code text_offset} at byte 8 (the load offset from the start of
 * RAM, 0x200000 for RV64 S-mode kernels), {@code image_size} at byte 16 (the memory the kernel
 * occupies, its bss included), the version at byte 32 and the magic "RISCV\0\0\0" at byte 48 and
 * "RSC\x05" at byte 56; the image is entered at its first byte in S-mode with the MMU off, a0 = the
 * hart id and a1 = the physical address of the device tree, which must lie in memory the kernel
 * does not overwrite. The load address is 2 MiB aligned on RV64 (a PMD).
 *
 * <p>Warden places the kernel at the partition's first memory region + text_offset (the region
 * must start 2 MiB aligned) and the device tree in the last 64 KiB of that region. The kernel's
 * golden image (what it checks and copies at every start) is the device tree; the Image itself is
 * the partition's payload, loaded by the port as a boot loader would at every start of the vCPU
 * ({@link ElfGuest}), checked against its SHA-256 when the description is read.
 *
 * @param image      the Image's bytes
 * @param textOffset its load offset from the start of RAM
 * @param imageSize  the memory it occupies from its load address
 *
 * [impl->dsn~riscv.linux.image~1]
 */
public record LinuxImage(byte[] image, long textOffset, long imageSize) {
    /** The memory it needs beside its image_size: a PMD for the device tree and early allocations. */
    static final long PMD = 2L << 20;
    /** The room kept at the end of the first region for the device tree. */
    public static final long FDT_ROOM = 64L << 10;
    /** The ISA the device tree gives a Linux partition's harts: what the interpreter executes. */
    public static final String ISA = "rv64imafdc_zicsr_zifencei";
    /** The UART input clock the device tree gives (the 1.8432 MHz crystal's double, as QEMU's virt board). */
    public static final long UART_CLOCK_HZ = 3_686_400L;
    /** The S-mode external interrupt (scause 9) each PLIC context of the device tree is wired to. */
    static final int IRQ_S_EXT = 9;

    public LinuxImage {
        image = image.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /** A file that is not a RISC-V Linux Image, or one that does not fit. */
    public static final class BadImage extends Exception {
        private static final long serialVersionUID = 1L;

        public BadImage(String message) {
            super(message);
        }
    }

    /** @return the Image in {@code bytes}, checked: header magic, version, sizes. */
    public static LinuxImage parse(byte[] bytes) throws BadImage {
        if (bytes.length < 64) {
            throw new BadImage("too short for a RISC-V Linux Image header (" + bytes.length + " bytes, need 64)");
        }
        if (le(bytes, 48, 8) != 0x5643_5349_52L || le(bytes, 56, 4) != 0x0543_5352L) {
            throw new BadImage("no RISC-V Linux Image magic (\"RISCV\" at byte 48, \"RSC\\x05\" at byte 56):"
                    + " give arch/riscv/boot/Image, not vmlinux or a compressed image");
        }
        long textOffset = le(bytes, 8, 8);
        long imageSize = le(bytes, 16, 8);
        if (imageSize < bytes.length || imageSize > 1L << 30 || (textOffset & (PMD - 1)) != 0
                || textOffset > 1L << 30) {
            throw new BadImage("header gives text_offset " + textOffset + " and image_size " + imageSize
                    + " for a file of " + bytes.length + " bytes");
        }
        return new LinuxImage(bytes, textOffset, imageSize);
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | b[off + i] & 0xff;
        }
        return v;
    }

    /** @return where the kernel is loaded in a partition whose first region starts at {@code ramBase}. */
    public long loadAddress(long ramBase) {
        return ramBase + textOffset;
    }

    /**
     * @return a problem with placing this kernel in region {ramBase, ramSize}, or null: the region
     *     must be 2 MiB aligned and hold the kernel's image_size, a PMD of room, and the device tree
     */
    public String placementProblem(long ramBase, long ramSize) {
        if ((ramBase & (PMD - 1)) != 0) {
            return "the first memory region starts at 0x" + Long.toHexString(ramBase)
                    + ", which is not 2 MiB aligned as a RISC-V Linux kernel's RAM must be";
        }
        long need = textOffset + imageSize + PMD + FDT_ROOM;
        if (ramSize < need) {
            return "the first memory region holds " + ramSize + " bytes; the kernel needs at least " + need
                    + " (text_offset + image_size + 2 MiB + the device tree)";
        }
        return null;
    }

    /** @return where the device tree goes in a first region {ramBase, ramSize}. */
    public static long fdtAddress(long ramBase, long ramSize) {
        return ramBase + ramSize - FDT_ROOM;
    }

    /**
     * The partition's golden image for the kernel: the device tree Linux boots with, at
     * {@link #fdtAddress}, entered at the Image's load address.
     */
    public ElfPartition partition(ElfPartition.Owned owned, String bootargs) {
        long[] ram = owned.regions().get(0);
        byte[] fdt = deviceTree(owned, bootargs);
        long at = fdtAddress(ram[0], ram[1]);
        return new ElfPartition(fdt, at, loadAddress(ram[0]), at, fdt.length);
    }

    /**
     * The device tree of a Linux partition, as the kernel's bindings require: {@code /chosen}
     * (bootargs, stdout-path), {@code /cpus} (timebase-frequency; per hart riscv,isa, mmu-type
     * riscv,sv39 and a riscv,cpu-intc), the memory regions, and {@code /soc} with the virtual PLIC
     * (riscv,plic0: riscv,ndev, one context per hart wired to its S-mode external interrupt) and
     * the partition's devices, a UART as ns16550a with its interrupt and clock-frequency.
     * [impl->dsn~riscv.linux.fdt~1]
     */
    public static byte[] deviceTree(ElfPartition.Owned o, String bootargs) {
        Fdt t = new Fdt().begin("").cells("#address-cells", 2).cells("#size-cells", 2)
                .string("compatible", "warden,partition").string("model", "warden partition " + o.name());
        DeviceSpec uart = null;
        DeviceSpec plic = null;
        for (DeviceSpec d : o.devices()) {
            if (uart == null && d.kind().equals("uart")) {
                uart = d;
            }
            if (plic == null && d.kind().equals(VirtualPlic.KIND)) {
                plic = d;
            }
        }
        t.begin("chosen").string("bootargs", bootargs);
        if (uart != null) {
            t.string("stdout-path", "/soc/serial@" + Long.toHexString(uart.base()));
        }
        t.end();
        cpus(t, o);
        for (long[] r : o.regions()) {
            t.begin("memory@" + Long.toHexString(r[0])).string("device_type", "memory").pairs("reg", r[0], r[1]).end();
        }
        t.begin("soc").cells("#address-cells", 2).cells("#size-cells", 2).string("compatible", "simple-bus")
                .empty("ranges");
        if (plic != null) {
            plic(t, plic, o.cores().size());
        }
        devices(t, o.devices(), plic != null);
        t.end();
        t.end();
        return t.finish(o.cores().isEmpty() ? 0 : o.cores().get(0));
    }

    /** Each hart with its ISA, Sv39 and its local interrupt controller (phandle 2 + index). */
    private static void cpus(Fdt t, ElfPartition.Owned o) {
        t.begin("cpus").cells("#address-cells", 1).cells("#size-cells", 0)
                .cells("timebase-frequency", o.timebaseHz());
        List<Integer> cores = o.cores();
        for (int i = 0; i < cores.size(); i++) {
            int c = cores.get(i);
            t.begin("cpu@" + Integer.toHexString(c)).string("device_type", "cpu").cells("reg", c)
                    .string("compatible", "riscv").string("riscv,isa", ISA).string("mmu-type", "riscv,sv39")
                    .string("status", "okay")
                    .begin("interrupt-controller").cells("#interrupt-cells", 1).empty("interrupt-controller")
                    .string("compatible", "riscv,cpu-intc").cells("phandle", 2 + i).end()
                    .end();
        }
        t.end();
    }

    /** The virtual PLIC (phandle 1): one context per hart, its S-mode external interrupt. */
    private static void plic(Fdt t, DeviceSpec plic, int harts) {
        long[] contexts = new long[2 * harts];
        for (int i = 0; i < harts; i++) {
            contexts[2 * i] = 2 + i;
            contexts[2 * i + 1] = IRQ_S_EXT;
        }
        t.begin("interrupt-controller@" + Long.toHexString(plic.base())).string("compatible", "riscv,plic0")
                .pairs("reg", plic.base(), plic.size()).cells("#interrupt-cells", 1).cells("#address-cells", 0)
                .empty("interrupt-controller").cells("riscv,ndev", 127).cells("interrupts-extended", contexts)
                .cells("phandle", 1).end();
    }

    /** The partition's devices; a UART is an ns16550a with its input clock, byte registers and line. */
    private static void devices(Fdt t, List<DeviceSpec> devices, boolean withPlic) {
        for (DeviceSpec d : devices) {
            if (d.kind().equals(VirtualPlic.KIND)) {
                continue;
            }
            boolean isUart = d.kind().equals("uart");
            t.begin((isUart ? "serial" : d.kind()) + "@" + Long.toHexString(d.base()))
                    .string("compatible", isUart ? "ns16550a" : "warden," + d.kind()).pairs("reg", d.base(), d.size());
            if (isUart) {
                t.cells("clock-frequency", UART_CLOCK_HZ).cells("reg-shift", 0).cells("reg-io-width", 1);
            }
            if (d.line() > 0 && withPlic) {
                t.cells("interrupt-parent", 1).cells("interrupts", d.line());
            }
            t.end();
        }
    }
}
