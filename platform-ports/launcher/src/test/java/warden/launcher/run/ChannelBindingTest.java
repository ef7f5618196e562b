package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.PlatformDescription;
import warden.emu.guest.ChannelBinding;
import warden.kernel.api.Access;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/** What the launcher tells each partition about its channels, and what the isolation oracle grants. */
class ChannelBindingTest {
    private static final String TEXT = """
            partitions:
              - name: rtos
                criticality: ASIL-C
                cores: [0]
                memory: [{name: ram, base: 0x80400000, size: 4MiB, access: rwx}]
                workload: {kind: rtos, tick: 1ms, tasks: [{name: control, period: 1ms, wcet: 150us}]}
              - name: linux
                criticality: QM
                cores: [1]
                memory: [{name: ram, base: 0x81000000, size: 16MiB, access: rwx}]
                workload: {kind: rich-os, tick: 4ms, burst: {min: 2ms, max: 20ms}, idle: {min: 100us, max: 2ms}}
              - name: other
                criticality: QM
                cores: [2]
                memory: [{name: ram, base: 0x82000000, size: 1MiB, access: rwx}]
                workload: {kind: rich-os, tick: 4ms, burst: {min: 2ms, max: 20ms}, idle: {min: 100us, max: 2ms}}
            channels:
              - {name: sensors, from: rtos, to: linux, slotSize: 256, slots: 16, doorbell: 50,
                 protection: {dataId: 7, maxAge: 20ms, counterWindow: 2}}
              - {name: commands, from: linux, to: rtos, slotSize: 64, slots: 8, full: overwrite,
                 protection: {dataId: 8}}
            """;

    private static SystemDescription load() {
        LoadResult r = DescriptionLoader.parse(TEXT, "t.yaml");
        assertTrue(r.ok(), () -> r.problems().toString());
        return r.description();
    }

    // [utest->dsn~run.channel-binding~1]
    @Test
    void eachEndpointGetsItsChannelsInIdOrderAndAThirdPartitionNone() {
        SystemDescription d = load();
        PlatformDescription p = Targets.get("riscv").description();
        List<ChannelBinding> rtos = GuestFactory.channels(d, 0, p);
        assertEquals(2, rtos.size());
        ChannelBinding s = rtos.get(0);
        assertEquals(0, s.id());
        assertTrue(s.sender());
        assertEquals(0xC000_0000L - 8192, s.base());
        assertEquals(280, s.stride());
        assertEquals(50, s.doorbell());
        assertEquals(2, s.counterWindow());
        assertEquals(20_000_000L, s.maxAgeNs());
        assertFalse(rtos.get(1).sender());
        assertEquals(1, rtos.get(1).full());
        assertEquals(-1, rtos.get(1).doorbell());
        assertFalse(GuestFactory.channels(d, 1, p).get(0).sender(), "linux receives sensors");
        assertEquals(List.of(), GuestFactory.channels(d, 2, p));
    }

    // [utest->dsn~run.channel-binding~1]
    // [utest->dsn~run.isolation-oracle~1]
    @Test
    void theOracleGrantsTheSenderReadWriteTheReceiverReadAndOthersNothing() {
        SystemDescription d = load();
        PlatformDescription p = Targets.get("riscv").description();
        long ring = 0xC000_0000L - 8192;
        assertTrue(IsolationOracle.allowed(d, d.partitions().get(0), p, ring, 8, Access.WRITE));
        assertTrue(IsolationOracle.allowed(d, d.partitions().get(1), p, ring + 8184, 8, Access.READ));
        assertFalse(IsolationOracle.allowed(d, d.partitions().get(1), p, ring, 8, Access.WRITE));
        assertFalse(IsolationOracle.allowed(d, d.partitions().get(0), p, ring, 4, Access.EXECUTE));
        assertFalse(IsolationOracle.allowed(d, d.partitions().get(2), p, ring, 8, Access.READ));
        assertTrue(IsolationOracle.foreign(d, d.partitions().get(2), p, ring, 8));
        assertFalse(IsolationOracle.foreign(d, d.partitions().get(1), p, ring, 8));
    }

    // [utest->dsn~channel.statistics~1]
    @Test
    void theRunReportAndTheSummaryListEveryChannelsStatistics() throws Exception {
        SystemDescription d = load();
        SystemRun run = new SystemRun(d, Targets.get("riscv"), 2_000_000L, 1, false).boot();
        RunResult r = run.run();
        assertEquals(2, r.channels().size());
        RunResult.ChannelResult s = r.channels().get(0);
        assertEquals("sensors", s.name());
        assertEquals("rtos", s.from());
        assertEquals("linux", s.to());
        assertTrue(s.sends() > 0 && s.e2e() != null && s.e2e().framesSent() > 0, s.toString());
        String json = warden.launcher.report.RunReportJson.write(r).replaceAll("\\s", "");
        assertTrue(json.contains("\"channels\":[{\"id\":0,\"name\":\"sensors\",\"from\":\"rtos\",\"to\":\"linux\","
                + "\"sends\":" + s.sends() + ",\"receives\":" + s.receives() + ",\"doorbells\":" + s.doorbells()
                + ",\"denied\":0,\"resets\":0,\"failures\":0,\"published\":" + s.published()
                + ",\"consumed\":" + s.consumed()
                + ",\"e2e\":{\"framesSent\":" + s.e2e().framesSent() + ","), json);
        assertTrue(json.contains("\"verdicts\":{\"ok\":" + s.e2e().verdicts().get(0) + ",\"ok-some-lost\":"), json);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        warden.launcher.report.Summary.print(r, new java.io.PrintStream(bytes, true, "UTF-8"));
        String summary = bytes.toString("UTF-8");
        RunResult.ChannelResult c = r.channels().get(1);
        assertTrue(summary.contains("Channel commands (linux -> rtos): " + c.sends() + " sends, " + c.receives()
                + " receives, " + c.doorbells() + " doorbells, 0 denied, 0 resets, 0 failures; published "
                + c.published()
                + ", consumed " + c.consumed()), summary);
        assertTrue(summary.contains("  end to end (CRC-32): " + s.e2e().framesSent() + " frames sent"), summary);
    }
}
