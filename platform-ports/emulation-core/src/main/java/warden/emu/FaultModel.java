package warden.emu;

/**
 * The fault models of fault-injection campaigns, with frozen ids. Each is injected into one
 * partition's guest at one virtual time (see {@link Faultable}).
 */
public final class FaultModel {
    /** The guest stops making progress and stops its heartbeat, but keeps its core busy. */
    public static final int HANG = 0;
    /** The guest jumps to an address outside its memory (instruction access fault), then is dead. */
    public static final int CRASH = 1;
    /** The guest makes a burst of 64 accesses outside its memory, then carries on. */
    public static final int FAULT_STORM = 2;
    /** The guest makes one write into another partition's memory, then carries on. */
    public static final int ISOLATION_VIOLATION = 3;
    /** One job of the guest's longest task runs for its period plus its WCET (RTOS guests only). */
    public static final int DEADLINE_OVERRUN = 4;
    /**
     * A bit anywhere in the guest's own memory flips (drawn from all of it: the RTOS's self-checked
     * block is 64 bytes of it, so most flips are where nothing checks them).
     */
    public static final int MEMORY_CORRUPTION = 5;
    /**
     * One of the partition's devices raises its interrupt line every {@link #STORM_PERIOD_NS} for
     * {@link #STORM_DURATION_NS} (a device stuck asserting, or a malicious driver). Injected at the
     * interrupt controller's input, not into the guest.
     */
    public static final int INTERRUPT_STORM = 6;
    /**
     * One bit of a saved CPU context of the partition (a vCPU switched out, its registers in the
     * monitor's memory) flips. Injected into the kernel's context store, not into the guest.
     */
    public static final int CONTEXT_BIT_FLIP = 7;
    /**
     * The monitor timer of the partition's home core stops: its comparator loses the deadline the
     * kernel wrote (it reads as "never"), so the core gets no timer interrupt until the comparator
     * is written again. Injected into the port's timer, not into the guest.
     */
    public static final int TIMER_STOP = 8;
    /** The number of the partition fault models above, which a campaign draws from by default. */
    public static final int COUNT = 9;
    /**
     * One bit of a frame published and not yet read flips in the channel's ring memory (the
     * injector writes physical memory, as a hardware upset would). Channel fault models take a
     * channel id, not an address.
     */
    public static final int CHANNEL_BIT_FLIP = 9;
    /** The sender protects a frame (its counter advances) but never writes it: a lost frame. */
    public static final int CHANNEL_LOST = 10;
    /** The sender writes its last frame again, unchanged: a repeated frame. */
    public static final int CHANNEL_REPEATED = 11;
    /** The sender writes two consecutive frames in the wrong order: reordered frames. */
    public static final int CHANNEL_REORDERED = 12;
    /** The sender writes one frame with another data id (a masquerading or misrouted frame). */
    public static final int CHANNEL_MASQUERADE = 13;
    /** The sender publishes {@link #FLOOD_BURST} frames at every activation for {@link #FLOOD_DURATION_NS}. */
    public static final int CHANNEL_FLOOD = 14;
    /** The receiver stops reading the channel (it still runs and polls, it takes no frame). */
    public static final int CHANNEL_STOP_READING = 15;
    /**
     * The sender protects a frame (its counter and send time) but writes it only once the
     * channel's maximum age has passed since then: a delayed frame, which the receiver must find
     * STALE (its later frames arrive first, with a gap for the delayed one).
     */
    public static final int CHANNEL_DELAYED = 16;
    /** The first channel fault model. */
    public static final int CHANNEL_FIRST = 9;
    /** The number of all fault models, partition and channel ones. */
    public static final int ALL = 17;
    /** Frames a flooding sender publishes per activation. */
    public static final int FLOOD_BURST = 64;
    /** How long a sender floods. */
    public static final long FLOOD_DURATION_NS = 20_000_000;

    /** Interval between the requests of an interrupt storm. */
    public static final long STORM_PERIOD_NS = 2_000;
    /** How long an interrupt storm lasts. */
    public static final long STORM_DURATION_NS = 20_000_000;

    private static final String[] NAMES = {"hang", "crash", "fault-storm", "isolation-violation",
        "deadline-overrun", "memory-corruption", "interrupt-storm", "context-bit-flip",
        "timer-stop", "channel-bit-flip", "channel-lost", "channel-repeated", "channel-reordered",
        "channel-masquerade", "channel-flood", "channel-stop-reading", "channel-delayed"};

    private FaultModel() {
    }

    /**
     * @return whether the model is a fault of the platform (a core's timer) rather than of the
     *     partition it is drawn for: its critical deadline misses are not caused by that partition
     */
    public static boolean platformFault(int model) {
        return model == TIMER_STOP;
    }

    /** @return whether the model is a fault of a channel (injected into a channel, drawn per channel). */
    public static boolean channelFault(int model) {
        return model >= CHANNEL_FIRST && model < ALL;
    }

    public static String name(int model) {
        return model >= 0 && model < ALL ? NAMES[model] : "?";
    }

    /** @return the id of a model name, or -1. */
    public static int parse(String name) {
        for (int i = 0; i < ALL; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
