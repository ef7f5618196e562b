package warden.emu.port;

import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.emu.Snapshottable;
import warden.kernel.api.SystemImage;
import warden.kernel.port.SnapshotStore;

/**
 * The restore-point support of an emulated board, the same on every architecture: dirty bits from
 * the RAM banks of the bus, the monitor's store as a RAM bank of its own that is on no bus (so no
 * guest and no device can reach it, whatever the protection unit holds), page copies between them,
 * the executors' kept state through the {@link GuestBinding}, the kept state of the devices a
 * partition owns (each device on the bus at an image device's base that is {@link Snapshottable},
 * bound at the first use), and the registers and time of a core through the port's {@link Cores}.
 * The cost of the work is the port's: per page copied and per byte hashed, charged to the core the
 * monitor runs on.
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
    private final SystemImage image;
    private final Snapshottable[] devices;
    private final int[] deviceOwner;
    /** Devices bound, or -1 before the first use. */
    private int deviceCount = -1;

    /**
     * @param pageCopyNs    the monitor's time to copy one 4 KiB page
     * @param hashPsPerByte the monitor's time to hash one byte with SHA-256, in picoseconds
     */
    public PortSnapshots(Bus bus, GuestBinding guests, SystemImage image, Cores cores, long pageCopyNs,
                         long hashPsPerByte) {
        this.bus = bus;
        this.image = image;
        this.devices = new Snapshottable[image.deviceTotal()];
        this.deviceOwner = new int[image.deviceTotal()];
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

    /**
     * Binds, once, the image's devices that keep state for a restore (the bus is complete by then).
     * [impl->dsn~port.device-kept-state~1]
     */
    private void bindDevices() {
        if (deviceCount >= 0) {
            return;
        }
        deviceCount = 0;
        for (int i = 0; i < devices.length; i++) {
            if (bus.deviceAt(image.deviceBase(i)) instanceof Snapshottable s) {
                devices[deviceCount] = s;
                deviceOwner[deviceCount] = image.deviceOwner(i);
                deviceCount++;
            }
        }
    }

    /**
     * Keeps ({@code keep}) or reads the check values of the copies of the devices p owns, combined
     * after {@code check}. [impl->dsn~port.device-kept-state~1]
     */
    private long deviceChecks(int partition, long check, boolean keep) {
        bindDevices();
        long c = check;
        for (int i = 0; i < deviceCount; i++) {
            if (deviceOwner[i] == partition) {
                c = c * 31 + (keep ? devices[i].keep() : devices[i].keptCheck());
            }
        }
        return c;
    }

    @Override
    public long keepState(int partition) {
        return deviceChecks(partition, guests.keep(partition), true);
    }

    @Override
    public long keptCheck(int partition) {
        return deviceChecks(partition, guests.keptCheck(partition), false);
    }

    @Override
    public int reinstate(int partition) {
        int home = -1;
        for (int c = 0; c < guests.cores() && home < 0; c++) {
            home = guests.runsOn(partition, c) ? c : -1;
        }
        long now = home < 0 ? 0 : cores.now(home);
        boolean guestsBack = guests.reinstate(partition, now);
        return reinstateDevices(partition, now) && guestsBack ? 0 : -1;
    }

    /**
     * Loads the copies of the devices p owns back at {@code nowNs}. @return false when one has none
     * [impl->dsn~port.device-kept-state~1]
     */
    private boolean reinstateDevices(int partition, long nowNs) {
        bindDevices();
        boolean ok = true;
        for (int i = 0; i < deviceCount; i++) {
            if (deviceOwner[i] == partition) {
                ok &= devices[i].reinstate(nowNs);
            }
        }
        return ok;
    }

    @Override
    public long charge(int core, long pages, long bytesHashed) {
        long ns = pages * pageCopyNs + (bytesHashed * hashPsPerByte + 999) / 1000;
        cores.spend(core, ns);
        return ns;
    }
}
