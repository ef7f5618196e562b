package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import warden.emu.Target;
import warden.launcher.config.ChannelPlacement;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/**
 * A channel's ring on the real ports: rtos sends to a probe partition over a channel; the receiver
 * may read the ring but faults on a write; a third partition faults on every access to it. On RISC-V
 * the receiver is an ASIL-B probe and the third partition a QM probe, each on its own hart; on x86
 * (channels only between SMM partitions) the receiver is in SMM and the third partition is the rich
 * side outside SMM, which SMRR fences from the ring in SMRAM. On Arm the realistic topology (one
 * TZASC shared by all PEs) allows one partition per world, so there is no third partition: the
 * receiver is the Non-secure one and the ring one region giving the Secure sender read-write and
 * the Non-secure receiver read-only.
 */
class ChannelIsolationTest {
    private static final String TEXT = """
            target: %s
            partitions:
              - name: rtos
                criticality: ASIL-C
                cores: [0]
                memory: [{name: ram, base: 0x80400000, size: 1MiB, access: rwx}]
                workload: {kind: rtos, boot: 1ms, tick: 1ms, tasks: [{name: control, period: 1ms, wcet: 150us}]}
              - name: reader
                criticality: %s
                cores: [1]
                memory: [{name: data, base: %s, size: 64KiB, access: rw}]
                workload:
                  kind: probe
                  start: 1ms
                  accesses:
                    - {address: RING, size: 8, access: read, expect: allowed}
                    - {address: RING_END, size: 8, access: read, expect: allowed}
                    - {address: RING, size: 8, access: write, expect: denied}
                    - {address: RING, size: 4, access: execute, expect: denied}
              - name: third
                criticality: QM
                cores: [2]
                memory: [{name: data, base: 0x88200000, size: 64KiB, access: rwx}]
                workload:
                  kind: probe
                  start: 1ms
                  accesses:
                    - {address: RING, size: 8, access: read, expect: denied}
                    - {address: RING, size: 8, access: write, expect: denied}
                    - {address: RING_END, size: 8, access: read, expect: denied}
            channels:
              - {name: sensors, from: rtos, to: reader, slotSize: 64, slots: 4, doorbell: 50, protection: {dataId: 1}}
            run: {duration: 5ms, seed: 1}
            """;

    private static SystemDescription description(String target, long ring, int crc) {
        boolean x86 = "x86".equals(target);
        boolean arm = "arm".equals(target);
        String text = TEXT.formatted(target, arm ? "QM" : "ASIL-B", x86 ? "0x80600000" : "0x88100000");
        if (arm) {
            text = text.substring(0, text.indexOf("  - name: third")) + text.substring(text.indexOf("channels:"));
        }
        text = text
                .replace("RING_END", "0x" + Long.toHexString(ring + 0x1000 - 8))
                .replace("RING", "0x" + Long.toHexString(ring))
                .replace("protection: {dataId: 1}", "protection: {dataId: 1, crc: " + crc + "}");
        LoadResult r = DescriptionLoader.parse(text, "channel-isolation.yaml");
        assertTrue(r.ok(), () -> r.problems().toString());
        return r.description();
    }

    // [utest->dsn~channel.protection~1]
    // [utest->dsn~config.check.channels~1]
    // [utest->dsn~channel.layout~2]
    @ParameterizedTest
    @CsvSource({"riscv, 32", "arm, 32", "x86, 32", "riscv, 64", "arm, 64", "x86, 64"})
    void theReceiverOnlyReadsTheRingAndAThirdPartitionFaultsOnEveryAccess(String name, int crc) throws Exception {
        Target target = Targets.get(name);
        SystemDescription first = description(name, 0, crc);
        long ring = ChannelPlacement.place(first, target.description(),
                DescriptionValidator.effectiveMonitor(first, target.description()))[0];
        assertTrue(ring > 0, "the ring was placed");
        SystemDescription d = description(name, ring, crc);
        assertEquals(crc, d.channels().get(0).crcBits());
        List<Problem> problems = DescriptionValidator.validate(d, target);
        assertEquals(List.of(), problems, "valid on " + name);
        SystemRun run = new SystemRun(d, target, d.run().durationNs(), d.run().seed(), false).boot();
        RunResult result = run.run();
        assertEquals("arm".equals(name) ? 4 : 7, result.probes().size(), result.probes()::toString);
        for (RunResult.ProbeResult p : result.probes()) {
            assertTrue(p.asExpected(), name + ": " + p);
            if (p.expected().equals("denied")) {
                assertEquals("denied", p.outcome(), name + ": " + p);
            }
        }
    }
}
