package warden.arm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.MonitorCall;

/** The world switch saves and restores the whole context; nothing of the Secure world leaks. */
class WorldSwitchTest {
    private static final long SECRET = 0x5EC2_E75E_C2E7L;

    // [utest->dsn~arm.world-switch~1]
    @Test
    void noRegisterValueOfTheSecureWorldIsVisibleToTheNonSecureWorldAfterASwitch() {
        TestBoard b = new TestBoard();
        b.enter(0);
        Pe pe = b.m.pe(0);
        for (int i = 0; i < 31; i++) {
            pe.setRegister(i, SECRET + i);
        }
        for (int i = 0; i < ContextLayout.EL1_COUNT; i++) {
            pe.setEl1(i, SECRET + 100 + i);
        }
        pe.spEl0 = SECRET + 200;
        pe.gic.writePmr(0x40, false);
        pe.gic.writeBpr1(6);
        long[] secure = new long[ContextLayout.WORDS];
        b.m.save(0, secure, 0);
        long[] fresh = b.enter(1);
        long[] seen = new long[ContextLayout.WORDS];
        b.m.save(0, seen, 0);
        assertArrayEquals(fresh, seen, "the Non-secure world sees exactly its own context");
        for (long word : seen) {
            assertFalse(word >= SECRET && word <= SECRET + 300, "a Secure value leaked: 0x" + Long.toHexString(word));
        }
        assertTrue(pe.isNonSecure());
        assertEquals(0xF8, pe.gic.readPmr(false), "the priority mask is the world's own");
        assertEquals(1, pe.exceptionLevel());
    }

    // [utest->dsn~arm.world-switch~1]
    @Test
    void aContextSurvivesASwitchAwayAndBackInsideTraps() {
        TestBoard b = new TestBoard();
        b.enter(0);
        Pe pe = b.m.pe(0);
        pe.setRegister(19, 1919);
        pe.setEl1(ContextLayout.TTBR0_EL1, 0x8041_0000L);
        pe.call(MonitorCall.HEARTBEAT, 0, 0);
        long[] saved = new long[ContextLayout.WORDS];
        b.m.save(0, saved, 0);
        b.enter(1);
        b.m.restore(0, 0, saved, 0);
        assertEquals(1919, pe.register(19));
        assertEquals(0x8041_0000L, pe.el1(ContextLayout.TTBR0_EL1));
        assertFalse(pe.isNonSecure());
        assertEquals(saved[ContextLayout.PC], pe.pc());
    }

    // [utest->dsn~arm.world-switch~1]
    @Test
    void restoreNeverRunsAGuestAtEl3AndKeepsTheMonitorsScrPolicy() {
        TestBoard b = new TestBoard();
        long[] ctx = new long[ContextLayout.WORDS];
        b.m.initContext(ctx, 0, 1, 0, TestBoard.RICH_RAM);
        ctx[ContextLayout.PSTATE] = ContextLayout.SPSR_EL3H_MASKED;
        ctx[ContextLayout.SCR] = Scr.NS | Scr.SMD | Scr.HCE;
        b.m.restore(0, 1, ctx, 0);
        Pe pe = b.m.pe(0);
        assertEquals(1, pe.exceptionLevel());
        assertEquals(Scr.forWorld(true), pe.scrEl3());
    }

    // [utest->dsn~arm.world-switch~1]
    @Test
    void aFreshContextStartsAtTheEntryInEl1hOfItsWorld() {
        TestBoard b = new TestBoard();
        long[] s = new long[ContextLayout.WORDS];
        long[] n = new long[ContextLayout.WORDS];
        b.m.initContext(s, 0, 0, 2, TestBoard.SAFE_RAM);
        b.m.initContext(n, 0, 1, 2, TestBoard.RICH_RAM);
        assertEquals(TestBoard.SAFE_RAM, s[ContextLayout.PC]);
        assertEquals(ContextLayout.SPSR_EL1H_MASKED, s[ContextLayout.PSTATE]);
        assertEquals(0, s[ContextLayout.SCR] & Scr.NS, "critical: Secure world");
        assertEquals(Scr.NS, n[ContextLayout.SCR] & Scr.NS, "QM: Non-secure world");
        assertEquals(2, s[0]);
        assertEquals(1, n[1]);
        assertEquals(ContextLayout.WORDS, b.m.contextWords());
    }
}
