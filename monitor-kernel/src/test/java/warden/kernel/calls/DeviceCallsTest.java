package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Counter;
import warden.kernel.api.Criticality;
import warden.kernel.api.DeviceAcl;
import warden.kernel.api.EventKind;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

/**
 * The mediated device calls on a fake port: p0 (ASIL C) owns device 0, a CAN controller's window;
 * p1 (QM) may write mailbox 2's identifier with 0x600..0x6FF, TXREQ with bit 2 only at most 3 times
 * per millisecond, and read TXDONE.
 */
class DeviceCallsTest {
    static final long CAN = 0x1000_0000L;
    static final int OWNER = 0;
    static final int GUEST = 1;
    static final int MB2_ID = 0x70;
    static final int TXREQ = 0x1C;
    static final int TXDONE = 0x24;
    static final long WINDOW = 1_000_000L;

    static SystemImageBuilder builder() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        for (int p = 0; p < 2; p++) {
            b.partition("p" + p, p == 0 ? Criticality.ASIL_C : Criticality.QM, 1, 0x9000_0000L + p * 0x10000L, 0,
                    false);
            b.region(p, 0x9000_0000L + p * 0x10000L, 0x1000, Access.ALL);
        }
        b.device(OWNER, "can0", CAN, 0x100);
        return b;
    }

    static SystemImage image() {
        SystemImageBuilder b = builder();
        b.aclEntry(GUEST, 0, MB2_ID, Access.WRITE, DeviceAcl.VALUE_MAX, 0x600, 0x6FF, 0, 0);
        b.aclEntry(GUEST, 0, TXREQ, Access.WRITE, 0x4, 0, 0x4, 3, WINDOW);
        b.aclEntry(GUEST, 0, TXDONE, Access.READ, DeviceAcl.VALUE_MAX, 0, DeviceAcl.VALUE_MAX, 0, 0);
        b.aclEntry(GUEST, 0, 0, Access.READ, DeviceAcl.VALUE_MAX, 0, DeviceAcl.VALUE_MAX, 0, 0);
        return b.build();
    }

    private final CallGroups calls = new CallGroups(image());

    private int write(int p, int offset, long value) {
        return calls.devices.access(0, p, Access.WRITE, MonitorCall.deviceTarget(0, offset), value);
    }

    private long lastDenial() {
        long seq = calls.log.sequence() - 1;
        assertEquals(EventKind.DEVICE_DENIED, calls.log.kind(seq));
        return calls.log.a(seq);
    }

    private boolean reached() {
        for (String s : calls.platform.log) {
            if (s.startsWith("writeDevice") || s.startsWith("readDevice")) {
                return true;
            }
        }
        return false;
    }

    // [utest->dsn~kernel.device.calls~1] [utest->dsn~port.device-access~1]
    @Test
    void anAllowedWriteReachesTheRegisterAndAnAllowedReadReturnsItsValue() {
        assertEquals(Status.OK, write(GUEST, MB2_ID, 0x600));
        assertEquals(Status.OK, write(GUEST, MB2_ID, 0x6FF));
        assertEquals(0x6FFL, calls.platform.deviceRegs.get(CAN + MB2_ID));
        calls.platform.deviceRegs.put(CAN + TXDONE, 0xFFFF_FFFEL);
        assertEquals(Status.OK, calls.devices.access(0, GUEST, Access.READ, MonitorCall.deviceTarget(0, TXDONE), 9));
        assertEquals(0xFFFF_FFFEL, calls.platform.lastValue);
        assertEquals(Status.OK, calls.platform.lastStatus);
        assertEquals(Status.OK, calls.devices.access(0, GUEST, Access.READ, 0, 0), "target 0: device 0's ID");
        assertEquals(0, calls.log.sequence(), "nothing logged");
    }

    // [utest->dsn~kernel.device.calls~1] [utest->dsn~kernel.device.denial-log~1] [utest->dsn~kernel.device.acl~1]
    @Test
    void anAccessNoEntryListsIsDeniedLoggedAndNeverReachesTheDevice() {
        assertEquals(Status.DENIED, write(OWNER, MB2_ID, 0x600), "the owner has no entry: it uses its window");
        assertEquals(DeviceAcl.NOT_LISTED, DeviceAcl.reasonOf(lastDenial()));
        assertEquals(Status.DENIED, write(GUEST, MB2_ID + 4, 8), "another register");
        assertEquals(Status.DENIED, write(GUEST, TXDONE, 1), "a read-only register written");
        assertEquals(Status.DENIED, calls.devices.access(0, GUEST, Access.READ, MonitorCall.deviceTarget(0, MB2_ID),
                0), "a write-only register read");
        assertEquals(Access.READ, DeviceAcl.directionOf(lastDenial()));
        assertEquals(Status.DENIED, calls.devices.access(0, GUEST, Access.WRITE, MonitorCall.deviceTarget(1, MB2_ID),
                0x600), "no device 1");
        assertEquals(1, DeviceAcl.deviceOf(lastDenial()));
        assertEquals(MB2_ID, DeviceAcl.offsetOf(lastDenial()));
        assertEquals(Status.DENIED, calls.devices.access(0, GUEST, Access.WRITE, -1, 0x600), "a negative target");
        assertEquals(Status.DENIED, calls.devices.access(0, GUEST, Access.WRITE, 1L << 48 | MB2_ID, 0x600),
                "a target beyond 32 bits does not truncate to device 0");
        assertEquals(Status.DENIED, calls.devices.access(0, GUEST, Access.WRITE, Long.MIN_VALUE | MB2_ID, 0x600),
                "nor does a negative one");
        assertFalse(reached(), "no refused access reached the port");
        assertEquals(8, calls.log.sequence());
        assertEquals(GUEST, calls.log.partition(calls.log.sequence() - 1));
    }

    // [utest->dsn~kernel.device.calls~1] [utest->dsn~kernel.device.denial-log~1] [utest->dsn~kernel.device.acl~1]
    @Test
    void aValueOutsideTheRangeOrTheMaskIsDeniedWithItsValueLogged() {
        assertEquals(Status.DENIED, write(GUEST, MB2_ID, 0x100));
        assertEquals(DeviceAcl.VALUE, DeviceAcl.reasonOf(lastDenial()));
        assertEquals(0x100, calls.log.b(calls.log.sequence() - 1));
        assertEquals(Status.DENIED, write(GUEST, MB2_ID, 0x5FF));
        assertEquals(Status.DENIED, write(GUEST, MB2_ID, 0x700));
        assertEquals(Status.DENIED, write(GUEST, MB2_ID, 0x1_0000_0600L), "beyond 32 bits");
        assertEquals(Status.DENIED, write(GUEST, TXREQ, 1), "mailbox 0's bit is outside the mask");
        assertEquals(Status.DENIED, write(GUEST, TXREQ, 5));
        assertEquals(DeviceAcl.VALUE, DeviceAcl.reasonOf(lastDenial()));
        assertEquals(TXREQ, DeviceAcl.offsetOf(lastDenial()));
        assertEquals(Access.WRITE, DeviceAcl.directionOf(lastDenial()));
        assertFalse(reached());
    }

    // [utest->dsn~kernel.device.rate~1] [utest->dsn~kernel.device.denial-log~1] [utest->dsn~kernel.device.acl~1]
    // [utest->dsn~kernel.device.calls~1]
    @Test
    void theRateIsPerWindowAndANewWindowStartsAtTheFirstAccessAfterTheLastEnded() {
        calls.platform.now[0] = 5_000_000L;
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.OK, write(GUEST, TXREQ, 4), "access " + i);
            calls.platform.now[0] += 1000;
        }
        assertEquals(Status.RATE_LIMITED, write(GUEST, TXREQ, 4));
        assertEquals(DeviceAcl.RATE, DeviceAcl.reasonOf(lastDenial()));
        calls.platform.now[0] = 5_000_000L + WINDOW - 1;
        assertEquals(Status.RATE_LIMITED, write(GUEST, TXREQ, 4), "the last ns of the window");
        assertEquals(Status.OK, write(GUEST, MB2_ID, 0x600), "another entry has its own count (none)");
        calls.platform.now[0] = 5_000_000L + WINDOW;
        assertEquals(Status.OK, write(GUEST, TXREQ, 4), "a new window");
        calls.platform.now[0] += WINDOW - 1;
        assertEquals(Status.OK, write(GUEST, TXREQ, 0));
        assertEquals(Status.OK, write(GUEST, TXREQ, 4));
        assertEquals(Status.RATE_LIMITED, write(GUEST, TXREQ, 4), "3 in the window that began at the first");
        assertEquals(Status.DENIED, write(GUEST, TXREQ, 1), "a bad value is refused for its value first");
        long writes = calls.platform.log.stream().filter(s -> s.startsWith("writeDevice 1000001c")).count();
        assertEquals(6, writes, "only allowed accesses reach the device");
    }

    // [utest->dsn~kernel.device.calls~1] [utest->dsn~kernel.device.denial-log~1] [utest->dsn~kernel.device.acl~1]
    @Test
    void aBusErrorAtThePortAnswersFailedAndIsLogged() {
        calls.platform.busErrorAddress = CAN + MB2_ID;
        assertEquals(Status.FAILED, write(GUEST, MB2_ID, 0x600));
        assertEquals(DeviceAcl.BUS_ERROR, DeviceAcl.reasonOf(lastDenial()));
        calls.platform.busErrorAddress = CAN + TXDONE;
        long done = MonitorCall.deviceTarget(0, TXDONE);
        assertEquals(Status.FAILED, calls.devices.access(0, GUEST, Access.READ, done, 0));
        assertEquals(0, calls.log.b(calls.log.sequence() - 1), "a read logs no value");
        assertEquals("bus-error", DeviceAcl.reasonName(DeviceAcl.BUS_ERROR));
        assertEquals("?", DeviceAcl.reasonName(0));
        assertEquals("?", DeviceAcl.reasonName(5));
    }

    // [utest->dsn~kernel.device.calls~1] [utest->dsn~kernel.mcall.decode-invoke~1] [utest->dsn~kernel.device.acl~1]
    // [utest->dsn~kernel.device.rate~1]
    @Test
    void decodeHasNoSideEffects() {
        long t = MonitorCall.deviceTarget(0, TXREQ);
        for (int i = 0; i < 10; i++) {
            assertEquals(1, calls.devices.decode(GUEST, Access.WRITE, t, 4, 0), "entry 1, never counted");
        }
        assertEquals(-DeviceAcl.VALUE, calls.devices.decode(GUEST, Access.WRITE, t, 2, 0));
        assertEquals(-DeviceAcl.NOT_LISTED, calls.devices.decode(OWNER, Access.WRITE, t, 4, 0));
        assertEquals(2, calls.devices.decode(GUEST, Access.READ, MonitorCall.deviceTarget(0, TXDONE), -1, 0),
                "a read's value is not checked");
        assertEquals(0, calls.log.sequence());
        assertFalse(reached());
    }

    // [utest->dsn~kernel.device.denial-log~1] [utest->dsn~kernel.device.calls~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1] [utest->dsn~kernel.device.rate~1]
    @Test
    void throughTheDispatchARefusalCountsAsADeniedCallWithOnlyItsDeviceRecord() {
        calls.platform.args[0] = MonitorCall.deviceTarget(0, MB2_ID);
        calls.platform.args[1] = 0x100;
        assertEquals(Status.DENIED, calls.all.call(0, GUEST, MonitorCall.DEVICE_WRITE));
        assertEquals(1, calls.counters[Counter.DENIED_CALLS]);
        assertEquals(1, calls.log.sequence(), "one record");
        assertEquals(EventKind.DEVICE_DENIED, calls.log.kind(0));
        calls.platform.args[1] = 0x642;
        assertEquals(Status.OK, calls.all.call(0, GUEST, MonitorCall.DEVICE_WRITE));
        assertEquals(0x642L, calls.platform.deviceRegs.get(CAN + MB2_ID));
        calls.platform.args[0] = MonitorCall.deviceTarget(0, TXDONE);
        assertEquals(Status.OK, calls.all.call(0, GUEST, MonitorCall.DEVICE_READ));
        calls.platform.args[0] = MonitorCall.deviceTarget(0, MB2_ID);
        calls.platform.args[1] = 99;
        assertEquals(Status.DENIED, calls.all.call(0, GUEST, MonitorCall.DEVICE_READ), "write-only");
        assertEquals(0, calls.log.b(calls.log.sequence() - 1), "a refused read logs no value, whatever arg1 held");
        long denied = calls.counters[Counter.DENIED_CALLS];
        calls.platform.args[0] = 99;
        calls.platform.args[1] = 0;
        assertNotEquals(Status.OK, calls.all.call(0, GUEST, MonitorCall.CHANNEL_INFO), "no channel 99");
        assertEquals(denied + 1, calls.counters[Counter.DENIED_CALLS]);
        assertEquals(EventKind.DENIED_CALL, calls.log.kind(calls.log.sequence() - 1),
                "any other refused call is logged as a denied call");
        assertEquals(Status.RATE_LIMITED, DeviceCalls.status(DeviceAcl.RATE));
        assertEquals("DEVICE_WRITE", MonitorCall.name(MonitorCall.DEVICE_WRITE));
        assertEquals(0x0001_0006, MonitorCall.ABI_VERSION);
        assertEquals(0x3_0070L, MonitorCall.deviceTarget(3, 0x1_0070), "the offset keeps 16 bits");
    }

    // [utest->dsn~kernel.device.acl~1]
    @Test
    void theTableHoldsSixtyFourEntriesAndTheLastIsFound() {
        SystemImageBuilder b = builder();
        for (int e = 0; e < DeviceAcl.ENTRIES_MAX; e++) {
            b.aclEntry(GUEST, 0, 4 * (e % 48), e < 48 ? Access.WRITE : Access.READ, DeviceAcl.VALUE_MAX, 0,
                    DeviceAcl.VALUE_MAX, 0, 0);
        }
        boolean refused = false;
        try {
            b.aclEntry(GUEST, 0, 0xC0, Access.WRITE, 0, 0, 0, 0, 0);
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        assertTrue(refused, "entry 65 does not fit");
        CallGroups full = new CallGroups(b.build());
        assertEquals(DeviceAcl.ENTRIES_MAX - 1, full.devices.decode(GUEST, Access.READ,
                MonitorCall.deviceTarget(0, 4 * 15), 0, 0));
        assertEquals(-DeviceAcl.NOT_LISTED, full.devices.decode(GUEST, Access.READ,
                MonitorCall.deviceTarget(0, 4 * 16), 0, 0));
    }

    // [utest->dsn~kernel.device.calls~1]
    @Test
    void decodingAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long t = MonitorCall.deviceTarget(0, TXDONE);
        long sink = 0;
        long min = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long before = bean.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) {
                sink += calls.devices.decode(GUEST, i % 2 == 0 ? Access.READ : Access.WRITE, t + (i & 4), i, i);
            }
            min = Math.min(min, bean.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(sink != 0);
        assertEquals(0, min, "bytes allocated by 100,000 decodes in the quietest round");
    }
}
