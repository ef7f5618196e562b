package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.SystemImage;

/**
 * The mediated section: it loads, validates and compiles into the kernel's access-control table;
 * every wrong entry is refused with one located error at its line (and field), never a stack trace.
 */
class MediatedConfigTest {
    private static final String GOOD = """
            mediated:
              - device: can0
                acl:
                  - {partition: linux, register: MB2_ID, access: w, range: [0x600, 0x6FF]}
                  - {partition: linux, register: TXREQ, access: w, mask: 0x4, rate: 100/1s}
                  - {partition: linux, register: 0x24, access: r}
            """;

    private static String with(String mediated) {
        return Fixtures.FULL + mediated;
    }

    /** @return the one problem of a description whose mediated section is {@code mediated}. */
    private static Problem only(String mediated, boolean loads) {
        String text = with(mediated);
        List<Problem> ps = loads ? Fixtures.validate(text) : Fixtures.problems(text);
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0);
    }

    private static void at(Problem p, String mediated, String marker, String path, String message) {
        String text = with(mediated);
        assertEquals("t.yaml:" + Fixtures.lineOf(text, marker) + ":" + Fixtures.columnOf(text, marker) + ": " + path
                + ": " + message, p.toString());
    }

    // [utest->dsn~config.mediated~1]
    @Test
    void theCanExampleCompilesIntoOneKernelEntryPerAclEntry() {
        assertEquals(List.of(), Fixtures.validate(with(GOOD)));
        SystemImage img = ImageCompiler.compile(Fixtures.load(with(GOOD)), FakeTarget.riscv().description());
        assertEquals(3, img.aclTotal());
        assertEquals(1, img.aclPartition(0));
        assertEquals("can0", img.deviceName(img.aclDevice(0)));
        assertEquals(0x70, img.aclOffset(0));
        assertEquals(Access.WRITE, img.aclAccess(0));
        assertEquals(0x600, img.aclMin(0));
        assertEquals(0x6FF, img.aclMax(0));
        assertEquals(0xFFFF_FFFFL, img.aclMask(0));
        assertEquals(0x1C, img.aclOffset(1));
        assertEquals(4, img.aclMask(1));
        assertEquals(100, img.aclRate(1));
        assertEquals(1_000_000_000L, img.aclWindowNs(1));
        assertEquals(Access.READ, img.aclAccess(2));
        assertEquals(0, img.aclRate(2));
        assertEquals(1, ImageCompiler.deviceIndex(Fixtures.load(with(GOOD)), "can0"));
        assertEquals(-1, ImageCompiler.deviceIndex(Fixtures.load(with(GOOD)), "can9"));
    }

    // [utest->dsn~config.check.mediated~1]
    @Test
    void anUnknownPartitionOrTheOwnerIsRefusedAtThePartition() {
        String m = GOOD.replace("{partition: linux, register: 0x24", "{partition: linus, register: 0x24");
        at(only(m, true), m, "{partition: linus", "mediated[0].acl[2].partition", "unknown partition 'linus'");
        String o = GOOD.replace("{partition: linux, register: 0x24", "{partition: rtos, register: 0x24");
        at(only(o, true), o, "{partition: rtos", "mediated[0].acl[2].partition", "partition 'rtos' owns device"
                + " 'can0' and reaches it through its own window: an entry for it would mediate nothing");
    }

    // [utest->dsn~config.check.mediated~1]
    @Test
    void anUnknownRegisterOrAnOffsetOutsideTheWindowIsRefusedAtTheRegister() {
        String m = GOOD.replace("register: MB2_ID", "register: MB3_ID");
        Problem p = only(m, true);
        at(p, m, "{partition: linux, register: MB3_ID", "mediated[0].acl[0].register", p.message());
        assertTrue(p.message().startsWith("device 'can0' (can) has no register 'MB3_ID'"), p.message());
        String odd = GOOD.replace("register: 0x24", "register: 0x26");
        assertEquals("register offset 0x26 is not a 4-byte aligned 32-bit register inside the 0x1000-byte window"
                + " of device 'can0'", only(odd, true).message().replaceAll("0x[0-9a-f]+-byte", "0x1000-byte"));
        String big = GOOD.replace("register: 0x24", "register: 0x10000");
        assertEquals("mediated[0].acl[2].register", only(big, false).path(), "beyond 16 bits: the loader");
    }

    // [utest->dsn~config.check.mediated~1]
    @Test
    void overlappingEntriesAreRefusedNamingTheFirst() {
        String m = GOOD.replace("{partition: linux, register: 0x24, access: r}",
                "{partition: linux, register: 0x70, access: rw}");
        Problem p = only(m, true);
        at(p, m, "{partition: linux, register: 0x70", "mediated[0].acl[2]", "partition 'linux' has register 0x70"
                + " (-w-) already at mediated[0].acl[0] (line " + Fixtures.lineOf(with(m), "MB2_ID") + "): one entry"
                + " per register and direction");
        String other = GOOD.replace("{partition: linux, register: 0x24, access: r}",
                "{partition: linux, register: 0x70, access: r}");
        assertEquals(List.of(), Fixtures.validate(with(other)), "the other direction is another entry");
    }

    // [utest->dsn~config.check.mediated~1]
    @Test
    void contradictoryValuesAndAZeroRateAreRefusedAtTheirEntry() {
        String ro = GOOD.replace("{partition: linux, register: 0x24, access: r}",
                "{partition: linux, register: 0x24, access: r, mask: 1}");
        at(only(ro, true), ro, "{partition: linux, register: 0x24", "mediated[0].acl[2]",
                "mask and range constrain written values, but the entry only reads (access: r)");
        String none = GOOD.replace("mask: 0x4, rate", "mask: 0x4, range: [5, 7], rate");
        at(only(none, true), none, "{partition: linux, register: TXREQ", "mediated[0].acl[1]",
                "no value of range [0x5, 0x7] has only bits of mask 0x4: the entry would allow no write");
        String empty = GOOD.replace("range: [0x600, 0x6FF]", "range: [0x6FF, 0x600]");
        at(only(empty, false), empty, "[0x6FF, 0x600]", "mediated[0].acl[0].range",
                "range [0x6ff, 0x600] is empty: its minimum is above its maximum");
        String zero = GOOD.replace("rate: 100/1s", "rate: 0/1s");
        at(only(zero, false), zero, "0/1s", "mediated[0].acl[1].rate", "rate '0/1s' allows nothing: give at least"
                + " 1 access per window longer than 0 (leave 'rate' out for no limit, or the entry out for no access)");
        String bad = GOOD.replace("rate: 100/1s", "rate: fast");
        assertEquals("rate 'fast': expected accesses per window, such as 100/1s", only(bad, false).message());
        String acc = GOOD.replace("register: 0x24, access: r}", "register: 0x24, access: x}");
        assertEquals("access 'x': expected r, w or rw", only(acc, false).message());
        String wide = GOOD.replace("mask: 0x4", "mask: 0x100000000");
        assertEquals("mediated[0].acl[1].mask", only(wide, false).path());
    }

    // [utest->dsn~config.check.mediated~1]
    @Test
    void aDeviceNoPartitionOwnsOrOneMediatedTwiceIsRefusedAtTheDevice() {
        String m = GOOD.replace("device: can0", "device: can1");
        at(only(m, true), m, "device: can1", "mediated[0].device", "mediated device 'can1' is not assigned to any"
                + " partition: list it under the devices of the partition that owns it");
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - device"));
        List<Problem> ps = Fixtures.validate(with(twice));
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("mediated[1].device: device 'can0' is mediated twice",
                ps.get(0).path() + ": " + ps.get(0).message());
        assertTrue(MediatedChecks.smallestWithin(0x600, 0xFFFF_FFFFL) == 0x600);
        assertEquals(4, MediatedChecks.smallestWithin(1, 4));
        assertEquals(-1, MediatedChecks.smallestWithin(5, 4));
        assertEquals(0x10, MediatedChecks.smallestWithin(0x9, 0x13));
    }

    // [utest->dsn~config.check.mediated~1] [utest->dsn~emu.guest.can-mediated~1]
    @Test
    void canTxNeedsAMediatedCanController() {
        String linux = "      isr: {device: nic0, work: 15us}\n  - name: probe";
        String tx = Fixtures.FULL.replace(linux, "      isr: {device: nic0, work: 15us}\n"
                + "      canTx: {device: can0, mailbox: 2, id: 0x642, period: 5ms}\n  - name: probe");
        assertEquals(List.of(), Fixtures.validate(tx + GOOD));
        List<Problem> ps = Fixtures.validate(tx);
        assertEquals(1, ps.size(), ps::toString);
        assertEquals("partitions[1].workload.canTx.device", ps.get(0).path());
        assertTrue(ps.get(0).message().startsWith("canTx sends through the monitor, but device 'can0' is not"
                + " mediated"), ps.get(0).message());
        assertEquals("partitions[1].workload.canTx.mailbox",
                Fixtures.problems(tx.replace("mailbox: 2", "mailbox: 3")).get(0).path());
        assertEquals("partitions[1].workload.canTx.period",
                Fixtures.problems(tx.replace("period: 5ms}", "period: 0ms}")).get(0).path());
    }
}
