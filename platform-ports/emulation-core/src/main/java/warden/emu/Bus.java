package warden.emu;

/**
 * The system bus: RAM banks and MMIO devices at fixed windows. An access that hits neither is a
 * bus error (the port turns it into its architectural access fault). Bounded tables, fixed after
 * construction of the machine.
 *
 * <p>RAM is routed in constant time: the bank of the last RAM access is tried first, and only a
 * miss walks the (at most 8) banks. RAM is decoded before devices and banks are tried in the
 * order they were added; while no two banks overlap, a hit in the remembered bank is the bank the
 * walk would find (with overlapping banks the bus always walks). Adding a bank forgets the
 * remembered one.
 *
 * [impl->dsn~emu.bus.ram-route~1]
 */
public final class Bus {
    public static final int WINDOWS_MAX = 64;
    /** Result of {@link #read}/{@link #write} when no RAM or device decodes the address. */
    public static final int BUS_ERROR = -1;
    public static final int OK = 0;

    private final PhysicalMemory[] ram = new PhysicalMemory[8];
    private int ramCount;
    private final long[] base = new long[WINDOWS_MAX];
    private final long[] size = new long[WINDOWS_MAX];
    private final MmioDevice[] device = new MmioDevice[WINDOWS_MAX];
    private int count;
    private long lastValue;
    /** The bank of the last RAM hit, or null. */
    private PhysicalMemory lastBank;

    /** Whether two banks overlap: then the remembered bank is not used. */
    private boolean overlapping;

    public void addRam(PhysicalMemory bank) {
        for (int i = 0; i < ramCount; i++) {
            PhysicalMemory o = ram[i];
            if (Long.compareUnsigned(bank.base() - o.base(), o.size()) < 0
                    || Long.compareUnsigned(o.base() - bank.base(), bank.size()) < 0) {
                overlapping = true;
            }
        }
        ram[ramCount++] = bank;
        lastBank = null;
    }

    public void addDevice(long windowBase, long windowSize, MmioDevice d) {
        if (count >= WINDOWS_MAX) {
            throw new IllegalStateException("too many MMIO windows");
        }
        base[count] = windowBase;
        size[count] = windowSize;
        device[count] = d;
        count++;
    }

    private PhysicalMemory bank(long address, int length) {
        PhysicalMemory last = lastBank;
        if (last != null && !overlapping && last.contains(address, length)) {
            return last;
        }
        for (int i = 0; i < ramCount; i++) {
            if (ram[i].contains(address, length)) {
                lastBank = ram[i];
                return ram[i];
            }
        }
        return null;
    }

    private int window(long address, int length) {
        for (int i = 0; i < count; i++) {
            if (address >= base[i] && length <= size[i] && address - base[i] <= size[i] - length) {
                return i;
            }
        }
        return -1;
    }

    /** Reads; on OK the value is in {@link #lastValue()}. */
    public int read(long address, int length, long nowNs) {
        PhysicalMemory m = bank(address, length);
        if (m != null) {
            lastValue = m.read(address, length);
            return OK;
        }
        int w = window(address, length);
        if (w < 0) {
            return BUS_ERROR;
        }
        lastValue = device[w].read(address - base[w], length, nowNs);
        return OK;
    }

    public int write(long address, int length, long value, long nowNs) {
        PhysicalMemory m = bank(address, length);
        if (m != null) {
            m.write(address, length, value);
            return OK;
        }
        int w = window(address, length);
        if (w < 0) {
            return BUS_ERROR;
        }
        device[w].write(address - base[w], length, value, nowNs);
        return OK;
    }

    /** @return the device whose window holds the byte at {@code address}, or null (boot-time lookups). */
    public MmioDevice deviceAt(long address) {
        int w = window(address, 1);
        return w < 0 ? null : device[w];
    }

    /** @return true when an instruction could be fetched here (RAM only). */
    public boolean executable(long address, int length) {
        return bank(address, length) != null;
    }

    public long lastValue() {
        return lastValue;
    }

    /** @return the RAM bank that holds the 4 KiB page at {@code address}, or null. [impl->dsn~emu.dirty-pages~1] */
    public PhysicalMemory ramAt(long address) {
        return bank(address, 4096);
    }

    /** Writes one byte of RAM. @return OK, or BUS_ERROR when no RAM bank holds the address. */
    public int writeRamByte(long address, int value) {
        PhysicalMemory m = bank(address, 1);
        if (m == null) {
            return BUS_ERROR;
        }
        m.writeByte(address, value);
        return OK;
    }

    /** @return the byte at address from RAM, or -1 when no RAM bank holds it. */
    public int readRamByte(long address) {
        PhysicalMemory m = bank(address, 1);
        return m == null ? -1 : m.readByte(address);
    }
}
