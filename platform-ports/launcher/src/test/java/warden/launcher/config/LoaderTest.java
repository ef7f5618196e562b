package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;

/** Example tests of the loader: defaults, units, strictness, locations and exact messages. */
class LoaderTest {

    // [utest->dsn~config.defaults~1]
    @Test
    void shouldApplyDefaultsWhenOptionalKeysAreAbsent() {
        SystemDescription d = Fixtures.load(Fixtures.MINIMAL);
        assertNull(d.target());
        assertNull(d.monitor());
        assertEquals(List.of(), d.stimuli());
        assertEquals(100_000_000L, d.run().durationNs());
        assertEquals(1L, d.run().seed());
        PartitionSpec p = d.partitions().get(0);
        assertFalse(p.privileged());
        assertEquals(0x80400000L, p.entry());
        assertEquals(0L, p.watchdogNs());
        assertEquals(List.of(), p.devices());
        assertEquals(List.of(), p.interrupts());
        assertArrayEquals(PartitionReader.sha256(ImageSpec.generated("solo", ImageSpec.DEFAULT_SIZE)), p.digest());
        assertEquals(ImageSpec.DEFAULT_SIZE, p.image().size());
        assertEquals(p.entry(), p.image().load());
        RtosSpec w = (RtosSpec) p.workload();
        assertEquals(0L, w.bootNs());
        assertNull(w.isr());
        assertEquals(10_000_000L, w.tasks().get(0).deadlineNs());
    }

    // [utest->dsn~config.defaults~1]
    // [utest->dsn~config.units~1]
    // [utest->dsn~config.criticality~1]
    // [utest->dsn~config.access~1]
    @Test
    void shouldReadEveryKeyOfTheFullFixture() {
        SystemDescription d = Fixtures.load(Fixtures.FULL);
        assertEquals("riscv", d.target());
        assertEquals(new MonitorSpec(0x80000000L, 2L << 20, d.monitor().loc()), d.monitor());
        PartitionSpec rtos = d.partitions().get(0);
        assertEquals(Criticality.ASIL_C, rtos.criticality());
        assertTrue(rtos.privileged());
        assertEquals(0x80401000L, rtos.entry());
        assertEquals(Fixtures.FULL_DIGEST, HexFormat.of().formatHex(rtos.digest()));
        assertEquals(1024, rtos.image().size());
        assertEquals(Access.READ | Access.EXECUTE, rtos.memory().get(0).perms());
        assertEquals(64 << 10, rtos.memory().get(1).size());
        assertEquals(List.of(20, 0, 6), line(rtos.interrupts().get(0)));
        assertEquals(List.of(11, 0, 7), line(rtos.interrupts().get(1)));
        TaskSpec t = ((RtosSpec) rtos.workload()).tasks().get(0);
        assertEquals(List.of(1_000_000L, 150_000L, 800_000L), List.of(t.periodNs(), t.wcetNs(), t.deadlineNs()));
        RichOsSpec linux = (RichOsSpec) d.partitions().get(1).workload();
        assertEquals(List.of(40_000_000L, 4_000_000L, 2_000_000L, 20_000_000L, 100_000L, 2_000_000L),
                List.of(linux.bootNs(), linux.tickNs(), linux.burstMinNs(), linux.burstMaxNs(),
                        linux.idleMinNs(), linux.idleMaxNs()));
        assertEquals(Criticality.ASIL_B, d.partitions().get(2).criticality());
        ProbeSpec probe = assertInstanceOf(ProbeSpec.class, d.partitions().get(2).workload());
        assertEquals(new ProbeAccess(0x80000000L, 8, Access.WRITE, "denied",
                probe.accesses().get(1).loc()), probe.accesses().get(1));
        assertNull(probe.accesses().get(2).expect());
        assertEquals(List.of(new StimulusSpec("can0", 2_000_000L, 0, 0, null, d.stimuli().get(0).loc()),
                new StimulusSpec("nic0", 0, 300_000L, 7, null, d.stimuli().get(1).loc())), d.stimuli());
        assertEquals(1_000_000_000L, d.run().durationNs());
    }

    private static List<Integer> line(LineSpec l) {
        return List.of(l.line(), l.core(), l.priority());
    }

