package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Engine;
import warden.emu.FaultModel;
import warden.emu.Faultable;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.SystemDescription;

class EventLogFloodRunTest {
    private static final long RUN_NS = 150_000_000L;
    private static final int CAN0 = 20;

    /**
     * Hangs the RTOS every 15 ms from 10 ms until its restarts are used up (the system enters its
     * safe state), then from 80 ms raises can0 every 2 us for 40 ms: 20,000 interrupts no one takes.
     */
    private static final class HangsThenFlood implements Engine.Source {
        private final SystemRun run;
        private long at = 10_000_000L;

        HangsThenFlood(SystemRun run) {
            this.run = run;
        }

        @Override
        public long nextEventNs() {
            return at;
        }

        @Override
        public void fire(long nowNs) {
            if (nowNs < 80_000_000L) {
                ((Faultable) run.executor(0, 0)).inject(FaultModel.HANG, 0, nowNs);
                at = nowNs + 15_000_000L < 80_000_000L ? nowNs + 15_000_000L : 80_000_000L;
                return;
            }
            run.irqStats().request(run.board().lineInput(), CAN0, nowNs);
            at = nowNs + 2_000 < 120_000_000L ? nowNs + 2_000 : Long.MAX_VALUE;
        }
    }

    /** Issue 14: lost-interrupt records filled the log and pushed out failure-detected and safe-state. */
    // [utest->dsn~run.log-drops~1]
    @Test
    void afterASafeStateAFloodOfLostInterruptsKeepsTheSafetyEventsAndTheReportSaysWhatWasDropped()
            throws Exception {
        SystemDescription d = DefaultSystem.load().description();
        SystemRun r = new SystemRun(d, Targets.get("riscv"), RUN_NS, 42, false);
        RunResult res = r.boot(new HangsThenFlood(r)).run();
        List<String> kinds = res.events().stream().map(RunResult.MonitorEvent::kind).toList();
        assertTrue(res.safeState(), kinds.toString());
        assertTrue(kinds.contains("safe-state") && kinds.contains("failure-detected"), kinds.toString());
        long dropped = res.counters().stream().filter(c -> c.name().equals("eventLogDropped"))
                .mapToLong(RunResult.CounterValue::value).sum();
        assertTrue(dropped > 0, res.counters().toString());
        assertTrue(res.counters().stream().anyMatch(c -> c.name().startsWith("eventLogDropped.") && c.value() > 0),
                res.counters().toString());
    }
}
