package warden.riscv.hw;

import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.Access;
import warden.kernel.api.SystemImage;

/**
 * The monitor's boot-time programming of the {@link Iopmp} from the system image, as M-mode
 * firmware programs it before any device runs: bus master m (RRID m) gets memory domain m and
 * nothing else (the unit has as many RRIDs as memory domains); memory domain m holds, for each
 * memory region of the partition that owns master m in image order, a TOR pair (an OFF entry with
 * the region's base, then a TOR entry with its end, R and W as the region grants them); a master
 * that belongs to no partition, or beyond the unit's memory domains, gets no memory domain and so
 * no access at all. Regions that no longer fit the entry array are left out (less access, never
 * more). Runs once at boot; loops at most {@link Iopmp#MDS} ×
 * {@link SystemImage#REGIONS_PER_PARTITION_MAX} times.
 *
 * [impl->dsn~riscv.iopmp.setup~1]
 */
public final class IopmpSetup {
    private IopmpSetup() {
    }

    /** Programs {@code iopmp} for the DMA masters of {@code nics}. @return entries used */
    public static int program(Iopmp iopmp, SystemImage image, NicBoard nics) {
        int next = 0;
        for (int m = 0; m < Iopmp.MDS; m++) { // bound: the memory domains, one per RRID
            int owner = m < nics.masters() ? nics.owner(m) : SystemImage.NO_PARTITION;
            if (owner != SystemImage.NO_PARTITION) {
                next = domain(iopmp, image, owner, next);
            }
            iopmp.writeSrcmdEn(m, owner == SystemImage.NO_PARTITION ? 0 : 1 << m);
            iopmp.writeMdcfg(m, next);
        }
        return next;
    }

    private static int domain(Iopmp iopmp, SystemImage image, int p, int first) {
        int next = first;
        for (int r = 0; r < image.regionCount(p) && next + 2 <= Iopmp.ENTRIES_MAX; r++) { // bound: 16 regions
            int region = image.region(p, r);
            int perms = image.regionPerms(region);
            int cfg = ((perms & Access.READ) != 0 ? Iopmp.CFG_R : 0) | ((perms & Access.WRITE) != 0 ? Iopmp.CFG_W : 0);
            long base = image.regionBase(region);
            iopmp.writeEntry(next, base >>> 2, Iopmp.A_OFF << Iopmp.A_SHIFT);
            iopmp.writeEntry(next + 1, (base + image.regionSize(region)) >>> 2, cfg | Iopmp.A_TOR << Iopmp.A_SHIFT);
            next += 2;
        }
        return next;
    }
}
