package warden.emu.channel;

/**
 * The receiver's state machine, after the E2E state machine of the AUTOSAR E2E Protocol
 * Specification: the last {@code window} checks that were either accepted or errors (REPEATED and
 * NO_NEW_DATA count as neither) decide the state. NO_DATA until the first such check; then INIT;
 * VALID once the window holds at least {@code minOk} accepted checks and at most {@code maxErrors}
 * errors; INVALID as soon as it holds more than {@code maxErrors} errors (from INIT or VALID), back
 * to VALID under the same condition as from INIT. Entering INVALID is the failure the guest
 * reports to the monitor. The window is a bit set in one long: no allocation.
 *
 * [impl->dsn~e2e.state-machine~1]
 */
public final class E2eStateMachine {
    public static final int NO_DATA = 0;
    public static final int INIT = 1;
    public static final int VALID = 2;
    public static final int INVALID = 3;

    private final int window;
    private final int maxErrors;
    private final int minOk;
    private long errorBits;
    private int filled;
    private int state = NO_DATA;
    private long failures;

    public E2eStateMachine(E2eConfig config) {
        this.window = config.window;
        this.maxErrors = config.maxErrors;
        this.minOk = config.minOk;
    }

    /** Feeds one verdict. @return true when this verdict made the state INVALID (a new failure). */
    public boolean feed(int verdict) {
        boolean error = Verdict.error(verdict);
        if (!error && !Verdict.accepted(verdict)) {
            return false;
        }
        long mask = window == 64 ? -1L : (1L << window) - 1;
        errorBits = ((errorBits << 1) | (error ? 1 : 0)) & mask;
        filled = Math.min(window, filled + 1);
        int errors = Long.bitCount(errorBits);
        int oks = filled - errors;
        if (state == NO_DATA) {
            state = INIT;
        }
        if (errors > maxErrors) {
            if (state != INVALID) {
                state = INVALID;
                failures++;
                return true;
            }
        } else if (oks >= minOk) {
            state = VALID;
        }
        return false;
    }

    public int state() { return state; }
    /** @return how often the state became INVALID. */
    public long failures() { return failures; }
    public int errorsInWindow() { return Long.bitCount(errorBits); }
}
