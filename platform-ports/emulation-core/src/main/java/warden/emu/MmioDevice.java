package warden.emu;

/**
 * A memory-mapped device on the bus. Offsets are relative to the device's base address; sizes are
 * 1, 2, 4 or 8 bytes. Reads and writes happen at the virtual time the bus passes in.
 */
public interface MmioDevice {
    /** @return the value read (zero-extended), or 0 for a register that does not exist. */
    long read(long offset, int size, long nowNs);

    /** Writes a register; writes to a register that does not exist are ignored. */
    void write(long offset, int size, long value, long nowNs);
}
