package warden.kernel.port;

/**
 * The monitor's own view of physical memory, used to read a guest's buffer after the kernel has
 * checked that the buffer lies in the guest's own readable memory.
 */
public interface GuestMemory {
    /** @return the byte at physical address {@code address} (0..255), or -1 on a bus error. */
    int readByte(long address);

    /**
     * Writes one byte to RAM at physical address {@code address}, after the kernel has checked that
     * it lies in the calling guest's own writable memory. Mission-time.
     * @return 0, or -1 when no RAM holds the address.
     */
    int writeByte(long address, int value);
}
