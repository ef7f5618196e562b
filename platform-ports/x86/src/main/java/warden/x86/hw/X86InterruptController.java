package warden.x86.hw;

import warden.kernel.api.Status;
import warden.kernel.port.InterruptController;

/**
 * The kernel's {@link InterruptController} on an I/O APIC's redirection table (82093AA I/O APIC
 * datasheet §3.2.4: destination, delivery mode, vector, mask) and the cores' local APICs.
 *
 * <p>A critical line is programmed with delivery mode SMI (010b): it raises an SMI on its core
 * and waits here until the monitor's SMI handler claims it. A non-critical line is programmed
 * with delivery mode Fixed and vector {@link LocalApic#LINE_VECTOR_BASE} + line: it goes straight
 * to the core's local APIC and the rich OS takes it through its own IDT, with no monitor entry.
 * The monitor claims such a line only while the rich OS is not running on the core (it yielded
 * and the core is parked, or the critical partition runs there): then the kernel holds it and
 * delivers it when the rich OS runs again.
 *
 * <p>A local APIC's IRR has one bit per vector, so a second raise of a Fixed line before the
 * first left the IRR (taken by the rich OS or claimed by the monitor) would be merged into it.
 * As the PLIC gateway on RISC-V, each line keeps a backlog counter instead: a raise that finds
 * its vector already requested is counted, and each time the vector leaves the IRR one counted
 * raise is put back. So every raise is taken by the rich OS or claimed (and held by the kernel)
 * exactly once; the counter saturates at Integer.MAX_VALUE.
 *
 * <p>Guarantees: {@link #route} programs exactly one destination; {@link #claim} returns each
 * raised line once, SMI lines first by priority (lowest id on ties); nothing allocates; loops
 * are bounded by the line count.
 *
 * [impl->dsn~x86.interrupts~1]
 */
public final class X86InterruptController implements InterruptController {
    public static final int MODE_NONE = 0;
    public static final int MODE_FIXED = 1;
    public static final int MODE_SMI = 2;

    private final LocalApic[] apics;
    private final int lines;
    private final int[] mode;
    private final int[] core;
    private final int[] priority;
    private final boolean[] smiPending;
    private final boolean[] guestRunning;
    /** Per Fixed line: raises waiting behind the one whose vector is in the IRR. */
    private final int[] backlog;
    /** Per line: the redirection entry's mask bit (set by {@link #setEnabled}). */
    private final boolean[] masked;
    /** Per core: the lines with a latched SMI routed to it. */
    private final int[] smiCount;
    /** Per core: the vectors of the Fixed lines routed to it, {@link LocalApic#WORDS} words each. */
    private final long[] fixedVectors;
    /** {@link #raise} result: the pin is masked and the edge was ignored. */
    public static final int IGNORED = -2;

    /** Boot-time: {@code lines} redirection entries (valid lines 1..lines-1) over these APICs. */
    public X86InterruptController(int lines, LocalApic[] apics) {
        this.apics = apics.clone();
        this.lines = lines;
        this.mode = new int[lines];
        this.core = new int[lines];
        this.priority = new int[lines];
        this.smiPending = new boolean[lines];
        this.guestRunning = new boolean[apics.length];
        this.backlog = new int[lines];
        this.masked = new boolean[lines];
        this.smiCount = new int[apics.length];
        this.fixedVectors = new long[apics.length * LocalApic.WORDS];
    }

    @Override
    public int lineCount() {
        return lines;
    }

    @Override
    public int route(int line, int target, int prio, boolean critical) {
        if (line < 1 || line >= lines || target < 0 || target >= apics.length || prio < 1
                || LocalApic.LINE_VECTOR_BASE + line > 255) {
            return Status.INVALID_PARAM;
        }
        int v = LocalApic.LINE_VECTOR_BASE + line;
        long bit = 1L << (v & 63);
        if (mode[line] == MODE_FIXED) {
            fixedVectors[core[line] * LocalApic.WORDS + (v >>> 6)] &= ~bit;
        }
        if (smiPending[line]) {
            smiCount[core[line]]--;
            smiCount[target]++;
        }
        mode[line] = critical ? MODE_SMI : MODE_FIXED;
        core[line] = target;
        priority[line] = prio;
        if (!critical) {
            fixedVectors[target * LocalApic.WORDS + (v >>> 6)] |= bit;
        }
        return Status.OK;
    }

