package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.guest.HostileCounts;
import warden.emu.guest.HostileGuest;
import warden.kernel.api.Access;

/**
 * The hostile guest model on a fake core: its rate and mix, its determinism, and an accounting that
 * bites: a protection unit that lets everything through, one that denies what is granted, and a
 * monitor that does not log a denial are each counted, not hidden.
 */
class HostileGuestModelTest {
    static final long OWN = 0x8800_0000L;
    static final long OTHER = 0x8040_0000L;
    static final long SIZE = 0x1_0000L;
    static final long[] BASES = {OWN, OTHER, 0x1000_0000L};
    static final long[] SIZES = {SIZE, SIZE, 0x1000L};

    /** Grants reads and writes of OWN; OTHER belongs to someone else; counts the denials it is told of. */
    static final class Grant implements HostileGuest.Oracle {
        long logged;

        @Override
        public boolean granted(long address, int size, int access) {
            return access != Access.EXECUTE && address >= OWN && address + size <= OWN + SIZE;
        }

        @Override
        public boolean foreign(long address, int size) {
            return address < OTHER + SIZE && address + size > OTHER;
        }

        @Override
        public long loggedDenials() {
            return logged;
        }
    }

    /** A core whose protection unit enforces the grant exactly, and whose monitor logs each denial. */
    static final class Enforcing extends FakeCpu {
        final Grant grant;
        final boolean logs;
        final boolean widened;

        Enforcing(Grant grant, boolean logs, boolean widened) {
            this.grant = grant;
            this.logs = logs;
            this.widened = widened;
        }

        private int check(long address, int size, int access, int cause) {
            if (widened || grant.granted(address, size, access)) {
                return OK;
            }
            lastCause = cause;
            if (logs) {
                grant.logged++;
            }
            return FAULT;
        }

        @Override public int load(long a, int s) { return check(a, s, Access.READ, 5); }
        @Override public int store(long a, int s, long v) { return check(a, s, Access.WRITE, 7); }
        @Override public int fetch(long a) { return check(a, 4, Access.EXECUTE, 1); }
    }

    /** Runs the guest on the core until {@code endNs}, resuming it at its timer after each yield. */
    static HostileCounts drive(HostileGuest g, FakeCpu cpu, long endNs) {
        cpu.until = endNs;
        for (int i = 0; i < 1_000_000 && cpu.time < endNs; i++) {
            cpu.attached = true;
            g.run(cpu);
            if (!cpu.attached) {
                cpu.time = Math.max(cpu.time, Math.min(endNs, cpu.timerDeadline));
            }
            if (cpu.timerDeadline >= 0 && cpu.time >= cpu.timerDeadline) {
                cpu.timerDeadline = -1; // the timer fired
            }
        }
        return g.counts();
    }

