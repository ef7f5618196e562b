package warden.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import warden.riscv.cpu.BareMachine;
import warden.riscv.cpu.ElfImage;

/**
 * {@code warden exec FILE.elf}: runs a bare-metal RISC-V program on one hart without the monitor,
 * as Spike does: loaded into RAM, started at its entry in M-mode, ended through HTIF
 * {@code tohost} (1 = pass, (N << 1) | 1 = test N failed). Exit 0 passed, 1 failed or out of
 * instructions, 2 bad input (not an ELF, wrong class or machine, segments outside RAM).
 *
 * [impl->dsn~cli.exec~1]
 */
@Command(usageHelpWidth = 100, name = "exec", mixinStandardHelpOptions = true,
        versionProvider = WardenCli.Version.class,
        description = {"Run a bare-metal ELF on an emulated hart, without the monitor (like Spike).", "",
            "Loads FILE.elf (ELF64, RISC-V) into RAM at 0x80000000, starts hart 0 at its entry in M-mode",
            "from reset and runs RV64IMAFDC + Zicsr + Zifencei with M/S/U privilege, PMP and Sv39 until",
            "the program writes the HTIF symbol tohost: 1 passes, (N << 1) | 1 fails test N. HTIF",
            "console writes (device 1, command 1) print a character. Prints instructions retired, host",
            "time and millions of instructions per second (MIPS)."},
        footer = {"", "Exit codes: 0 passed, 1 failed (FAIL test N) or the instruction budget ran out,",
            "2 bad input (not an ELF, wrong class or machine, segments outside RAM), 3 internal error."})
final class ExecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.elf", description = "The program to run.")
    Path file;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "riscv",
            description = "Emulated target (only riscv runs machine code; default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "1000000000",
            description = "Instruction budget; running out is a failure (default: ${DEFAULT-VALUE}).")
    long maxInstructions;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the machine-readable result (warden.exec/1).")
    Path json;

    @Option(names = "--signature", paramLabel = "FILE",
            description = {"Write the memory between the ELF symbols begin_signature and end_signature, one",
                "32-bit word per line in hex (riscv-arch-test, like Spike's +signature)."})
    Path signature;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        if (!"riscv".equals(target)) {
            throw new UsageError("--target " + target + ": only riscv executes machine code");
        }
        if (maxInstructions < 1) {
            throw new UsageError("--max-instructions must be at least 1: " + maxInstructions);
        }
        OutputFiles.checkAll("--json", json, "--signature", signature);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BareMachine m;
        try {
            m = new BareMachine(ElfImage.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read: " + e.getMessage());
            return WardenCli.EXIT_BAD_INPUT;
        } catch (ElfImage.BadElf e) {
            err.println("error: " + file + ": " + e.getMessage());
            return WardenCli.EXIT_BAD_INPUT;
        }
        long t0 = System.nanoTime();
        BareMachine.End end = m.run(maxInstructions);
        long host = System.nanoTime() - t0;
        out.print(m.console());
        report(out, m, end, host);
        OutputFiles.write(json, json(m, end, host), "--json");
        if (signature != null) {
            String words = m.signature();
            if (words == null) {
                err.println("error: " + file
                        + ": --signature: the ELF has no begin_signature/end_signature region in RAM");
                return WardenCli.EXIT_BAD_INPUT;
            }
            OutputFiles.write(signature, words, "--signature");
        }
        return end == BareMachine.End.PASSED ? WardenCli.EXIT_OK : WardenCli.EXIT_CHECK_FAILED;
    }

    private void report(PrintWriter out, BareMachine m, BareMachine.End end, long hostNs) {
        if (end == BareMachine.End.PASSED) {
            out.println("PASS");
        } else if (end == BareMachine.End.FAILED) {
            out.println("FAIL test " + m.exitCode());
        } else {
            out.println("FAIL: instruction budget of " + maxInstructions + " ran out (pc 0x"
                    + Long.toHexString(m.hart().pc) + ")");
        }
        out.printf(Locale.ROOT, "%d instructions retired in %.1f ms host time (%.1f MIPS)%n", m.instructions(),
                hostNs / 1e6, mips(m, hostNs));
        out.flush();
    }

    private static double mips(BareMachine m, long hostNs) {
        return hostNs <= 0 ? 0 : m.instructions() * 1e3 / hostNs;
    }

    private String json(BareMachine m, BareMachine.End end, long hostNs) {
        String result = end == BareMachine.End.PASSED ? "pass" : end == BareMachine.End.FAILED ? "fail" : "budget";
        return String.format(Locale.ROOT, "{\"schema\":\"warden.exec/1\",\"file\":\"%s\",\"result\":\"%s\","
                + "\"failedTest\":%d,\"instructions\":%d,\"hostMs\":%.3f,\"mips\":%.3f,\"console\":\"%s\"}%n",
                escape(file.toString()), result, end == BareMachine.End.FAILED ? m.exitCode() : 0, m.instructions(),
                hostNs / 1e6, mips(m, hostNs), escape(m.console()));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
