package warden.x86.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import warden.kernel.api.Status;

/**
 * {@link X86InterruptController#smiPending} and {@link X86InterruptController#apicLinePending}
 * (per-core summaries) against the scans over every line that they replace, re-derived here from
 * a model of the redirection entries the test programmed, after every step of random sequences of
 * routes, raises, masks, claims, local APIC acknowledges, EOIs and foreign vectors.
 */
class InterruptSummaryPropertiesTest {
    private static final int STEPS = 400;

    @Provide
    Arbitrary<Integer> lineCounts() {
        return Arbitraries.of(2, 16, 64, 224);
    }

    // [utest->dsn~x86.interrupt-summary~1] [utest->dsn~x86.interrupts~1]
    @Property(seed = "17", tries = 60)
    void summariesAnswerAsTheScansAfterEveryOperation(@ForAll("lineCounts") int lines, @ForAll long seed) {
        Random rnd = new Random(seed);
        int cores = 1 + rnd.nextInt(4);
        LocalApic[] apics = new LocalApic[cores];
        for (int c = 0; c < cores; c++) {
            apics[c] = new LocalApic();
        }
        X86InterruptController irq = new X86InterruptController(lines, apics);
        int[] core = new int[lines];
        int[] mode = new int[lines];
        boolean[] masked = new boolean[lines];
        boolean[] latched = new boolean[lines];
        for (int step = 0; step < STEPS; step++) {
            int line = rnd.nextInt(lines + 1);
            int c = rnd.nextInt(cores);
            switch (rnd.nextInt(9)) {
                case 0 -> {
                    boolean critical = rnd.nextBoolean();
                    if (irq.route(line, c, 1 + rnd.nextInt(3), critical) == Status.OK) {
                        core[line] = c;
                        mode[line] = critical ? X86InterruptController.MODE_SMI : X86InterruptController.MODE_FIXED;
                    }
                }
                case 1, 2 -> {
                    irq.raise(line);
                    if (line >= 1 && line < lines && !masked[line] && mode[line] == X86InterruptController.MODE_SMI) {
                        latched[line] = true;
                    }
                }
                case 3 -> {
                    boolean on = rnd.nextBoolean();
                    if (irq.setEnabled(line, on) == Status.OK) {
                        masked[line] = !on;
                    }
                }
                case 4 -> {
                    irq.guestRunning(c, rnd.nextBoolean());
                    int claimed = irq.claim(c);
                    if (claimed > 0 && latched[claimed] && core[claimed] == c) {
                        latched[claimed] = false;
                    }
                }
                case 5 -> {
                    int v = apics[c].acknowledge();
                    if (v >= LocalApic.LINE_VECTOR_BASE) {
                        irq.taken(c, v - LocalApic.LINE_VECTOR_BASE);
                    }
                }
                case 6 -> apics[c].eoi();
                case 7 -> apics[c].accept(rnd.nextInt(256));
                default -> apics[c].withdraw(rnd.nextInt(256));
            }
            for (int k = 0; k < cores; k++) {
                boolean smi = false;
                boolean fixed = false;
                for (int l = 1; l < lines; l++) {
                    smi |= latched[l] && core[l] == k;
                    fixed |= mode[l] == X86InterruptController.MODE_FIXED && core[l] == k
                            && apics[k].requested(LocalApic.LINE_VECTOR_BASE + l);
                }
                assertEquals(smi, irq.smiPending(k), "SMI on core " + k + " after step " + step);
                assertEquals(fixed, irq.apicLinePending(k), "Fixed line on core " + k + " after step " + step);
            }
        }
    }
}
