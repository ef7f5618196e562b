package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventRecords;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.UpdateReason;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SignatureEngine;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * A booted kernel on the fake port with an updatable partition: rtos (0, ASIL C, core 0, watchdog
 * 5 ms, boot timeout 10 ms, golden image version 1 at {@link #STORE}, slot B at {@link #SLOT_B}, on
 * trial for 50 ms) and ops (1, QM, core 1, privileged, its updater).
 */
final class UpdateRig {
    static final long STORE = Images.MON + 0x1000;
    static final long SLOT_B = Images.MON + 0x6000;
    static final int MAX = 0x5000;
    static final long RTOS_RAM = 0x8040_0000L;
    static final long OPS_RAM = 0x8100_0000L;
    static final long BUFFER = OPS_RAM + 0x100;
    static final long MANIFEST = OPS_RAM + 0x80;
    static final long TRIAL = 50_000_000L;
    static final int RTOS = 0;
    static final int OPS = 1;
    static final long LINUX_RAM = 0x8200_0000L;
    static final int LINUX = 2;
    final FakePlatform f;
    final Monitor m;
    final byte[] golden = content(3000, 1);

    UpdateRig() {
        this(false, false);
    }

    /**
     * With {@code linux}, a third partition (2, QM, core 2, not privileged) that is neither rtos
     * nor its updater; with {@code romSlot}, the monitor reads slot B but cannot write it.
     */
    UpdateRig(boolean linux, boolean romSlot) {
        f = new FakePlatform(linux ? 3 : 2);
        m = Warden.create(romSlot ? new RomSlot(f) : f);
        SystemImageBuilder b = builder(linux ? 3 : 2);
        if (linux) {
            int l = b.partition("linux", Criticality.QM, 0b100, LINUX_RAM, 0, false);
            b.region(l, LINUX_RAM, 0x10_0000L, Access.ALL);
            f.addRam(LINUX_RAM, 0x100);
        }
        b.digest(RTOS, sha256(golden));
        f.addRam(RTOS_RAM, MAX);
        f.addRam(OPS_RAM, 0x2000);
        for (int i = 0; i < golden.length; i++) {
            f.writeByte(STORE + i, golden[i] & 0xff);
        }
        assertEquals(Status.OK, m.boot(b.build()));
        assertEquals(Status.OK, m.start());
    }

    /** The rig's image with its update section, golden image of 3000 bytes (digest not set). */
    static SystemImageBuilder builder(int cores) {
        SystemImageBuilder b = SystemImage.builder(cores).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, RTOS_RAM, 5_000_000, false);
        b.region(rtos, RTOS_RAM, 0x10_0000L, Access.ALL);
        b.health(rtos, 10_000_000L, 0, 1_000_000_000L, 3, HealthAction.RESTART, HealthAction.SAFE_STATE);
        int ops = b.partition("ops", Criticality.QM, 0b10, OPS_RAM, 0, true);
        b.region(ops, OPS_RAM, 0x10_0000L, Access.ALL);
        b.image(rtos, STORE, 3000, RTOS_RAM);
        b.update(rtos, ops, SLOT_B, MAX, TestSignatures.PUBLIC, 1, TRIAL);
        return b;
    }

    static byte[] content(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 13 + seed * 101 + (i >>> 7));
        }
        return b;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the manifest of an image signed for {@code version}: its digest, then the signature. */
    static byte[] manifest(byte[] image, long version) {
        byte[] message = new byte[UpdateReason.SIGNED_BYTES];
        UpdateReason.signedMessage(sha256(image), version, image.length, message);
        byte[] out = new byte[UpdateReason.MANIFEST_BYTES];
        System.arraycopy(sha256(image), 0, out, 0, UpdateReason.DIGEST_BYTES);
        System.arraycopy(TestSignatures.sign(message), 0, out, UpdateReason.DIGEST_BYTES, UpdateReason.SIGNATURE_BYTES);
        return out;
    }

    void put(long address, byte[] bytes, int from, int length) {
        for (int i = 0; i < length; i++) {
            f.writeByte(address + i, bytes[from + i] & 0xff);
        }
    }

    /** A monitor call on {@code core} with up to four arguments: @return its status. */
    int call(int core, int id, long... args) {
        java.util.Arrays.fill(f.args, 0);
        System.arraycopy(args, 0, f.args, 0, args.length);
        return m.onMonitorCall(core, id);
    }

    /** ops sends {@code image} to rtos as {@code version} in chunks of at most CHUNK_MAX: @return the last status. */
    int send(byte[] image, long version) {
        int st = call(1, MonitorCall.UPDATE_BEGIN, RTOS, image.length, version);
        for (int off = 0; st == Status.OK && off < image.length; off += UpdateReason.CHUNK_MAX) {
            int n = Math.min(UpdateReason.CHUNK_MAX, image.length - off);
            put(BUFFER, image, off, n);
            st = call(1, MonitorCall.UPDATE_CHUNK, RTOS, off, BUFFER, n);
        }
        return st;
    }

    /** ops finishes with {@code manifest}, restarting rtos at once when asked: @return the status. */
    int finish(byte[] manifest, boolean restartNow) {
        put(MANIFEST, manifest, 0, manifest.length);
        return call(1, MonitorCall.UPDATE_FINISH, RTOS, MANIFEST, restartNow ? 1 : 0);
    }

    /** @return the bytes in rtos's memory where its image is loaded. */
    byte[] loaded(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) f.readByte(RTOS_RAM + i);
        }
        return out;
    }

    /** Advances both cores' clocks to {@code t}. */
    void at(long t) {
        f.now[0] = t;
        f.now[1] = t;
    }

    /** @return the newest record of {@code kind}, or -1. */
    long last(int kind) {
        EventRecords r = m.eventRecords();
        for (long s = r.sequence() - 1; s >= r.oldest(); s--) {
            if (r.kind(s) == kind) {
                return s;
            }
        }
        return -1;
    }

    /** @return UPDATE_STATUS of rtos as ops sees it. */
    long status() {
        assertEquals(Status.OK, call(1, MonitorCall.UPDATE_STATUS, RTOS));
        return f.lastValue;
    }

    /** The fake port with a memory that refuses every write to slot B (reads still answer). */
    private static final class RomSlot implements Platform, GuestMemory {
        private final FakePlatform f;

        RomSlot(FakePlatform f) {
            this.f = f;
        }

        @Override public String targetName() { return f.targetName(); }
        @Override public int coreCount() { return f.coreCount(); }
        @Override public CpuContext cpu() { return f.cpu(); }
        @Override public ProtectionUnit protection() { return f.protection(); }
        @Override public InterruptController interrupts() { return f.interrupts(); }
        @Override public Timer timer() { return f.timer(); }
        @Override public Console console() { return f.console(); }
        @Override public GuestMemory memory() { return this; }
        @Override public SignatureEngine signatures() { return f.signatures(); }
        @Override public SnapshotStore snapshots() { return f.snapshots(); }
        @Override public int readByte(long address) { return f.readByte(address); }
        @Override public long readDevice(long address) { return f.readDevice(address); }
        @Override public int writeDevice(long address, int value) { return f.writeDevice(address, value); }

        @Override
        public int writeByte(long address, int value) {
            return address >= SLOT_B && address < SLOT_B + MAX ? -1 : f.writeByte(address, value);
        }
    }
}
