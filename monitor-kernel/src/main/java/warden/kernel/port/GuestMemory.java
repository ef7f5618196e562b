package warden.kernel.port;

/**
 * The monitor's own view of physical memory, used to read a guest's buffer after the kernel has
 * checked that the buffer lies in the guest's own readable memory.
 */
public interface GuestMemory {
    /** @return the byte at physical address {@code address} (0..255), or -1 on a bus error. */
    int readByte(long address);
}
