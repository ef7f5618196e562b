package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import warden.emu.guest.ImageTag;
import warden.emu.guest.UpdatePackage;
import warden.emu.port.Ed25519Engine;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * docs/examples/ota-update.yaml on every target, with a key and packages made here: a good update
 * committed, one that crashes, hangs or never boots rolled back, a tampered one refused, and a power
 * loss of the updater in the middle of the transfer leaving the old image running.
 */
class OtaUpdateRunTest {
    private static final Path EXAMPLE = Path.of("../../docs/examples/ota-update.yaml");
    private static final byte[] SECRET = new byte[32];

    @TempDir
    Path dir;

    /** Runs the example on {@code target} with {@code pkg} as its package and {@code extra} in its send block. */
    private RunResult run(String target, byte[] pkg, String extra) throws Exception {
        SECRET[0] = 7;
        String pub = HexFormat.of().formatHex(Ed25519Engine.keyPair(SECRET)[1]);
        String text = Files.readString(EXAMPLE).replaceAll("key: [0-9a-f]{64}", "key: " + pub)
                .replace("at: 100ms}", "at: 100ms" + extra + "}");
        Files.writeString(dir.resolve("ota.yaml"), text);
        Files.write(dir.resolve("ota-update.wup"), pkg);
        LoadResult l = DescriptionLoader.load(dir.resolve("ota.yaml"));
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        SystemDescription d = l.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, Targets.get(target)), target);
        return new SystemRun(d, Targets.get(target), d.run().durationNs(), d.run().seed(), false).boot().run();
    }

    private static byte[] signed(byte[] image, long version) throws Exception {
        SECRET[0] = 7;
        return UpdatePackage.sign(image, version, SECRET).bytes();
    }

    private static List<String> rtos(RunResult r) {
        return r.events().stream().filter(e -> "rtos".equals(e.partition()) && e.kind().startsWith("update-"))
                .map(e -> e.kind() + ": " + e.detail()).toList();
    }

    private static RunResult.PartitionResult part(RunResult r, String name) {
        return r.partitions().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    // [utest->dsn~config.update~1] [utest->dsn~emu.guest.updater~1] [utest->dsn~run.update-events~1]
    // [utest->req~update.ota~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"riscv", "arm", "x86"})
    void aGoodUpdateIsCommittedAfterItsTrial(String target) throws Exception {
        RunResult r = run(target, signed(new byte[20_000], 2), "");
        List<String> ev = rtos(r);
        assertEquals(3, ev.size(), ev.toString());
        assertEquals("update-verified: version 2 verified (20000 bytes): switches at the next restart", ev.get(0));
        assertEquals("update-switched: runs slot B, version 2, on trial", ev.get(1));
        assertTrue(ev.get(2).startsWith("update-committed: version 2 committed after "), ev.get(2));
        assertEquals(1, part(r, "rtos").restarts());
        assertEquals("running", part(r, "rtos").state());
        assertTrue(!r.safeState());
    }

    // [utest->dsn~emu.guest.image-tag~1] [utest->dsn~run.update-events~1] [utest->req~update.ota~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"riscv", "arm", "x86"})
    void updatesThatCrashHangOrNeverBootAreRolledBack(String target) throws Exception {
        // a crash of a model is a wild jump: the protection unit refuses the fetch (an access fault, no
        // trap the kernel calls a crash) and the dead model is found by its watchdog
        String[][] cases = {{ImageTag.CRASH, "watchdog"}, {ImageTag.HANG, "watchdog"}, {ImageTag.NO_BOOT, "trial"}};
        for (String[] c : cases) {
            RunResult r = run(target, signed(ImageTag.image(c[0], 9000), 2), "");
            List<String> ev = rtos(r);
            assertEquals(3, ev.size(), c[0] + " " + ev);
            assertTrue(ev.get(2).startsWith("update-rolled-back: rolled back: " + c[1] + " detected "), ev.get(2));
            assertEquals("running", part(r, "rtos").state(), c[0]);
            assertTrue(part(r, "rtos").restarts() >= 2, c[0] + ": the switch and the rollback " + r.events());
            assertTrue(r.events().stream().anyMatch(e -> "rtos".equals(e.partition())
                    && e.kind().equals("partition-recovered")), "the old image booted again");
            assertTrue(!r.safeState());
        }
    }

    // [utest->dsn~emu.guest.updater~1] [utest->req~update.ota~1]
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"riscv", "arm", "x86"})
    void aTamperedImageIsRefusedAndAPowerLossLeavesTheOldImage(String target) throws Exception {
        byte[] pkg = signed(new byte[9000], 2);
        pkg[pkg.length - 10] ^= 1;
        RunResult tampered = run(target, pkg, "");
        assertTrue(tampered.violations().stream().anyMatch(v -> v.kind().equals("update-refused")
                && v.detail().startsWith("refused: wrong-digest")), tampered.violations().toString());
        assertEquals(0, part(tampered, "rtos").restarts());
        RunResult loss = run(target, signed(new byte[9000], 2), ", powerLossAfter: 1");
        assertEquals(List.of("update-aborted: transfer abandoned at a restart after 4096 of 9000 bytes: the old"
                + " image runs"), rtos(loss));
        assertEquals(0, part(loss, "rtos").restarts());
        assertEquals(1, part(loss, "linux").restarts());
    }
}
