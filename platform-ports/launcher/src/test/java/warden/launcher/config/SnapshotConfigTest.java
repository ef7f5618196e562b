package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.HealthAction;
import warden.kernel.api.SystemImage;

/**
 * The snapshot block and the restore action: they load, validate and compile into the kernel's
 * snapshot table; every wrong block is refused with one located error at its line, never a stack
 * trace.
 */
class SnapshotConfigTest {
    private static final String ANCHOR = "    watchdog: 5ms\n";

    /** FULL with {@code lines} after the RTOS's watchdog line (indented as its fields). */
    private static String with(String lines) {
        return Fixtures.FULL.replace(ANCHOR, ANCHOR + lines);
    }

    private static Problem only(String text, boolean loads) {
        List<Problem> ps = loads ? Fixtures.validate(text) : Fixtures.problems(text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0);
    }

    private static void at(Problem p, String text, String marker, String path, String message) {
        assertEquals("t.yaml:" + Fixtures.lineOf(text, marker) + ":" + Fixtures.columnOf(text, marker) + ": " + path
                + ": " + message, p.toString());
    }

    // [utest->dsn~config.snapshot~1]
    @Test
    void aSnapshotBlockAndRestoreCompileIntoTheImage() {
        String text = with("    snapshot: {at: [boot, 50ms], period: 100ms, onRequestBy: rtos}\n"
                + "    health: {onFailure: restore}\n");
        assertEquals(List.of(), Fixtures.validate(text));
        SystemImage img = ImageCompiler.compile(Fixtures.load(text), FakeTarget.riscv().description());
        assertEquals(true, img.snapshot(0));
        assertEquals(true, img.snapshotAtBoot(0));
        assertEquals(50_000_000L, img.snapshotAtNs(0));
        assertEquals(100_000_000L, img.snapshotPeriodNs(0));
        assertEquals(0, img.snapshotBy(0));
        assertEquals(HealthAction.RESTORE, img.onFailure(0));
        assertEquals(false, img.snapshot(1));
        String plain = with("    snapshot: {period: 1s}\n");
        SystemImage p = ImageCompiler.compile(Fixtures.load(plain), FakeTarget.riscv().description());
        assertEquals(false, p.snapshotAtBoot(0));
        assertEquals(-1, p.snapshotAtNs(0));
        assertEquals(SystemImage.NO_PARTITION, p.snapshotBy(0));
    }

    // [utest->dsn~config.snapshot~1]
    @Test
    void aWrongBlockIsRefusedAtItsLine() {
        String empty = with("    snapshot: {}\n");
        at(only(empty, false), empty, "{}", "partitions[0].snapshot",
                "a snapshot needs 'at', 'period' or 'onRequestBy': when is it taken?");
        String two = with("    snapshot: {at: [10ms, 20ms]}\n");
        at(only(two, false), two, "20ms", "partitions[0].snapshot.at[1]",
                "at most one time in 'at' (besides boot); use 'period' for more");
        String zero = with("    snapshot: {period: 0ms}\n");
        at(only(zero, false), zero, "0ms", "partitions[0].snapshot.period", "period must be greater than 0");
        String bad = with("    snapshot: {at: [soon]}\n");
        at(only(bad, false), bad, "soon", "partitions[0].snapshot.at[0]",
                "invalid duration 'soon': expected an integer with unit ns, us, ms or s");
        String key = with("    snapshot: {at: [boot], every: 1s}\n");
        at(only(key, false), key, "every", "partitions[0].snapshot.every",
                "unknown key 'every' (expected one of: at, period, onRequestBy)");
        String esc = with("    health: {escalate: restore}\n");
        at(only(esc, false), esc, "restore", "partitions[0].health.escalate",
                "escalate must be stop or safe-state: restarts and restores are what it escalates from");
        String act = with("    health: {onFailure: rewind}\n");
        at(only(act, false), act, "rewind", "partitions[0].health.onFailure",
                "expected restart, stop, safe-state or restore, found 'rewind'");
    }

    // [utest->dsn~config.snapshot~1]
    @Test
    void aRequesterThatIsNoPrivilegedPartitionAndRestoreWithoutASnapshotAreRefused() {
        String none = with("    snapshot: {onRequestBy: nobody}\n");
        at(only(none, true), none, "nobody", "partitions[0].snapshot.onRequestBy",
                "onRequestBy names 'nobody', which is no partition");
        String linux = with("    snapshot: {onRequestBy: linux}\n");
        at(only(linux, true), linux, "linux}", "partitions[0].snapshot.onRequestBy",
                "onRequestBy names 'linux', which is not privileged: only a privileged partition may request"
                        + " snapshots (privileged: true)");
        String restore = with("    health: {onFailure: restore}\n");
        Problem p = only(restore, true);
        assertEquals(Fixtures.lineOf(restore, "{onFailure: restore}"), p.line());
        assertEquals("partition 'rtos' heals by restore but has no snapshot to restore: add a 'snapshot' block"
                + " (e.g. snapshot: {at: [boot]})", p.message());
    }

    // [utest->dsn~config.snapshot~1]
    @Test
    void writableRegionsOfASnapshottedPartitionMustBePageAligned() {
        String text = with("    snapshot: {at: [boot]}\n").replace("{name: data, base: 0x80410000, size: 64KiB",
                "{name: data, base: 0x80410000, size: 1000");
        at(only(text, true), text, "{at: [boot]}", "partitions[0].snapshot", "partition 'rtos' has snapshots, so its"
                + " writable region at 0x80410000 must be 4 KiB-aligned in base and size (snapshots track written"
                + " memory in 4 KiB pages)");
    }
}
