package warden.emu;

/**
 * The isolation check a board puts between a bus master that is not a core (a device doing DMA)
 * and the bus: an IOPMP on RISC-V, a TZC-400 filter on the DMA port on Arm, the VT-d protected
 * memory regions on x86. A device asks before every DMA access and performs only what is
 * permitted: a denied read returns zero and a denied write is dropped. The check allocates nothing.
 */
public interface DmaGuard {
    /** A guard that permits nothing: the port of a device that belongs to no partition. */
    DmaGuard CLOSED = new Closed();

    /**
     * @param master  the bus master's id on this board (the index of the DMA device)
     * @param address first byte of the access
     * @param length  bytes, 1 to 4096 (a burst never crosses a 4 KiB boundary on these boards)
     * @param write   true for a write, false for a read
     * @return true when the access may go to the bus
     */
    boolean permits(int master, long address, int length, boolean write);

    /** The guard of {@link #CLOSED}. */
    final class Closed implements DmaGuard {
        private Closed() {
        }

        @Override
        public boolean permits(int master, long address, int length, boolean write) {
            return false;
        }
    }
}
