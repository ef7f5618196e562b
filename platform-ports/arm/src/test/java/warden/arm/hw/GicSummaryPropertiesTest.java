package warden.arm.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GicState#highestPending} (which visits only each PE's candidate INTIDs) against the full
 * walk over every INTID that it replaces, re-derived here, after every step of random sequences of
 * register writes (enable, pending, active, group, group modifier, priority, IROUTER, GICD_CTLR),
 * device raises and levels, and acknowledges and ends of interrupt through the CPU interfaces.
 */
class GicSummaryPropertiesTest {
    private static final int STEPS = 300;

    @Provide
    Arbitrary<Integer> intidCounts() {
        return Arbitraries.of(64, 128, 1024);
    }

    /** The walk the summary replaces: every INTID as {@code pe} sees it. */
    private static int walk(GicState s, int pe, int groupMask) {
        int best = GicState.SPURIOUS;
        int bestPrio = 0x100;
        for (int id = 0; id < s.intids(); id++) {
            int k = s.slot(pe, id);
            if (!s.pending[k] || !s.enabled[k] || s.active[k] || s.priority[k] >= bestPrio) {
                continue;
            }
            int g = s.group(k);
            if ((groupMask & (1 << g)) == 0 || !s.groupEnabled(g) || (id >= GicState.PRIVATE && s.route[k] != pe)) {
                continue;
            }
            best = id;
            bestPrio = s.priority[k];
        }
        return best;
    }

    /** The signal the CPU interface's rule gives from the walk: mask, running priority, group. */
    private static int signalByWalk(GicState s, GicCpuInterface cpu, int pe, int peState) {
        int mask = (cpu.igrpen0() ? 1 << GicGroups.GROUP0 : 0) | (cpu.igrpen1(false) ? 1 << GicGroups.GROUP1_SECURE : 0)
                | (cpu.igrpen1(true) ? 1 << GicGroups.GROUP1_NONSECURE : 0);
        int id = walk(s, pe, mask);
        if (id == GicState.SPURIOUS) {
            return -1;
        }
        int p = s.priority(pe, id);
        if (p >= cpu.readPmr(false) || (p >>> 3) >= (cpu.runningPriority() >>> 3)) {
            return -1;
        }
        return GicGroups.signal(s.groupOf(pe, id), peState);
    }

    // [utest->dsn~arm.gic.candidate-summary~1] [utest->dsn~arm.gic.state~1] [utest->dsn~arm.gic.ack~1]
    @Property(seed = "17", tries = 40)
    void highestPendingAnswersAsTheFullWalkAfterEveryOperation(
            @ForAll("intidCounts") int intids, @ForAll long seed) {
        Random rnd = new Random(seed);
        int pes = 1 + rnd.nextInt(4);
        GicState s = new GicState(intids, pes);
        GicCpuInterface[] cpus = new GicCpuInterface[pes];
        for (int p = 0; p < pes; p++) {
            cpus[p] = new GicCpuInterface(s, p);
            cpus[p].writePmr(0xF8, false);
            cpus[p].writeIgrpen0(true);
            cpus[p].writeIgrpen1(false, true);
            cpus[p].writeIgrpen1(true, true);
        }
        s.setCtlr(s.ctlr() | 7);
        int hot = Math.min(intids, 40 + rnd.nextInt(40)); // INTIDs the sequence touches most
        int[] peStates = new int[pes];
        for (int step = 0; step < STEPS; step++) {
            int pe = rnd.nextInt(pes);
            int id = rnd.nextInt(5) == 0 ? rnd.nextInt(intids) : rnd.nextInt(hot);
            int k = s.slot(pe, id);
            boolean on = rnd.nextBoolean();
            switch (rnd.nextInt(17)) {
                case 14 -> cpus[pe].writePmr(rnd.nextInt(256), rnd.nextInt(4) == 0);
                case 15 -> cpus[pe].writeIgrpen0(rnd.nextInt(4) != 0);
                case 16 -> cpus[pe].writeIgrpen1(on, rnd.nextInt(4) != 0);
                case 0 -> s.setEnabled(k, on || rnd.nextBoolean());
                case 1 -> s.setPending(k, on);
                case 2 -> s.setActive(k, on && rnd.nextBoolean());
                case 3 -> s.setRoute(k, rnd.nextInt(pes));
                case 4 -> s.setPriority(k, rnd.nextInt(256) & 0xF8);
                case 5 -> s.setGroupBit(k, on);
                case 6 -> s.setModBit(k, on);
                case 7 -> s.setCtlr((s.ctlr() & ~7) | rnd.nextInt(8));
                case 8, 9 -> s.raise(pe, id);
                case 10 -> s.level(pe, rnd.nextInt(GicState.PRIVATE), on);
                case 11 -> cpus[pe].acknowledge0(rnd.nextBoolean() ? 3 : 1);
                case 12 -> cpus[pe].acknowledge1(on);
                case 13 -> {
                    int group = rnd.nextInt(3);
                    if (group == 0) {
                        cpus[pe].endOfInterrupt0(id);
                    } else {
                        cpus[pe].endOfInterrupt1(group == 2, id);
                    }
                }
            }
            for (int p = 0; p < pes; p++) {
                for (int mask = 0; mask < 8; mask++) {
                    assertEquals(walk(s, p, mask), s.highestPending(p, mask),
                            "PE " + p + " mask " + mask + " step " + step);
                }
                if (rnd.nextInt(20) == 0) {
                    peStates[p] = rnd.nextInt(3); // a PE mostly asks in the same state, as a running guest does
                }
                for (int again = 0; again < 2; again++) {
                    assertEquals(signalByWalk(s, cpus[p], p, peStates[p]), cpus[p].signal(peStates[p]),
                            "signal of PE " + p + " in state " + peStates[p] + " step " + step);
                }
            }
        }
    }
}
