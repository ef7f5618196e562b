package warden.emu;

import warden.emu.dev.can.CanBoard;
import warden.emu.dev.nic.NicBoard;
import warden.kernel.api.TrapEntry;
import warden.kernel.port.Platform;

/**
 * An emulated board built for one system: the port (its {@link Platform} for the kernel), its
 * cores for the engine, and the input where device stimuli raise interrupt lines.
 */
public interface Board {
    Platform platform();

    /** Connects the kernel as the handler of every trap to the monitor. */
    void attach(TrapEntry kernel);

    /** @return the cores in the fixed order the engine runs them. */
    Engine.Core[] cores();

    /** @return the guest-facing view of a core, as executors see it. */
    GuestCpu guest(int core);

    /** @return where device stimuli raise lines. */
    Stimulus.LineInput lineInput();

    /** @return the board's bus (its physical memory), where a campaign injects hardware faults. */
    Bus bus();

    /** @return the board's CAN controllers and their buses. */
    CanBoard can();

    /** @return the board's Ethernet controllers. */
    NicBoard nic();

    /**
     * @return the event sources of the board's own devices (its CAN buses), for the engine.
     *     [impl->dsn~can.board-wiring~1]
     */
    default Engine.Source[] deviceSources() {
        return can().sources();
    }
}
