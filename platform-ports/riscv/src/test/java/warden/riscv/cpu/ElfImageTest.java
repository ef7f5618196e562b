package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ELF64 loader: what it takes from a good file, and the clear refusals of bad ones. */
class ElfImageTest {
    static byte[] good() throws Exception {
        return Files.readAllBytes(Path.of("src/test/guest/bin/rv64i.elf"));
    }

    static String refusal(byte[] bytes) {
        return assertThrows(ElfImage.BadElf.class, () -> new BareMachine(ElfImage.parse(bytes))).getMessage();
    }

    /** @return the file offset of the first PT_LOAD program header. */
    static long firstLoad(byte[] b) {
        ByteBuffer e = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = e.getLong(32);
        for (int i = 0; i < (e.getShort(56) & 0xFFFF); i++) {
            long off = phoff + (long) i * (e.getShort(54) & 0xFFFF);
            if (e.getInt((int) off) == 1) {
                return off;
            }
        }
        throw new AssertionError("no PT_LOAD");
    }

    // [utest->dsn~riscv.elf.loader~1]
    @Test
    void entrySegmentsAndHtifSymbols() throws Exception {
        ElfImage e = ElfImage.parse(good());
        assertEquals(0x8000_0000L, e.entry());
        assertTrue(e.segments() >= 1);
        assertEquals(0x8000_1000L, e.tohost());
        assertEquals(0x8000_1040L, e.fromhost());
    }

    // [utest->dsn~riscv.elf.loader~1]
    @Test
    void badFilesAreRefusedNamingWhatAndWhere() throws Exception {
        assertTrue(refusal("hello".getBytes()).contains("not an ELF file"));
        byte[] text = new byte[100];
        assertTrue(refusal(text).contains("no \\x7fELF magic"));
        byte[] b = good();
        b[4] = 1;
        assertTrue(refusal(b).contains("ELF class 1 at offset 4"), refusal(b));
        b = good();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(18, (short) 62);
        assertTrue(refusal(b).contains("e_machine 62 at offset 18: not RISC-V"));
        b = good();
        long phoff = firstLoad(b);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) phoff + 24, 0x1000L);
        assertTrue(refusal(b).contains("lies outside RAM"), refusal(b));
        b = good();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) phoff + 8, 1L << 40);
        assertTrue(refusal(b).contains("outside the file"), refusal(b));
    }
}
