package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Example tests of the validator: one per check, with exact messages for the main ones. */
class ValidatorTest {

    private static String replace(String from, String to) {
        assertTrue(Fixtures.FULL.contains(from), from);
        return Fixtures.FULL.replace(from, to);
    }

    private static Problem only(String text) {
        List<Problem> ps = Fixtures.validate(text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0);
    }

    // [utest->dsn~config.validate~1]
    @Test
    void shouldAcceptTheValidFixtures() {
        for (String f : Fixtures.VALID) {
            assertEquals(List.of(), Fixtures.validate(f));
        }
    }

    // [utest->dsn~config.check.overlap~1]
    @Test
    void shouldNameBothRegionsOfAnOverlap() {
        String text = replace("base: 0x88000000, size: 65536", "base: 0x81100000, size: 65536");
        assertEquals("t.yaml:" + Fixtures.lineOf(text, "base: 0x81100000") + ":"
                + Fixtures.columnOf(text, "{name: ram, base: 0x811") + ": partitions[2].memory[0]:"
                + " region 'ram' [0x81100000, 0x81110000) of partition 'probe' overlaps region 'ram'"
                + " [0x81000000, 0x88000000) of partition 'linux' at partitions[1].memory[0] (line "
                + Fixtures.lineOf(text, "size: 112MiB") + ")", only(text).toString());
        Problem within = only(replace("base: 0x80410000, size: 64KiB", "base: 0x8040f000, size: 64KiB"));
        assertEquals("partitions[0].memory[1]", within.path());
        assertTrue(within.message().contains("of partition 'rtos' overlaps region 'code'"), within.message());
    }

    // [utest->dsn~config.check.monitor-overlap~1]
    @Test
    void shouldRejectARegionOverlappingTheMonitor() {
        assertEquals("region 'ram' [0x801f0000, 0x80200000) of partition 'probe' overlaps the monitor memory"
                + " [0x80000000, 0x80200000)",
                only(replace("base: 0x88000000, size: 65536", "base: 0x801f0000, size: 65536")).message());
    }

    // [utest->dsn~config.check.ram~1]
    @Test
    void shouldRejectRegionsOutsideRam() {
        assertEquals("region 'ram' [0xc0000000, 0xc0010000) of partition 'probe' is not inside the RAM of the"
                + " riscv platform (RAM: [0x80000000, 0xc0000000))",
                only(replace("base: 0x88000000, size: 65536", "base: 0xc0000000, size: 65536")).message());
    }

    // [utest->dsn~config.check.zero-size~1]
    @Test
    void shouldRejectZeroSizes() {
        Problem p = only(replace("base: 0x88000000, size: 65536", "base: 0x88000000, size: 0"));
        assertEquals("partitions[2].memory[0].size: region 'ram' has size 0", p.path() + ": " + p.message());
        assertEquals("the monitor memory has size 0", Fixtures.validate(replace("size: 2MiB}", "size: 0}"))
                .get(0).message());
    }

    // [utest->dsn~config.check.devices~1]
    @Test
    void shouldRejectUnknownMonitorOnlyAndTwiceAssignedDevices() {
        assertEquals("unknown device 'spi0': the riscv platform has uart0, uart1, uart2, uart3, can0, can1, nic0, nic1",
                only(replace("devices: [uart0, nic0]", "devices: [uart0, nic0, spi0]")).message());
        assertEquals("device 'plic' belongs to the monitor and cannot be assigned to a partition",
                only(replace("devices: [uart0, nic0]", "devices: [uart0, nic0, plic]")).message());
        Problem twice = only(replace("devices: [uart0, nic0]", "devices: [uart0, nic0, uart1]"));
        assertEquals("partitions[1].devices[2]", twice.path());
        assertEquals("device 'uart1' is assigned to partition 'linux' and already at partitions[0].devices[0] (line "
                + Fixtures.lineOf(Fixtures.FULL, "devices: [uart1, can0]") + ")", twice.message());
        assertEquals(Fixtures.lineOf(Fixtures.FULL, "devices: [uart0, nic0]"), twice.line(), "at the devices line");
    }

