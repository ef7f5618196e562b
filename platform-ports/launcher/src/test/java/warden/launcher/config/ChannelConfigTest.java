package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.TargetInfo;
import warden.kernel.api.ChannelLayout;
import warden.kernel.api.SystemImage;
import warden.launcher.run.Targets;

/** The channels section: reading, defaults, every validator check, placement and compilation. */
class ChannelConfigTest {
    private static final String BASE = """
            target: riscv
            partitions:
              - name: rtos
                criticality: ASIL-C
                cores: [0]
                memory:
                  - {name: ram, base: 0x80400000, size: 4MiB, access: rwx}
                devices: [uart1]
                workload: {kind: rtos, tick: 1ms, tasks: [{name: control, period: 1ms, wcet: 150us}]}
              - name: linux
                criticality: QM
                cores: [1]
                memory:
                  - {name: ram, base: 0x81000000, size: 112MiB, access: rwx}
                devices: [uart0]
                workload: {kind: rich-os, tick: 4ms, burst: {min: 2ms, max: 20ms}, idle: {min: 100us, max: 2ms}}
            channels:
              - name: sensors
                from: rtos
                to: linux
                slotSize: 256
                slots: 16
                doorbell: 50
                full: drop
                protection: {dataId: 0x1234, maxAge: 20ms, counterWindow: 1}
              - name: commands
                from: linux
                to: rtos
                slotSize: 64
                slots: 8
                protection: {dataId: 0x4321}
            """;

