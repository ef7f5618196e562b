package warden.emu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.ChannelLayout;

class E2eCheckerTest {
    private static final long AGE = 1_000_000;
    private final E2eConfig config = new E2eConfig(0x1234, AGE, 2, 64);
    private final E2eProtector sender = new E2eProtector(config);
    private final E2eChecker receiver = new E2eChecker(config);
    private final byte[] frame = new byte[Frame.stride(64)];

    private int send(long at, long readAt) {
        frame[Frame.HEADER] = 7;
        sender.protect(frame, 16, at);
        return receiver.check(frame, readAt);
    }

    /**
     * The header carries length, counter, data id, send time and the CRC over everything else.
     * [utest->dsn~e2e.header~2]
     */
    @Test
    void headerFields() {
        int length = sender.protect(frame, 10, 0x1122_3344_5566L);
        assertEquals(34, length);
        assertEquals(34, Frame.getInt(frame, Frame.LENGTH));
        assertEquals(0, Frame.getInt(frame, Frame.COUNTER));
        assertEquals(0x1234, Frame.getInt(frame, Frame.DATA_ID));
        assertEquals(0x1122_3344_5566L, Frame.getLong(frame, Frame.SEND_TIME));
        assertEquals(Frame.crc(frame, 34), Frame.getInt(frame, Frame.CRC));
        sender.protect(frame, 10, 0);
        assertEquals(1, Frame.getInt(frame, Frame.COUNTER));
        assertEquals(2, sender.nextCounter());
        assertEquals(40, Frame.stride(10));
        assertEquals(24, Frame.stride(0));
        assertThrows(IllegalArgumentException.class, () -> sender.protect(frame, 65, 0));
        assertThrows(IllegalArgumentException.class, () -> sender.protect(frame, -1, 0));
    }

