package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.riscv.cpu.ElfImage;

/**
 * The committed S-mode guests (platform-ports/guests/riscv/bin) are what their sources build to:
 * when riscv64-unknown-elf-gcc is installed, build.sh rebuilds them into a temporary directory and
 * each must match byte for byte; without the compiler the comparison is skipped with the reason.
 */
class SbiGuestBinariesTest {
    static final List<String> PROGRAMS = List.of("rtos-crasher.elf", "rtos.elf", "sbi-crasher.elf",
            "sbi-heartbeat.elf", "sbi-selftest.elf");

    // [utest->dsn~riscv.sbi.guest~1]
    // [utest->dsn~guest.rtos.build~1]
    @Test
    void everyGuestIsCommittedAsAnRv64ExecutableLinkedIntoItsPartition() throws Exception {
        assertEquals(PROGRAMS, names(ElfGuestTest.GUESTS.resolve("bin")));
        for (String n : PROGRAMS) {
            ElfImage e = ElfImage.parse(Files.readAllBytes(ElfGuestTest.GUESTS.resolve("bin").resolve(n)));
            assertEquals(0x8040_0000L, e.entry(), n + " starts where its partition's memory starts");
        }
    }

    // [utest->dsn~riscv.sbi.guest~1]
    // [utest->dsn~guest.rtos.build~1]
    @Test
    void committedGuestsMatchTheirSources(@TempDir Path out) throws Exception {
        boolean cc = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            cc |= Files.isExecutable(Path.of(dir, "riscv64-unknown-elf-gcc"));
        }
        Assumptions.assumeTrue(cc, "riscv64-unknown-elf-gcc not installed: the committed guests were not rebuilt");
        Path script = ElfGuestTest.GUESTS.resolve("src/build.sh");
        Process p = new ProcessBuilder("bash", script.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "build.sh failed:\n" + log);
        assertEquals(PROGRAMS, names(out));
        for (String n : PROGRAMS) {
            assertArrayEquals(Files.readAllBytes(ElfGuestTest.GUESTS.resolve("bin").resolve(n)),
                    Files.readAllBytes(out.resolve(n)), n + " differs from its source's build: run src/build.sh");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(q -> q.getFileName().toString()).filter(n -> n.endsWith(".elf")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
