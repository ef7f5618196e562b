package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.Monitor;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.boot.ImageCheck;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.sched.HeldInterrupts;
import warden.kernel.api.VcpuState;

class KernelBootTest {

    // [utest->dsn~kernel.boot~1]
    // [utest->dsn~kernel.phases~1]
    // [utest->dsn~kernel.sched.critical-first~1]
    @Test
    void bootSealsAndStartRunsTheCriticalPartitionFirstOnTheSharedCore() {
        FakePlatform f = new FakePlatform(2);
        Monitor m = Warden.create(f);
        assertEquals(Status.BAD_STATE, m.start(), "no start before boot");
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        assertTrue(m.sealed());
        assertEquals(Status.BAD_STATE, m.boot(Images.shared().build()), "a sealed kernel boots once");
        assertEquals(Status.OK, m.start());
        assertEquals(0, m.running(0), "rtos first on core 0");
        assertEquals(1, m.running(1), "linux alone on core 1");
        assertEquals(0, f.activeSlot[0]);
        assertEquals(Images.RTOS_RAM, f.regs[0][0], "rtos context starts at its entry");
        assertEquals(0, f.lineCore[Images.CAN_LINE]);
    }

    // [utest->dsn~kernel.deny-by-default~1]
    // [utest->dsn~kernel.boot~1]
    @Test
    void eachSlotHoldsExactlyItsPartitionsRegionsAndDevicesAfterTheMonitorIsReserved() {
        FakePlatform f = new FakePlatform(2);
        assertEquals(Status.OK, Warden.create(f).boot(Images.shared().build()));
        java.util.List<String> pu = new java.util.ArrayList<>();
        for (String s : f.log) {
            if (s.startsWith("monitor") || s.startsWith("slot")) {
                pu.add(s);
            }
        }
        assertEquals(java.util.List.of("monitor 80000000+200000", "slot 0 80400000+400000 7", "slot 0 10010000+1000 3",
                "slot 1 81000000+1000000 7", "slot 1 10020000+1000 3"), pu);
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void bootRefusesOverlappingRegionsBetweenPartitions() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(Images.MON, 0x1000);
        int a = b.partition("a", Criticality.QM, 1, 0x9000_0000L, 0, false);
        b.region(a, 0x9000_0000L, 0x2000, Access.READ);
        int c = b.partition("c", Criticality.QM, 1, 0x9000_1000L, 0, false);
        b.region(c, 0x9000_1000L, 0x1000, Access.READ);
        Monitor m = Warden.create(new FakePlatform(1));
        assertEquals(Status.INVALID_PARAM, m.boot(b.build()));
        assertEquals(ImageCheckCode.REGION_OVERLAP, m.imageCheckCode());
        assertEquals(0, m.imageCheck().first());
        assertEquals(1, m.imageCheck().second());
        assertFalse(m.sealed());
    }

    // [utest->dsn~kernel.boot.revalidate~1]
    @Test
    void bootRefusesEachClassOfBadImage() {
        assertCheck(ImageCheckCode.MONITOR_OVERLAP, img(b -> {
            int p = b.partition("p", Criticality.QM, 1, Images.MON, 0, false);
            b.region(p, Images.MON + 0x800, 0x1000, Access.READ);
        }));
        assertCheck(ImageCheckCode.TWO_CRITICAL_ON_CORE, img(b -> {
            int p = b.partition("p", Criticality.ASIL_B, 1, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0x1000, Access.READ);
            int q = b.partition("q", Criticality.ASIL_D, 1, 0x9100_0000L, 0, false);
            b.region(q, 0x9100_0000L, 0x1000, Access.READ);
        }));
        assertCheck(ImageCheckCode.BAD_CORES, img(b -> {
            int p = b.partition("p", Criticality.QM, 0b100, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0x1000, Access.READ);
        }));
        assertCheck(ImageCheckCode.BAD_REGION, img(b -> {
            int p = b.partition("p", Criticality.QM, 1, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0, Access.READ);
        }));
        assertCheck(ImageCheckCode.DUPLICATE_LINE, img(b -> {
            int p = b.partition("p", Criticality.QM, 1, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0x1000, Access.READ);
            b.line(p, 5, 0, 1);
            b.line(p, 5, 0, 1);
        }));
        assertCheck(ImageCheckCode.BAD_LINE, img(b -> {
            int p = b.partition("p", Criticality.QM, 1, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0x1000, Access.READ);
            b.line(p, 5, 1, 1);
        }));
        assertCheck(ImageCheckCode.DEVICE_OVERLAP, img(b -> {
            int p = b.partition("p", Criticality.QM, 1, 0x9000_0000L, 0, false);
            b.region(p, 0x9000_0000L, 0x1000, Access.READ);
            b.device(p, "d", 0x9000_0800L, 0x100);
        }));
        assertCheck(ImageCheckCode.NO_PARTITIONS, SystemImage.builder(2).monitor(Images.MON, 0x1000).build());
    }