    /**
     * With a 64-bit CRC the header has 32 bytes: the same fields, a reserved word of 0 where the
     * CRC-32 was, and the CRC-64 over everything else at byte 24; the payload starts at 32.
     * [utest->dsn~e2e.header~2]
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void headerFieldsOfA64BitCrcFrame() {
        E2eConfig c64 = new E2eConfig(0x1234, AGE, 2, 64, ChannelLayout.CRC64);
        byte[] f = new byte[Frame.stride(64, ChannelLayout.CRC64)];
        java.util.Arrays.fill(f, (byte) 0x5A);
        int length = new E2eProtector(c64).protect(f, 10, 0x1122_3344_5566L);
        assertEquals(42, length);
        assertEquals(42, Frame.getInt(f, Frame.LENGTH));
        assertEquals(0x1234, Frame.getInt(f, Frame.DATA_ID));
        assertEquals(0, Frame.getInt(f, Frame.CRC), "the reserved word");
        assertEquals(0x1122_3344_5566L, Frame.getLong(f, Frame.SEND_TIME));
        assertEquals(Frame.crc64(f, 42), Frame.getLong(f, Frame.CRC_64));
        assertEquals(Crc64.finish(Crc64.update(Crc64.update(Crc64.INITIAL, f, 0, 24), f, 32, 10)),
            Frame.crc64(f, 42), "every byte but the CRC itself");
        assertTrue(Frame.intact(f, 42, ChannelLayout.CRC64));
        assertFalse(Frame.intact(f, 42, ChannelLayout.CRC32), "not a CRC-32 frame");
        assertEquals(48, Frame.stride(10, ChannelLayout.CRC64));
        assertEquals(32, Frame.stride(0, ChannelLayout.CRC64));
        assertEquals(32, ChannelLayout.headerRoom(ChannelLayout.CRC64));
        assertEquals(24, ChannelLayout.headerRoom(ChannelLayout.CRC32));
        assertEquals(Verdict.OK, new E2eChecker(c64).check(f, 0x1122_3344_5566L));
    }

    /**
     * Every single-bit error anywhere in a frame with a 64-bit CRC is CORRUPTED, and a frame of
     * the other width never passes: a CRC-32 frame at a CRC-64 receiver, nor the reverse.
     * [utest->dsn~e2e.check~2]
     * [utest->dsn~e2e.crc~2]
     */
    @Test
    void everyBitFlipOfA64BitCrcFrameIsCorruptedAndWidthsDoNotMix() {
        E2eConfig c64 = new E2eConfig(0x1234, AGE, 2, 64, ChannelLayout.CRC64);
        byte[] f = new byte[Frame.stride(64, ChannelLayout.CRC64)];
        for (int i = 0; i < 20; i++) {
            f[32 + i] = (byte) (i * 37);
        }
        int length = new E2eProtector(c64).protect(f, 20, 5);
        for (int bit = 0; bit < length * 8; bit++) {
            f[bit / 8] ^= (byte) (1 << (bit % 8));
            assertEquals(Verdict.CORRUPTED, new E2eChecker(c64).check(f, 6), "bit " + bit);
            f[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertEquals(Verdict.OK, new E2eChecker(c64).check(f, 6));
        assertEquals(Verdict.CORRUPTED, new E2eChecker(config).check(f, 6), "a CRC-64 frame at a CRC-32 receiver");
        byte[] g = new byte[Frame.stride(64)];
        int l32 = sender.protect(g, 20, 5);
        assertEquals(44, l32);
        assertEquals(Verdict.CORRUPTED, new E2eChecker(c64).check(g, 6), "a CRC-32 frame at a CRC-64 receiver");
        Frame.putInt(f, Frame.LENGTH, 31);
        Frame.seal(f, 31, ChannelLayout.CRC64);
        assertEquals(Verdict.CORRUPTED, new E2eChecker(c64).check(f, 6), "shorter than its header");
        Frame.putInt(f, Frame.LENGTH, 32 + 64);
        Frame.seal(f, 32 + 64, ChannelLayout.CRC64);
        assertEquals(Verdict.OK, new E2eChecker(c64).check(f, 6), "the longest frame");
        Frame.putInt(f, Frame.LENGTH, 32 + 65);
        assertEquals(Verdict.CORRUPTED, new E2eChecker(c64).check(f, 6), "longer than the capacity");
    }

    /**
     * In-order frames are OK; a gap within the window OK_SOME_LOST with the gap; a repeat REPEATED.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void sequence() {
        assertEquals(Verdict.OK, send(0, 10));
        assertEquals(Verdict.OK, send(20, 30));
        sender.protect(frame, 0, 0);
        sender.protect(frame, 0, 0);
        assertEquals(Verdict.OK_SOME_LOST, send(40, 50));
        assertEquals(2, receiver.gap());
        assertEquals(10, receiver.latencyNs());
        assertEquals(Verdict.REPEATED, receiver.check(frame, 60));
        for (int i = 0; i < 3; i++) {
            sender.protect(frame, 0, 0);
        }
        assertEquals(Verdict.WRONG_SEQUENCE, send(70, 80));
        assertEquals(3, receiver.gap());
        assertEquals(Verdict.OK, send(90, 100));
        assertEquals(9, receiver.lastCounter());
    }

    /**
     * The first frame expected is counter 0: a lost first frame is a gap, too.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void firstFrameLossIsAGap() {
        sender.protect(frame, 0, 0);
        assertEquals(Verdict.OK_SOME_LOST, send(0, 0));
        assertEquals(1, receiver.gap());
    }

    /**
     * An older frame after a newer one is WRONG_SEQUENCE with a negative gap and moves nothing.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void reorderedFrame() {
        assertEquals(Verdict.OK, send(0, 0));
        sender.protect(frame, 0, 0);
        byte[] old = frame.clone();
        assertEquals(Verdict.OK_SOME_LOST, send(0, 0));
        assertEquals(Verdict.WRONG_SEQUENCE, receiver.check(old, 0));
        assertEquals(-2, receiver.gap());
        assertEquals(2, receiver.lastCounter());
    }

    /**
     * A flipped bit, a bad length and another data id are detected; a stale frame is STALE.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void corruptionMasqueradeAndAge() {
        sender.protect(frame, 16, 0);
        frame[Frame.HEADER + 3] ^= 0x10;
        assertEquals(Verdict.CORRUPTED, receiver.check(frame, 0));
        Frame.putInt(frame, Frame.LENGTH, 23);
        assertEquals(Verdict.CORRUPTED, receiver.check(frame, 0));
        Frame.putInt(frame, Frame.LENGTH, Frame.HEADER + 65);
        assertEquals(Verdict.CORRUPTED, receiver.check(frame, 0));
        E2eProtector other = new E2eProtector(new E2eConfig(0x9999, AGE, 2, 64));
        other.protect(frame, 8, 0);
        assertEquals(Verdict.WRONG_DATA_ID, receiver.check(frame, 0));
        assertEquals(Verdict.STALE, send(0, AGE + 1));
        assertEquals(Verdict.OK, send(AGE, 2 * AGE));
        assertEquals(0, receiver.gap());
    }

    /**
     * No frame: NO_NEW_DATA before the first frame and within the age, TIMEOUT once per elapsed age.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void timeout() {
        assertEquals(Verdict.NO_NEW_DATA, receiver.noNewData(5 * AGE));
        assertEquals(Verdict.OK, send(0, 10));
        assertEquals(Verdict.NO_NEW_DATA, receiver.noNewData(AGE + 10));
        assertEquals(Verdict.TIMEOUT, receiver.noNewData(AGE + 11));
        assertEquals(Verdict.NO_NEW_DATA, receiver.noNewData(2 * AGE + 11));
        assertEquals(Verdict.TIMEOUT, receiver.noNewData(2 * AGE + 12));
    }

    /**
     * Three errors in the window make the state INVALID once (a failure to report); good frames
     * bring it back to VALID.
     * [utest->dsn~e2e.state-machine~1]
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void stateMachineFailureAndRecovery() {
        assertEquals(E2eStateMachine.NO_DATA, receiver.state());
        assertEquals(Verdict.OK, send(0, 0));
        assertEquals(E2eStateMachine.INIT, receiver.state());
        send(0, 0);
        send(0, 0);
        assertEquals(E2eStateMachine.VALID, receiver.state());
        for (int i = 0; i < 3; i++) {
            sender.protect(frame, 16, 0);
            frame[Frame.HEADER] ^= 1;
            assertEquals(Verdict.CORRUPTED, receiver.check(frame, 0));
        }
        assertEquals(E2eStateMachine.INVALID, receiver.state());

        assertTrue(receiver.takeFailure());
        assertFalse(receiver.takeFailure());
        assertEquals(1, receiver.failures());
        for (int i = 0; i < 16; i++) {
            send(0, 0);
        }
        assertEquals(E2eStateMachine.VALID, receiver.state());
        assertFalse(receiver.takeFailure());
    }

    /**
     * Bad settings are refused with the values in the message.
     * [utest->dsn~e2e.check~2]
     */
    @Test
    void badConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 0, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, -1, 8));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 1515));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, 65, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, 4, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, 4, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, 4, 1, 0));
        String m = assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, -5, 1, 8, 4, 1, 2)).getMessage();
        assertEquals("bad E2E configuration: age -5, counter window 1, capacity 8, window 4/1/2, CRC width 32", m);
        for (int bits : new int[] {0, 16, 31, 33, 63, 65}) {
            assertThrows(IllegalArgumentException.class, () -> new E2eConfig(1, 1, 1, 8, bits), "width " + bits);
        }
        assertEquals(64, new E2eConfig(1, 1, 1, 8, 64).crcBits());
        assertEquals(32, new E2eConfig(1, 1, 1, 8, 64).header());
        assertEquals(32, new E2eConfig(1, 1, 1, 8).crcBits());
        assertEquals(24, new E2eConfig(1, 1, 1, 8).header());
        E2eConfig edge = new E2eConfig(1, 1, 0, Frame.MAX_PAYLOAD, 64, 0, 64);
        assertEquals(Frame.MAX_PAYLOAD, edge.payloadCapacity());
        assertEquals(0, new E2eConfig(1, 1, 0, 0, 1, 0, 1).counterWindow());
        assertEquals("stale", Verdict.name(Verdict.STALE));
        assertEquals("unknown", Verdict.name(Verdict.COUNT));
        assertEquals("unknown", Verdict.name(-1));
        assertEquals("ok", Verdict.name(Verdict.OK));
        E2eConfig c = new E2eConfig(0x77, 12, 3, 40);
        assertEquals(0x77, c.dataId());
        assertEquals(12, c.maxAgeNs());
        assertEquals(3, c.counterWindow());
        assertEquals(40, c.payloadCapacity());
    }

    /**
     * A window of 64 checks (the widest) counts every error in it; older ones fall out.
     * [utest->dsn~e2e.state-machine~1]
     */
    @Test
    void widestWindow() {
        E2eStateMachine m = new E2eStateMachine(new E2eConfig(1, 1, 0, 8, 64, 63, 1));
        for (int i = 0; i < 63; i++) {
            assertFalse(m.feed(Verdict.CORRUPTED));
        }
        assertEquals(63, m.errorsInWindow());
        assertTrue(m.feed(Verdict.TIMEOUT), "64 errors in a window of 64");
        assertEquals(E2eStateMachine.INVALID, m.state());
        for (int i = 0; i < 64; i++) {
            m.feed(Verdict.OK);
        }
        assertEquals(0, m.errorsInWindow());
        assertEquals(E2eStateMachine.VALID, m.state());
        assertFalse(m.feed(Verdict.NO_NEW_DATA));
        assertFalse(m.feed(Verdict.REPEATED));
        assertEquals(1, m.failures());
    }
}
