package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential check against QEMU's TCG (qemu-system-riscv64 -M spike, Debian's qemu-system-misc)
 * where it is installed: the same conformance ELF ends the same way on both (QEMU exits with
 * tohost >> 1). QEMU runs with -icount shift=0, so that its timer, like Warden's, counts one ns per
 * instruction rather than host time. Skipped, with the reason, without QEMU. Left out are the programs that check
 * where QEMU 7.2 departs from the specifications or from Spike: traps (QEMU 7.2 writes 0, not
 * the instruction bits, to mtval on an illegal instruction), priv (its spike machine has no time
 * CSR), pmp (it lets S/U through when no entry is active, where the privileged spec fails an
 * unmatched S/U access once any entry is implemented).
 */
class QemuDifferentialTest {
    static boolean qemuInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "qemu-system-riscv64"))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rv64i", "rv64m", "rv64a", "rv64c", "interrupts", "sv39", "console", "fails_check_3",
        "fparith", "fpconv", "fpstate", "fprandom", "signature"})
    void qemuEndsTheProgramAsWardenDoes(String name) throws Exception {
        Assumptions.assumeTrue(qemuInstalled(), "qemu-system-riscv64 not installed: no differential run");
        Path elf = GuestProgramsTest.BIN.resolve(name + ".elf");
        BareMachine m = GuestProgramsTest.load(name);
        BareMachine.End end = m.run(100_000_000L);
        long warden = end == BareMachine.End.PASSED ? 0 : end == BareMachine.End.FAILED ? m.exitCode() : -1;
        Path log = Files.createTempFile("qemu-" + name, ".out");
        Process p = new ProcessBuilder("qemu-system-riscv64", "-M", "spike", "-nographic", "-bios", "none",
                "-icount", "shift=0", "-kernel", elf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        Files.delete(log);
        assertTrue(done, "qemu did not finish");
        assertEquals(warden, p.exitValue(),
                name + ": warden " + end + " " + m.exitCode() + ", qemu said:\n" + out);
        assertEquals(m.console(), out.replace("\r", ""), "the same console output");
    }
}
