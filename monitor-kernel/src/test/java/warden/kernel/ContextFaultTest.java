package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Counter;
import warden.kernel.api.EventKind;
import warden.kernel.api.HealthAction;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/** Saved contexts carry a check value; one that fails it is never restored and fails its partition. */
class ContextFaultTest {
    private FakePlatform f;
    private Monitor m;
    private KernelRig rig;

    private void boot(SystemImageBuilder b) {
        rig = new KernelRig(b);
        f = rig.f;
        m = rig.m;
    }

    private int count(int kind) {
        return rig.count(kind);
    }

    /** Core 0 runs the rtos; it yields, so linux (saved until now) would be restored there. */
    private void rtosYields() {
        assertEquals(0, m.running(0));
        m.onMonitorCall(0, MonitorCall.YIELD);
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void everySingleBitFlipInASavedContextIsDetectedBeforeTheRestore() {
        for (int word = 0; word < FakePlatform.WORDS; word++) {
            for (int bit = 0; bit < 64; bit++) {
                boot(Images.shared());
                f.now[0] = 1_000;
                assertEquals(Status.OK, m.upsetSavedContext(1, 0, word, bit));
                rtosYields();
                assertLinuxRestartedFresh("word " + word + " bit " + bit);
            }
        }
    }

    /** Linux's saved context on core 0 failed its check once: it was restarted in the same entry and runs there. */
    private void assertLinuxRestartedFresh(String what) {
        assertEquals(1, m.counter(Counter.CONTEXT_FAULTS), what);
        assertEquals(1, count(EventKind.CONTEXT_CORRUPT));
        assertEquals(1, m.restarts(1), "linux's policy (restart) ran in the same entry");
        assertEquals(1, m.running(0), "linux runs again from a fresh context");
        assertEquals(Images.LINUX_RAM, f.regs[0][0], "its entry point, not the corrupted word");
    }

    /**
     * Two upsets of the same bit in different words: the check's right xor-shift carries each word's
     * top bit down into lower bits, so two flips of bit 63 do not cancel (through a multiply by an
     * odd constant and a left shift alone, a flip of bit 63 would stay a flip of bit 63 only).
     */
    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void twoUpsetsOfTheTopBitInDifferentWordsAreDetectedToo() {
        for (int first = 0; first < FakePlatform.WORDS; first++) {
            for (int second = first + 1; second < FakePlatform.WORDS; second++) {
                boot(Images.shared());
                assertEquals(Status.OK, m.upsetSavedContext(1, 0, first, 63));
                assertEquals(Status.OK, m.upsetSavedContext(1, 0, second, 63));
                rtosYields();
                assertLinuxRestartedFresh("words " + first + " and " + second);
            }
        }
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void theInjectionIsRefusedBeforeBoot() {
        Monitor unbooted = Warden.create(new FakePlatform(2));
        assertEquals(Status.BAD_STATE, unbooted.upsetSavedContext(1, 0, 0, 0));
        assertEquals(0, unbooted.counter(Counter.CONTEXT_FAULTS));
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void anIntactContextIsRestoredAsSavedAndNothingIsReported() {
        boot(Images.shared());
        rtosYields();
        assertEquals(1, m.running(0));
        f.regs[0][2] = 0x1234_5678_9ABCL;
        f.now[0] = 2_000;
        f.pending[Images.CAN_LINE] = true;
        m.onExternalInterrupt(0); // the rtos preempts linux: linux's context is saved
        assertEquals(0, m.running(0));
        rtosYields();
        assertEquals(1, m.running(0));
        assertEquals(0x1234_5678_9ABCL, f.regs[0][2]);
        assertEquals(0, m.counter(Counter.CONTEXT_FAULTS));
        assertEquals(0, m.counter(Counter.FAILURES_DETECTED));
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void aCriticalPartitionWithACorruptContextFollowsItsOwnPolicy() {
        SystemImageBuilder b = Images.shared();
        b.health(0, 0, 0, 1_000_000_000L, 0, HealthAction.RESTART, HealthAction.SAFE_STATE);
        boot(b);
        rtosYields(); // linux runs on core 0, the rtos is saved
        assertEquals(Status.OK, m.upsetSavedContext(0, 0, 1, 63));
        f.pending[Images.CAN_LINE] = true;
        m.onExternalInterrupt(0); // the rtos should preempt: its context fails the check
        assertEquals(1, m.counter(Counter.CONTEXT_FAULTS));
        assertTrue(m.inSafeState(), "no restarts allowed: escalation to the safe state");
        assertEquals(PartitionState.STOPPED, m.partitionState(0));
    }

    // [utest->dsn~kernel.context-integrity~1]
    @Test
    void theInjectionRefusesLiveContextsAndOutOfRangeArguments() {
        boot(Images.shared());
        assertEquals(Status.BAD_STATE, m.upsetSavedContext(0, 0, 0, 0), "the rtos runs on core 0: its context is live");
        assertEquals(Status.BAD_STATE, m.upsetSavedContext(0, 1, 0, 0), "the rtos has no vCPU on core 1");
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(2, 0, 0, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, 2, 0, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, 0, FakePlatform.WORDS, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, 0, 0, 64));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, 0, -1, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(-1, 0, 0, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, -1, 0, 0));
        assertEquals(Status.INVALID_PARAM, m.upsetSavedContext(1, 0, 0, -1));
        assertEquals(0, m.counter(Counter.CONTEXT_FAULTS));
    }
}
