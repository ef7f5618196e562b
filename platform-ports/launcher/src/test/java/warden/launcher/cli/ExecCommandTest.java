package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** warden exec on the riscv port's committed guest programs: exit codes, report, JSON. */
class ExecCommandTest {
    static final Path BIN = Path.of("../riscv/src/test/guest/bin");

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~cli.exec~1]
    @Test
    void aPassingProgramExitsZeroAndReportsInstructionsAndMips(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        String[] r = run("exec", BIN.resolve("console.elf").toString(), "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("hello from the hart\nPASS\n"), r[1]);
        assertTrue(r[1].matches("(?s).*\\d+ instructions retired in [0-9.]+ ms host time \\([0-9.]+ MIPS\\)\n"), r[1]);
        String j = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(j.contains("\"schema\":\"warden.exec/1\""), j);
        assertTrue(j.contains("\"result\":\"pass\""), j);
        assertTrue(j.contains("\"console\":\"hello from the hart\\u000a\""), j);
    }

    // [utest->dsn~cli.exec~1]
    @Test
    void aFailingCheckAndASpentBudgetExitOne() {
        String[] r = run("exec", BIN.resolve("fails_check_3.elf").toString());
        assertEquals("1", r[0], r[2]);
        assertTrue(r[1].contains("FAIL test 3"), r[1]);
        r = run("exec", BIN.resolve("loop.elf").toString(), "--max-instructions", "1000");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[1].contains("FAIL: instruction budget of 1000 ran out"), r[1]);
        assertTrue(r[1].contains("1000 instructions retired"), r[1]);
    }

    // [utest->dsn~cli.exec~1]
    @Test
    void badInputExitsTwoWithAClearMessage(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("not.elf");
        Files.writeString(text, "this is not an ELF file, it is text long enough for a header...........");
        String[] r = run("exec", text.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("not.elf: not an ELF file"), r[2]);
        r = run("exec", dir.resolve("missing.elf").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("cannot read"), r[2]);
        r = run("exec", BIN.resolve("rv64i.elf").toString(), "--target", "arm");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("only riscv executes machine code"), r[2]);
    }

    // [utest->dsn~cli.exec~1]
    // [utest->dsn~riscv.exec.signature~1]
    @Test
    void signatureWritesTheRegionOneWordPerLine(@TempDir Path dir) throws Exception {
        Path sig = dir.resolve("sig.txt");
        String[] r = run("exec", BIN.resolve("signature.elf").toString(), "--signature", sig.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("12345678\nffffffff\ndeadbeef\ncafef00d\n0badc0de\n", Files.readString(sig));
        r = run("exec", BIN.resolve("console.elf").toString(), "--signature", dir.resolve("none.txt").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("console.elf: --signature: the ELF has no begin_signature/end_signature"), r[2]);
    }
}
