package warden.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.GuestCpu;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.x86.hw.LocalApic;

/** The SMI sources (APM port, SMI timer, SMI-routed lines, IPI), the all-core stall, the local APIC. */
class SmiSourcesTest {
    // [utest->dsn~x86.apm~1]
    @Test
    void aWriteToTheApmPortIsAMonitorCallWithItsArgumentsFromTheSaveMap() {
        Rig r = new Rig();
        r.enter(1, 1);
        r.answer = Status.DENIED;
        r.answerValue = 77;
        GuestCpu rich = r.m.guest(1);
        assertEquals(Status.DENIED, rich.call(MonitorCall.PARTITION_INFO, 5, 6));
        assertEquals(77, rich.lastValue());
        assertEquals("call 1 " + MonitorCall.PARTITION_INFO + " 5 6", r.entries.get(0));
        assertEquals(1, r.m.smiCount());
        assertFalse(r.m.core(1).inSmm(), "RSM back to the rich OS");
        assertEquals(Status.DENIED, r.m.core(1).register(RegisterFile.RAX), "status in RAX after RSM");
        assertEquals(77, r.m.core(1).register(RegisterFile.RDX));
    }

    // [utest->dsn~x86.apm~1]
    @Test
    void anApmCommandOutsideTheKernelsCallsIsUnknown() {
        assertEquals(MonitorCall.UNKNOWN, ApmCalls.callId(0xA0));
        assertEquals(MonitorCall.YIELD, ApmCalls.callId(MonitorCall.YIELD));
    }

    // [utest->dsn~x86.apm~1]
    @Test
    void theCriticalPartitionCallsTheMonitorWithoutAnSmi() {
        Rig r = new Rig();
        r.enter(0, 0);
        r.answerValue = 5;
        assertEquals(Status.OK, r.m.guest(0).call(MonitorCall.GET_TIME, 1, 2));
        assertEquals(5, r.m.guest(0).lastValue());
        assertEquals(0, r.m.smiCount());
        assertTrue(r.m.core(0).inSmm());
    }

    // [utest->dsn~x86.stall~1] [utest->dsn~x86.smi~1]
    @Test
    void anSmiPullsEveryCoreIntoSmmAndEachRecordsItsStall() {
        Rig r = new Rig();
        for (int c = 0; c < 4; c++) {
            r.enter(1, c);
        }
        r.m.guest(2).call(MonitorCall.VERSION, 0, 0);
        r.runAll(100_000);
        CostModel k = r.platform.costs();
        long least = k.smiEntryNs() + k.rendezvousNs() + k.rsmNs();
        for (int c = 0; c < 4; c++) {
            assertEquals(1, r.m.stalls().count(c), "core " + c);
            assertTrue(r.m.stalls().minNs(c) >= least, "core " + c + " " + r.m.stalls().minNs(c));
            assertFalse(r.m.core(c).inSmm());
        }
        assertEquals(1, r.m.smiCount());
        assertTrue(r.m.stalls().maxNs(0) >= r.m.stalls().maxNs(2) - k.handlerNs(), "followers wait for the initiator");
    }

    // [utest->dsn~x86.smi~1]
    @Test
    void theSmiTimerEntersTheKernelAtItsDeadlineInBothWorlds() {
        Rig r = new Rig();
        r.enter(1, 1);
        r.m.setDeadline(1, 50_000);
        r.m.core(1).runUntil(49_000);
        assertTrue(r.entries.isEmpty());
        r.m.core(1).runUntil(60_000);
        assertTrue(r.entries.get(0).startsWith("timer 1 @5"), r.entries.toString());
        assertEquals(1, r.m.smiCount(), "outside SMM the monitor timer is an SMI");
        r.enter(0, 0);
        r.m.setDeadline(0, 80_000);
        r.m.core(0).runUntil(90_000);
        assertTrue(r.entries.get(1).startsWith("timer 0 @80"), r.entries.toString());
        assertEquals(1, r.m.smiCount(), "in SMM it is the monitor's own vector: no SMI");
    }

    // [utest->dsn~x86.interrupts~1]
    @Test
    void aCriticalLineIsAnSmiAndARichLineGoesStraightToTheRichOs() {
        Rig r = new Rig();
        r.enter(1, 0);
        r.enter(1, 1);
        r.m.raise(20, 0);
        r.m.raise(30, 0);
        r.runAll(10_000);
        assertTrue(r.entries.contains("irq 0 20"), r.entries.toString());
        assertEquals(1, r.m.smiCount());
        assertEquals("[irq 30]", r.guests[5].events.toString());
        assertFalse(r.entries.stream().anyMatch(e -> e.startsWith("irq 1")), "the rich OS's line needs no monitor");
    }

    // [utest->dsn~x86.apic~1]
    @Test
    void theRichOsProgramsItsLocalApicTimerWithoutTheMonitor() {
        Rig r = new Rig();
        r.enter(1, 1);
        X86Core c = r.m.core(1);
        assertEquals(GuestCpu.OK, c.wrmsr(LocalApic.IA32_TSC_DEADLINE, 5_000));
        c.runUntil(10_000);
        assertEquals("[timer]", r.guests[5].events.toString());
        assertEquals(0, r.m.smiCount());
        assertTrue(r.entries.isEmpty());
        assertEquals(0, c.apic().tscDeadline(), "one-shot: disarmed after it fired");
    }

    // [utest->dsn~x86.interrupts~1]
    @Test
    void heldLinesReachTheRichOsOneByOneAfterRsm() {
        Rig r = new Rig();
        r.enter(1, 1);
        long[] ctx = new long[RegisterFile.WORDS];
        r.m.save(1, ctx, 0);
        r.m.idle(1);
        r.m.restore(1, 1, ctx, 0);
        r.m.deliverInterrupt(1, 30);
        r.m.deliverInterrupt(1, 30);
        r.m.deliverTimer(1);
        r.m.core(1).runUntil(r.m.core(1).time() + 5_000);
        assertEquals("[irq 30, irq 30, timer]", r.guests[5].events.toString());
    }
}
