package warden.emu.guest;

import warden.emu.GuestCpu;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.UpdateReason;

/**
 * An updater guest's over-the-air update driver: from {@code atNs} on it sends one package to its
 * target through the monitor's update calls, one call per step of its guest's run loop —
 * UPDATE_BEGIN, then each chunk of at most {@link UpdateReason#CHUNK_MAX} bytes written into its
 * buffer (in its own memory) and UPDATE_CHUNK, then the manifest and UPDATE_FINISH, asking the
 * monitor to restart the target at once. The first refused call ends the transfer (its status kept).
 * With {@code powerLossAfter} chunks it stops there and asks for its own restart (PARTITION_RESET),
 * as a power loss of the updater in the middle of the transfer would.
 *
 * [impl->dsn~emu.guest.updater~1]
 */
public final class UpdateSender {
    private static final int IDLE = 0;
    private static final int BEGIN = 1;
    private static final int CHUNKS = 2;
    private static final int FINISH = 3;
    private static final int DONE = 4;

    private final UpdatePackage pkg;
    private final byte[] image;
    private final byte[] manifest;
    private final int target;
    private final long atNs;
    private final long buffer;
    private final int powerLossAfter;
    private int phase = IDLE;
    private int offset;
    private int chunks;
    private int status = Status.OK;
    private long finishedAt = -1;

    /**
     * @param buffer a guest address of at least CHUNK_MAX bytes of the updater's own writable memory
     * @param powerLossAfter chunks after which the updater loses power, or -1
     */
    public UpdateSender(UpdatePackage pkg, int target, long atNs, long buffer, int powerLossAfter) {
        this.pkg = pkg;
        this.image = pkg.image();
        this.manifest = pkg.manifest();
        this.target = target;
        this.atNs = atNs;
        this.buffer = buffer;
        this.powerLossAfter = powerLossAfter;
    }

    /** @return when the next step is due: the start time until the transfer ends, then never. */
    public long due() {
        return phase == DONE ? Long.MAX_VALUE : atNs;
    }

    /** One call of the transfer (the first step starts it). @return the call's status */
    public int step(GuestCpu cpu) {
        if (phase == IDLE) {
            phase = BEGIN;
        }
        int st;
        if (phase == BEGIN) {
            st = cpu.call(MonitorCall.UPDATE_BEGIN, new long[] {target, image.length, pkg.version()});
            phase = CHUNKS;
        } else if (phase == CHUNKS) {
            st = chunk(cpu);
        } else {
            put(cpu, manifest, 0, manifest.length);
            st = cpu.call(MonitorCall.UPDATE_FINISH, new long[] {target, buffer, 1});
            phase = DONE;
            finishedAt = cpu.now();
        }
        if (st != Status.OK) {
            status = st;
            phase = DONE;
        }
        return st;
    }

    private int chunk(GuestCpu cpu) {
        if (chunks == powerLossAfter) {
            phase = DONE;
            return cpu.call(MonitorCall.PARTITION_RESET, 0, 0);
        }
        int n = Math.min(UpdateReason.CHUNK_MAX, image.length - offset);
        put(cpu, image, offset, n);
        int st = cpu.call(MonitorCall.UPDATE_CHUNK, new long[] {target, offset, buffer, n});
        offset += n;
        chunks++;
        if (offset == image.length) {
            phase = FINISH;
        }
        return st;
    }

    /** Writes bytes[from .. from+n) into the buffer, 8 bytes at a time (little-endian). */
    private void put(GuestCpu cpu, byte[] bytes, int from, int n) {
        for (int i = 0; i < n; i += 8) {
            long w = 0;
            for (int k = 0; k < 8 && i + k < n; k++) {
                w |= (bytes[from + i + k] & 0xFFL) << (8 * k);
            }
            cpu.store(buffer + i, 8, w);
        }
    }

    /** @return the status of the call that ended the transfer (OK when every call was). */
    public int status() { return status; }
    /** @return chunks the monitor took. */
    public int chunks() { return chunks; }
    /** @return when UPDATE_FINISH was made, -1 before. */
    public long finishedAt() { return finishedAt; }
    /** @return whether the transfer has ended. */
    public boolean done() { return phase == DONE; }
}
