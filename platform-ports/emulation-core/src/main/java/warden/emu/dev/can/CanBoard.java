package warden.emu.dev.can;

import warden.emu.Engine;
import warden.emu.IrqStats;
import warden.emu.Stimulus;

/**
 * The CAN side of one emulated board (boot-time): each CAN controller of the platform description
 * on a CAN bus of its own (a board's CAN channels are separate networks, as on an ECU with several
 * CAN transceivers), its line raised at the board's interrupt controller through the interrupt
 * latency bookkeeping. The buses are engine sources ({@link #sources()}); traffic nodes
 * ({@link CanStimulus}) are attached to a controller's bus by the device's name ({@link #bus}).
 *
 * <p>Every controller: a 40 MHz CAN clock (its reset bit timing is then 500 kbit/s) and a 16-entry
 * receive FIFO.
 *
 * [impl->dsn~can.board-wiring~1]
 */
public final class CanBoard {
    /** CAN clock of every board's controllers. */
    public static final long CLOCK_HZ = 40_000_000L;
    /** Receive FIFO entries of every board's controllers. */
    public static final int RX_DEPTH = 16;
    /** Most CAN controllers on one board. */
    public static final int CONTROLLERS_MAX = 8;

    private final Stimulus.LineInput input;
    private final IrqStats stats;
    private final String[] names = new String[CONTROLLERS_MAX];
    private final CanController[] controllers = new CanController[CONTROLLERS_MAX];
    private final CanBus[] buses = new CanBus[CONTROLLERS_MAX];
    private int count;

    /**
     * @param input the board's interrupt controller input
     * @param stats latency bookkeeping the raises go through, or null to raise at {@code input} directly
     */
    public CanBoard(Stimulus.LineInput input, IrqStats stats) {
        this.input = input;
        this.stats = stats;
    }

    /** @return a new controller named {@code name} on line {@code line}, on a bus of its own. */
    public CanController add(String name, int line) {
        if (count >= CONTROLLERS_MAX) {
            throw new IllegalStateException("more than " + CONTROLLERS_MAX + " CAN controllers on one board");
        }
        CanController c = new CanController(CLOCK_HZ, RX_DEPTH, input, stats, line);
        CanBus bus = new CanBus();
        bus.attach(c);
        names[count] = name;
        controllers[count] = c;
        buses[count] = bus;
        count++;
        return c;
    }

    /** @return the bus of the controller named {@code name}, or null when the board has none. */
    public CanBus bus(String name) {
        int i = indexOf(name);
        return i < 0 ? null : buses[i];
    }

    /** @return the controller named {@code name}, or null when the board has none. */
    public CanController controller(String name) {
        int i = indexOf(name);
        return i < 0 ? null : controllers[i];
    }

    /** @return the number of controllers on the board. */
    public int count() {
        return count;
    }

    /** @return the name of controller {@code i} (0 .. count - 1). */
    public String name(int i) {
        return names[i];
    }

    /** @return controller {@code i} (0 .. count - 1). */
    public CanController controller(int i) {
        return controllers[i];
    }

    /** @return the bus of controller {@code i} (0 .. count - 1). */
    public CanBus bus(int i) {
        return buses[i];
    }

    private int indexOf(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the buses, in the order of the platform description's devices. */
    public Engine.Source[] sources() {
        Engine.Source[] out = new Engine.Source[count];
        System.arraycopy(buses, 0, out, 0, count);
        return out;
    }
}
