package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.riscv.cpu.ElfImage;

/** The golden image of an ELF partition: segments, zeroed bss, the device tree behind them. */
class ElfPartitionTest {
    // [utest->dsn~riscv.elf.image~1]
    @Test
    void segmentsThenZeroesThenTheDeviceTreeAtTheNextEightByteBoundary() throws Exception {
        ElfImage elf = ElfImage.parse(Files.readAllBytes(ElfGuestTest.GUESTS.resolve("bin/sbi-heartbeat.elf")));
        ElfPartition.Owned owned = new ElfPartition.Owned("p", List.of(0), 10_000_000L,
                List.of(new long[] {0x8040_0000L, 0x10_0000L}), List.of());
        ElfPartition p = ElfPartition.build(elf, owned);
        long[] span = ElfPartition.span(elf);
        assertEquals(0x8040_0000L, p.load());
        assertEquals(elf.entry(), p.entry());
        assertEquals((span[1] + 7) & ~7L, p.fdtAddress());
        byte[] image = p.image();
        assertEquals(p.fdtAddress() - p.load() + p.fdtSize(), image.length);
        for (int i = 0; i < elf.segments(); i++) {
            int at = (int) (elf.segmentAddress(i) - p.load());
            for (long j = 0; j < elf.segmentMemorySize(i); j++) {
                int expected = j < elf.segmentFileSize(i) ? elf.segmentByte(i, j) : 0;
                assertEquals(expected, image[at + (int) j] & 0xff, "segment " + i + " byte " + j);
            }
        }
        byte[] fdt = java.util.Arrays.copyOfRange(image, (int) (p.fdtAddress() - p.load()), image.length);
        assertArrayEquals(ElfPartition.deviceTree(owned), fdt);
    }
}
