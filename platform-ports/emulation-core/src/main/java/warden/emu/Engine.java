package warden.emu;

/**
 * The deterministic discrete-event engine. Virtual time advances in steps that end at the next
 * device event or after one quantum, whichever is first; at the start of each step the device events due
 * fire, then every core runs up to the step's end in a fixed order (core 0 first).
 * Cores synchronise at step ends (temporal decoupling, as in SystemC TLM-2 loosely-timed
 * models); a core's own timer and the interrupts raised at a step boundary are exact.
 *
 * <p>Nothing here reads a wall clock or an unseeded random source, so the same inputs give the
 * same run, byte for byte.
 *
 * [impl->dsn~emu.engine.deterministic~1]
 */
public final class Engine {
    /** A core the engine advances. */
    public interface Core {
        /** Runs the core until its virtual time reaches {@code untilNs}. */
        void runUntil(long untilNs);
    }

    /** A device that raises events at virtual times of its own choosing. */
    public interface Source {
        /** @return the time of the next event, or Long.MAX_VALUE. */
        long nextEventNs();

        /** Fires the event due at {@code nowNs}. */
        void fire(long nowNs);
    }

    public static final long DEFAULT_QUANTUM_NS = 100_000;

    private final Core[] cores;
    private final Source[] sources;
    private final long quantumNs;
    private long now;
    private long steps;

    public Engine(Core[] cores, Source[] sources, long quantumNs) {
        this.cores = cores.clone();
        this.sources = sources.clone();
        this.quantumNs = quantumNs;
    }

    public long now() {
        return now;
    }

    /** @return how many steps have run. */
    public long steps() {
        return steps;
    }

    /** Runs until virtual time {@code endNs}. */
    public void runUntil(long endNs) {
        while (now < endNs) {
            for (Source s : sources) {
                if (s.nextEventNs() <= now) {
                    s.fire(now);
                }
            }
            long next = Math.min(endNs, now + quantumNs);
            for (Source s : sources) {
                long t = s.nextEventNs();
                if (t > now && t < next) {
                    next = t;
                }
            }
            for (Core c : cores) {
                c.runUntil(next);
            }
            now = next;
            steps++;
        }
    }
}
