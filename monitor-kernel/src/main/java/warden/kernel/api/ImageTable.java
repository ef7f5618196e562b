package warden.kernel.api;

import static warden.kernel.api.SystemImage.NO_PARTITION;
import static warden.kernel.api.SystemImage.PARTITIONS_MAX;

import warden.kernel.api.rules.BootPhase;

/**
 * The partitions' golden images (slot A: store, size, load address, digest) and update sections
 * (updater, slot B, slot size, key, version, trial) of an image, as primitive arrays indexed by
 * partition: filled by the {@link SystemImageBuilder}, copied once into the frozen
 * {@link SystemImage}, never changed after. A partition with {@code by = NO_PARTITION} has no
 * update section.
 *
 * [impl->dsn~kernel.update.slots~1]
 */
// justification: indexed by partition ids below PARTITIONS_MAX (the builder's bound)
@SuppressWarnings("index")
final class ImageTable {
    final byte[] digest;
    final long[] store;
    final int[] size;
    final long[] load;
    final int[] by;
    final long[] slotB;
    final int[] slotMax;
    final byte[] key;
    final long[] version;
    final long[] trialNs;

    @BootPhase("builds an image before boot")
    ImageTable() {
        digest = new byte[PARTITIONS_MAX * SystemImage.DIGEST_BYTES];
        store = new long[PARTITIONS_MAX];
        size = new int[PARTITIONS_MAX];
        load = new long[PARTITIONS_MAX];
        by = new int[PARTITIONS_MAX];
        slotB = new long[PARTITIONS_MAX];
        slotMax = new int[PARTITIONS_MAX];
        key = new byte[PARTITIONS_MAX * UpdateReason.KEY_BYTES];
        version = new long[PARTITIONS_MAX];
        trialNs = new long[PARTITIONS_MAX];
        for (int p = 0; p < PARTITIONS_MAX; p++) {
            by[p] = NO_PARTITION;
        }
    }

    private ImageTable(ImageTable t) {
        digest = t.digest.clone();
        store = t.store.clone();
        size = t.size.clone();
        load = t.load.clone();
        by = t.by.clone();
        slotB = t.slotB.clone();
        slotMax = t.slotMax.clone();
        key = t.key.clone();
        version = t.version.clone();
        trialNs = t.trialNs.clone();
    }

    /** @return a copy with arrays of its own, for the frozen image. [impl->dsn~kernel.update.slots~1] */
    @BootPhase("builds an image before boot")
    ImageTable copy() {
        return new ImageTable(this);
    }
}
