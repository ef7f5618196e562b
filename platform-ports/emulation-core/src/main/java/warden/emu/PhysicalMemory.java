package warden.emu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Sparse physical RAM: 4 KiB pages allocated on first write (reads of untouched pages give 0).
 * Little-endian. Addresses are checked by the bus before they reach here. An access of 2, 4 or 8
 * bytes inside one page is one wide array access; any other goes byte by byte, with the same
 * result.
 *
 * <p>Each page has a dirty bit in a bitmap of longs: every write sets it with one OR (a processor
 * model that writes through {@link #page} calls {@link #markDirty}); {@link #clean} clears it. At
 * construction every page is clean and reads zero.
 *
 * [impl->dsn~emu.bus.ram-route~1]
 * [impl->dsn~emu.dirty-pages~1]
 */
public final class PhysicalMemory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final long MAX_SIZE = 4L << 30;

    private final long base;
    private final long size;
    private final byte[][] pages;
    private final long[] dirty;

    public PhysicalMemory(long base, long size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("RAM bank size must be 1 byte .. 4 GiB: " + size);
        }
        this.base = base;
        this.size = size;
        this.pages = new byte[(int) ((size + PAGE - 1) >>> PAGE_BITS)][];
        this.dirty = new long[(pages.length + 63) >>> 6];
    }

    /** Sets the dirty bit of the page holding {@code address}. [impl->dsn~emu.dirty-pages~1] */
    public void markDirty(long address) {
        int index = (int) ((address - base) >>> PAGE_BITS);
        dirty[index >>> 6] |= 1L << index;
    }

    /** @return whether the page holding {@code address} was written since cleaned. [impl->dsn~emu.dirty-pages~1] */
    public boolean dirty(long address) {
        int index = (int) ((address - base) >>> PAGE_BITS);
        return (dirty[index >>> 6] & (1L << index)) != 0;
    }

    /** Clears the dirty bit of the page holding {@code address}. [impl->dsn~emu.dirty-pages~1] */
    public void clean(long address) {
        int index = (int) ((address - base) >>> PAGE_BITS);
        dirty[index >>> 6] &= ~(1L << index);
    }

    public long base() { return base; }
    public long size() { return size; }

    public boolean contains(long address, int length) {
        return address >= base && length <= size && address - base <= size - length;
    }

    public int readByte(long address) {
        long off = address - base;
        byte[] page = pages[(int) (off >>> PAGE_BITS)];
        return page == null ? 0 : page[(int) (off & (PAGE - 1))] & 0xff;
    }

    public void writeByte(long address, int value) {
        long off = address - base;
        int index = (int) (off >>> PAGE_BITS);
        byte[] page = pages[index];
        if (page == null) {
            page = new byte[PAGE];
            pages[index] = page;
        }
        page[(int) (off & (PAGE - 1))] = (byte) value;
        dirty[index >>> 6] |= 1L << index;
    }

    /**
     * @return the 4 KiB page that backs {@code address} (allocated on first use), for a processor
     *         model's direct access; byte {@code (address - base()) & 0xFFF} of it is the byte at the address
     */
    public byte[] page(long address) {
        int index = (int) ((address - base) >>> PAGE_BITS);
        byte[] page = pages[index];
        if (page == null) {
            page = new byte[PAGE];
            pages[index] = page;
        }
        return page;
    }

    /** Reads {@code length} (1..8) bytes little-endian. */
    public long read(long address, int length) {
        long off = address - base;
        int at = (int) (off & (PAGE - 1));
        if (at + length <= PAGE) {
            byte[] page = pages[(int) (off >>> PAGE_BITS)];
            if (page == null) {
                return 0;
            }
            switch (length) {
                case 8: return (long) LONG.get(page, at);
                case 4: return (int) INT.get(page, at) & 0xFFFF_FFFFL;
                case 2: return (short) SHORT.get(page, at) & 0xFFFFL;
                case 1: return page[at] & 0xFFL;
                default: break;
            }
        }
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = (v << 8) | readByte(address + i);
        }
        return v;
    }

    public void write(long address, int length, long value) {
        long off = address - base;
        int at = (int) (off & (PAGE - 1));
        if (at + length <= PAGE && (length == 8 || length == 4 || length == 2)) {
            byte[] page = page(address);
            int index = (int) (off >>> PAGE_BITS);
            dirty[index >>> 6] |= 1L << index;
            if (length == 8) {
                LONG.set(page, at, value);
            } else if (length == 4) {
                INT.set(page, at, (int) value);
            } else {
                SHORT.set(page, at, (short) value);
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            writeByte(address + i, (int) (value >>> (8 * i)) & 0xff);
        }
    }
}
