package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed guest binaries are what their sources build to: when Debian's
 * riscv64-unknown-elf-gcc is installed, build.sh rebuilds every program into a temporary directory
 * and each file must match the committed one byte for byte. Without the compiler the test is
 * skipped, visibly, with the reason.
 */
class GuestBinariesTest {
    static final Path GUEST = Path.of("src/test/guest");

    static boolean compilerInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "riscv64-unknown-elf-gcc"))) {
                return true;
            }
        }
        return false;
    }

    // [utest->dsn~riscv.guest-binaries~1]
    @Test
    void everyProgramSourceHasItsCommittedBinary() throws Exception {
        List<String> sources;
        try (Stream<Path> s = Stream.concat(Stream.concat(Files.list(GUEST), Files.list(GUEST.resolve("bench"))),
                Files.list(GUEST.resolve("diff")))) {
            sources = s.map(q -> q.getFileName().toString())
                    .filter(n -> n.endsWith(".S") && !n.equals("crt0.S") || n.endsWith(".c"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')) + ".elf").sorted().collect(Collectors.toList());
        }
        assertEquals(sources, names(GUEST.resolve("bin")), "one committed ELF per program source, no stale ones");
        for (String n : sources) {
            ElfImage e = ElfImage.parse(Files.readAllBytes(GUEST.resolve("bin").resolve(n)));
            assertTrue(e.tohost() >= 0, n + " has the HTIF tohost symbol");
        }
    }

    // Rebuilds with the cross compiler when it is installed (skipped, with the reason, when it is not).
    @Test
    void committedBinariesMatchTheirSources(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(compilerInstalled(),
                "riscv64-unknown-elf-gcc not installed: the committed guest binaries were not rebuilt and compared");
        Process p = new ProcessBuilder("bash", GUEST.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "build.sh failed:\n" + log);
        List<String> committed = names(GUEST.resolve("bin"));
        assertEquals(committed, names(out), "the same programs");
        assertTrue(committed.size() >= 10, "every conformance program is committed: " + committed);
        for (String n : committed) {
            assertArrayEquals(Files.readAllBytes(GUEST.resolve("bin").resolve(n)), Files.readAllBytes(out.resolve(n)),
                    n + " differs from what its source builds to: run src/test/guest/build.sh and commit bin/");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(q -> q.getFileName().toString()).filter(n -> n.endsWith(".elf")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
