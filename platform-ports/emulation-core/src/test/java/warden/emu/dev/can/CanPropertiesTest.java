package warden.emu.dev.can;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static warden.emu.dev.can.CanController.*;
import static warden.emu.dev.can.CanRig.rd;
import static warden.emu.dev.can.CanRig.wr;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CanPropertiesTest {
    /**
     * A filter accepts exactly what the specification says: enabled, same format, and the masked
     * id bits equal (a model written from the rule, not from the code).
     * [utest->dsn~can.filters~1]
     */
    @Property(seed = "1616")
    void aFilterAcceptsExactlyTheMaskedMatches(@ForAll int frameId, @ForAll boolean frameExt, @ForAll int filterId,
                                               @ForAll boolean filterExt, @ForAll int mask, @ForAll boolean enabled,
                                               @ForAll @IntRange(max = 7) int slot) {
        CanController c = new CanController(CanRig.CLOCK_HZ, 4, null, null, 1);
        int fid = (enabled ? FILTER_ENABLE : 0) | (filterExt ? XTD : 0) | (filterId & 0x1FFF_FFFF);
        wr(c, FILTER + slot * FILTER_STRIDE, fid, 0);
        wr(c, FILTER + slot * FILTER_STRIDE + 4, mask, 0);
        CanFrame f = new CanFrame();
        f.set(frameId, frameExt, false, 0, 0);
        int width = frameExt ? 29 : 11;
        boolean same = true;
        for (int bit = 0; bit < width; bit++) {
            boolean selected = (mask >>> bit & 1) == 1;
            if (selected && (f.id() >>> bit & 1) != (filterId >>> bit & 1)) {
                same = false;
            }
        }
        boolean expected = enabled && filterExt == frameExt && same;
        assertEquals(expected ? slot : -1, c.match(f));
    }

    /**
     * Whatever three mailboxes hold, the receiver gets them in ascending order of their
     * identifiers (standard ids; extended ids with base ids apart), each once.
     * [utest->dsn~can.arbitration~1]
     */
    @Property(seed = "1617", tries = 200)
    void mailboxesGoOutInIdentifierOrder(@ForAll @IntRange(max = 0x7FF) int a, @ForAll @IntRange(max = 0x7FF) int b,
                                         @ForAll @IntRange(max = 0x7FF) int c, @ForAll boolean ext) {
        CanRig rig = new CanRig();
        CanController tx = rig.controller(1, 8);
        CanController rx = rig.controller(2, 8);
        CanRig.start(tx, 0);
        CanRig.start(rx, 0, CanRig.ACCEPT_ALL_STD, 0, CanRig.ACCEPT_ALL_EXT, 0);
        int[] ids = {a, b, c};
        for (int i = 0; i < 3; i++) {
            int word = ext ? XTD | (ids[i] << 18) | 0x155 : ids[i];
            CanRig.send(tx, i, word, i, 0, 0);
        }
        rig.runUntil(5_000_000);
        int[] got = new int[3];
        for (int i = 0; i < 3; i++) {
            int word = CanRig.pop(rx);
            got[i] = ext ? (word & 0x1FFF_FFFF) >>> 18 : word;
        }
        int[] sorted = ids.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(sorted, got);
        assertEquals(7, rd(tx, TXDONE));
        assertEquals(-1, CanRig.pop(rx));
    }

    /**
     * The error counters never leave their rules' ranges and the state bits always follow the
     * counters, for any mix of errors and good frames. [utest->dsn~can.fault-confinement~1]
     */
    @Property(seed = "1618", tries = 100)
    void stateBitsFollowTheCounters(@ForAll @IntRange(max = 40) int txErrors, @ForAll @IntRange(max = 200) int rxErrors,
                                    @ForAll @IntRange(max = 5) int good) {
        CanRig rig = new CanRig();
        CanController c = rig.controller(1, 8);
        CanStimulus s = rig.stimulus(1);
        CanRig.start(c, 0, CanRig.ACCEPT_ALL_STD, 0);
        rig.bus.corruptNextFrames(txErrors);
        CanRig.send(c, 0, 0x100, 0, 0, 0);
        rig.runUntil(1_000_000_000L);
        rig.bus.corruptNextFrames(rxErrors);
        for (int i = 0; i <= good; i++) {
            s.send(0x200, false, false, 0, 0, rig.now);
        }
        rig.runUntil(rig.now + 1_000_000_000L);
        int tec = c.tec();
        int rec = c.rec();
        boolean off = txErrors >= 32;
        int stat = rd(c, STAT);
        assertEquals(off, (stat & STAT_BO) != 0);
        assertEquals(!off && (tec > 127 || rec > 127), (stat & STAT_EP) != 0);
        assertEquals(tec >= 96 || rec >= 96, (stat & STAT_EW) != 0);
        assertEquals(off ? 256 : Math.max(0, 8 * txErrors - 1), tec);
        if (!off) {
            assertTrue(rec <= 127, "a good frame followed: REC " + rec);
            int expected = rxErrors > 127 ? 127 - good : Math.max(0, rxErrors - 1 - good);
            assertEquals(expected, rec);
        }
    }
}
