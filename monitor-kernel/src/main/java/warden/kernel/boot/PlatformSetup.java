package warden.kernel.boot;

import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;

/**
 * Boot-time programming of the platform from a checked image: the protection unit (the monitor's
 * memory, and one slot per partition with its regions, devices and channel rings: deny by default) and the
 * interrupt controller (each owned line routed to its core, with its priority).
 *
 * [impl->dsn~kernel.boot~1]
 */
public final class PlatformSetup {
    private PlatformSetup() {
    }

    /**
     * @return Status.OK, or the first error the port returned.
     *
     * [impl->dsn~kernel.deny-by-default~1]
     * [impl->dsn~kernel.boot~1]
     */
    public static int programProtection(Platform platform, SystemImage image) {
        ProtectionUnit pu = platform.protection();
        int st = pu.protectMonitor(image.monitorBase(), image.monitorSize());
        for (int p = 0; p < image.partitionCount() && st == Status.OK; p++) {
            st = pu.beginSlot(p);
            for (int i = 0; i < image.regionCount(p) && st == Status.OK; i++) {
                int r = image.region(p, i);
                st = pu.addRegion(p, image.regionBase(r), image.regionSize(r), image.regionPerms(r));
            }
            for (int d = 0; d < image.deviceTotal() && st == Status.OK; d++) {
                if (image.deviceOwner(d) == p) {
                    st = pu.addRegion(p, image.deviceBase(d), image.deviceSize(d), Access.READ | Access.WRITE);
                }
            }
            st = st == Status.OK ? addRings(pu, image, p) : st;
        }
        return st;
    }

    /**
     * Maps the rings of partition p's channels into its slot: read-write where p is the sender,
     * read-only where p is the receiver; a partition that is neither gets no entry for the ring,
     * so its protection unit denies every access to it (deny by default).
     *
     * [impl->dsn~channel.protection~1]
     */
    static int addRings(ProtectionUnit pu, SystemImage image, int p) {
        int st = Status.OK;
        for (int c = 0; c < image.channelTotal() && st == Status.OK; c++) {
            int perms = image.channelSender(c) == p ? Access.READ | Access.WRITE
                    : image.channelReceiver(c) == p ? Access.READ : 0;
            if (perms != 0) {
                st = pu.addRegion(p, image.channelBase(c), image.channelRegionSize(c), perms);
            }
        }
        return st;
    }

    /**
     * Writes each access-control entry's preset to its register, as the monitor, before any
     * partition runs: a mediated register starts with a value its entry allows (a transmit mailbox
     * with an allowed identifier, not its reset value), unless {@code before} is an error already.
     * @return {@code before} when it is not Status.OK, else OK, or FAILED on a bus error
     * [impl->dsn~kernel.device.preset~1]
     */
    public static int presetRegisters(Platform platform, SystemImage image, int before) {
        int st = before;
        for (int e = 0; e < image.aclTotal() && st == Status.OK; e++) { // <= ENTRIES_MAX
            long v = image.aclPreset(e);
            if (v != -1 && platform.memory().writeDevice(image.deviceBase(image.aclDevice(e))
                    + image.aclOffset(e), (int) v) != 0) {
                st = Status.FAILED;
            }
        }
        return st;
    }

    /** Routes every owned line to its core, with its priority. [impl->dsn~kernel.boot~1] */
    public static int routeLines(Platform platform, SystemImage image) {
        int st = Status.OK;
        for (int l = 1; l < SystemImage.LINES_MAX && st == Status.OK; l++) {
            int owner = image.lineOwner(l);
            if (owner != SystemImage.NO_PARTITION) {
                st = platform.interrupts().route(l, image.lineCore(l), image.linePriority(l),
                        Criticality.isCritical(image.criticality(owner)));
            }
        }
        return st;
    }
}
