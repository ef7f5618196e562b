package warden.emu.dev.nic;

import warden.emu.Bus;
import warden.emu.DmaGuard;
import warden.emu.IrqStats;
import warden.emu.Stimulus;
import warden.kernel.api.SystemImage;

/**
 * The Ethernet side of one emulated board (boot-time): each NIC of the platform description as a
 * {@link NicController} whose DMA goes through the board's {@link DmaGuard}, with the bus-master id
 * of its index here (in platform-description order), and the partition that owns it. A NIC that
 * belongs to no partition gets {@link DmaGuard#CLOSED}: it does no DMA at all. The port programs its
 * guard from {@link #masters()} and {@link #owner(int)} at boot.
 *
 * [impl->dsn~nic.board-wiring~1]
 */
public final class NicBoard {
    /** Most NICs on one board. */
    public static final int CONTROLLERS_MAX = 8;

    private final Stimulus.LineInput input;
    private final IrqStats stats;
    private final DmaGuard guard;
    private final String[] names = new String[CONTROLLERS_MAX];
    private final NicController[] controllers = new NicController[CONTROLLERS_MAX];
    private final int[] owners = new int[CONTROLLERS_MAX];
    private int count;

    /**
     * @param input the board's interrupt controller input
     * @param stats latency bookkeeping the raises go through, or null
     * @param guard the board's DMA isolation check
     */
    public NicBoard(Stimulus.LineInput input, IrqStats stats, DmaGuard guard) {
        this.input = input;
        this.stats = stats;
        this.guard = guard;
    }

    /** @return a new NIC named {@code name} on {@code line}, owned by {@code owner} (or NO_PARTITION). */
    public NicController add(String name, int line, int owner) {
        if (count >= CONTROLLERS_MAX) {
            throw new IllegalStateException("more than " + CONTROLLERS_MAX + " NICs on one board");
        }
        DmaGuard g = owner == SystemImage.NO_PARTITION ? DmaGuard.CLOSED : guard;
        NicController c = new NicController(input, stats, line, count, g);
        names[count] = name;
        controllers[count] = c;
        owners[count] = owner;
        count++;
        return c;
    }

    /** Connects every NIC's DMA port to the board's bus (boot-time, once the bus is built). */
    public void connect(Bus bus) {
        for (int i = 0; i < count; i++) {
            controllers[i].connect(bus);
        }
    }

    /** @return the bus masters: NICs 0 .. masters()-1. */
    public int masters() {
        return count;
    }

    /** @return the partition that owns master {@code m}, or NO_PARTITION. */
    public int owner(int m) {
        return owners[m];
    }

    /** @return master {@code m}'s controller. */
    public NicController controller(int m) {
        return controllers[m];
    }

    /** @return the NIC named {@code name}, or null when the board has none. */
    public NicController controller(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return controllers[i];
            }
        }
        return null;
    }

    /** @return the name of master {@code m}. */
    public String name(int m) {
        return names[m];
    }
}