    // [utest->dsn~config.check.lines~1]
    @Test
    void shouldRejectBadLineOverrides() {
        assertEquals("interrupt line 20 is routed twice: here and at partitions[0].interrupts[0] (line "
                + Fixtures.lineOf(Fixtures.FULL, "line: 20") + ")",
                only(replace("{line: 11}", "{line: 20}")).message());
        assertEquals("interrupt line 128 does not exist: the riscv platform has lines 1..127",
                only(replace("{line: 11}", "{line: 128}")).message());
        assertEquals("interrupt line 30 is not the line of a device of partition 'rtos' (uart1: 11, can0: 20)",
                only(replace("{line: 11}", "{line: 30}")).message());
        assertEquals("core 2 is not one of the cores [0] of partition 'rtos'",
                only(replace("{line: 11}", "{line: 11, core: 2}")).message());
    }

    // [utest->dsn~config.check.cores~1]
    @Test
    void shouldRejectACoreTheTargetDoesNotHave() {
        Problem p = only(replace("cores: [0, 1, 2]", "cores: [0, 1, 4]"));
        assertEquals("partitions[1].cores[2]: core 4 does not exist: the riscv target has cores 0..3",
                p.path() + ": " + p.message());
    }

    // [utest->dsn~config.check.critical-sharing~1]
    @Test
    void shouldRejectTwoCriticalPartitionsOnOneCore() {
        assertEquals("critical partitions 'rtos' (ASIL-C) and 'probe' (ASIL-B) share core 0; at most one"
                + " critical partition may run on a core", only(replace("cores: [3]", "cores: [0]")).message());
    }

    // [utest->dsn~config.check.core-load~1]
    @Test
    void shouldRejectMoreThanFourPartitionsOnACore() {
        StringBuilder sb = new StringBuilder("partitions:\n");
        for (int i = 0; i < 5; i++) {
            sb.append("  - {name: p").append(i).append(", criticality: QM, cores: [1], memory: [{name: m, base: ")
                    .append(0x80400000L + (i << 20)).append(", size: 1MiB, access: rw}],\n")
                    .append("     workload: {kind: probe, accesses: ")
                    .append("[{address: 0x80400000, size: 4, access: read}]}}\n");
        }
        Problem p = only(sb.toString());
        assertEquals("partitions[4].cores[0]: core 1 hosts more than 4 partitions: p0, p1, p2, p3, p4",
                p.path() + ": " + p.message());
    }

    // [utest->dsn~config.check.protection~2]
    @Test
    void shouldRejectRegionsTheProtectionUnitCannotExpress() {
        SystemDescription d = Fixtures.load(Fixtures.FULL);
        List<Problem> ps = DescriptionValidator.validate(d, FakeTarget.withEntries(4, 4));
        assertEquals(2, ps.size(), ps::toString);
        assertEquals("partitions[0].devices[1]: partition 'rtos' needs more protection entries than the 4 the"
                + " riscv target has (at the MMIO window [0x10010000, 0x10011000) of device 'can0')",
                ps.get(0).path() + ": " + ps.get(0).message());
        Problem mis = only(replace("base: 0x88000000, size: 65536", "base: 0x88000002, size: 65536"));
        assertEquals("region 'ram' [0x88000002, 0x88010002) of partition 'probe' is misaligned for the riscv"
                + " protection unit (granule 4 bytes)", mis.message());
    }

    // [utest->dsn~config.check.workload~1]
    @Test
    void shouldRejectInconsistentWorkloads() {
        assertEquals("task 'control' needs 0 < wcet (150us) <= deadline (800us) <= period (500us)",
                only(replace("period: 1ms, wcet", "period: 500us, wcet")).message());
        assertEquals("tasks need 125.0% of a core (sum of wcet/period); at most 100% is schedulable",
                only(replace("- {name: control, period: 1ms, wcet: 150us, deadline: 800us}",
                        "- {name: control, period: 1ms, wcet: 750us}\n        - {name: b, period: 2ms, wcet: 1ms}"))
                        .message());
        assertEquals("isr device 'nic0' is not one of the devices [uart1, can0] of partition 'rtos'",
                only(replace("{device: can0, work: 20us}", "{device: nic0, work: 20us}")).message());
        assertEquals("burst min (30ms) is greater than max (20ms)",
                only(replace("{min: 2ms, max: 20ms}", "{min: 30ms, max: 20ms}")).message());
        assertEquals("probe access size 3 is not 1, 2, 4 or 8 bytes",
                only(replace("size: 4, access: read", "size: 3, access: read")).message());
        assertEquals("tick must be greater than 0", only(replace("tick: 4ms", "tick: 0")).message());
    }

