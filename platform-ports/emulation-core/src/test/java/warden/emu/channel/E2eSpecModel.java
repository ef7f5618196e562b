package warden.emu.channel;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A plain specification model of the E2E receiver, written from requirements/e2e.md with no
 * concern for speed: counters as unbounded longs, the window as a list of booleans, the state as
 * a direct reading of the table. The property tests compare the library with it.
 */
final class E2eSpecModel {
    private final long maxAge;
    private final long counterWindow;
    private final int window;
    private final int maxErrors;
    private final int minOk;
    private long last = -1;
    private boolean seen;
    private long deadline;
    long gap;
    private final Deque<Boolean> errors = new ArrayDeque<>();
    String state = "NO_DATA";
    int failures;

    E2eSpecModel(long maxAge, long counterWindow, int window, int maxErrors, int minOk) {
        this.maxAge = maxAge;
        this.counterWindow = counterWindow;
        this.window = window;
        this.maxErrors = maxErrors;
        this.minOk = minOk;
    }

    /** A frame read at {@code now}: whether it is intact, has the right id, its counter and send time. */
    int frame(boolean intact, boolean rightId, long counter, long sent, long now) {
        gap = 0;
        int v;
        if (!intact) {
            v = Verdict.CORRUPTED;
        } else if (!rightId) {
            v = Verdict.WRONG_DATA_ID;
        } else if (now - sent > maxAge) {
            if (counter > last) {
                gap = counter - last - 1;
                last = counter;
            }
            v = Verdict.STALE;
        } else if (counter == last) {
            v = Verdict.REPEATED;
        } else if (counter < last) {
            gap = counter - last - 1;
            v = Verdict.WRONG_SEQUENCE;
        } else {
            gap = counter - last - 1;
            last = counter;
            if (gap > counterWindow) {
                v = Verdict.WRONG_SEQUENCE;
            } else {
                seen = true;
                deadline = now + maxAge;
                v = gap == 0 ? Verdict.OK : Verdict.OK_SOME_LOST;
            }
        }
        machine(v);
        return v;
    }

    int empty(long now) {
        int v = Verdict.NO_NEW_DATA;
        if (seen && now > deadline) {
            deadline = now + maxAge;
            v = Verdict.TIMEOUT;
        }
        machine(v);
        return v;
    }

    private void machine(int v) {
        boolean ok = v == Verdict.OK || v == Verdict.OK_SOME_LOST;
        boolean error = v == Verdict.WRONG_SEQUENCE || v == Verdict.CORRUPTED || v == Verdict.WRONG_DATA_ID
            || v == Verdict.TIMEOUT || v == Verdict.STALE;
        if (!ok && !error) {
            return;
        }
        errors.addLast(error);
        if (errors.size() > window) {
            errors.removeFirst();
        }
        long bad = errors.stream().filter(e -> e).count();
        long good = errors.size() - bad;
        if (state.equals("NO_DATA")) {
            state = "INIT";
        }
        if (bad > maxErrors) {
            if (!state.equals("INVALID")) {
                failures++;
            }
            state = "INVALID";
        } else if (good >= minOk) {
            state = "VALID";
        }
    }

    int stateCode() {
        switch (state) {
            case "NO_DATA": return E2eStateMachine.NO_DATA;
            case "INIT": return E2eStateMachine.INIT;
            case "VALID": return E2eStateMachine.VALID;
            default: return E2eStateMachine.INVALID;
        }
    }
}
