package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warden.launcher.run.Targets;

/** {@code kind: elf}: the file, its digest, what it must be, where it must lie, and which targets run it. */
class ElfWorkloadConfigTest {
    static final Path ELF = Path.of("../guests/riscv/bin/sbi-heartbeat.elf");

    private static String system(String sha, String memoryBase, String extra, String target) {
        return "target: " + target + "\n"
                + "partitions:\n"
                + "  - name: guest\n"
                + "    criticality: ASIL-B\n"
                + "    cores: [0]\n"
                + extra
                + "    memory:\n"
                + "      - {name: ram, base: " + memoryBase + ", size: 1MiB, access: rwx}\n"
                + "    devices: [uart1]\n"
                + "    workload:\n"
                + "      kind: elf\n"
                + "      file: guest.elf\n"
                + "      sha256: " + sha + "\n";
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(PartitionReader.sha256(b));
    }

    private static List<Problem> problems(Path dir, byte[] elf, String text) throws Exception {
        if (elf != null) {
            Files.write(dir.resolve("guest.elf"), elf);
        }
        Files.writeString(dir.resolve("sys.yaml"), text);
        LoadResult r = DescriptionLoader.load(dir.resolve("sys.yaml"));
        if (!r.ok()) {
            return r.problems();
        }
        String target = r.description().target();
        return DescriptionValidator.validate(r.description(), Targets.get(target));
    }

    private static void oneProblem(List<Problem> ps, String text, String key, String words) {
        assertEquals(1, ps.size(), ps.toString());
        String msg = ps.get(0).toString();
        assertTrue(msg.contains(":" + Fixtures.lineOf(text, key) + ":"), msg);
        assertTrue(msg.contains(words), msg);
    }

