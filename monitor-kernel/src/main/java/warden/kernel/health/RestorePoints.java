package warden.kernel.health;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.RestorePoint;
import warden.kernel.api.SystemImage;
import warden.kernel.log.EventLog;
import warden.kernel.port.SnapshotStore;
import warden.kernel.sched.Scheduler;

/**
 * Restore points of the partitions that have snapshots: one snapshot per partition in the
 * monitor's store (its writable regions page by page, in region order), its vCPUs' contexts, the
 * check value of the state the port keeps for it, the digest of each page and the snapshot's
 * digest ({@link RestorePoint}). A snapshot copies only the pages written since the last one; a
 * restore checks the digest chain of every page it copies back, and of the whole snapshot, before
 * it changes anything, then copies back only the pages written since the snapshot.
 *
 * <p>Every table is allocated at boot, sized from the image; every loop is bounded by the
 * partition's page count (at most {@link RestorePoint#PAGES_MAX}), its region count or the core
 * count.
 *
 * [impl->dsn~kernel.snapshot.take~1]
 * [impl->dsn~kernel.snapshot.restore~1]
 */
// justification: tables have length partitionCount (or pages * 32, cores * words); p and k stay below them
@SuppressWarnings("index")
public final class RestorePoints {
    private static final int D = SystemImage.DIGEST_BYTES;
    private static final int PAGE = RestorePoint.PAGE_BYTES;

    private final SystemImage img;
    private final Scheduler sched;
    private final SnapshotStore store;
    private final EventLog log;
    private final long[] counters;
    private final SnapshotDigest sha;
    private final int[] pages;
    private final long[] storeBase;
    private final byte[][] pageDigest;
    private final long[][] contexts;
    private final byte[] digest;
    private final long[] kept;
    private final boolean[] valid;
    private final long[] lastAt;
    /** Whether p's one-shot snapshot is behind it: taken, or none asked for (true from boot). */
    private final boolean[] oneShotDone;
    private final boolean reserved;
    private final long[] stats;
    private final byte[] scratch = new byte[D];

    /**
     * Boot-time: reserves each snapshot's store and sets every page digest to that of a zero page
     * (the store and every clean page read zero at boot, by the port's contract).
     */
    public RestorePoints(SystemImage img, Scheduler sched, SnapshotStore store, EventLog log, long[] counters,
            int contextWords) {
        this.img = img;
        this.sched = sched;
        this.store = store;
        this.log = log;
        this.counters = counters;
        int n = img.partitionCount();
        pages = new int[n];
        storeBase = new long[n];
        pageDigest = new byte[n][];
        contexts = new long[n][];
        digest = new byte[n * D];
        kept = new long[n];
        valid = new boolean[n];
        lastAt = new long[n];
        oneShotDone = new boolean[n];
        stats = new long[n * RestorePoint.STATS];
        sha = new SnapshotDigest(store);
        byte[] zero = sha.zeroPage();
        boolean all = true;
        for (int p = 0; p < n; p++) {
            storeBase[p] = -1;
            oneShotDone[p] = img.snapshotAtNs(p) < 0;
            if (img.snapshot(p)) {
                pages[p] = SnapshotPages.count(img, p);
                storeBase[p] = store.reserve((long) pages[p] * PAGE);
                all &= storeBase[p] >= 0;
                pageDigest[p] = new byte[pages[p] * D];
                for (int k = 0; k < pages[p]; k++) {
                    System.arraycopy(zero, 0, pageDigest[p], k * D, D);
                }
                contexts[p] = new long[img.coreCount() * contextWords];
                all &= contexts[p].length <= SnapshotDigest.CONTEXT_WORDS_MAX; // the digest's bound
                stats[p * RestorePoint.STATS + RestorePoint.PAGES] = pages[p];
            }
        }
        reserved = all;
    }

    /**
     * @return whether every store was reserved and every context table is within the snapshot
     *     digest's bound (a boot that fails either fails)
     */
    public boolean reserved() {
        return reserved;
    }

    /** @return stat {@code id} ({@link RestorePoint}) of partition p. */
    public long stat(int p, int id) {
        return stats[p * RestorePoint.STATS + id];
    }

    /** @return whether p has a valid snapshot. */
    public boolean valid(int p) {
        return valid[p];
    }

    /**
     * A heartbeat of p at {@code now}: takes the boot snapshot at the first one, the one-shot one at
     * the first at or after its time, and a periodic one when the period has passed since the last.
     *
     * [impl->dsn~kernel.snapshot.take~1]
     */
    public void heartbeat(int p, int core, long now, boolean first) {
        long period = img.snapshotPeriodNs(p); // a partition without snapshots: 0, -1 (done), false
        long at = img.snapshotAtNs(p);
        if (first && img.snapshotAtBoot(p) && stat(p, RestorePoint.TAKEN) == 0
                || !oneShotDone[p] && now >= at || period > 0 && now - lastAt[p] >= period) {
            oneShotDone[p] |= now >= at;
            take(p, core, now);
        }
    }

