package warden.kernel.port;

/**
 * The monitor's own view of physical memory, used to read a guest's buffer after the kernel has
 * checked that the buffer lies in the guest's own readable memory, and to reach a mediated device's
 * register for a partition after the kernel has checked the access against the access-control list.
 *
 * [impl->dsn~port.device-access~1]
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

    /**
     * Reads the 32-bit register at physical address {@code address} (4-byte aligned, inside a device
     * window) as the monitor, after the kernel has allowed the access. Mission-time; must not allocate.
     * @return the register's value (0 .. 2^32-1), or -1 on a bus error.
     */
    long readDevice(long address);

    /**
     * Writes {@code value} to the 32-bit register at physical address {@code address} (4-byte
     * aligned, inside a device window) as the monitor, after the kernel has allowed the access and
     * the value. Mission-time; must not allocate.
     * @return 0, or -1 on a bus error.
     */
    int writeDevice(long address, int value);
}
