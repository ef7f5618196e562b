package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hart's own conformance programs (src/test/guest/*.S, built into src/test/guest/bin) run on
 * the bare machine: each checks one instruction class or trap cause and reports through HTIF
 * tohost, 1 = pass, (N << 1) | 1 = check N failed.
 */
class GuestProgramsTest {
    static final Path BIN = Path.of("src/test/guest/bin");
    static final long BUDGET = 1_000_000;

    static BareMachine load(String name) throws IOException, ElfImage.BadElf {
        return new BareMachine(ElfImage.parse(Files.readAllBytes(BIN.resolve(name + ".elf"))));
    }

    static void passes(String name) throws Exception {
        BareMachine m = load(name);
        BareMachine.End end = m.run(BUDGET);
        assertEquals(BareMachine.End.PASSED, end, name + " failed check " + m.exitCode() + " at pc 0x"
                + Long.toHexString(m.hart().pc));
    }

    // [utest->dsn~riscv.hart.integer~1]
    // [utest->dsn~riscv.hart.decode~1]
    // [utest->dsn~riscv.hart.interpreter~1]
    @Test
    void rv64iComputationalControlLoadStore() throws Exception {
        passes("rv64i");
    }

    // [utest->dsn~riscv.hart.muldiv~1]
    @Test
    void rv64mProductsAndDivisionEdgeCases() throws Exception {
        passes("rv64m");
    }

    // [utest->dsn~riscv.hart.atomics~1]
    @Test
    void rv64aReservationsAndAmos() throws Exception {
        passes("rv64a");
    }

    // [utest->dsn~riscv.hart.compressed~1]
    @Test
    void rv64cCompressedForms() throws Exception {
        passes("rv64c");
    }

    // [utest->dsn~riscv.hart.traps~1]
    // [utest->dsn~riscv.hart.csr~1]
    @Test
    void exceptionsInMachineMode() throws Exception {
        passes("traps");
    }

    // [utest->dsn~riscv.hart.traps~1]
    // [utest->dsn~riscv.hart.csr~1]
    @Test
    void privilegeModesDelegationAndPrivilegedInstructions() throws Exception {
        passes("priv");
    }

    // [utest->dsn~riscv.hart.interrupts~1]
    @Test
    void timerSoftwareAndSupervisorInterrupts() throws Exception {
        passes("interrupts");
    }

    // [utest->dsn~riscv.hart.pmp~1]
    @Test
    void pmpOnRealAccesses() throws Exception {
        passes("pmp");
    }

    // [utest->dsn~riscv.hart.sv39~1]
    @Test
    void sv39Translation() throws Exception {
        passes("sv39");
    }

    // [utest->dsn~riscv.exec.htif~1]
    @Test
    void htifConsolePrintsAndAcknowledges() throws Exception {
        BareMachine m = load("console");
        assertEquals(BareMachine.End.PASSED, m.run(BUDGET));
        assertEquals("hello from the hart\n", m.console());
    }

    // [utest->dsn~riscv.exec.htif~1]
    @Test
    void aFailingCheckReportsItsNumber() throws Exception {
        BareMachine m = load("fails_check_3");
        assertEquals(BareMachine.End.FAILED, m.run(BUDGET));
        assertEquals(3, m.exitCode());
    }

    // [utest->dsn~riscv.exec.board~1]
    @Test
    void theBudgetBoundsTheRunAndStartsFromResetAtTheEntry() throws Exception {
        BareMachine m = load("loop");
        assertEquals(HartState.PRIV_M, m.hart().priv);
        assertEquals(0x8000_0000L, m.hart().pc, "entry");
        assertEquals(BareMachine.End.BUDGET, m.run(10_000));
        assertEquals(10_000, m.instructions());
    }

    // [utest->dsn~riscv.hart.float-arith~1]
    // [utest->dsn~riscv.hart.float-ops~1]
    // [utest->dsn~riscv.hart.float-decode~1]
    @Test
    void floatArithmeticFlagsNanBoxingLoadsAndStores() throws Exception {
        passes("fparith");
    }

    // [utest->dsn~riscv.hart.float-rounding~1]
    // [utest->dsn~riscv.hart.float-ops~1]
    @Test
    void floatConversionsAndTheFiveRoundingModes() throws Exception {
        passes("fpconv");
    }

    // [utest->dsn~riscv.hart.float-state~1]
    // [utest->dsn~riscv.hart.misaligned~1]
    @Test
    void floatStateOffIllegalDirtyAndMisalignedFloatAccesses() throws Exception {
        passes("fpstate");
    }

    /**
     * 46 F/D operations x 5 rounding modes x 400 pseudo-random operands give the hashes of results and
     * flags QEMU 7.2 printed for the same ELF (diff/fprandom.expected, recorded with
     * {@code qemu-system-riscv64 -M spike -nographic -bios none -kernel bin/fprandom.elf}).
     */
    // [utest->dsn~riscv.hart.float-arith~1]
    // [utest->dsn~riscv.hart.float-rounding~1]
    @Test
    void randomFloatOperationsGiveQemusResultsAndFlags() throws Exception {
        BareMachine m = load("fprandom");
        assertEquals(BareMachine.End.PASSED, m.run(100_000_000L));
        String expected = Files.readString(Path.of("src/test/guest/diff/fprandom.expected"));
        assertEquals(expected, m.console());
    }

    // [utest->dsn~riscv.exec.signature~1]
    @Test
    void theSignatureIsTheRegionBetweenTheSymbolsOneWordPerLine() throws Exception {
        BareMachine m = load("signature");
        assertEquals(BareMachine.End.PASSED, m.run(BUDGET));
        assertEquals("12345678\nffffffff\ndeadbeef\ncafef00d\n0badc0de\n", m.signature());
        assertEquals(null, load("console").signature(), "no signature symbols");
    }
}
