package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.SystemImage;

/**
 * The updates section: it loads, validates and compiles into the kernel's update sections (slot A
 * and B after the image store); each wrong entry is refused with one located error at its field.
 */
class UpdateConfigTest {
    private static final String KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /** FULL with a health block on rtos and linux privileged. */
    private static final String BASE = Fixtures.FULL
            .replace("    watchdog: 5ms\n", "    watchdog: 5ms\n    health: {bootTimeout: 10ms}\n")
            .replace("    cores: [0, 1, 2]\n", "    cores: [0, 1, 2]\n    privileged: true\n");

    private static String with(String entry) {
        return BASE + "updates:\n  - " + entry + "\n";
    }

    private static final String GOOD = "{partition: rtos, by: linux, maxSize: 16KiB, key: " + KEY
            + ", version: 3, trial: 40ms}";

    /** @return the one problem of the description with update entry {@code entry}, as file:line:col: path: message. */
    private static String only(String entry, boolean loads) {
        String text = with(entry);
        List<Problem> ps = loads ? Fixtures.validate(text) : Fixtures.problems(text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0).toString();
    }

    // [utest->dsn~config.update~1]
    @Test
    void anUpdateSectionCompilesIntoTheKernelsSlotsAfterTheImageStore() {
        assertEquals(List.of(), Fixtures.validate(with(GOOD)));
        SystemImage img = ImageCompiler.compile(Fixtures.load(with(GOOD)), FakeTarget.riscv().description());
        assertEquals(1, img.updateBy(0));
        assertEquals(16 * 1024, img.slotMax(0));
        assertEquals(3, img.imageVersion(0));
        assertEquals(40_000_000L, img.trialNs(0));
        assertEquals(0xd7, img.updateKeyByte(0, 0));
        assertEquals(img.imageStore(0) + 16 * 1024, img.slotB(0), "slot B follows slot A");
        assertTrue(img.imageStore(0) > img.imageStore(2), "slot A is after the image store");
        assertEquals(SystemImage.NO_PARTITION, img.updateBy(1));
    }

    // [utest->dsn~config.check.update~1]
    @Test
    void everyWrongEntryIsRefusedAtItsField() {
        String[][] cases = {
            {GOOD.replace("partition: rtos", "partition: nobody"), "updates[0].partition: unknown partition 'nobody'"},
            {GOOD.replace("by: linux", "by: rtos"), "updates[0].by: a partition cannot update itself"},
            {GOOD.replace("by: linux", "by: probe"), "updates[0].by: partition 'probe' is not privileged"},
            {GOOD.replace("by: linux", "by: ghost"), "updates[0].by: unknown partition 'ghost'"},
            {GOOD.replace("maxSize: 16KiB", "maxSize: 512"), "updates[0].maxSize: maxSize 512 bytes: a slot holds the"
                + " golden image (1024 bytes)"},
            {GOOD.replace("maxSize: 16KiB", "maxSize: 64KiB"), "updates[0].maxSize: an image of maxSize 65536 bytes"
                + " loaded at 0x80401000 leaves every region of 'rtos'"},
            {GOOD.replace("partition: rtos", "partition: linux").replace("by: linux", "by: rtos"),
                "updates[0].partition: partition 'linux' needs a watchdog and a health.bootTimeout"},
        };
        for (String[] c : cases) {
            String p = only(c[0], true);
            assertTrue(p.contains(c[1]), p);
            assertTrue(p.startsWith("t.yaml:"), p);
        }
    }

    // [utest->dsn~config.check.update~1]
    @Test
    void aKeyVersionTrialOrPackageOfTheWrongShapeIsRefusedWhileLoading() {
        String[][] cases = {
            {GOOD.replace(KEY, "abc"), "updates[0].key: key 'abc': expected an Ed25519 public key, 64 hex digits"},
            {GOOD.replace("version: 3", "version: -1"), "updates[0].version"},
            {GOOD.replace("trial: 40ms", "trial: 0ms"), "updates[0].trial: a trial window is longer than 0"},
            {GOOD.replace("}", ", send: {file: missing.wup, at: 1ms}}"),
                "updates[0].send.file: cannot read image file"},
            {GOOD.replace("}", ", colour: red}"), "unknown key 'colour'"},
            {"{partition: rtos, by: linux, key: " + KEY + "}", "maxSize"},
        };
        for (String[] c : cases) {
            String p = only(c[0], false);
            assertTrue(p.contains(c[1]), p);
        }
    }
}