    // [utest->dsn~config.locations~1]
    @Test
    void shouldLocateRecordsAtTheirNodes() {
        SystemDescription d = Fixtures.load(Fixtures.FULL);
        RegionSpec data = d.partitions().get(0).memory().get(1);
        assertEquals(new Loc("t.yaml", Fixtures.lineOf(Fixtures.FULL, "name: data"), 9,
                "partitions[0].memory[1]"), data.loc());
        TaskSpec t = ((RtosSpec) d.partitions().get(0).workload()).tasks().get(0);
        assertEquals("partitions[0].workload.tasks[0]", t.loc().path());
        assertEquals(Fixtures.lineOf(Fixtures.FULL, "name: control"), t.loc().line());
    }

    // [utest->dsn~config.locations~1]
    @Test
    void shouldPrintProblemsAsFileLineColumnPathMessage() {
        assertEquals("a.yaml:3:7: partitions[0].cores: expected a list",
                new Problem("a.yaml", 3, 7, "partitions[0].cores", "expected a list").toString());
        assertEquals("a.yaml:1:1: file is empty", new Problem("a.yaml", 1, 1, "", "file is empty").toString());
    }

    // [utest->dsn~config.units~1]
    @Test
    void shouldParseUnitsAndIntegerForms() {
        assertEquals(150_000L, Units.duration("150us"));
        assertEquals(7L, Units.duration("7"));
        assertEquals(2_000_000_000L, Units.duration("2s"));
        assertNull(Units.duration("5 ms"));
        assertNull(Units.duration("5min"));
        assertNull(Units.duration("-5ms"));
        assertEquals(1L << 30, Units.size("1G"));
        assertEquals(64L << 10, Units.size("64KiB"));
        assertEquals(4096L, Units.size("4096B"));
        assertNull(Units.size("4kb"));
        assertEquals(1L << 56, Units.size("67108864GiB"));
        assertNull(Units.size("67108865GiB"));
        assertEquals(0x80000000L, Units.integer("0x8000_0000").longValue());
        assertEquals(5, Units.integer("0b101").intValue());
        assertEquals(-3, Units.integer("-3").intValue());
        assertNull(Units.integer("010"));
        assertNull(Units.integer("1:30"));
    }

    // [utest->dsn~config.loader-total~1]
    @Test
    void shouldLoadFromFileAndReportUnreadableFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sys.yaml");
        Files.writeString(f, Fixtures.MINIMAL);
        assertTrue(DescriptionLoader.load(f).ok());
        Problem missing = DescriptionLoader.load(dir.resolve("none.yaml")).problems().get(0);
        assertEquals(1, missing.line());
        assertEquals("no such file: " + dir.resolve("none.yaml"), missing.message());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void shouldRejectNonUtf8WithTheBytePosition(@TempDir Path dir) throws Exception {
        byte[] text = (Fixtures.MINIMAL + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, text);
        Problem p = DescriptionLoader.load(f).problems().get(0);
        assertEquals(12, p.line());
        assertEquals(6, p.column());
        assertTrue(p.message().startsWith("file is not valid UTF-8"), p.message());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void shouldRejectOversizedFilesWhereTheyPassTheLimit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.yaml");
        String big = Fixtures.MINIMAL + "#".repeat(DescriptionLoader.MAX_BYTES);
        Files.writeString(f, big);
        int lines = Fixtures.MINIMAL.split("\n", -1).length; // the comment is on the last line
        int column = DescriptionLoader.MAX_BYTES - Fixtures.MINIMAL.length() + 1;
        assertEquals(f + ":" + lines + ":" + column + ": file is larger than 1048576 bytes: a description holds at"
                + " most 1 MiB, and this is where it passes the limit", DescriptionLoader.load(f).problems().get(0)
                .toString());
        assertEquals("t.yaml:" + lines + ":" + column + ": file is larger than 1048576 characters: a description"
                + " holds at most 1 MiB, and this is where it passes the limit",
                DescriptionLoader.parse(big, "t.yaml").problems().get(0).toString());
    }

    // [utest->dsn~config.input-limits~2]
    @Test
    void aDirectoryOrAMissingFileIsNamedAsSuch(@TempDir Path dir) {
        assertEquals(dir + ":1:1: " + dir + " is a directory: expected a system description file (YAML)",
                DescriptionLoader.load(dir).problems().get(0).toString());
        Path none = dir.resolve("none.yaml");
        assertEquals(none + ":1:1: no such file: " + none, DescriptionLoader.load(none).problems().get(0).toString());
    }
}
