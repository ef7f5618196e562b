package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;

/**
 * The scenario of issue 18: a real Linux kernel (built by tools/linux/build.sh into the user's
 * cache) boots as the QM partition of docs/examples/riscv-linux.yaml on the hart it shares with the
 * real RTOS. Runs whenever the cached Image exists; otherwise it is skipped and says why.
 */
class LinuxRunTest {
    static final String EXAMPLE = "riscv-linux.yaml";

    static Path image() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("warden/linux/Image");
    }

    static void assumeImage() {
        Assumptions.assumeTrue(Files.isRegularFile(image()), "no Linux Image at " + image()
                + ": build it with tools/linux/build.sh to run this scenario");
    }

    static RunResult run(LoadResult l, long ns) throws Exception {
        assertTrue(l.ok(), l.problems().toString());
        return new SystemRun(l.description(), Targets.get("riscv"), ns, 42, false).boot().run();
    }

    static String console(RunResult r, String partition) {
        return r.console().stream().filter(c -> c.partition().equals(partition)).map(RunResult.ConsoleLine::text)
                .collect(Collectors.joining("\n"));
    }

    static long counter(RunResult r, String name) {
        return r.counters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().value();
    }

    // [utest->dsn~riscv.linux.boot~1] [utest->dsn~run.linux~1] [utest->dsn~riscv.linux.heartbeat~1]
    // [utest->dsn~config.workload.linux~1]
    @Test
    void linuxBootsToItsInitBesideTheRtosWhichKeepsEveryDeadline() throws Exception {
        assumeImage();
        RunResult r = run(DescriptionLoader.load(ElfRunTest.EXAMPLES.resolve(EXAMPLE)), 300_000_000L);
        String linux = console(r, "linux");
        assertTrue(linux.contains("Linux version 6.1"), linux);
        assertTrue(linux.contains("SBI specification v2.0 detected"), linux);
        assertTrue(linux.contains("is a 16550A"), "the 8250 driver found a 16550A: " + linux);
        assertTrue(linux.contains("Run /init as init process"), linux);
        assertTrue(linux.contains("warden-init: userspace"), linux);
        assertTrue(linux.contains("isa: rv64imafdc") && linux.contains("mmu: sv39"), "/proc/cpuinfo: " + linux);
        assertTrue(linux.contains("SiFive PLIC  10") && linux.contains("ttyS0"), "/proc/interrupts: " + linux);
        assertTrue(linux.contains("warden-init: workload touched 1024 KiB, fp sum 16320.0"), linux);
        long userspace = counter(r, "linux.linuxUserspaceNs");
        assertTrue(userspace > 0 && userspace < 300_000_000L, "time to user space " + userspace);
        assertTrue(counter(r, "linux.linuxInstructionsToUserspace") > 1_000_000L);
        RunResult.PartitionResult rtos = r.partitions().get(0);
        RunResult.PartitionResult lp = r.partitions().get(1);
        assertTrue(rtos.bootTimeNs() > 0);
        assertEquals(0, rtos.deadlineMisses(), "the RTOS missed no deadline while Linux booted");
        assertEquals(0, lp.restarts(), "Linux was not restarted");
        assertTrue(lp.bootTimeNs() >= userspace, "Linux counts as booted once in user space: " + lp.bootTimeNs());
        assertTrue(r.passed(), r.checks().toString());
        assertTrue(r.violations().isEmpty(), r.violations().toString());
    }

    // [utest->dsn~riscv.linux.heartbeat~1] [utest->dsn~riscv.linux.boot~1]
    @Test
    void aLinuxPanicLetsItsWatchdogExpireAndTheMonitorRestartsItFromItsImageWhileTheRtosKeepsItsDeadlines(
            @TempDir Path dir) throws Exception {
        assumeImage();
        Path d = dir.resolve("panic.yaml");
        Files.writeString(d, Files.readString(ElfRunTest.EXAMPLES.resolve(EXAMPLE))
                .replace("earlycon=sbi", "earlycon=sbi warden.cmd=panic")
                .replace("../../platform-ports", ElfRunTest.EXAMPLES.toAbsolutePath().resolve("../../platform-ports")
                        .normalize().toString()));
        RunResult r = run(DescriptionLoader.load(d), 650_000_000L);
        assertTrue(console(r, "linux").contains("Kernel panic - not syncing: Attempted to kill init!"));
        RunResult.PartitionResult lp = r.partitions().get(1);
        assertEquals(1, lp.restarts(), "the watchdog expired once and the monitor restarted Linux");
        assertTrue(r.events().stream().anyMatch(e -> e.kind().equals("partition-recovered")), r.events().toString());
        assertEquals(2, counter(r, "linux.linuxStarts"));
        long again = counter(r, "linux.linuxUserspaceNs");
        assertTrue(again > 400_000_000L, "user space again after the restart: " + again);
        assertTrue(counter(r, "linux.linuxInstructionsToUserspace") < 100_000_000L, "counted from the restart");
        assertEquals(0, r.partitions().get(0).deadlineMisses(), "the RTOS kept every deadline");
        assertTrue(r.passed(), r.checks().toString());
    }

    // [utest->dsn~config.workload.linux~1]
    @Test
    void aMissingImageIsALocatedErrorNamingTheCommandThatBuildsIt(@TempDir Path dir) throws Exception {
        String text = Files.readString(ElfRunTest.EXAMPLES.resolve(EXAMPLE))
                .replace("image: ~/.cache/warden/linux/Image", "image: " + dir.resolve("none/Image"))
                .replace("../../platform-ports", ElfRunTest.EXAMPLES.toAbsolutePath().resolve("../../platform-ports")
                        .normalize().toString());
        Path d = dir.resolve("linux.yaml");
        Files.writeString(d, text);
        LoadResult l = DescriptionLoader.load(d);
        assertFalse(l.ok());
        String problems = l.problems().toString();
        assertTrue(problems.contains("tools/linux/build.sh") && problems.contains("image"), problems);
        assertTrue(problems.contains("linux.yaml:"), "located: " + problems);
    }

    // [utest->dsn~config.workload.linux~1]
    @Test
    void aFileThatIsNoImageAndALinuxPartitionWithoutTheVirtualPlicAreRefused(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("Image");
        Files.write(bogus, new byte[4096]);
        String text = Files.readString(ElfRunTest.EXAMPLES.resolve(EXAMPLE))
                .replace("image: ~/.cache/warden/linux/Image", "image: " + bogus)
                .replace("../../platform-ports", ElfRunTest.EXAMPLES.toAbsolutePath().resolve("../../platform-ports")
                        .normalize().toString());
        Path d = dir.resolve("linux.yaml");
        Files.writeString(d, text);
        assertTrue(DescriptionLoader.load(d).problems().toString().contains("no RISC-V Linux Image magic"));
        Assumptions.assumeTrue(Files.isRegularFile(image()), "no Linux Image at " + image());
        Files.writeString(d, Files.readString(ElfRunTest.EXAMPLES.resolve(EXAMPLE))
                .replace("devices: [uart0, vplic]", "devices: [uart0]")
                .replace("image: ~/.cache/warden/linux/Image", "image: " + image())
                .replace("../../platform-ports", ElfRunTest.EXAMPLES.toAbsolutePath().resolve("../../platform-ports")
                        .normalize().toString()));
        LoadResult l = DescriptionLoader.load(d);
        assertTrue(l.ok(), l.problems().toString());
        String problems = warden.launcher.config.DescriptionValidator.validate(l.description(), Targets.get("riscv"))
                .toString();
        assertTrue(problems.contains("add the board's virtual PLIC 'vplic'"), problems);
    }
}
