package warden.kernel.calls;

import warden.kernel.api.Status;
import warden.kernel.port.Console;
import warden.kernel.port.GuestMemory;

/**
 * CONSOLE_WRITE: a partition writes bytes of its own memory to its console. Decode checks the
 * buffer and has no side effects; invoke cannot fail once decode returned {@link Status#OK}.
 *
 * [impl->dsn~kernel.mcall.console-write~1]
 */
public final class ConsoleCalls {
    /** Longest console write accepted in one call, in bytes. */
    public static final int CONSOLE_MAX = 256;

    private final CallerMemory owned;
    private final Reply reply;
    private final GuestMemory memory;
    private final Console console;

    ConsoleCalls(CallerMemory owned, Reply reply, GuestMemory memory, Console console) {
        this.owned = owned;
        this.reply = reply;
        this.memory = memory;
        this.console = console;
    }

    /**
     * A console buffer must lie entirely inside one of the caller's own regions that it may read.
     * Deny by default: anything else, the monitor's memory included, is refused.
     *
     * [impl->dsn~kernel.mcall.console-write~1]
     */
    public int decodeConsoleWrite(int caller, long address, long length) {
        if (length < 0 || length > CONSOLE_MAX) {
            return Status.INVALID_PARAM;
        }
        if (length == 0) {
            return Status.OK;
        }
        return owned.ownsReadable(caller, address, length) ? Status.OK : Status.INVALID_ADDRESS;
    }

    /** [impl->dsn~kernel.mcall.console-write~1] */
    int consoleWrite(int core, int p, long address, long length) {
        int st = decodeConsoleWrite(p, address, length);
        if (st != Status.OK) {
            return reply.to(core, st, 0);
        }
        for (int i = 0; i < (int) length && i < CONSOLE_MAX; i++) { // length <= CONSOLE_MAX: decoded above
            int b = memory.readByte(address + i);
            console.write(p, b < 0 ? '?' : b);
        }
        return reply.to(core, Status.OK, length);
    }
}
