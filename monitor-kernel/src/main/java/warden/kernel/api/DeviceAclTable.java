package warden.kernel.api;

import static warden.kernel.api.DeviceAcl.ENTRIES_MAX;

import warden.kernel.api.rules.BootPhase;

/**
 * The mediated devices' access-control list of an image, as primitive arrays indexed by entry:
 * filled by the {@link SystemImageBuilder}, copied once into the frozen {@link SystemImage}, never
 * changed after. See {@link DeviceAcl} for what an entry allows.
 *
 * [impl->dsn~kernel.device.acl~1]
 */
// justification: the builder checks the table bound before it writes; readers use entries below total
@SuppressWarnings("index")
final class DeviceAclTable {
    int total;
    final int[] partition;
    final int[] device;
    final int[] offset;
    final int[] access;
    final long[] mask;
    final long[] min;
    final long[] max;
    final int[] rate;
    final long[] windowNs;
    /** The value the monitor writes to the register at boot, or -1 for none. */
    final long[] preset;

    @BootPhase("builds an image before boot")
    DeviceAclTable() {
        partition = new int[ENTRIES_MAX];
        device = new int[ENTRIES_MAX];
        offset = new int[ENTRIES_MAX];
        access = new int[ENTRIES_MAX];
        mask = new long[ENTRIES_MAX];
        min = new long[ENTRIES_MAX];
        max = new long[ENTRIES_MAX];
        rate = new int[ENTRIES_MAX];
        windowNs = new long[ENTRIES_MAX];
        preset = new long[ENTRIES_MAX];
    }

    private DeviceAclTable(DeviceAclTable t) {
        total = t.total;
        partition = t.partition.clone();
        device = t.device.clone();
        offset = t.offset.clone();
        access = t.access.clone();
        mask = t.mask.clone();
        min = t.min.clone();
        max = t.max.clone();
        rate = t.rate.clone();
        windowNs = t.windowNs.clone();
        preset = t.preset.clone();
    }

    /** Appends an entry without a preset (see SystemImageBuilder#aclEntry). @return its index */
    @BootPhase("builds an image before boot")
    int add(int p, int d, int off, int acc, long msk, long lo, long hi, int r, long window) {
        if (total >= ENTRIES_MAX) {
            throw new IllegalArgumentException("more than " + ENTRIES_MAX + " access-control entries");
        }
        int e = total++;
        partition[e] = p;
        device[e] = d;
        offset[e] = off;
        access[e] = acc;
        mask[e] = msk;
        min[e] = lo;
        max[e] = hi;
        rate[e] = r;
        windowNs[e] = window;
        preset[e] = -1;
        return e;
    }

    /** @return a copy with arrays of its own, for the frozen image. [impl->dsn~kernel.device.acl~1] */
    @BootPhase("builds an image before boot")
    DeviceAclTable copy() {
        return new DeviceAclTable(this);
    }
}
