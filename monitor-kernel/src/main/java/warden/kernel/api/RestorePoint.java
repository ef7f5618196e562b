package warden.kernel.api;

/**
 * Snapshots (restore points) of a partition: the page granule of dirty tracking, the table bounds,
 * the reasons a restore falls back to a restart, and the ids of {@link Monitor#snapshotStat}.
 *
 * <p>A snapshot holds every page of the partition's writable regions, each vCPU's context and a
 * check value of the state the port keeps for it (its devices, its executor). Its digest is a
 * SHA-256 over the page digests in region order, the context words and the kept-state check:
 *
 * <pre>
 *   page digest  h[i] = SHA-256(page i of the store)              (4096 bytes, when copied)
 *   snapshot     D    = SHA-256(h[0] .. h[n-1] | ctx words | kept-state check | n)
 * </pre>
 * (computed by the health monitor's SnapshotDigest). The stat ids and reason names are what the run
 * report shows.
 *
 * [impl->dsn~run.snapshot-report~1]
 */
public final class RestorePoint {
    /** Bytes of a page, the granule of dirty tracking and of the copies. */
    public static final int PAGE_BYTES = 4096;
    /** Most pages of one partition's snapshot (256 MiB). */
    public static final int PAGES_MAX = 1 << 16;

    /** Fallback reason: no snapshot was taken yet. */
    public static final int NO_SNAPSHOT = 1;
    /** Fallback reason: the snapshot's digest did not match its store. */
    public static final int DIGEST_MISMATCH = 2;
    /** Fallback reason: the port could not copy a page back or reinstate the kept state. */
    public static final int STATE_LOST = 3;

    /** Stat: snapshots taken of the partition. */
    public static final int TAKEN = 0;
    /** Stat: pages copied by the last snapshot. */
    public static final int LAST_PAGES = 1;
    /** Stat: bytes copied by every snapshot so far. */
    public static final int BYTES_COPIED = 2;
    /** Stat: virtual time charged for the last snapshot, ns. */
    public static final int LAST_NS = 3;
    /** Stat: the longest virtual time charged for a snapshot, ns. */
    public static final int MAX_NS = 4;
    /** Stat: restores from a snapshot. */
    public static final int RESTORES = 5;
    /** Stat: pages copied back by the last restore. */
    public static final int RESTORE_PAGES = 6;
    /** Stat: virtual time charged for the last restore (digest check and copy), ns. */
    public static final int RESTORE_NS = 7;
    /** Stat: restores that fell back to a restart. */
    public static final int FALLBACKS = 8;
    /** Stat: the partition's pages (the snapshot's size in pages). */
    public static final int PAGES = 9;
    /** One past the highest stat id. */
    public static final int STATS = 10;

    private static final String[] REASONS = {"none", "no-snapshot", "digest-mismatch", "state-lost"};

    private RestorePoint() {
    }

    /** @return the name of a fallback reason, or "?". */
    public static String reason(int r) {
        return r >= 0 && r < REASONS.length ? REASONS[r] : "?";
    }
}
