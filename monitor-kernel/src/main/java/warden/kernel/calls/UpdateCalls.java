package warden.kernel.calls;

import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.UpdateReason;
import warden.kernel.boot.Sha256;
import warden.kernel.health.Health;
import warden.kernel.health.Updates;
import warden.kernel.log.EventLog;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.SignatureEngine;
import warden.kernel.port.Timer;

/**
 * The over-the-air update calls UPDATE_BEGIN, UPDATE_CHUNK, UPDATE_FINISH and UPDATE_STATUS. Only a
 * target's updater (the image's {@code updateBy}) may send it an image; the image goes in order, in
 * chunks of at most {@link UpdateReason#CHUNK_MAX} bytes, from the caller's readable memory into the
 * target's inactive slot in the monitor's memory, and is hashed as it arrives. The finish compares
 * the SHA-256 with the manifest's and has the port's signature engine verify the Ed25519 signature
 * over digest, version and size with the description's key; a verified image switches at the
 * target's next restart ({@link Updates}). Each refusal answers a status and logs UPDATE_REFUSED with
 * its {@link UpdateReason}. Tables allocated at boot; loops bounded by CHUNK_MAX or the manifest.
 *
 * [impl->dsn~kernel.update.calls~1]
 */
// justification: hashers per partition (p < partitionCount); byte tables indexed below their constant lengths
@SuppressWarnings("index")
public final class UpdateCalls {
    private final SystemImage img;
    private final Reply reply;
    private final CallerMemory owned;
    private final GuestMemory mem;
    private final SignatureEngine engine;
    private final Timer timer;
    private final EventLog log;
    private final Health health;
    private final Updates updates;
    private final Sha256[] sha;
    private final byte[] key = new byte[UpdateReason.KEY_BYTES];
    private final byte[] digest = new byte[UpdateReason.DIGEST_BYTES];
    private final byte[] signature = new byte[UpdateReason.SIGNATURE_BYTES];
    private final byte[] message = new byte[UpdateReason.SIGNED_BYTES];

    /** Boot-time: one hasher per partition. [impl->dsn~kernel.update.calls~1] */
    UpdateCalls(SystemImage img, Reply reply, CallerMemory owned, GuestMemory mem, SignatureEngine engine,
            Timer timer, EventLog log, Health health) {
        this.img = img;
        this.reply = reply;
        this.owned = owned;
        this.mem = mem;
        this.engine = engine;
        this.timer = timer;
        this.log = log;
        this.health = health;
        this.updates = health.updates();
        sha = new Sha256[img.partitionCount()];
        for (int p = 0; p < img.partitionCount(); p++) {
            sha[p] = new Sha256();
        }
    }

    /** The update calls' share of the dispatch. [impl->dsn~kernel.mcall.decode-invoke~1] */
    int call(int core, int p, int callId, long a0, long a1, long a2, long a3) {
        int t = target(a0);
        if (callId == MonitorCall.UPDATE_STATUS) {
            return status(core, p, t, a0);
        }
        if (t < 0 || img.updateBy(t) != p) {
            return refuse(core, p, t, UpdateReason.NOT_ALLOWED, a0);
        }
        if (callId == MonitorCall.UPDATE_BEGIN) {
            return begin(core, p, t, a1, a2);
        }
        return callId == MonitorCall.UPDATE_CHUNK ? chunk(core, p, t, a1, a2, a3) : finish(core, p, t, a1, a2);
    }

    /** @return the partition a0 names, or -1. [impl->dsn~kernel.update.calls~1] */
    private int target(long a0) {
        return a0 >= 0 && a0 < img.partitionCount() ? (int) a0 : -1;
    }

    /** UPDATE_STATUS, for the target's updater and the target itself. [impl->dsn~kernel.update.calls~1] */
    private int status(int core, int p, int t, long a0) {
        if (t < 0 || img.updateBy(t) == SystemImage.NO_PARTITION || (p != t && p != img.updateBy(t))) {
            return refuse(core, p, t, UpdateReason.NOT_ALLOWED, a0);
        }
        return reply.to(core, Status.OK, UpdateReason.status(updates.committed(t), updates.state(t),
                updates.activeSlot(t)));
    }

    /**
     * UPDATE_BEGIN: decode (not on trial, a size the slot holds, a version above the counter), then
     * start the transfer; the value is the slot written. [impl->dsn~kernel.update.calls~1]
     */
    private int begin(int core, int p, int t, long size, long version) {
        if (updates.state(t) == UpdateReason.ON_TRIAL) {
            return refuse(core, p, t, UpdateReason.WRONG_STATE, updates.state(t));
        }
        if (size <= 0 || size > img.slotMax(t)) {
            return refuse(core, p, t, UpdateReason.TOO_BIG, size);
        }
        if (version <= updates.committed(t) || version > UpdateReason.VERSION_MAX) {
            return refuse(core, p, t, UpdateReason.OLDER_VERSION, version);
        }
        updates.begin(t, (int) size, version);
        sha[t].start();
        return reply.to(core, Status.OK, updates.inactiveSlot(t));
    }

