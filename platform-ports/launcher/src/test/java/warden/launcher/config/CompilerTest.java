package warden.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;

/** The compiler turns a valid description into the SystemImage the kernel boots. */
class CompilerTest {

    // [utest->dsn~config.compile~1]
    @Test
    void shouldCompileEveryTableOfTheFullFixture() {
        SystemImage img = ImageCompiler.compile(Fixtures.load(Fixtures.FULL), FakeTarget.RISCV);
        assertEquals(4, img.coreCount());
        assertEquals(0x80000000L, img.monitorBase());
        assertEquals(2L << 20, img.monitorSize());
        assertEquals(3, img.partitionCount());
        assertEquals("rtos", img.name(0));
        assertEquals(Criticality.ASIL_C, img.criticality(0));
        assertEquals(0b0111, img.coreMask(1));
        assertEquals(0x80401000L, img.entry(0));
        assertEquals(5_000_000L, img.watchdogNs(0));
        assertEquals(true, img.privileged(0));
        assertEquals(Integer.parseInt(Fixtures.FULL_DIGEST.substring(62), 16), img.digestByte(0, 31));
        assertEquals(1024, img.imageSize(0));
        assertEquals(0x80401000L, img.imageLoad(0));
        assertEquals(0x80100000L, img.imageStore(0), "the store starts in the upper half of the 2 MiB monitor memory");
        assertEquals(0x80101000L, img.imageStore(1), "the next image at the next 4 KiB boundary");
        assertEquals(2, img.regionCount(0));
        int data = img.region(0, 1);
        assertEquals(0x80410000L, img.regionBase(data));
        assertEquals(Access.READ | Access.WRITE, img.regionPerms(data));
        assertEquals(4, img.deviceTotal());
        assertEquals("can0", img.deviceName(1));
        assertEquals(0x10010000L, img.deviceBase(1));
        assertEquals(0x1000L, img.deviceSize(1));
        assertEquals(0, img.deviceOwner(1));
    }

    // [utest->dsn~config.compile~1]
    // [utest->dsn~config.defaults~1]
    @Test
    void shouldRouteDeviceLinesByDefaultAndApplyOverrides() {
        SystemImage img = ImageCompiler.compile(Fixtures.load(Fixtures.FULL), FakeTarget.RISCV);
        assertEquals(0, img.lineOwner(20));
        assertEquals(6, img.linePriority(20)); // override
        assertEquals(7, img.linePriority(11)); // critical default
        assertEquals(1, img.lineOwner(30));
        assertEquals(0, img.lineCore(30)); // first core of linux
        assertEquals(1, img.linePriority(30)); // QM default
        assertEquals(SystemImage.NO_PARTITION, img.lineOwner(21));
        assertEquals(0, img.duplicateLine());
    }

    // [utest->dsn~config.compile~1]
    @Test
    void shouldUseThePlatformMonitorWhenTheDescriptionHasNone() {
        SystemImage img = ImageCompiler.compile(Fixtures.load(Fixtures.MINIMAL), FakeTarget.RISCV);
        assertEquals(0x80000000L, img.monitorBase());
        assertEquals(2L << 20, img.monitorSize());
        assertEquals(0b0010, img.coreMask(0));
        assertEquals(PartitionReader.sha256(ImageSpec.generated("solo", ImageSpec.DEFAULT_SIZE))[0] & 0xff,
                img.digestByte(0, 0));
    }
}
