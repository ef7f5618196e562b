package warden.kernel.port;

/** The per-partition console (a UART the monitor owns), output tagged with the partition. */
public interface Console {
    /** Writes one byte to partition {@code partition}'s console. Mission-time. */
    void write(int partition, int b);
}