    private static String with(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    private static List<Problem> on(String target, String text) {
        TargetInfo t = Targets.get(target);
        return DescriptionValidator.validate(Fixtures.load(text), t);
    }

    private static String only(String text) {
        List<Problem> ps = on("riscv", text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0).toString();
    }

    // [utest->dsn~config.channels~2]
    @Test
    void aChannelIsReadWithItsDefaults() {
        SystemDescription d = Fixtures.load(BASE);
        assertEquals(2, d.channels().size());
        ChannelSpec s = d.channels().get(0);
        assertEquals("sensors", s.name());
        assertEquals(256, s.slotSize());
        assertEquals(50, s.doorbell());
        assertEquals(0x1234, s.dataId());
        assertEquals(20_000_000L, s.maxAgeNs());
        ChannelSpec c = d.channels().get(1);
        assertEquals(ChannelLayout.NO_DOORBELL, c.doorbell(), "no doorbell by default");
        assertEquals(ChannelLayout.FULL_DROP, c.full());
        assertEquals(ChannelReader.DEFAULT_MAX_AGE_NS, c.maxAgeNs());
        assertEquals(1, c.counterWindow());
        assertEquals(ChannelLayout.CRC32, c.crcBits(), "a 32-bit CRC by default");
        assertEquals(ChannelLayout.CRC64,
                Fixtures.load(with("{dataId: 0x4321}", "{dataId: 0x4321, crc: 64}")).channels().get(1).crcBits());
        assertEquals(ChannelLayout.CRC32,
                Fixtures.load(with("{dataId: 0x4321}", "{dataId: 0x4321, crc: 32}")).channels().get(1).crcBits());
        assertEquals(ChannelLayout.FULL_OVERWRITE,
                Fixtures.load(with("full: drop", "full: overwrite")).channels().get(0).full());
        assertEquals(ChannelLayout.NO_DOORBELL,
                Fixtures.load(with("doorbell: 50", "doorbell: none")).channels().get(0).doorbell());
    }

    // [utest->dsn~config.channels~2]
    @Test
    void badValuesAreRefusedByTheLoaderAtTheField() {
        String big = with("slotSize: 256", "slotSize: 1515");
        assertEquals("t.yaml:" + Fixtures.lineOf(big, "slotSize: 1515") + ":" + Fixtures.columnOf(big, "1515")
                + ": channels[0].slotSize: value 1515 outside 1..1514", Fixtures.problems(big).get(0).toString());
        assertTrue(Fixtures.problems(with("slots: 16", "slots: 0")).get(0).message().contains("outside 1..1024"));
        assertTrue(Fixtures.problems(with("full: drop", "full: block")).get(0).message()
                .contains("unknown full-ring policy 'block'"));
        assertTrue(Fixtures.problems(with("{dataId: 0x4321}", "{maxAge: 1ms}")).get(0).message()
                .contains("missing required key 'dataId'"));
        assertTrue(Fixtures.problems(with("maxAge: 20ms", "maxAge: 0ms")).get(0).message()
                .contains("greater than 0"));
        assertTrue(Fixtures.problems(with("doorbell: 50", "doorbell: 128")).get(0).message()
                .contains("outside 1..127"));
        assertTrue(Fixtures.problems(with("    full: drop", "    full: drop\n    colour: red")).get(0).message()
                .contains("unknown key 'colour'"));
        for (String bad : List.of("16", "0", "63", "crc64", "[64]")) {
            String text = with("{dataId: 0x4321}", "{dataId: 0x4321, crc: " + bad + "}");
            List<Problem> ps = Fixtures.problems(text);
            assertEquals(1, ps.size(), bad + ": " + ps);
            assertTrue(ps.get(0).toString().startsWith("t.yaml:" + Fixtures.lineOf(text, "crc: " + bad) + ":"
                    + Fixtures.columnOf(text, bad + "}") + ": channels[1].protection.crc: "), bad + ": " + ps);
        }
        assertTrue(Fixtures.problems(with("{dataId: 0x4321}", "{dataId: 0x4321, crc: 16}")).get(0).message()
                .contains("unknown CRC width '16': expected 32 (CRC-32P4, 24-byte header) or 64"));
    }

    // [utest->dsn~config.check.channels~1]
    @Test
    void theExampleIsValidOnRiscvAndArm() {
        assertEquals(List.of(), on("riscv", BASE));
        assertEquals(List.of(), on("arm", BASE));
    }

    // [utest->dsn~config.check.channels~1]
    @Test
    void endpointsMustExistAndDiffer() {
        String unknown = with("to: linux", "to: lnux");
        assertEquals("t.yaml:" + Fixtures.lineOf(unknown, "to: lnux") + ":" + Fixtures.columnOf(unknown, "lnux")
                + ": channels[0].to: channel 'sensors': unknown partition 'lnux'", only(unknown));
        assertTrue(only(with("to: linux", "to: rtos")).contains("sender and receiver are the same partition 'rtos'"));
    }

    // [utest->dsn~config.check.channels~1]
    @Test
    void namesDoorbellsAndDataIdsMustNotClash() {
        assertTrue(only(with("name: commands", "name: sensors")).contains("channel name 'sensors' is already used"));
        assertTrue(only(with("doorbell: 50", "doorbell: 20"))
                .contains("doorbell line 20 is the interrupt line of device 'can0' on the riscv target"));
        String twice = with("    protection: {dataId: 0x4321}", "    doorbell: 50\n    protection: {dataId: 0x4321}");
        assertTrue(only(twice).contains("doorbell line 50 is already the doorbell of channel 'sensors'"));
        String same = with("from: linux\n    to: rtos", "from: rtos\n    to: linux").replace("0x4321", "0x1234");
        assertTrue(only(same).contains("data id 4660 is already used by channel 'sensors' to the same receiver"));
        assertTrue(on("x86", with("doorbell: 50", "doorbell: 63")).stream().noneMatch(p -> p.message()
                .contains("outside the lines")), "63 is x86's last line");
        assertTrue(on("x86", with("doorbell: 50", "doorbell: 64")).stream().anyMatch(p -> p.message()
                .contains("doorbell line 64 is outside the lines 1..63 of the x86 target")));
    }

    // [utest->dsn~config.check.channels~1]
    @Test
    void x86RefusesAChannelBetweenSmmAndTheRichSideAtTheChannel() {
        List<Problem> ps = on("x86", BASE);
        assertTrue(ps.size() >= 2, ps::toString);
        assertTrue(ps.stream().allMatch(p -> p.path().startsWith("channels[")), ps::toString);
        assertTrue(ps.get(0).message().contains("cannot be protected on x86: one endpoint runs in SMM"), ps::toString);
    }

    // [utest->dsn~config.check.channels~1]
    @Test
    void tooManyChannelsForTheProtectionUnitAreRefusedAtTheChannel() {
        StringBuilder sb = new StringBuilder(BASE);
        for (int i = 0; i < 7; i++) {
            sb.append("  - {name: extra").append(i).append(", from: rtos, to: linux, slotSize: 8, slots: 1,"
                    + " protection: {dataId: ").append(100 + i).append("}}\n");
        }
        List<Problem> ps = on("arm", sb.toString());
        assertEquals(2, ps.size(), "one per endpoint: " + ps);
        assertTrue(ps.stream().allMatch(p -> p.message().contains(
                "needs one more protection entry than the 8 the arm target has")), ps::toString);
        assertEquals("channels[6].from", ps.get(0).path(), "rtos: ram, uart1 and six rings fill the 8 regions");
        assertEquals(List.of(), on("riscv", sb.toString()), "16 PMP entries are enough");
    }

    // [utest->dsn~config.channel-placement~1]
    @Test
    void ringsArePlacedFromTheTopOfTheSendersRamBankAlignedToTheirSize() {
        SystemDescription d = Fixtures.load(BASE);
        TargetInfo t = Targets.get("riscv");
        MonitorSpec m = DescriptionValidator.effectiveMonitor(d, t.description());
        long[] at = ChannelPlacement.place(d, t.description(), m);
        assertEquals(8192, ChannelPlacement.regionSize(d.channels().get(0)), "16 x 280 bytes round up to 8 KiB");
        assertEquals(4096, ChannelPlacement.regionSize(d.channels().get(1)), "at least 4 KiB");
        assertEquals(0xC000_0000L - 8192, at[0], "the top of the riscv DRAM bank");
        assertEquals(0xC000_0000L - 8192 - 4096, at[1], "the next free aligned range below");
    }

    // [utest->dsn~config.compile~1]
    // [utest->dsn~config.channel-placement~1]
    @Test
    void theImageCarriesTheChannelTable() {
        SystemDescription d = Fixtures.load(BASE);
        SystemImage img = ImageCompiler.compile(d, Targets.get("riscv").description());
        assertEquals(2, img.channelTotal());
        assertEquals(0, img.channelSender(0));
        assertEquals(1, img.channelReceiver(0));
        assertEquals(0xC000_0000L - 8192, img.channelBase(0));
        assertEquals(8192, img.channelRegionSize(0));
        assertEquals(16, img.channelSlots(0));
        assertEquals(50, img.channelDoorbell(0));
        assertEquals(0x1234, img.channelDataId(0));
        assertEquals(20_000_000L, img.channelMaxAgeNs(0));
        assertEquals(1, img.channelSender(1));
        assertEquals(ChannelLayout.NO_DOORBELL, img.channelDoorbell(1));
        assertEquals(ChannelLayout.CRC32, img.channelCrc(0));
    }

    // [utest->dsn~config.compile~1]
    // [utest->dsn~config.channel-placement~1]
    // [utest->dsn~config.channels~2]
    @Test
    void aChannelWithA64BitCrcGetsItsWidthAndLargerSlotsInTheImage() {
        SystemDescription d = Fixtures.load(with("counterWindow: 1}", "counterWindow: 1, crc: 64}"));
        assertEquals(List.of(), on("riscv", with("counterWindow: 1}", "counterWindow: 1, crc: 64}")));
        SystemImage img = ImageCompiler.compile(d, Targets.get("riscv").description());
        assertEquals(ChannelLayout.CRC64, img.channelCrc(0));
        assertEquals(ChannelLayout.CRC32, img.channelCrc(1));
        SystemDescription wide = Fixtures.load(with("slotSize: 256\n    slots: 16", "slotSize: 224\n    slots: 16")
                .replace("counterWindow: 1}", "counterWindow: 1, crc: 64}"));
        assertEquals(4096, ChannelPlacement.regionSize(wide.channels().get(0)), "16 x (224 + 32) bytes fit 4 KiB");
        SystemDescription wider = Fixtures.load(with("slotSize: 256\n    slots: 16", "slotSize: 225\n    slots: 16")
                .replace("counterWindow: 1}", "counterWindow: 1, crc: 64}"));
        assertEquals(8192, ChannelPlacement.regionSize(wider.channels().get(0)), "16 x (225 + 32 -> 264) bytes do not");
        SystemDescription narrow = Fixtures.load(with("slotSize: 256\n    slots: 16", "slotSize: 225\n    slots: 16"));
        assertEquals(4096, ChannelPlacement.regionSize(narrow.channels().get(0)), "16 x (225 + 24 -> 256) bytes fit");
    }
}
