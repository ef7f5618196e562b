package warden.emu;

/**
 * A 16550-style UART reduced to what guests use: writing the transmit holding register (offset 0)
 * prints a byte to the owning partition's console; the line status register (offset 5) always
 * reports the transmitter empty (THRE, TEMT). Other registers read as 0 and ignore writes.
 */
public final class Uart implements MmioDevice {
    private static final int THR = 0;
    private static final int LSR = 5;
    private static final int LSR_THRE_TEMT = 0x60;

    private final ConsoleLog console;
    private int owner = -1;

    public Uart(ConsoleLog console) {
        this.console = console;
    }

    /** Sets the partition whose console this UART prints to. */
    public void owner(int partition) {
        this.owner = partition;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        return offset == LSR ? LSR_THRE_TEMT : 0;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        if (offset == THR) {
            console.put(owner, (int) (value & 0xff), nowNs);
        }
    }
}
