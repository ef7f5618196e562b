package warden.launcher.campaign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import warden.emu.Engine;
import warden.emu.guest.ImageTag;
import warden.emu.guest.UpdatePackage;
import warden.emu.port.Ed25519Engine;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;

/**
 * The over-the-air update rows of the healing-scenario campaign: the target's default system with
 * the rich OS made privileged and allowed to update the RTOS (the {@code updates} block of
 * docs/examples/ota-update.yaml: 64 KiB at most, version 1, a 50 ms trial, the package sent at
 * {@value #SEND_AT} ns). The platform key and every package are made in memory from the campaign
 * seed: a good update committed; updates that crash, hang or never boot rolled back; a tampered
 * package, one signed with another key and an older version refused with their reasons (an image
 * too big for its slot is refused already by the description's validator, at its line); and a
 * power loss of the updater after its first chunk leaving the old image running.
 * Detection and rollback times are the ones the kernel wrote into its records.
 *
 * [impl->dsn~campaign.scenarios~1]
 */
final class OtaScenarios {
    static final long SEND_AT = 100_000_000L;
    static final long DURATION = 300_000_000L;
    static final String COMMITTED = "committed";
    static final String ROLLED_BACK = "rolled back";
    static final String ABORTED = "transfer aborted, old image runs";
    private static final String LINUX = "    cores: [0, 1, 2, 3]\n    watchdog: 20ms\n";
    private static final String FILE = "scenario-update.wup";

    private final String target;
    private final byte[] secret;
    private final byte[] otherSecret;
    private final long seed;

    OtaScenarios(String target, long seed) throws GeneralSecurityException {
        this.target = target;
        this.seed = seed;
        this.secret = secret(seed, 0);
        this.otherSecret = secret(seed, 1);
    }

