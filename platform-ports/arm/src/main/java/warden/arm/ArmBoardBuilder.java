package warden.arm;

import warden.arm.hw.GenericTimer;
import warden.arm.hw.GicCpuInterface;
import warden.arm.hw.GicDescriptor;
import warden.arm.hw.GicDistributor;
import warden.arm.hw.GicRedistributor;
import warden.arm.hw.GicRegisters;
import warden.arm.hw.GicState;
import warden.arm.hw.TransactionSecurity;
import warden.arm.hw.Tzc400;
import warden.arm.hw.Tzc400Descriptor;
import warden.emu.BoardDevices;
import warden.emu.Bus;
import warden.emu.ConsoleLog;
import warden.emu.DeviceSpec;
import warden.emu.MmioDevice;
import warden.emu.dev.can.CanBoard;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.SystemImage;

/**
 * Boot-time construction of the Arm board: the bus from the platform description, and the EL3
 * firmware's cold-boot programming of the GIC (as TF-A's {@code gicv3_distif_init},
 * {@code gicv3_rdistif_init} and {@code gicv3_cpuif_enable} do): all three groups enabled at the
 * distributor, the Secure physical timer's PPI 29 as Group 0 at the highest priority (0x00) on
 * every redistributor, and every CPU interface with ICC_PMR_EL1 = 0xF8 and ICC_IGRPEN0_EL1 and
 * both copies of ICC_IGRPEN1_EL1 set.
 */
final class ArmBoardBuilder {
    private ArmBoardBuilder() {
    }

    static Bus bus(ArmPlatform platform, SystemImage image, ConsoleLog console, GicDistributor gicd,
                   GicRedistributor gicr, Tzc400[] filters, CanBoard can, NicBoard nic) {
        Bus bus = new Bus();
        BoardDevices.addRam(bus, platform.description());
        for (DeviceSpec d : platform.description().devices()) {
            if (d.kind().equals("tzc400")) {
                for (int f = 0; f < filters.length && (f + 1) * Tzc400Descriptor.SIZE <= d.size(); f++) {
                    bus.addDevice(d.base() + f * Tzc400Descriptor.SIZE, Tzc400Descriptor.SIZE, filters[f]);
                }
                continue;
            }
            bus.addDevice(d.base(), d.size(), device(d, image, console, gicd, gicr, can, nic));
        }
        return bus;
    }

    private static MmioDevice device(DeviceSpec d, SystemImage image, ConsoleLog console, GicDistributor gicd,
                                     GicRedistributor gicr, CanBoard can, NicBoard nic) {
        switch (d.kind()) {
            case "gicd": return gicd;
            case "gicr": return gicr;
            default: return BoardDevices.common(d, image, console, can, nic);
        }
    }

    static void coldBoot(GicState state, GicCpuInterface[] cpus, GicDistributor gicd, TransactionSecurity security) {
        security.set(false);
        gicd.write(GicDescriptor.CTLR, 4,
                GicState.CTLR_ENABLE_GRP0 | GicState.CTLR_ENABLE_GRP1NS | GicState.CTLR_ENABLE_GRP1S, 0);
        GicRegisters regs = new GicRegisters(state);
        long timerBit = 1L << GenericTimer.PPI_SECURE_PHYS;
        for (int c = 0; c < cpus.length; c++) {
            regs.writeBits(c, 0, GicRegisters.IGROUPR,
                    regs.readBits(c, 0, GicRegisters.IGROUPR, false) & ~timerBit, false);
            regs.writeBits(c, 0, GicRegisters.IGRPMODR,
                    regs.readBits(c, 0, GicRegisters.IGRPMODR, false) & ~timerBit, false);
            regs.writePriority(c, GenericTimer.PPI_SECURE_PHYS, 0x00, false);
            regs.writeBits(c, 0, GicRegisters.ISENABLER, timerBit, false);
            cpus[c].writePmr((int) ContextLayout.PMR_OPEN, false);
            cpus[c].writeIgrpen0(true);
            cpus[c].writeIgrpen1(false, true);
            cpus[c].writeIgrpen1(true, true);
        }
    }
}
