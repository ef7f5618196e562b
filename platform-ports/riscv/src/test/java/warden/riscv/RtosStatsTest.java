package warden.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.riscv.cpu.ElfImage;

/** The Warden RTOS's statistics block as the port reads it (layout of guests/riscv/src/rtos.h). */
class RtosStatsTest {
    private static final long AT = 0x807F_F000L;
    private static final long HZ = 10_000_000L;

    private final Bus bus = new Bus();

    RtosStatsTest() {
        bus.addRam(new PhysicalMemory(0x8040_0000L, 0x40_0000L));
    }

    private void put(int offset, long value) {
        assertEquals(Bus.OK, bus.write(AT + offset, 8, value, 0));
    }

    /** A valid block: one task "control", 1 ms period and deadline, 150 us, at tick time {@code next}. */
    private void block(long jobs, long misses, long worst, long next, long release, boolean active) {
        put(0, RtosStats.MAGIC);
        put(8, 1L | 1L << 32);
        put(16, HZ);
        put(24, 2);
        put(32, 30_010);
        put(40, 1);
        put(48, 96);
        put(56, 49);
        put(64, 49);
        put(72, 97);
        put(80, 0);
        put(128, 0x6c6f72746e6f63L); // "control", NUL-padded
        put(136, 0);
        put(144, 10_000);
        put(152, 10_000);
        put(160, 1_500);
        put(168, jobs);
        put(176, misses);
        put(184, worst);
        put(192, next);
        put(200, release);
        put(208, active ? 1 : 0);
    }

    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void readsTheBinarysOwnFiguresInNanoseconds() {
        block(96, 0, 1_512, 1_000_000, 990_000, false);
        RtosStats s = RtosStats.read(bus, AT, 100_000_000L);
        assertEquals(HZ, s.timebaseHz());
        assertEquals(2, s.boots());
        assertEquals(3_001_000L, s.bootDoneNs());
        assertEquals(List.of(new RtosStats.Task("control", 1_000_000L, 1_000_000L, 150_000L, 96, 0, 151_200L)),
                s.tasks());
        assertEquals(96, s.ticks());
        assertEquals(49, s.canIrqs());
        assertEquals(49, s.canFrames());
        assertEquals(97, s.selftests());
        assertEquals(0, s.selftestFailures());
        assertEquals(0, s.totalMisses());
        assertEquals(151_200L, s.worstResponseNs());
    }

    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void theEndOfTheRunCountsReleasesNotTakenAndJobsPastTheirDeadlineAsTheModelDoes() {
        // the job released at 96 ms still active, the RTOS down since: the releases at 97, 98 and 99 ms are
        // jobs, the 96 ms job abandoned at 97 and the 97 and 98 ms jobs superseded are misses
        block(93, 0, 1_512, 970_000, 960_000, true);
        RtosStats.Task t = RtosStats.read(bus, AT, 100_000_000L).tasks().get(0);
        assertEquals(96, t.jobs());
        assertEquals(1 + 2, t.misses(), "the job active from 96 ms abandoned at 97, 97 and 98 superseded");
        block(96, 0, 1_512, 1_000_000, 990_000, true); // active since 99 ms at the end of 100 ms
        assertEquals(0, RtosStats.read(bus, AT, 100_000_000L).totalMisses(), "its deadline is the end itself");
        assertEquals(1, RtosStats.read(bus, AT, 100_000_001L).totalMisses(), "past its deadline");
        assertEquals(RtosStats.read(bus, AT, 100_000_000L).tasks().get(0).jobs(), 96);
    }

    // [utest->dsn~guest.rtos.stats~1]
    // [utest->dsn~guest.rtos.channels~1]
    @Test
    void readsItsChannelEndsCounts() {
        block(96, 0, 1_512, 1_000_000, 990_000, false);
        put(88, 2);
        int at = 128 + 8 * 96;
        put(at, 0);
        put(at + 8, 1); // sender
        for (int w = 21; w <= 29; w++) {
            put(at + 8 * w, w); // sent .. worst latency
        }
        put(at + 320, 1);
        put(at + 320 + 8, 2); // receiver
        for (int v = 0; v < RtosStats.VERDICTS; v++) {
            put(at + 320 + 8 * (30 + v), 100 + v);
        }
        RtosStats s = RtosStats.read(bus, AT, 100_000_000L);
        assertEquals(new RtosStats.Channel(0, true, 21, 22, 23, 24, 25, 27, 29, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L,
                0L, 0L)), s.channel(0));
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L), s.channel(1).verdicts());
        assertEquals(false, s.channel(1).sender());
        assertNull(s.channel(2));
        put(88, 5);
        assertNull(RtosStats.read(bus, AT, 1), "5 channel ends");
    }

    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void anInvalidOrUnreadableBlockGivesNoFigures() {
        assertNull(RtosStats.read(bus, AT, 1), "zeroed memory: no magic");
        block(1, 0, 0, 0, 0, false);
        put(8, 2L | 1L << 32);
        assertNull(RtosStats.read(bus, AT, 1), "version 2");
        put(8, 1L | 9L << 32);
        assertNull(RtosStats.read(bus, AT, 1), "9 tasks");
        put(8, 1L | 1L << 32);
        put(16, 0);
        assertNull(RtosStats.read(bus, AT, 1), "no timebase");
        assertNull(RtosStats.read(bus, 0x1000L, 1), "not memory");
        assertNull(RtosStats.read(bus, 0x8080_0000L - 8, 1), "runs past the end of memory");
    }

    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void ticksBecomeNanosecondsWithoutOverflowForAnyRunLength() {
        assertEquals(100L, RtosStats.ns(1, HZ));
        assertEquals(100_000_000_000_000L, RtosStats.ns(1_000_000_000_000L, HZ), "27.8 hours at 10 MHz");
        assertEquals(333_333_333L, RtosStats.ns(1, 3));
    }

    // [utest->dsn~guest.rtos.stats~1]
    @Test
    void theRtosBinaryKeepsItsBlockInItsPartitionOutsideEverySegment() throws Exception {
        ElfImage e = ElfImage.parse(Files.readAllBytes(ElfGuestTest.GUESTS.resolve("bin/rtos.elf")));
        assertEquals(AT, e.rtosStats());
        long[] span = ElfPartition.span(e);
        assertTrue(span[1] <= AT, "the golden image ends at 0x" + Long.toHexString(span[1]) + ", below the block");
        assertTrue(AT + RtosStats.BYTES <= 0x8080_0000L, "inside the 4 MiB partition at 0x80400000");
        ElfImage other = ElfImage.parse(Files.readAllBytes(ElfGuestTest.GUESTS.resolve("bin/sbi-heartbeat.elf")));
        assertEquals(-1, other.rtosStats());
    }
}
