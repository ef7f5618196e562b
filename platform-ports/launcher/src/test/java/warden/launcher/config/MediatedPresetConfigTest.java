package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.kernel.api.SystemImage;

/**
 * An access-control entry's preset: compiled into the image, refused at its field when its entry
 * could not write it, and at most one per register.
 */
class MediatedPresetConfigTest {
    private static final String GOOD = """
            mediated:
              - device: can0
                acl:
                  - {partition: linux, register: MB2_ID, access: w, range: [0x600, 0x6FF], preset: 0x600}
                  - {partition: linux, register: TXREQ, access: w, mask: 0x4, rate: 100/1s}
                  - {partition: linux, register: MB2_DLC, access: rw, range: [0, 8], preset: 8}
            """;

    private static String with(String mediated) {
        return Fixtures.FULL + mediated;
    }

    /** @return the one problem of the description with {@code mediated}, as "path: message". */
    private static String only(String mediated) {
        List<Problem> ps = Fixtures.validate(with(mediated));
        assertEquals(1, ps.size(), ps::toString);
        return ps.get(0).path() + ": " + ps.get(0).message();
    }

    // [utest->dsn~config.mediated-preset~1]
    @Test
    void presetsCompileIntoTheImageAndEntriesWithoutOneHaveNone() {
        assertEquals(List.of(), Fixtures.validate(with(GOOD)));
        SystemImage img = ImageCompiler.compile(Fixtures.load(with(GOOD)), FakeTarget.riscv().description());
        assertEquals(0x600, img.aclPreset(0));
        assertEquals(-1, img.aclPreset(1));
        assertEquals(8, img.aclPreset(2));
    }

    // [utest->dsn~config.mediated-preset~1]
    @Test
    void aPresetItsEntryCouldNotWriteIsRefusedAtIt() {
        String low = GOOD.replace("preset: 0x600", "preset: 9");
        assertEquals("mediated[0].acl[0].preset: preset 0x9 is not a value the entry allows (mask 0xffffffff,"
                + " range [0x600, 0x6ff])", only(low));
        String mask = GOOD.replace("{partition: linux, register: TXREQ, access: w, mask: 0x4, rate: 100/1s}",
                "{partition: linux, register: TXREQ, access: w, mask: 0x4, rate: 100/1s, preset: 9}");
        assertEquals("mediated[0].acl[1].preset: preset 0x9 is not a value the entry allows (mask 0x4,"
                + " range [0x0, 0xffffffff])", only(mask));
        String high = GOOD.replace("preset: 8}", "preset: 9}");
        assertTrue(only(high).startsWith("mediated[0].acl[2].preset: preset 0x9 is not"), "above the range");
        String reads = GOOD.replace("{partition: linux, register: TXREQ, access: w, mask: 0x4, rate: 100/1s}",
                "{partition: linux, register: 0x24, access: r, preset: 9}");
        assertEquals("mediated[0].acl[1].preset: a preset is written to the register at boot for an entry that"
                + " writes, but this entry only reads (access: r)", only(reads));
        String huge = GOOD.replace("preset: 0x600", "preset: 0x1_0000_0000");
        assertEquals("mediated[0].acl[0].preset", Fixtures.problems(with(huge)).get(0).path(), "the loader");
    }

    // [utest->dsn~config.mediated-preset~1]
    @Test
    void aSecondPresetOfOneRegisterIsRefusedNamingTheFirst() {
        String two = GOOD + "      - {partition: probe, register: MB2_ID, access: w, preset: 0x601}\n";
        String p = only(two);
        assertTrue(p.startsWith("mediated[0].acl[3].preset: register 0x70 already has preset 0x600 at"
                + " mediated[0].acl[0] (line ")
                && p.endsWith(": one preset per register"), p);
        assertEquals(List.of(), Fixtures.validate(with(two.replace(", preset: 0x601", ""))), "no second preset");
    }
}
