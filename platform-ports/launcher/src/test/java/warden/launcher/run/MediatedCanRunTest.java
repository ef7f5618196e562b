package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.dev.can.CanBus;
import warden.emu.dev.can.CanFrame;
import warden.emu.guest.MediatedCan;
import warden.emu.guest.RichOsGuest;
import warden.emu.guest.RtosGuest;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * docs/examples/can-mediated.yaml on every target: the rich OS's frames reach can0's bus through
 * the monitor's DEVICE_WRITE, a rich OS that tries identifier 0x100 gets every frame refused and
 * logged and none on the bus, one that floods gets at most 100 transmit requests per second through,
 * and in every case the RTOS receives its whole stream and meets its deadlines.
 */
class MediatedCanRunTest {
    private static final List<String> TARGETS = List.of("riscv", "arm", "x86");
    private static final Path EXAMPLE = Path.of("../../docs/examples/can-mediated.yaml");
    /** 0x120 released every 2 ms in 300 ms: 2 .. 298 ms. */
    private static final long RTOS_FRAMES = 149;

    /** Records every frame on the bus: an ideal node that never sends. */
    static final class Observer implements CanBus.Node {
        final List<Integer> ids = new ArrayList<>();
        @Override public long readyAtNs() { return Long.MAX_VALUE; }
        @Override public long arbitrationKey(long startNs) { return Long.MAX_VALUE; }
        @Override public void load(CanFrame out, long startNs) { }
        @Override public long bitTimePs() { return SystemRun.CAN_BIT_PS; }
        @Override public boolean participating() { return true; }
        @Override public void transmitted(long endNs, long nowNs) { }
        @Override public void transmitFailed(boolean ackError, long endNs, long nowNs) { }
        @Override public void received(CanFrame frame, long endNs, long nowNs) { ids.add(frame.id()); }
        @Override public void receiveError(long endNs, long nowNs) { }
        @Override public void frameEnded(long endNs, long nowNs) { }
        @Override public void idle(long fromNs, long toNs, long nowNs) { }
        @Override public long recoveryEndNs(long idleFromNs) { return Long.MAX_VALUE; }
    }

    record Outcome(RunResult result, Observer bus, MediatedCan tx, RtosGuest rtos) {
        long onBus(int id) {
            return bus.ids.stream().filter(i -> i == id).count();
        }

        long refused(String reason) {
            return result.violations().stream().filter(v -> v.kind().equals("device-denied")
                    && v.detail().endsWith(reason)).count();
        }
    }

    static Outcome run(String text, String target) throws Exception {
        LoadResult l = DescriptionLoader.parse(text, "can-mediated.yaml");
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        SystemDescription d = l.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, Targets.get(target)), target);
        SystemRun run = new SystemRun(d, Targets.get(target), d.run().durationNs(), d.run().seed(), false).boot();
        Observer obs = new Observer();
        run.board().can().bus("can0").attach(obs);
        RunResult r = run.run();
        RichOsGuest linux = (RichOsGuest) run.executor(1, 0);
        return new Outcome(r, obs, linux.mediatedCan(), (RtosGuest) run.executor(0, 0));
    }

    /**
     * The RTOS's stream all went out, the RTOS took as many frames as in the same run without the
     * rich OS's CAN traffic, and every check (deadlines met) held.
     */
    private static void rtosUnaffected(Outcome o, String target) throws Exception {
        String quiet = Files.readString(EXAMPLE).replaceAll("(?m)^ +canTx: .*\n", "");
        Outcome base = run(quiet, target);
        assertEquals(RTOS_FRAMES, o.onBus(0x120), target + ": the stream's frames all went out");
        assertEquals(base.rtos.canDriver().frames(), o.rtos.canDriver().frames(), target + ": the RTOS took as many");
        assertTrue(o.rtos.canDriver().frames() >= RTOS_FRAMES - 1, target + ": all but one still in flight at the end");
        assertTrue(o.result.checks().stream().allMatch(RunResult.Check::passed), target + " " + o.result.checks());
    }

    // [utest->dsn~run.mediated-can~1] [utest->dsn~emu.guest.can-mediated~1] [utest->dsn~port.device-access~1]
    @Test
    void theRichOsFramesGoOutThroughTheMonitorOnEveryTarget() throws Exception {
        String text = Files.readString(EXAMPLE);
        for (String target : TARGETS) {
            Outcome o = run(text, target);
            assertTrue(o.tx.sent() > 30, target + ": frames requested " + o.tx.sent());
            assertEquals(0, o.tx.denied() + o.tx.rateLimited(), target);
            assertEquals(o.tx.sent(), o.onBus(0x642), target + ": every allowed request went out");
            assertEquals(RTOS_FRAMES + o.tx.sent(), o.bus.ids.size(), target + ": nothing else on the bus");
            assertEquals(0, o.result.violations().size(), target);
            rtosUnaffected(o, target);
        }
    }

    // [utest->dsn~run.mediated-can~1] [utest->dsn~run.mediated-report~1]
    @Test
    void aRichOsThatTriesIdentifier0x100IsRefusedLoggedAndNeverOnTheBus() throws Exception {
        String text = Files.readString(EXAMPLE).replace("id: 0x642, period: 5ms", "id: 0x100, period: 5ms");
        for (String target : TARGETS) {
            Outcome o = run(text, target);
            assertEquals(0, o.tx.sent(), target);
            assertTrue(o.tx.denied() > 30, target + ": refused frames " + o.tx.denied());
            assertEquals(o.tx.denied(), o.refused("value-out-of-range"), target + ": each refusal logged");
            assertEquals(RTOS_FRAMES, o.bus.ids.size(), target + ": only the RTOS's stream on the bus");
            assertTrue(o.result.violations().get(0).detail().startsWith("write 0x100 to can0+0x70"), target);
            assertEquals("linux", o.result.violations().get(0).partition(), target);
            rtosUnaffected(o, target);
        }
    }

    // [utest->dsn~run.mediated-can~1] [utest->dsn~kernel.device.rate~1]
    @Test
    void aFloodingRichOsGetsAtMostOneHundredFramesPerSecondThrough() throws Exception {
        String text = Files.readString(EXAMPLE).replace("id: 0x642, period: 5ms", "id: 0x642, period: 1ms");
        for (String target : TARGETS) {
            Outcome o = run(text, target);
            assertEquals(100, o.tx.sent(), target + ": the rate of the TXREQ entry in the run's one window");
            assertTrue(o.tx.rateLimited() > 0, target);
            assertEquals(o.tx.rateLimited(), o.refused("rate-exceeded"), target);
            // a request while the mailbox's previous frame is still pending adds no frame (TXREQ is a bit)
            assertTrue(o.onBus(0x642) <= 100 && o.onBus(0x642) > 50, target + ": on the bus " + o.onBus(0x642));
            rtosUnaffected(o, target);
        }
    }
}