    // [utest->dsn~config.check.probe-execute~1]
    @Test
    void shouldRejectAnExecuteAccessThatIsNotAFourByteFetch() {
        Problem p = only(replace("{address: 0x80400000, size: 4, access: execute}",
                "{address: 0x80400000, size: 2, access: execute}"));
        assertEquals("an execute access is an instruction fetch of 4 bytes; size 2 cannot be fetched", p.message());
        assertTrue(p.path().endsWith("accesses[2].size"), p.path());
    }

    // [utest->dsn~config.check.stimuli~1]
    @Test
    void shouldRejectStimuliOfUnassignedDevices() {
        assertEquals("stimulus device 'can1' is not assigned to any partition",
                only(replace("{name: can0, period: 2ms}", "{name: can1, period: 2ms}")).message());
        assertEquals("device 'nic0' has more than one stimulus",
                only(replace("{name: can0, period: 2ms}", "{name: nic0, period: 2ms}")).message());
    }

    // [utest->dsn~config.stimulus-can-id~2]
    @Test
    void shouldTakeACanIdentifierOnACanControllerOnlyAndPeriodicOrSporadicCanTraffic() {
        String withId = replace("{name: can0, period: 2ms}", "{name: can0, period: 2ms, id: 0x7FF}");
        assertEquals(List.of(), Fixtures.validate(withId));
        assertEquals(Integer.valueOf(0x7FF), Fixtures.load(withId).stimuli().get(0).canId());
        assertEquals(StimulusSpec.DEFAULT_CAN_ID, Fixtures.load(Fixtures.FULL).stimuli().get(0).canIdOrDefault());
        String sporadic = replace("{name: can0, period: 2ms}", "{name: can0, meanInterval: 2ms}");
        assertEquals(List.of(), Fixtures.validate(sporadic), "a sporadic CAN stream");
        assertEquals(2_000_000L, Fixtures.load(sporadic).stimuli().get(0).meanIntervalNs());
        Problem nic = only(replace("{name: nic0, meanInterval: 300us, seed: 7}",
                "{name: nic0, meanInterval: 300us, seed: 7, id: 0x100}"));
        assertEquals("devices[1].id", nic.path());
        assertEquals("'id' is the identifier of CAN frames, but device 'nic0' is a nic, not a CAN controller",
                nic.message());
    }

    // [utest->dsn~config.stimulus-can-extended~1]
    @Test
    void shouldTakeExtendedOnACanControllerOnly() {
        assertEquals(List.of(), Fixtures.validate(replace("{name: can0, period: 2ms}",
                "{name: can0, period: 2ms, id: 0x1234567, extended: true}")));
        Problem nic = only(replace("{name: nic0, meanInterval: 300us, seed: 7}",
                "{name: nic0, meanInterval: 300us, seed: 7, extended: true}"));
        assertEquals("devices[1].extended: 'extended' makes CAN frames' identifiers 29 bits, but device 'nic0' is a"
                + " nic, not a CAN controller", nic.path() + ": " + nic.message());
    }

    // [utest->dsn~config.check.names~1]
    // [utest->dsn~config.check.entry~1]
    @Test
    void shouldRejectDuplicateNamesAndStrayEntries() {
        Problem dup = only(replace("- name: probe", "- name: rtos"));
        assertEquals("partitions[2].name: partition name 'rtos' is already used by partitions[0] (line "
                + Fixtures.lineOf(Fixtures.FULL, "name: rtos") + ")", dup.path() + ": " + dup.message());
        assertEquals("entry 0x80500000 is not inside any memory region of partition 'rtos'",
                only(replace("entry: 0x80401000", "entry: 0x80500000")).message());
    }
}
