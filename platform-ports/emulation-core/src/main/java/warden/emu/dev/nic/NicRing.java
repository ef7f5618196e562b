package warden.emu.dev.nic;

/**
 * One descriptor ring of a {@link NicController}: base, length, head and tail as the registers at
 * offsets 0x0 (base low), 0x4 (base high), 0x8 (length in bytes), 0xC (head), 0x10 (tail) of the
 * ring's register block. Base, length and head are writable only while the ring's direction is
 * disabled (the device owns them while it runs); base bits 3:0 read as zero; a length that is no
 * multiple of 16 or names more than {@link NicDescriptor#RING_MAX} descriptors, and a head or tail
 * beyond the ring, are ignored. Descriptors head .. tail-1 belong to the device.
 *
 * [impl->dsn~nic.registers~1]
 */
final class NicRing {
    private long base;
    private int lengthBytes;
    private int count;
    private int head;
    private int tail;

    long read(int reg) {
        switch (reg) {
            case 0x0: return base & 0xFFFF_FFF0L;
            case 0x4: return base >>> 32;
            case 0x8: return lengthBytes;
            case 0xC: return head;
            default: return tail;
        }
    }

    /** @return false when the write is ignored. */
    boolean write(int reg, int v, boolean enabled) {
        long lo = v & 0xFFFF_FFFFL;
        if (reg == 0x10) {
            return setTail(lo);
        }
        if (enabled || reg != 0x0 && reg != 0x4 && reg != 0x8 && reg != 0xC) {
            return false;
        }
        switch (reg) {
            case 0x0: base = (base & ~0xFFFF_FFFFL) | (lo & 0xFFFF_FFF0L); return true;
            case 0x4: base = (lo << 32) | (base & 0xFFFF_FFFFL); return true;
            case 0x8: return setLength(lo);
            default: return setHead(lo);
        }
    }

    private boolean setLength(long lo) {
        int n = NicDescriptor.count(lo);
        if (n == 0) {
            return false;
        }
        lengthBytes = (int) lo;
        count = n;
        head = 0;
        tail = 0;
        return true;
    }

    private boolean setHead(long lo) {
        if (lo >= count) {
            return false;
        }
        head = (int) lo;
        return true;
    }

    private boolean setTail(long lo) {
        if (lo >= count) {
            return false;
        }
        tail = (int) lo;
        return true;
    }

    /** @return descriptors the device may fill or send: head .. tail-1, modulo the ring. */
    int pending() {
        return count == 0 ? 0 : (tail - head + count) % count;
    }

    /** @return the same as {@link #pending()}: free receive descriptors. */
    int free() {
        return pending();
    }

    /** @return the address of the head descriptor. */
    long headAddress() {
        return base + (long) head * NicDescriptor.SIZE;
    }

    /** Moves the head one descriptor on, wrapping at the ring's end. */
    void advance() {
        head = head + 1 == count ? 0 : head + 1;
    }

    int head() {
        return head;
    }
}