    /**
     * Takes a snapshot of p: copies the pages written since the last one to the store, records the
     * contexts and the port's kept state, and computes the digest. The old snapshot is invalid
     * while its pages are overwritten. @return the pages copied, or -1 when p has no snapshots or a
     * page or context could not be saved (p then has no valid snapshot)
     *
     * [impl->dsn~kernel.snapshot.take~1]
     */
    public int take(int p, int core, long now) {
        if (!img.snapshot(p)) {
            return -1; // (a store that could not be reserved fails the boot)
        }
        valid[p] = false;
        int copied = sched.copyContexts(p, contexts[p], store) ? copyDirtyPages(p) : -1;
        if (copied < 0) {
            return -1;
        }
        kept[p] = store.keepState(p);
        sha.snapshot(pageDigest[p], pages[p], contexts[p], kept[p], digest, p * D);
        valid[p] = true;
        lastAt[p] = now;
        long ns = store.charge(core, copied, (long) copied * PAGE + hashedTop(p));
        int s = p * RestorePoint.STATS;
        stats[s]++; // RestorePoint.TAKEN, the first stat (s + 0)
        stats[s + RestorePoint.LAST_PAGES] = copied;
        stats[s + RestorePoint.BYTES_COPIED] += (long) copied * PAGE;
        stats[s + RestorePoint.LAST_NS] = ns;
        stats[s + RestorePoint.MAX_NS] = Math.max(stats[s + RestorePoint.MAX_NS], ns);
        counters[Counter.SNAPSHOTS]++;
        log.append(now, EventKind.SNAPSHOT_TAKEN, p, core, copied, ns);
        return copied;
    }

    /**
     * Copies each of p's pages written since the last snapshot to the store, cleans it and updates
     * its digest. @return the pages copied, or -1 when the port could not save one
     *
     * [impl->dsn~kernel.snapshot.take~1]
     */
    private int copyDirtyPages(int p) {
        int copied = 0;
        for (int k = 0; k < pages[p]; k++) { // <= PAGES_MAX
            long a = SnapshotPages.address(img, p, k);
            if (store.pageDirty(a)) {
                if (store.savePage(a, offset(p, k)) != 0) {
                    return -1;
                }
                store.cleanPage(a);
                sha.page(offset(p, k), pageDigest[p], k * D);
                copied++;
            }
        }
        return copied;
    }

    /**
     * Restores p from its snapshot: checks first (no change on a failed check), then copies back
     * the pages written since the snapshot, reinstates the kept state and the contexts.
     * @return 0 when restored, or the reason ({@link RestorePoint#NO_SNAPSHOT},
     *     {@link RestorePoint#DIGEST_MISMATCH}, {@link RestorePoint#STATE_LOST}) to restart instead
     *
     * [impl->dsn~kernel.snapshot.restore~1]
     */
    public int restore(int p, int core, long now) {
        if (!valid[p]) {
            return RestorePoint.NO_SNAPSHOT;
        }
        long hashed = hashedTop(p);
        int dirty = 0;
        for (int k = 0; k < pages[p]; k++) { // <= PAGES_MAX
            if (store.pageDirty(SnapshotPages.address(img, p, k))) {
                sha.page(offset(p, k), scratch, 0);
                hashed += PAGE;
                dirty++;
                if (!SnapshotDigest.same(scratch, 0, pageDigest[p], k * D)) {
                    return mismatch(p, core, hashed);
                }
            }
        }
        sha.snapshot(pageDigest[p], pages[p], contexts[p], kept[p], scratch, 0);
        if (!SnapshotDigest.same(scratch, 0, digest, p * D) || store.keptCheck(p) != kept[p]) {
            return mismatch(p, core, hashed);
        }
        if (!copyBack(p)) {
            valid[p] = false;
            return RestorePoint.STATE_LOST;
        }
        sched.restorePartition(p, contexts[p]);
        long ns = store.charge(core, dirty, hashed);
        int s = p * RestorePoint.STATS;
        stats[s + RestorePoint.RESTORES]++;
        stats[s + RestorePoint.RESTORE_PAGES] = dirty;
        stats[s + RestorePoint.RESTORE_NS] = ns;
        counters[Counter.RESTORES]++;
        log.append(now, EventKind.PARTITION_RESTORED, p, core, dirty, ns);
        return 0;
    }

    /**
     * Copies back each of p's pages written since the snapshot, cleans it, then reinstates the
     * port's kept state. @return false when the port failed (p's memory is then partly restored)
     *
     * [impl->dsn~kernel.snapshot.restore~1]
     */
    private boolean copyBack(int p) {
        for (int k = 0; k < pages[p]; k++) { // <= PAGES_MAX
            long a = SnapshotPages.address(img, p, k);
            if (store.pageDirty(a)) {
                if (store.loadPage(offset(p, k), a) != 0) {
                    return false;
                }
                store.cleanPage(a);
            }
        }
        return store.reinstate(p) == 0;
    }

    /**
     * The snapshot failed its check: it is dropped (a later restore restarts until the next
     * snapshot), and the hashing done is charged. [impl->dsn~kernel.snapshot.fallback~1]
     */
    private int mismatch(int p, int core, long hashed) {
        valid[p] = false;
        store.charge(core, 0, hashed);
        return RestorePoint.DIGEST_MISMATCH;
    }

    /**
     * The healing action {@code restore}: restores p, or logs why it cannot (SNAPSHOT_CORRUPT with the
     * reason) and counts a fallback. @return true when p was restored; false: the caller restarts it
     *
     * [impl->dsn~kernel.snapshot.fallback~1]
     */
    public boolean restoreOrLog(int p, int core, long now) {
        int why = restore(p, core, now);
        if (why != 0) {
            stats[p * RestorePoint.STATS + RestorePoint.FALLBACKS]++;
            log.append(now, EventKind.SNAPSHOT_CORRUPT, p, core, why, stat(p, RestorePoint.TAKEN));
        }
        return why == 0;
    }

    /** @return the bytes the snapshot digest hashes besides whole pages. */
    private long hashedTop(int p) {
        return (long) pages[p] * D + 8L * contexts[p].length + 16;
    }

    private long offset(int p, int k) {
        return storeBase[p] + (long) k * PAGE;
    }

}
