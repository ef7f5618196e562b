package warden.emu.port;

import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.kernel.port.SnapshotStore;

/**
 * The restore-point support of an emulated board, the same on every architecture: dirty bits from
 * the RAM banks of the bus, the monitor's store as a RAM bank of its own that is on no bus (so no
 * guest and no device can reach it, whatever the protection unit holds), page copies between them,
 * the executors' kept state through the {@link GuestBinding}, and the registers and time of a core
 * through the port's {@link Cores}. The cost of the work is the port's: per page copied and per
 * byte hashed, charged to the core the monitor runs on.
 *
 * [impl->dsn~port.snapshot-store~1]
 */
public final class PortSnapshots implements SnapshotStore {
    /** Size of the monitor's store (sparse: only pages written take host memory). */
    public static final long STORE_BYTES = 1L << 32;
    private static final int PAGE = 4096;

    /** What the store needs of a port's cores. */
    public interface Cores {
        /** Copies the registers of the guest running on {@code core}, without detaching it. */
        void capture(int core, long[] ctx, int offset);

        /** Spends {@code ns} of monitor time on {@code core}. */
        void spend(int core, long ns);

        /** @return {@code core}'s virtual time in ns. */
        long now(int core);
    }

    private final Bus bus;
    private final GuestBinding guests;
    private final Cores cores;
    private final long pageCopyNs;
    private final long hashPsPerByte;
    private final PhysicalMemory store = new PhysicalMemory(0, STORE_BYTES);
    private long reserved;

    /**
     * @param pageCopyNs    the monitor's time to copy one 4 KiB page
     * @param hashPsPerByte the monitor's time to hash one byte with SHA-256, in picoseconds
     */
    public PortSnapshots(Bus bus, GuestBinding guests, Cores cores, long pageCopyNs, long hashPsPerByte) {
        this.bus = bus;
        this.guests = guests;
        this.cores = cores;
        this.pageCopyNs = pageCopyNs;
        this.hashPsPerByte = hashPsPerByte;
    }

    /** @return the monitor's store (tests and fault injection only: an upset in the store). */
    public PhysicalMemory store() {
        return store;
    }

    @Override
    public long reserve(long bytes) {
        if (bytes < 0 || bytes % PAGE != 0 || bytes > STORE_BYTES - reserved) {
            return -1;
        }
        long at = reserved;
        reserved += bytes;
        return at;
    }

    @Override
    public boolean pageDirty(long address) {
        PhysicalMemory m = bus.ramAt(address);
        return m != null && m.dirty(address);
    }

    @Override
    public void cleanPage(long address) {
        PhysicalMemory m = bus.ramAt(address);
        if (m != null) {
            m.clean(address);
        }
    }

    @Override
    public int savePage(long address, long offset) {
        PhysicalMemory m = bus.ramAt(address);
        if (m == null || !inStore(offset)) {
            return -1;
        }
        for (int i = 0; i < PAGE; i += 8) {
            store.write(offset + i, 8, m.read(address + i, 8));
        }
        return 0;
    }

    @Override
    public int loadPage(long offset, long address) {
        PhysicalMemory m = bus.ramAt(address);
        if (m == null || !inStore(offset)) {
            return -1;
        }
        for (int i = 0; i < PAGE; i += 8) {
            m.write(address + i, 8, store.read(offset + i, 8));
        }
        return 0;
    }

    private boolean inStore(long offset) {
        return offset >= 0 && (offset & (PAGE - 1)) == 0 && offset <= reserved - PAGE;
    }

    @Override
    public long readStore(long offset) {
        return offset >= 0 && offset <= reserved - 8 ? store.read(offset, 8) : 0;
    }

    @Override
    public void capture(int core, long[] ctx, int offset) {
        cores.capture(core, ctx, offset);
    }

    @Override
    public long keepState(int partition) {
        return guests.keep(partition);
    }

    @Override
    public long keptCheck(int partition) {
        return guests.keptCheck(partition);
    }

    @Override
    public int reinstate(int partition) {
        int home = -1;
        for (int c = 0; c < guests.cores() && home < 0; c++) {
            home = guests.runsOn(partition, c) ? c : -1;
        }
        return guests.reinstate(partition, home < 0 ? 0 : cores.now(home)) ? 0 : -1;
    }

    @Override
    public long charge(int core, long pages, long bytesHashed) {
        long ns = pages * pageCopyNs + (bytesHashed * hashPsPerByte + 999) / 1000;
        cores.spend(core, ns);
        return ns;
    }
}
