package warden.emu;

/** A device window with no registers: reads return 0, writes are ignored. */
public final class NullDevice implements MmioDevice {
    @Override
    public long read(long offset, int size, long nowNs) {
        return 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
    }
}
