package warden.kernel.health;

import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.SystemImage;
import warden.kernel.log.EventLog;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Timer;

/**
 * Interrupt storms: each line owned by a partition with an interrupt limit counts the interrupts
 * it brings within the owner's health window; the one that reaches the limit masks the line at the
 * interrupt controller for the rest of that window, so a storming device costs the cores no more
 * than {@code limit} monitor entries per window. The monitor timer of the line's core unmasks it
 * when the window ends. All tables are allocated at boot; every loop is bounded by LINES_MAX.
 *
 * [impl->dsn~health.irq-storm~1]
 */
// justification: line ids are below LINES_MAX (loops, or claimed lines the kernel checked against it)
@SuppressWarnings("index")
final class StormLimit {
    /** A line's window start before its first interrupt: any time is past its end. */
    private static final long NO_WINDOW = Long.MIN_VALUE / 4;

    private final SystemImage img;
    private final InterruptController irq;
    private final long[] counters;
    private final EventLog log;
    private final int[] lineCount;
    private final long[] lineWindowStart;
    private final long[] unmaskAt;
    private final long[] stormAt;
    /** Lines masked now: the watchdog paths skip the line table while it is 0 (the usual case). */
    private int maskedLines;

    /** Boot-time: each line outside any window. [impl->dsn~health.irq-storm~1] */
    StormLimit(SystemImage img, InterruptController irq, long[] counters, EventLog log) {
        this.img = img;
        this.irq = irq;
        this.counters = counters;
        this.log = log;
        lineCount = new int[SystemImage.LINES_MAX];
        lineWindowStart = new long[SystemImage.LINES_MAX];
        unmaskAt = new long[SystemImage.LINES_MAX];
        stormAt = new long[SystemImage.LINES_MAX];
        for (int l = 0; l < SystemImage.LINES_MAX; l++) {
            unmaskAt[l] = Timer.NEVER;
            lineWindowStart[l] = NO_WINDOW;
        }
    }

    /**
     * @return the earlier of {@code d} and the end of a storm mask of a line routed to {@code core}
     *
     * [impl->dsn~health.irq-storm~1]
     */
    long earliestUnmask(int core, long d) {
        if (maskedLines == 0) {
            return d; // no line is masked: every unmaskAt is NEVER
        }
        long earliest = d;
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (unmaskAt[l] < earliest && img.lineCore(l) == core) {
                earliest = unmaskAt[l];
            }
        }
        return earliest;
    }

    /**
     * Counts an interrupt of {@code line}, owned by partition p and routed to {@code core}, against
     * the owner's interrupt limit; the one that reaches the limit within the window masks the line
     * until the window ends. The interrupt itself is still delivered.
     *
     * The core's monitor deadline then follows ({@code watchdog} programs it).
     *
     * [impl->dsn~health.irq-storm~1]
     */
    void interrupt(int p, int line, int core, long now, Watchdog watchdog) {
        int limit = img.irqLimit(p);
        if (limit <= 0) {
            return;
        }
        if (now - lineWindowStart[line] >= img.healthWindowNs(p)) {
            lineWindowStart[line] = now;
            lineCount[line] = 0;
        }
        lineCount[line]++;
        if (lineCount[line] >= limit && unmaskAt[line] == Timer.NEVER) {
            irq.setEnabled(line, false);
            unmaskAt[line] = lineWindowStart[line] + img.healthWindowNs(p);
            maskedLines++;
            stormAt[line] = now;
            counters[Counter.INTERRUPT_STORMS]++;
            log.append(now, EventKind.INTERRUPT_STORM, p, core, line, lineCount[line]);
            watchdog.reprogram(core);
        }
    }

    /** Unmasks the storm-masked lines of {@code core} whose window has ended. [impl->dsn~health.irq-storm~1] */
    void unmask(int core, long now) {
        if (maskedLines == 0) {
            return; // no line is masked
        }
        for (int l = 1; l < SystemImage.LINES_MAX; l++) {
            if (unmaskAt[l] <= now && img.lineCore(l) == core) {
                unmaskAt[l] = Timer.NEVER;
                maskedLines--;
                lineWindowStart[l] = NO_WINDOW;
                lineCount[l] = 0;
                irq.setEnabled(l, true);
                log.append(now, EventKind.LINE_RESTORED, img.lineOwner(l), core, l, now - stormAt[l]);
            }
        }
    }
}
