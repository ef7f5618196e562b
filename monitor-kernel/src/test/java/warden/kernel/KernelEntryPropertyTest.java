package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecords;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.VcpuState;

/**
 * A hostile caller at every kernel entry point: random sequences of monitor calls (any call id, six
 * random 64-bit arguments), access faults and illegal instructions at random addresses, external
 * interrupts and timer expiries, on any core id (out-of-range ones included), with time moving on.
 * After every entry the kernel's invariants are checked: a status code came back; partition and
 * vCPU states are valid; each core runs one of its own partitions, the one the port has bound, and
 * the critical partition whenever it is ready; no memory changed except the calling partition's own
 * (only EVENT_READ writes there) or a restarted partition's (its golden image); the monitor's memory
 * never; counters never go back; the event log's window is consistent and every access fault of a
 * running partition is counted and logged with its address and access.
 */
class KernelEntryPropertyTest {
    static final int CALL = 0;
    static final int ACCESS_FAULT = 1;
    static final int ILLEGAL = 2;
    static final int EXTERNAL = 3;
    static final int TIMER = 4;
    static final int SAMPLE = 256;
    static final long[] RAM = {Images.RTOS_RAM, Images.LINUX_RAM};

    /** rtos (ASIL-C, core 0) and linux (QM, cores 0 and 1, privileged: it may read the event log). */
    static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 5_000_000, false);
        b.region(rtos, Images.RTOS_RAM, 0x40_0000L, Access.ALL);
        b.device(rtos, "can0", 0x1001_0000L, 0x1000);
        b.line(rtos, Images.CAN_LINE, 0, 7);
        int linux = b.partition("linux", Criticality.QM, 0b11, Images.LINUX_RAM, 0, true);
        b.region(linux, Images.LINUX_RAM, 0x100_0000L, Access.ALL);
        b.device(linux, "nic0", 0x1002_0000L, 0x1000);
        b.line(linux, Images.NIC_LINE, 0, 1);
        return b.build();
    }

    /** What is compared from one entry to the next. */
    static final class Before {
        final byte[][] ram = new byte[2][SAMPLE];
        final long[] counters = new long[Counter.COUNT];
        final int[] restarts = new int[2];
        long sequence;
        long accessFaults;
    }

    // [utest->req~kernel.entry-properties~1]
    @Property(seed = "20261206") // tries: jqwik.tries.default (300; fewer under PIT)
    void everyEntryWithAnyArgumentsKeepsTheKernelConsistent(@ForAll("entries") List<long[]> entries) {
        FakePlatform f = new FakePlatform(2);
        for (long base : RAM) {
            f.addRam(base, SAMPLE);
        }
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(image()));
        m.start();
        byte[] monitorMemory = f.memory.clone();
        Before before = new Before();
        for (long[] e : entries) {
            snapshot(f, m, before);
            int caller = e[1] >= 0 && e[1] < 2 ? m.running((int) e[1]) : -1;
            int status = enter(f, m, e);
            assertNotEquals("?", Status.name(status), "entry " + describe(e) + " returned " + status);
            check(f, m, e, caller, before);
            assertArrayEquals(monitorMemory, f.memory, "the monitor's memory changed at " + describe(e));
        }
    }

    private static int enter(FakePlatform f, Monitor m, long[] e) {
        int core = (int) e[1];
        for (int c = 0; c < 2; c++) {
            f.now[c] += e[2];
        }
        System.arraycopy(e, 4, f.args, 0, 6);
        switch ((int) e[0]) {
            case CALL:
                return m.onMonitorCall(core, (int) e[3]);
            case ACCESS_FAULT:
                return m.onAccessFault(core, (int) (e[3] & 7), e[4]);
            case ILLEGAL:
                return m.onIllegalInstruction(core, e[4]);
            case EXTERNAL:
                f.pending[(e[3] & 1) == 0 ? Images.CAN_LINE : Images.NIC_LINE] = true;
                return m.onExternalInterrupt(core);
            default:
                return m.onTimer(core);
        }
    }

    private static void snapshot(FakePlatform f, Monitor m, Before b) {
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < SAMPLE; i++) {
                b.ram[p][i] = (byte) f.readByte(RAM[p] + i);
            }
            b.restarts[p] = m.restarts(p);
        }
        for (int i = 0; i < Counter.COUNT; i++) {
            b.counters[i] = m.counter(i);
        }
        b.sequence = m.eventRecords().sequence();
        b.accessFaults = m.counter(Counter.ACCESS_FAULTS);
    }

    private static void check(FakePlatform f, Monitor m, long[] e, int caller, Before b) {
        String at = describe(e);
        for (int p = 0; p < 2; p++) {
            int st = m.partitionState(p);
            assertTrue(st == PartitionState.BOOTING || st == PartitionState.RUNNING || st == PartitionState.STOPPED,
                    "partition " + p + " state " + st + " after " + at);
            for (int c = 0; c < 2; c++) {
                int v = m.vcpuState(p, c);
                assertTrue(v >= VcpuState.NONE && v <= VcpuState.STOPPED, "vCPU state " + v + " after " + at);
            }
            boolean mayWrite = (p == caller && e[0] == CALL && (int) e[3] == MonitorCall.EVENT_READ)
                    || m.restarts(p) != b.restarts[p];
            for (int i = 0; i < SAMPLE && !mayWrite; i++) {
                assertEquals(b.ram[p][i], (byte) f.readByte(RAM[p] + i), "partition " + p + "'s memory at +" + i
                        + " changed by " + at + " from partition " + caller);
            }
        }
        scheduling(f, m, at);
        for (int i = 0; i < Counter.COUNT; i++) {
            assertTrue(m.counter(i) >= b.counters[i], "counter " + Counter.name(i) + " went back at " + at);
        }
        log(m, e, caller, b, at);
    }

    /** Each core runs one of its own partitions, the one the port bound, the critical one when it is ready. */
    private static void scheduling(FakePlatform f, Monitor m, String at) {
        assertTrue(m.running(0) >= -1 && m.running(0) <= 1, "core 0 runs " + m.running(0) + " after " + at);
        assertTrue(m.running(1) == -1 || m.running(1) == 1, "core 1 runs only linux, after " + at);
        for (int c = 0; c < 2; c++) {
            assertEquals(m.running(c), f.bound[c], "the port runs what the kernel says on core " + c + ", " + at);
        }
        if (!m.inSafeState() && m.vcpuState(0, 0) == VcpuState.READY) {
            assertEquals(0, m.running(0), "a ready critical partition runs at once, after " + at);
        }
    }

    private static void log(Monitor m, long[] e, int caller, Before b, String at) {
        EventRecords log = m.eventRecords();
        assertTrue(log.sequence() >= b.sequence, "the log's sequence went back at " + at);
        assertTrue(log.oldest() <= log.sequence() && log.oldest() >= 0, "log window after " + at);
        for (long s = Math.max(log.oldest(), b.sequence); s < log.sequence(); s++) {
            assertNotEquals("?", EventKind.name(log.kind(s)), "record " + s + " kind " + log.kind(s) + " at " + at);
            assertTrue(log.partition(s) >= -1 && log.partition(s) < 2, "record " + s + " partition, " + at);
            assertTrue(log.core(s) >= -1 && log.core(s) < 2, "record " + s + " core, " + at);
        }
        if (e[0] == ACCESS_FAULT && caller >= 0) {
            assertEquals(b.accessFaults + 1, m.counter(Counter.ACCESS_FAULTS), "access fault counted, " + at);
            boolean logged = false;
            for (long s = Math.max(log.oldest(), b.sequence); s < log.sequence(); s++) {
                logged |= log.kind(s) == EventKind.ACCESS_VIOLATION && log.partition(s) == caller
                        && log.a(s) == e[4] && log.b(s) == (e[3] & 7);
            }
            assertTrue(logged, "access fault logged with its address and access, " + at);
        } else if (e[0] == ACCESS_FAULT) {
            assertEquals(b.accessFaults, m.counter(Counter.ACCESS_FAULTS), "no partition runs: not counted, " + at);
        }
    }

    private static String describe(long[] e) {
        String[] kinds = {"call", "access-fault", "illegal", "external", "timer"};
        return kinds[(int) e[0]] + " core " + e[1] + " +" + e[2] + "ns id " + e[3] + " args 0x"
                + Long.toHexString(e[4]) + ", 0x" + Long.toHexString(e[5]);
    }

    /**
     * A 64-bit argument: small (a sequence number, a core, a failure code), an address near a
     * partition's RAM or the monitor, or anything.
     */
    static Arbitrary<Long> argument() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-2, 8),
                Arbitraries.longs().between(-2, 64),
                Arbitraries.of(Images.RTOS_RAM, Images.LINUX_RAM, Images.MON, Images.LINUX_RAM + SAMPLE - 8)
                        .flatMap(base -> Arbitraries.longs().between(-16, SAMPLE).map(off -> base + off)),
                Arbitraries.longs());
    }

    @Provide
    Arbitrary<List<long[]>> entries() {
        Arbitrary<Long> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just((long) CALL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((long) ACCESS_FAULT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((long) ILLEGAL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((long) EXTERNAL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((long) TIMER)));
        Arbitrary<Long> core = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.longs().between(0, 1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1L, 2L, (long) Integer.MAX_VALUE)));
        Arbitrary<Long> id = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(-3, MonitorCall.COUNT + 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(i -> (long) i)));
        Arbitrary<long[]> args = argument().array(long[].class).ofSize(6);
        Arbitrary<long[]> one = Combinators.combine(kind, core, Arbitraries.longs().between(0, 2_000_000), id, args)
                .as((k, c, dt, i, a) -> {
                    long[] e = new long[10];
                    e[0] = k;
                    e[1] = c;
                    e[2] = dt;
                    e[3] = i;
                    System.arraycopy(a, 0, e, 4, 6);
                    return e;
                });
        return one.list().ofMinSize(1).ofMaxSize(200);
    }
}
