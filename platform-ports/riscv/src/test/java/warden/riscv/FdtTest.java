package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import warden.emu.DeviceSpec;

/** The device tree writer against the DTB format of the Devicetree Specification v0.4, chapter 5. */
class FdtTest {
    /** Reads a blob back: path -> property -> value bytes, checking the header and the tokens. */
    static Map<String, Map<String, byte[]>> parse(byte[] b) {
        assertEquals(0xd00dfeed, Fdt.get32(b, 0), "magic");
        assertEquals(b.length, Fdt.get32(b, 4), "totalsize");
        assertEquals(17, Fdt.get32(b, 20), "version");
        assertEquals(16, Fdt.get32(b, 24), "last_comp_version");
        int rsv = Fdt.get32(b, 16);
        assertEquals(0, Fdt.get32(b, rsv) | Fdt.get32(b, rsv + 12), "empty memory reservation block");
        int off = Fdt.get32(b, 8);
        int strings = Fdt.get32(b, 12);
        assertEquals(off + Fdt.get32(b, 36), strings, "structure block ends where the strings start");
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        for (int guard = 0; guard < 10_000; guard++) {
            int token = Fdt.get32(b, off);
            off += 4;
            if (token == Fdt.BEGIN_NODE) {
                int end = off;
                while (b[end] != 0) {
                    end++;
                }
                path.add(new String(b, off, end - off, StandardCharsets.US_ASCII));
                out.put(String.join("/", path), new LinkedHashMap<>());
                off = (end + 4) & ~3;
            } else if (token == Fdt.PROP) {
                int len = Fdt.get32(b, off);
                int name = strings + Fdt.get32(b, off + 4);
                int end = name;
                while (b[end] != 0) {
                    end++;
                }
                byte[] v = java.util.Arrays.copyOfRange(b, off + 8, off + 8 + len);
                out.get(String.join("/", path)).put(new String(b, name, end - name, StandardCharsets.US_ASCII), v);
                off = (off + 8 + len + 3) & ~3;
            } else if (token == Fdt.END_NODE) {
                path.remove(path.size() - 1);
            } else {
                assertEquals(Fdt.END, token, "token at " + (off - 4));
                assertEquals(0, path.size(), "every node closed");
                return out;
            }
        }
        throw new AssertionError("no FDT_END");
    }

    static long cell(byte[] v, int i) {
        return Fdt.get32(v, 4 * i) & 0xffff_ffffL;
    }

    // [utest->dsn~riscv.fdt~1]
    @Test
    void aPartitionsTreeDescribesOnlyWhatItOwns() {
        DeviceSpec uart = new DeviceSpec("uart1", "uart", 0x1000_1000L, 0x100L, 11, false);
        DeviceSpec can = new DeviceSpec("can0", "can", 0x1001_0000L, 0x1000L, 20, false);
        byte[] blob = ElfPartition.deviceTree(new ElfPartition.Owned("rtos", List.of(2), 10_000_000L,
                List.of(new long[] {0x8040_0000L, 0x40_0000L}, new long[] {0x1_2000_0000L, 0x1000L}),
                List.of(uart, can)));
        Map<String, Map<String, byte[]>> t = parse(blob);
        assertEquals(List.of("", "/chosen", "/cpus", "/cpus/cpu@2", "/cpus/cpu@2/interrupt-controller",
                "/memory@80400000", "/memory@120000000", "/soc", "/soc/interrupt-controller",
                "/soc/serial@10001000", "/soc/can@10010000"), new ArrayList<>(t.keySet()));
        assertEquals(10_000_000L, cell(t.get("/cpus").get("timebase-frequency"), 0));
        assertEquals(2, cell(t.get("/cpus/cpu@2").get("reg"), 0));
        assertArrayEquals("/soc/serial@10001000\0".getBytes(StandardCharsets.US_ASCII),
                t.get("/chosen").get("stdout-path"));
        byte[] reg = t.get("/memory@120000000").get("reg");
        assertEquals(List.of(1L, 0x2000_0000L, 0L, 0x1000L),
                List.of(cell(reg, 0), cell(reg, 1), cell(reg, 2), cell(reg, 3)));
        assertEquals(11, cell(t.get("/soc/serial@10001000").get("interrupts"), 0));
        assertEquals(20, cell(t.get("/soc/can@10010000").get("interrupts"), 0));
        assertArrayEquals(new byte[0], t.get("/soc/interrupt-controller").get("interrupt-controller"));
        assertEquals(2, Fdt.get32(blob, 28), "boot_cpuid_phys = the partition's first hart");
        assertEquals(0, blob.length % 8);
    }

    // [utest->dsn~guest.rtos.channels~1]
    @Test
    void thePartitionsChannelsAreNamedInItsTreeAndOnlyWhenItHasAny() {
        byte[] none = ElfPartition.deviceTree(new ElfPartition.Owned("p", List.of(0), 10_000_000L,
                List.<long[]>of(new long[] {0x8040_0000L, 0x40_0000L}), List.of()));
        assertEquals(List.of("", "/cpus", "/cpus/cpu@0", "/cpus/cpu@0/interrupt-controller", "/memory@80400000",
                "/soc", "/soc/interrupt-controller"), new ArrayList<>(parse(none).keySet()));
        Map<String, Map<String, byte[]>> t = parse(ElfPartition.deviceTree(new ElfPartition.Owned("p", List.of(0),
                10_000_000L, List.<long[]>of(new long[] {0x8040_0000L, 0x40_0000L}), List.of(), List.of(0, 11))));
        assertEquals(1, cell(t.get("/channels").get("#address-cells"), 0));
        assertEquals(0, cell(t.get("/channels").get("#size-cells"), 0));
        assertEquals(0, cell(t.get("/channels/channel@0").get("reg"), 0));
        assertEquals(11, cell(t.get("/channels/channel@b").get("reg"), 0));
        assertArrayEquals("warden,channel\0".getBytes(StandardCharsets.US_ASCII),
                t.get("/channels/channel@b").get("compatible"));
    }

    // [utest->dsn~riscv.fdt~1]
    @Test
    void unbalancedNodesAreRefused() {
        assertThrows(IllegalStateException.class, () -> new Fdt().begin("").finish(0));
        assertThrows(IllegalStateException.class, () -> new Fdt().end());
    }
}
