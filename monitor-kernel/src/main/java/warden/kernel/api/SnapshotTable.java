package warden.kernel.api;

import static warden.kernel.api.SystemImage.NO_PARTITION;
import static warden.kernel.api.SystemImage.PARTITIONS_MAX;

import warden.kernel.api.rules.BootPhase;

/**
 * The snapshot settings of an image's partitions, as primitive arrays indexed by partition: filled
 * by the {@link SystemImageBuilder}, copied once into the frozen {@link SystemImage}, never changed
 * after.
 *
 * [impl->dsn~kernel.snapshot.take~1]
 */
final class SnapshotTable {
    final boolean[] enabled;
    final boolean[] atBoot;
    final long[] periodNs;
    final long[] atNs;
    final int[] by;

    @BootPhase("builds an image before boot")
    SnapshotTable() {
        enabled = new boolean[PARTITIONS_MAX];
        atBoot = new boolean[PARTITIONS_MAX];
        periodNs = new long[PARTITIONS_MAX];
        atNs = new long[PARTITIONS_MAX];
        by = new int[PARTITIONS_MAX];
        for (int p = 0; p < PARTITIONS_MAX; p++) {
            by[p] = NO_PARTITION;
            atNs[p] = -1;
        }
    }

    @BootPhase("copies the builder's table into the frozen image")
    private SnapshotTable(SnapshotTable o) {
        enabled = o.enabled.clone();
        atBoot = o.atBoot.clone();
        periodNs = o.periodNs.clone();
        atNs = o.atNs.clone();
        by = o.by.clone();
    }

    @BootPhase("copies the builder's table into the frozen image")
    SnapshotTable copy() {
        return new SnapshotTable(this);
    }
}