    /**
     * A device raises {@code line}. @return the core that must take an SMI for it, -1 (a Fixed
     * line went to a local APIC, or the line is not routed), or {@link #IGNORED}: the redirection
     * entry is masked, and an edge on a masked pin is neither delivered nor held pending (82093AA
     * datasheet §3.2.4, bit 16).
     */
    public int raise(int line) {
        if (line < 1 || line >= lines || mode[line] == MODE_NONE) {
            return -1;
        }
        if (masked[line]) {
            return IGNORED;
        }
        if (mode[line] == MODE_SMI) {
            if (!smiPending[line]) {
                smiPending[line] = true;
                smiCount[core[line]]++;
            }
            return core[line];
        }
        int v = LocalApic.LINE_VECTOR_BASE + line;
        if (apics[core[line]].requested(v)) {
            if (backlog[line] < Integer.MAX_VALUE) {
                backlog[line]++; // the IRR would merge it: count it instead
            }
        } else {
            apics[core[line]].accept(v);
        }
        return -1;
    }

    /**
     * The vector of Fixed line {@code line} left core {@code c}'s IRR (the rich OS took it, or the
     * monitor claimed it): one counted raise, if any, requests the vector again.
     */
    public void taken(int c, int line) {
        if (line < 1 || line >= lines || mode[line] != MODE_FIXED || core[line] != c) {
            return;
        }
        if (backlog[line] > 0 && !apics[c].requested(LocalApic.LINE_VECTOR_BASE + line)) {
            backlog[line]--;
            apics[c].accept(LocalApic.LINE_VECTOR_BASE + line);
        }
    }

    /** @return requests of {@code line} not yet taken: a latched SMI, or a vector in the IRR plus the backlog. */
    public long heldRequests(int line) {
        if (line < 1 || line >= lines || mode[line] == MODE_NONE) {
            return 0;
        }
        if (mode[line] == MODE_SMI) {
            return smiPending[line] ? 1 : 0;
        }
        return (apics[core[line]].requested(LocalApic.LINE_VECTOR_BASE + line) ? 1 : 0) + backlog[line];
    }

    /** @return raises of {@code line} counted behind the one in the IRR. */
    public int backlog(int line) {
        return line >= 1 && line < lines ? backlog[line] : 0;
    }

    /**
     * @return whether an SMI-routed line is pending for {@code c}: O(1), from the core's count of
     *     latched SMI lines
     *
     * [impl->dsn~x86.interrupt-summary~1]
     */
    public boolean smiPending(int c) {
        return c >= 0 && c < smiCount.length && smiCount[c] != 0;
    }

    /**
     * @return whether a Fixed line routed to {@code c} waits in its local APIC (a parked core must
     *     wake): the core's IRR against the vectors of its Fixed lines, four words
     *
     * [impl->dsn~x86.interrupt-summary~1]
     */
    public boolean apicLinePending(int c) {
        return c >= 0 && c < apics.length && apics[c].anyRequested(fixedVectors, c * LocalApic.WORDS);
    }

    /** The port tells whether the rich OS runs on core {@code c} (then it takes Fixed lines itself). */
    public void guestRunning(int c, boolean running) {
        guestRunning[c] = running;
    }

    /** @return the delivery mode a line is programmed with. */
    public int mode(int line) {
        return line >= 1 && line < lines ? mode[line] : MODE_NONE;
    }

    @Override
    public int claim(int c) {
        if (c < 0 || c >= apics.length) {
            return 0;
        }
        int best = 0;
        for (int l = 1; l < lines && smiCount[c] != 0; l++) { // bound: lines
            if (smiPending[l] && core[l] == c && (best == 0 || priority[l] > priority[best])) {
                best = l;
            }
        }
        if (best != 0) {
            smiPending[best] = false;
            smiCount[c]--;
            return best;
        }
        if (guestRunning[c]) {
            return 0;
        }
        for (int l = lines - 1; l >= 1; l--) { // bound: lines
            if (mode[l] == MODE_FIXED && core[l] == c && apics[c].requested(LocalApic.LINE_VECTOR_BASE + l)) {
                apics[c].withdraw(LocalApic.LINE_VECTOR_BASE + l);
                taken(c, l);
                return l;
            }
        }
        return 0;
    }

    /**
     * Sets or clears the redirection entry's mask bit. Requests already accepted (an SMI latched,
     * a vector in the IRR, counted raises) stay and are delivered as usual.
     *
     * [impl->dsn~x86.ioapic.mask~1]
     */
    @Override
    public int setEnabled(int line, boolean enabled) {
        if (line < 1 || line >= lines) {
            return Status.INVALID_PARAM;
        }
        masked[line] = !enabled;
        return Status.OK;
    }

    /** SMI lines are edge-latched and Fixed lines are ended by the rich OS's EOI: nothing to do. */
    @Override
    public void complete(int c, int line) {
        // Deliberately empty: an SMI-routed line has no in-service state at the I/O APIC.
    }
}