    /**
     * Resolving the elf workloads rebuilds the description: its channels and its mediated devices'
     * access-control entries must come through (the RTOS binary is a channel endpoint, and an
     * access-control entry may name an elf partition's neighbour).
     *
     * [utest->dsn~guest.rtos.channels~1]
     */
    @Test
    void resolvingKeepsTheChannelsAndTheMediatedDevices(@TempDir Path dir) throws Exception {
        Path examples = Path.of("../../docs/examples");
        String bin = "../../platform-ports/guests/riscv/bin/";
        String rtos = Files.readString(examples.resolve("riscv-rtos-elf.yaml"))
                .replace(bin, examples.resolve(bin).toAbsolutePath().normalize() + "/");
        String mediated = Files.readString(examples.resolve("can-mediated.yaml"));
        String section = mediated.substring(mediated.indexOf("\nmediated:") + 1, mediated.indexOf("\ndevices:") + 1);
        Files.writeString(dir.resolve("sys.yaml"), rtos.replace("\ndevices:", "\n" + section + "devices:"));
        LoadResult r = DescriptionLoader.load(dir.resolve("sys.yaml"));
        assertTrue(r.ok(), r.problems().toString());
        SystemDescription d = r.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, Targets.get("riscv")));
        assertEquals(1, d.mediated().size());
        assertEquals(2, d.channels().size());
        SystemDescription resolved = ElfWorkloads.resolve(d, Targets.get("riscv").description());
        assertTrue(resolved != d, "an elf partition was resolved");
        assertEquals(d.channels(), resolved.channels());
        assertEquals(d.mediated(), resolved.mediated());
    }

    // [utest->dsn~config.workload.elf~1]
    @Test
    void anElfPartitionGetsTheElfsEntryAndAGoldenImageWithItsDeviceTree(@TempDir Path dir) throws Exception {
        byte[] elf = Files.readAllBytes(ELF);
        String text = system(sha(elf), "0x80400000", "", "riscv");
        assertEquals(List.of(), problems(dir, elf, text));
        SystemDescription d = ElfWorkloads.resolve(DescriptionLoader.load(dir.resolve("sys.yaml")).description(),
                Targets.get("riscv").description());
        PartitionSpec p = d.partitions().get(0);
        ElfSpec e = (ElfSpec) p.workload();
        assertEquals(0x8040_0000L, p.entry());
        assertEquals(0x8040_0000L, p.image().load());
        assertArrayEquals(e.resolved().image(), p.image().content());
        assertArrayEquals(PartitionReader.sha256(p.image().content()), p.digest());
        assertEquals(p.image().load() + p.image().size(), e.resolved().fdtAddress() + e.resolved().fdtSize());
        PartitionSpec twice = ElfWorkloads.resolve(d, Targets.get("riscv").description()).partitions().get(0);
        assertArrayEquals(p.image().content(), twice.image().content(), "resolving twice changes nothing");
        assertArrayEquals(p.digest(), twice.digest());
    }

    // [utest->dsn~config.workload.elf~1]
    @Test
    void aWrongDigestAMissingFileAndAFileThatIsNoRiscvElfAreLocatedErrors(@TempDir Path dir) throws Exception {
        byte[] elf = Files.readAllBytes(ELF);
        String wrong = system("ab".repeat(32), "0x80400000", "", "riscv");
        oneProblem(problems(dir, elf, wrong), wrong, "sha256:", "is not the SHA-256 of 'guest.elf'");
        Files.delete(dir.resolve("guest.elf"));
        String missing = system(sha(elf), "0x80400000", "", "riscv");
        oneProblem(problems(dir, null, missing), missing, "file:", "no such file");
        byte[] text = "not an executable".getBytes();
        String notElf = system(sha(text), "0x80400000", "", "riscv");
        oneProblem(problems(dir, text, notElf), notElf, "file:", "not an ELF file");
        byte[] arm = elf.clone();
        arm[18] = (byte) 183; // e_machine = EM_AARCH64
        String wrongMachine = system(sha(arm), "0x80400000", "", "riscv");
        oneProblem(problems(dir, arm, wrongMachine), wrongMachine, "file:", "machine");
        byte[] elf32 = elf.clone();
        elf32[4] = 1; // ELFCLASS32
        String wrongClass = system(sha(elf32), "0x80400000", "", "riscv");
        oneProblem(problems(dir, elf32, wrongClass), wrongClass, "file:", "ELFCLASS64");
    }

    // [utest->dsn~config.workload.elf~1]
    @Test
    void segmentsOutsideThePartitionsMemoryAndAnImageOrOtherEntryAreRefused(@TempDir Path dir) throws Exception {
        byte[] elf = Files.readAllBytes(ELF);
        String elsewhere = system(sha(elf), "0x81000000", "", "riscv");
        List<Problem> ps = problems(dir, elf, elsewhere);
        assertTrue(ps.stream().anyMatch(p -> p.toString().contains("segment 0 of 'guest.elf' (0x80400000")
                && p.toString().contains("is not inside one of the memory regions")), ps.toString());
        String image = system(sha(elf), "0x80400000", "    image: {size: 4KiB}\n", "riscv");
        oneProblem(problems(dir, elf, image), image, "image:", "brings its own golden image");
        String entry = system(sha(elf), "0x80400000", "    entry: 0x80400100\n", "riscv");
        oneProblem(problems(dir, elf, entry), entry, "entry:", "is not the entry point 0x80400000");
    }

    // [utest->dsn~config.workload.elf~1]
    @Test
    void armAndX86SayElfIsNotYetSupported(@TempDir Path dir) throws Exception {
        byte[] elf = Files.readAllBytes(ELF);
        for (String target : new String[] {"arm", "x86"}) {
            String text = system(sha(elf), "0x80400000", "", target);
            List<Problem> ps = problems(dir, elf, text);
            assertTrue(ps.stream().anyMatch(p -> p.toString().contains("kind: elf is not yet supported on target '"
                    + target + "'") && p.toString().contains(":" + Fixtures.lineOf(text, "kind: elf") + ":")),
                    ps.toString());
        }
    }
}