    // [utest->dsn~kernel.boot~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void bootFailsWhenTheProtectionUnitRunsOutOfEntries() {
        FakePlatform f = new FakePlatform(2);
        f.regionsPerSlot = 1;
        Monitor m = Warden.create(f);
        assertEquals(Status.NO_SPACE, m.boot(Images.shared().build()), "region + device need two entries");
        assertFalse(m.sealed());
    }

    // [utest->dsn~kernel.boot~1]
    // [utest->dsn~kernel.phases~1]
    @Test
    void bootTakesAnImageWithEveryPartitionAndPreparesEachVcpuOnItsOwnCoreOnly() {
        int cores = SystemImage.PARTITIONS_MAX / ImageCheck.PARTITIONS_PER_CORE_MAX;
        SystemImageBuilder b = SystemImage.builder(cores).monitor(Images.MON, 0x1000);
        for (int i = 0; i < SystemImage.PARTITIONS_MAX; i++) {
            int p = b.partition("p" + i, Criticality.QM, 1 << (i % cores), ram(i), 0, false);
            b.region(p, ram(i), 0x1000, Access.ALL);
        }
        int last = SystemImage.PARTITIONS_MAX - 1;
        int lastCore = last % cores;
        b.line(last, 100, lastCore, 1);
        FakePlatform f = new FakePlatform(cores);
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(b.build()));
        assertTrue(m.sealed());
        java.util.List<String> slots = new java.util.ArrayList<>();
        for (String s : f.log) {
            if (s.startsWith("slot")) {
                slots.add(s);
            }
        }
        assertEquals(SystemImage.PARTITIONS_MAX, slots.size(), "one slot per partition");
        assertEquals("slot " + last + " " + Long.toHexString(ram(last)) + "+1000 7", slots.get(last));
        for (int p = 0; p < SystemImage.PARTITIONS_MAX; p++) {
            for (int c = 0; c < cores; c++) {
                assertEquals(c == p % cores ? VcpuState.READY : VcpuState.NONE, m.vcpuState(p, c),
                        "p" + p + " core " + c);
            }
        }
        assertEquals(Status.OK, m.start());
        for (int c = 0; c < cores; c++) {
            assertEquals(c, m.running(c), "the lowest index of equals runs first");
            assertEquals(ram(c), f.regs[c][0], "its context starts at its entry");
        }
        // the last vCPU's hold FIFO, allocated at boot, takes PENDING_MAX interrupts
        for (int i = 0; i < HeldInterrupts.PENDING_MAX; i++) {
            f.pending[100] = true;
            assertEquals(Status.OK, m.onExternalInterrupt(lastCore));
        }
        assertEquals(lastCore, m.running(lastCore));
        assertEquals(HeldInterrupts.PENDING_MAX, m.heldInterrupts(last, lastCore));
        assertEquals(0, m.counter(Counter.PENDING_OVERFLOWS));
    }

    private static long ram(int partition) {
        return 0x9000_0000L + partition * 0x1000L;
    }

    private interface Fill {
        void fill(SystemImageBuilder b);
    }

    private static SystemImage img(Fill fill) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x1000);
        fill.fill(b);
        return b.build();
    }

    private static void assertCheck(int expected, SystemImage image) {
        Monitor m = Warden.create(new FakePlatform(2));
        assertEquals(Status.INVALID_PARAM, m.boot(image));
        assertEquals(ImageCheckCode.name(expected), ImageCheckCode.name(m.imageCheckCode()));
    }
}