    static HostileGuest guest(Grant grant, long seed) {
        return new HostileGuest(1_000_000L, 1_000_000L, 500, new int[] {1, 1, 1, 1}, BASES, SIZES, grant, seed);
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void issuesItsOperationsAtTheRateAndMixOfItsDescription() {
        Grant grant = new Grant();
        HostileGuest accesses = new HostileGuest(1_000_000L, 1_000_000L, 500, new int[] {0, 1, 1, 1}, BASES, SIZES,
                grant, 7);
        HostileCounts c = drive(accesses, new Enforcing(grant, true, false), 10_500_000L);
        assertEquals(10 * 500, c.total(), "10 periods of 500 operations from 1 ms on");
        assertEquals(0, c.ops(HostileGuest.CALL));
        for (int k = HostileGuest.LOAD; k <= HostileGuest.FETCH; k++) {
            assertTrue(c.ops(k) > 1500 && c.ops(k) < 1850, "kind " + k + ": " + c.ops(k));
        }
        HostileGuest onlyStores = new HostileGuest(0, 1_000_000L, 100, new int[] {0, 0, 1, 0}, BASES, SIZES,
                grant, 7);
        HostileCounts s = drive(onlyStores, new Enforcing(grant, true, false), 2_500_000L);
        assertEquals(300, s.ops(HostileGuest.STORE));
        assertEquals(300, s.total());
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void callsRandomIdsButNeverSwitchesItselfOffAndArmsItsTimerBeforeAYield() {
        Grant grant = new Grant();
        FakeCpu cpu = new Enforcing(grant, true, false);
        HostileCounts c = drive(guest(grant, 7), cpu, 50_000_000L);
        assertTrue(c.calls() > 500, "calls " + c.calls());
        assertEquals(c.ops(HostileGuest.CALL), c.calls() + c.skippedCalls());
        assertTrue(c.skippedCalls() > 0, "VCPU_OFF was drawn");
        assertFalse(cpu.calls.stream().anyMatch(x -> x.startsWith("VCPU_OFF")), "VCPU_OFF is never issued");
        assertTrue(cpu.calls.stream().anyMatch(x -> x.startsWith("UNKNOWN")), "ids outside the kernel's are issued");
        assertTrue(c.callsKnown() > 0 && c.callsKnown() < c.calls());
        assertEquals(c.calls() - c.callsKnown(), c.callsUnknown());
        assertEquals(0, c.misanswered().count(), "the fake answers every unknown call with its code");
        for (int i = 1; i < cpu.calls.size(); i++) {
            if (cpu.calls.get(i).startsWith("YIELD")) {
                assertTrue(cpu.calls.get(i - 1).startsWith("SET_TIMER"), "timer armed before " + cpu.calls.get(i));
            }
        }
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void isDeterministicForItsSeed() {
        Grant a = new Grant();
        Grant b = new Grant();
        Grant c = new Grant();
        HostileCounts x = drive(guest(a, 11), new Enforcing(a, true, false), 5_000_000L);
        HostileCounts y = drive(guest(b, 11), new Enforcing(b, true, false), 5_000_000L);
        HostileCounts z = drive(guest(c, 12), new Enforcing(c, true, false), 5_000_000L);
        assertEquals(x.denied(), y.denied());
        assertEquals(x.recentDenials(), y.recentDenials());
        assertNotEquals(x.recentDenials(), z.recentDenials());
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void anEnforcingCoreThatLogsEveryDenialLeavesNoMismatch() {
        Grant grant = new Grant();
        HostileCounts c = drive(guest(grant, 3), new Enforcing(grant, true, false), 20_000_000L);
        assertTrue(c.allowed() > 0 && c.denied() > 0, c.allowed() + " / " + c.denied());
        assertEquals(0, c.violations().count());
        assertEquals(0, c.spurious().count());
        assertEquals(0, c.unlogged().count());
        assertEquals(c.denied(), grant.logged);
        long byCause = 0;
        for (int i = 0; i < c.causes(); i++) {
            byCause += c.causeCount(i);
            assertEquals("cause " + c.causeCode(i), c.causeName(i));
        }
        assertEquals(c.denied(), byCause);
        assertEquals(3, c.causes(), "load, store and fetch faults");
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void aProtectionUnitThatLetsEverythingThroughIsCaughtAsViolations() {
        Grant grant = new Grant();
        HostileCounts c = drive(guest(grant, 3), new Enforcing(grant, true, true), 20_000_000L);
        assertEquals(0, c.denied());
        assertTrue(c.violations().count() > 500, "violations " + c.violations().count());
        assertTrue(c.foreignViolations().count() > 100, "foreign " + c.foreignViolations().count());
        assertTrue(c.foreignViolations().count() < c.violations().count());
        HostileCounts.Sample first = c.foreignViolations().samples().get(0);
        assertTrue(first.address() + first.size() > OTHER && first.address() < OTHER + SIZE, first.toString());
        assertEquals(HostileCounts.KEPT, c.violations().samples().size());
    }

    // [utest->dsn~emu.guest.hostile~1]
    @Test
    void denialsOfGrantedAccessesAndDenialsTheMonitorDidNotLogAreCounted() {
        Grant grant = new Grant();
        FakeCpu denyAll = new FakeCpu();
        denyAll.deniedFrom = Long.MIN_VALUE; // every access faults, and nothing logs it
        HostileCounts c = drive(guest(grant, 5), denyAll, 20_000_000L);
        assertEquals(0, c.allowed());
        assertEquals(c.denied(), c.unlogged().count());
        assertTrue(c.spurious().count() > 0, "granted accesses were denied");
        for (HostileCounts.Sample s : c.spurious().samples()) {
            assertTrue(grant.granted(s.address(), s.size(), s.access()), s.toString());
        }
        Grant quiet = new Grant();
        HostileCounts d = drive(guest(quiet, 5), new Enforcing(quiet, false, false), 20_000_000L);
        assertTrue(d.denied() > 0);
        assertEquals(d.denied(), d.unlogged().count(), "a monitor that does not log is caught");
    }

    /**
     * Raw calls: ids from the port's table, mutated ones, any 32- and 64-bit value, functions other
     * than 0 and all seven argument registers random; an unknown call answered with anything but the
     * architecture's not-supported code is counted as misanswered, with its id.
     */
    // [utest->dsn~emu.guest.hostile-raw~1]
    @Test
    void issuesRawCallsWithRandomIdsFunctionsAndArgumentsAndCatchesAWrongNotSupportedCode() {
        Grant grant = new Grant();
        FakeCpu cpu = new Enforcing(grant, true, false);
        HostileCounts c = drive(guest(grant, 9), cpu, 50_000_000L);
        long wide = cpu.rawCalls.stream().filter(r -> r[0] >>> 32 != 0 && r[0] >>> 32 != 0xFFFF_FFFFL).count();
        long signExtended = cpu.rawCalls.stream().filter(r -> r[0] >>> 32 == 0xFFFF_FFFFL).count();
        long fromTable = cpu.rawCalls.stream().filter(r -> r[0] >= 0 && r[0] <= 0xFF).count();
        long functions = cpu.rawCalls.stream().filter(r -> r[1] != 0).count();
        long lastArg = cpu.rawCalls.stream().filter(r -> r[3] != 0).count();
        int n = cpu.rawCalls.size();
        assertTrue(wide > n / 8 && signExtended > n / 20 && fromTable > n / 3, wide + " " + signExtended + " " + n);
        assertTrue(functions > n / 2 && lastArg > n / 2, functions + " " + lastArg + " of " + n);
        assertEquals(0, c.misanswered().count());

        Grant g2 = new Grant();
        FakeCpu wrong = new Enforcing(g2, true, false);
        wrong.misanswers = true;
        HostileCounts w = drive(guest(g2, 9), wrong, 50_000_000L);
        assertEquals(w.callsUnknown(), w.misanswered().count());
        assertTrue(w.callsUnknown() > 100, "unknown " + w.callsUnknown());
        assertTrue(w.misanswered().samples().get(0).cause().contains("not 0xfffffffffffffff9"),
                w.misanswered().samples().get(0).toString());
    }
}
