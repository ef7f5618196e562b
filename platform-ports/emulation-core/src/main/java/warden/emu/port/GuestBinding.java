package warden.emu.port;

import warden.emu.Executor;
import warden.emu.Restartable;
import warden.emu.Snapshottable;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;

/**
 * Which vCPU's executor runs on each core of a board: the table of executors (one per vCPU,
 * index {@code partition * cores + core}, null where a partition does not run), the partition
 * attached to each core by the last world switch, and each partition's name and criticality as
 * the image states them. Every port binds and unbinds its cores here, at the same points of the
 * world switch; nothing here allocates after construction.
 */
public final class GuestBinding {
    /** The partition of a core that runs no guest. */
    public static final int NONE = -1;

    private final Executor[] executors;
    private final int cores;
    private final String[] names;
    private final boolean[] critical;
    private final Executor[] bound;
    private final int[] partition;

    /** @param executors one per vCPU, index partition * cores + core (null where none runs) */
    public GuestBinding(SystemImage image, int cores, Executor[] executors) {
        this.executors = executors.clone();
        this.cores = cores;
        this.names = new String[image.partitionCount()];
        this.critical = new boolean[image.partitionCount()];
        for (int p = 0; p < names.length; p++) {
            names[p] = image.name(p);
            critical[p] = Criticality.isCritical(image.criticality(p));
        }
        this.bound = new Executor[cores];
        this.partition = new int[cores];
        java.util.Arrays.fill(partition, NONE);
    }

    /** Attaches partition {@code p}'s vCPU on {@code core} as the running guest (a world switch in). */
    public void attach(int core, int p) {
        bound[core] = executors[p * cores + core];
        partition[core] = p;
    }

    /** Leaves {@code core} with no guest attached (a world switch out, or idle). */
    public void detach(int core) {
        bound[core] = null;
        partition[core] = NONE;
    }

    /** @return the executor attached to {@code core}, or null when none runs there. */
    public Executor executor(int core) {
        return bound[core];
    }

    /** @return the partition attached to {@code core}, or {@link #NONE}. */
    public int partition(int core) {
        return partition[core];
    }

    /** @return whether partition {@code p} is critical (ASIL A-D); false for an index outside the image. */
    public boolean critical(int p) {
        return p >= 0 && p < critical.length && critical[p];
    }

    /** @return the number of cores of the board. */
    public int cores() {
        return cores;
    }

    /** @return whether partition {@code p} has a vCPU (an executor) on {@code core}. */
    public boolean runsOn(int p, int core) {
        return executors[p * cores + core] != null;
    }

    /** @return the number of partitions in the image. */
    public int partitions() {
        return names.length;
    }

    /** @return partition {@code p}'s name from the image. */
    public String name(int p) {
        return names[p];
    }

    /**
     * A fresh context for partition {@code p}'s vCPU on {@code core}: its executor, when it can be
     * reloaded, restarts as from the golden image (the kernel's restart of a failed partition).
     */
    public void restart(int p, int core, long nowNs) {
        if (executors[p * cores + core] instanceof Restartable r) {
            r.restart(nowNs);
        }
    }

    /**
     * Keeps the state of each of p's executors that can keep one ({@link Snapshottable}).
     * @return the combined check value of the copies (0 when none can)
     *
     * [impl->dsn~emu.kept-state~1]
     */
    public long keep(int p) {
        return checks(p, true);
    }

    /** @return the combined check value of p's kept copies as they are now. [impl->dsn~emu.kept-state~1] */
    public long keptCheck(int p) {
        return checks(p, false);
    }

    /** Keeps ({@code keep}) or reads the check values of p's executors' copies, combined. */
    private long checks(int p, boolean keep) {
        long check = 0;
        for (int c = 0; c < cores; c++) {
            if (executors[p * cores + c] instanceof Snapshottable s) {
                check = check * 31 + (keep ? s.keep() : s.keptCheck());
            }
        }
        return check;
    }

    /** Loads p's kept copies back. @return false when one has none. [impl->dsn~emu.kept-state~1] */
    public boolean reinstate(int p, long nowNs) {
        boolean ok = true;
        for (int c = 0; c < cores; c++) {
            if (executors[p * cores + c] instanceof Snapshottable s) {
                ok &= s.reinstate(nowNs);
            }
        }
        return ok;
    }
}
