package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.VcpuState;

/**
 * Random event sequences against the scheduler: interrupts for both partitions, timer expiries,
 * yields and timer settings, with time moving on. After every event: the critical partition never
 * waits behind the rich OS, every interrupt reaches its owner or is held for it (none lost), held
 * interrupts arrive in the order they were raised, and a core only ever runs its own partitions.
 */
class SchedulerPropertyTest {
    private static final int RAISE_CAN = 0;
    private static final int RAISE_NIC = 1;
    private static final int YIELD = 2;
    private static final int SET_TIMER = 3;
    private static final int TICK = 4;

    // [utest->dsn~kernel.sched.critical-first~1]
    // [utest->dsn~kernel.sched.hold~1]
    // [utest->dsn~kernel.irq.route~1]
    // [utest->dsn~kernel.world-switch~1]
    @Property(seed = "20261125") // tries: jqwik.tries.default (300; fewer under PIT)
    void criticalNeverWaitsAndNoInterruptIsLost(@ForAll("events") List<int[]> events) {
        FakePlatform f = new FakePlatform(2);
        Monitor m = Warden.create(f);
        assertEquals(Status.OK, m.boot(Images.shared().build()));
        m.start();
        List<Integer> raisedFor0 = new ArrayList<>();
        List<Integer> raisedFor1 = new ArrayList<>();
        for (int[] e : events) {
            apply(f, m, e, raisedFor0, raisedFor1);
            check(f, m, raisedFor0, raisedFor1);
        }
    }

    private static void apply(FakePlatform f, Monitor m, int[] e, List<Integer> r0, List<Integer> r1) {
        int core = e[1];
        f.now[0] += e[2];
        f.now[1] += e[2];
        switch (e[0]) {
            case RAISE_CAN:
                f.pending[Images.CAN_LINE] = true;
                r0.add(Images.CAN_LINE);
                m.onExternalInterrupt(0);
                break;
            case RAISE_NIC:
                f.pending[Images.NIC_LINE] = true;
                r1.add(Images.NIC_LINE);
                m.onExternalInterrupt(0);
                break;
            case YIELD:
                if (m.running(core) >= 0) {
                    m.onMonitorCall(core, MonitorCall.YIELD);
                }
                break;
            case SET_TIMER:
                if (m.running(core) >= 0) {
                    f.args[0] = f.now[core] + e[3];
                    m.onMonitorCall(core, MonitorCall.SET_TIMER);
                }
                break;
            default:
                if (f.deadline[core] <= f.now[core]) {
                    m.onTimer(core);
                }
                break;
        }
    }

    private static void check(FakePlatform f, Monitor m, List<Integer> raisedFor0, List<Integer> raisedFor1) {
        if (m.vcpuState(0, 0) == VcpuState.READY) {
            assertEquals(0, m.running(0), "a ready critical partition runs at once");
        }
        assertTrue(m.running(1) == 1 || m.running(1) == -1, "core 1 runs only linux");
        assertEquals(m.running(0), f.bound[0], "the port runs what the kernel says");
        List<Integer> to0 = new ArrayList<>();
        List<Integer> to1 = new ArrayList<>();
        for (int[] d : f.delivered) {
            if (d[2] == 0) {
                continue;
            }
            assertEquals(d[2] == Images.CAN_LINE ? 0 : 1, d[1], "delivered to the line's owner");
            (d[1] == 0 ? to0 : to1).add(d[2]);
        }
        assertEquals(raisedFor0.size(), to0.size() + m.heldInterrupts(0, 0), "rtos: none lost");
        assertEquals(raisedFor1.size(), to1.size() + m.heldInterrupts(1, 0), "linux: none lost");
        if (m.running(0) == 1) {
            assertEquals(0, m.heldInterrupts(1, 0), "nothing stays held for a running partition");
        }
    }

    @Provide
    Arbitrary<List<int[]>> events() {
        Arbitrary<int[]> one = Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3_000),
                Arbitraries.integers().between(1, 10_000))
            .as((kind, core, dt, delay) -> new int[] {kind, core, dt, delay});
        return one.list().ofMinSize(1).ofMaxSize(200);
    }
}