    /**
     * UPDATE_CHUNK: decode (a transfer under way, the next offset, a length within CHUNK_MAX and
     * the image, a buffer the caller may read: CallerMemory refuses an empty or negative length),
     * then copy and hash at most CHUNK_MAX bytes; the value is the bytes received.
     * [impl->dsn~kernel.update.calls~1]
     */
    private int chunk(int core, int p, int t, long offset, long address, long length) {
        if (updates.state(t) != UpdateReason.RECEIVING) {
            return refuse(core, p, t, UpdateReason.WRONG_STATE, updates.state(t));
        }
        if (offset != updates.received(t)) {
            return refuse(core, p, t, UpdateReason.OUT_OF_ORDER, offset);
        }
        if (length > updates.size(t) - offset) {
            return refuse(core, p, t, UpdateReason.TOO_BIG, length);
        }
        if (length > UpdateReason.CHUNK_MAX || !owned.ownsReadable(p, address, length)) {
            return refuse(core, p, t, UpdateReason.BAD_BUFFER, address);
        }
        long slot = updates.inactiveBase(t) + offset;
        boolean ok = true;
        for (int i = 0; i < UpdateReason.CHUNK_MAX && i < length; i++) {
            int b = mem.readByte(address + i);
            ok &= b >= 0 && mem.writeByte(slot + i, b) == 0;
        }
        ok &= sha[t].add(mem, slot, (int) length);
        if (!ok) {
            updates.discard(t);
            return refuse(core, p, t, UpdateReason.BAD_BUFFER, address);
        }
        updates.arrived(t, (int) length);
        return reply.to(core, Status.OK, updates.received(t));
    }

    /**
     * UPDATE_FINISH: decode (every byte received, a manifest the caller may read, a restart flag of
     * 0 or 1), then verify digest and signature; a verified image switches at the target's next
     * restart, at once when asked. [impl->dsn~kernel.update.verify~1]
     */
    private int finish(int core, int p, int t, long manifest, long restartNow) {
        if (updates.state(t) != UpdateReason.RECEIVING || updates.received(t) != updates.size(t)) {
            return refuse(core, p, t, UpdateReason.WRONG_STATE, updates.received(t));
        }
        if ((restartNow & ~1L) != 0 || !owned.ownsReadable(p, manifest, UpdateReason.MANIFEST_BYTES)) {
            return refuse(core, p, t, UpdateReason.BAD_BUFFER, manifest);
        }
        int reason = verify(t, manifest);
        if (reason != 0) {
            updates.discard(t);
            return refuse(core, p, t, reason, updates.version(t));
        }
        long now = timer.now(core);
        updates.verified(t, digest, core, now);
        reply.to(core, Status.OK, updates.version(t));
        if (restartNow == 1) {
            health.requestedRestart(t, now);
        }
        return Status.OK;
    }

    /**
     * @return 0 when the image matches the manifest's digest and signature, else the reason.
     *     [impl->dsn~kernel.update.verify~1]
     */
    private int verify(int t, long manifest) {
        sha[t].end();
        boolean same = true;
        for (int i = 0; i < UpdateReason.DIGEST_BYTES; i++) {
            digest[i] = (byte) sha[t].digestByte(i);
            same &= mem.readByte(manifest + i) == sha[t].digestByte(i);
        }
        if (!same) {
            return UpdateReason.WRONG_DIGEST;
        }
        for (int i = 0; i < UpdateReason.SIGNATURE_BYTES; i++) {
            signature[i] = (byte) mem.readByte(manifest + UpdateReason.DIGEST_BYTES + i);
        }
        for (int i = 0; i < UpdateReason.KEY_BYTES; i++) {
            key[i] = (byte) img.updateKeyByte(t, i);
        }
        UpdateReason.signedMessage(digest, updates.version(t), updates.size(t), message);
        int v = engine.verifyEd25519(key, message, UpdateReason.SIGNED_BYTES, signature);
        if (v == SignatureEngine.VALID) {
            return 0;
        }
        return v == SignatureEngine.INVALID ? UpdateReason.BAD_SIGNATURE : UpdateReason.ENGINE;
    }

    /**
     * A refused update call: logged as UPDATE_REFUSED (reason and target, and the value refused)
     * and answered with the reason's status. [impl->dsn~kernel.update.refusals~1]
     */
    private int refuse(int core, int p, int t, int reason, long detail) {
        log.append(timer.now(core), EventKind.UPDATE_REFUSED, p, core, (long) reason << 8 | (t & 0xFF), detail);
        return reply.to(core, status(reason), 0);
    }

    /** @return the status of a refusal reason. [impl->dsn~kernel.update.refusals~1] */
    static int status(int reason) {
        switch (reason) {
            case UpdateReason.NOT_ALLOWED:
                return Status.DENIED;
            case UpdateReason.TOO_BIG:
                return Status.NO_SPACE;
            case UpdateReason.OUT_OF_ORDER:
                return Status.SEQUENCE;
            case UpdateReason.WRONG_DIGEST:
            case UpdateReason.BAD_SIGNATURE:
                return Status.VERIFY_FAILED;
            case UpdateReason.OLDER_VERSION:
                return Status.STALE_VERSION;
            case UpdateReason.BAD_BUFFER:
                return Status.INVALID_ADDRESS;
            case UpdateReason.WRONG_STATE:
                return Status.BAD_STATE;
            default:
                return Status.FAILED;
        }
    }
}