    /** @return a 32-byte Ed25519 secret: SHA-256 of the seed and {@code which}. */
    private static byte[] secret(long seed, int which) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(ByteBuffer.allocate(12).putLong(seed).putInt(which)
                .array());
    }

    /** @return the default system with the rich OS privileged and an update of the RTOS sent at SEND_AT. */
    String text(String extra) throws GeneralSecurityException {
        String key = HexFormat.of().formatHex(Ed25519Engine.keyPair(secret)[1]);
        return ScenarioRuns.replace(DefaultSystem.text(target), LINUX, LINUX.replace("    watchdog:",
                "    privileged: true\n    watchdog:")) + "updates:\n  - partition: rtos\n    by: linux\n"
                + "    maxSize: 64KiB\n    key: " + key + "\n    version: 1\n    trial: 50ms\n"
                + "    send: {file: " + FILE + ", at: " + SEND_AT / 1_000_000 + "ms" + extra + "}\n";
    }

    List<ScenarioRow> rows() throws Exception {
        List<ScenarioRow> rows = new ArrayList<>();
        byte[] good = signed(image(20_000), 2, secret);
        rows.add(row("ota-good-update", COMMITTED, good, "", "a signed image of 20000 bytes, version 2"));
        rows.add(row("ota-update-crashes", ROLLED_BACK, signed(ImageTag.image(ImageTag.CRASH, 9000), 2, secret), "",
                "the new image crashes (tag " + ImageTag.CRASH + ")"));
        rows.add(row("ota-update-hangs", ROLLED_BACK, signed(ImageTag.image(ImageTag.HANG, 9000), 2, secret), "",
                "the new image hangs after its first heartbeat (tag " + ImageTag.HANG + ")"));
        rows.add(row("ota-update-never-boots", ROLLED_BACK, signed(ImageTag.image(ImageTag.NO_BOOT, 9000), 2,
                secret), "", "the new image never sends its boot heartbeat (tag " + ImageTag.NO_BOOT + ")"));
        byte[] tampered = good.clone();
        tampered[tampered.length - 10] ^= 1;
        rows.add(row("ota-tampered-image", "refused: wrong-digest", tampered, "",
                "one bit of the signed image flipped after signing"));
        rows.add(row("ota-wrong-signature", "refused: bad-signature", signed(image(20_000), 2, otherSecret), "",
                "signed with a key that is not the platform's"));
        rows.add(row("ota-older-version", "refused: older-version", signed(image(20_000), 1, secret), "",
                "version 1, not newer than the running version 1"));
        rows.add(row("ota-power-loss-mid-transfer", ABORTED, good, ", powerLossAfter: 1",
                "the updater restarts (power loss) after its first 4 KiB chunk"));
        return rows;
    }

    /** @return {@code size} bytes drawn from the seed, the first 8 zero (no image tag). */
    private byte[] image(int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        java.util.Arrays.fill(b, 0, 8, (byte) 0);
        return b;
    }

    private static byte[] signed(byte[] image, long version, byte[] key) throws GeneralSecurityException {
        return UpdatePackage.sign(image, version, key).bytes();
    }

    private ScenarioRow row(String name, String expected, byte[] pkg, String extra, String note) throws Exception {
        Path dir = Files.createTempDirectory("warden-scenario");
        ScenarioRuns.Ran r;
        try {
            Files.write(dir.resolve(FILE), pkg);
            SystemDescription d = ScenarioRuns.load(text(extra), target, dir);
            r = ScenarioRuns.run(d, target, DURATION, run -> new Engine.Source[0]);
        } finally {
            delete(dir);
        }
        return outcome(name, expected, r, note);
    }

    private static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
        Files.deleteIfExists(dir);
    }

    private static ScenarioRow outcome(String name, String expected, ScenarioRuns.Ran r, String note) {
        String rtos = "rtos";
        RunResult.MonitorEvent switched = r.first("update-switched", rtos, 0);
        RunResult.MonitorEvent committed = r.first("update-committed", rtos, 0);
        RunResult.MonitorEvent back = r.first("update-rolled-back", rtos, 0);
        RunResult.MonitorEvent aborted = r.first("update-aborted", rtos, 0);
        RunResult.Violation refused = r.result().violations().stream()
                .filter(v -> v.kind().equals("update-refused")).findFirst().orElse(null);
        RunResult.PartitionResult p = r.partition(rtos);
        String observed;
        long detect = -1;
        long recover = -1;
        RunResult.MonitorEvent proof = null;
        if (refused != null) {
            observed = "refused: " + refused.detail().replaceAll("^refused: (\\S+).*", "$1");
            detect = refused.timeNs() - SEND_AT;
        } else if (back != null) {
            observed = ROLLED_BACK;
            detect = ScenarioRuns.number(back.detail(), "detected (\\d+) ns after the switch");
            RunResult.MonitorEvent again = r.first("partition-recovered", rtos, back.timeNs());
            recover = again == null ? -1 : ScenarioRuns.number(again.detail(), "recovered (\\d+) ns");
            observed = again == null ? "rolled back, old image not recovered" : observed;
            proof = back;
        } else if (committed != null) {
            observed = COMMITTED;
            recover = ScenarioRuns.number(committed.detail(), "after (\\d+) ns on trial");
            proof = committed;
        } else if (aborted != null && switched == null && p.restarts() == 0 && "running".equals(p.state())) {
            observed = ABORTED;
            proof = aborted;
        } else {
            observed = "no update outcome";
        }
        String shown = refused != null ? warden.launcher.report.Summary.time(refused.timeNs()) + " update-refused ("
                + refused.partition() + "): " + refused.detail() : ScenarioRuns.proof(proof);
        return new ScenarioRow(name, rtos, expected, observed, detect, recover, 0, -1, -1, -1, -1, -1,
                p.deadlineMisses(), r.otherCriticalMisses(rtos),
                r.events("failure-detected", rtos).size() - (back != null ? 1 : 0), r.timerFaults(), shown, note);
    }
}
