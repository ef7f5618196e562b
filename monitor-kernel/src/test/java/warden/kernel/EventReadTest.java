package warden.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventKind;
import warden.kernel.api.EventRecordDescriptor;
import warden.kernel.api.Monitor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;

class EventReadTest {
    private static final long BUF = Images.RTOS_RAM + 0x100;

    private FakePlatform boot(boolean privileged) {
        SystemImageBuilder b = SystemImage.builder(2).monitor(Images.MON, 0x20_0000L);
        int rtos = b.partition("rtos", Criticality.ASIL_C, 0b01, Images.RTOS_RAM, 0, privileged);
        b.region(rtos, Images.RTOS_RAM, 0x1000, Access.READ | Access.WRITE);
        b.region(rtos, Images.RTOS_RAM + 0x1000, 0x1000, Access.READ);
        int linux = b.partition("linux", Criticality.QM, 0b10, Images.LINUX_RAM, 0, false);
        b.region(linux, Images.LINUX_RAM, 0x10_0000L, Access.ALL);
        FakePlatform f = new FakePlatform(2);
        f.memoryBase = Images.RTOS_RAM;
        m = Warden.create(f);
        assertEquals(Status.OK, m.boot(b.build()));
        m.start();
        return f;
    }

    private Monitor m;

    private int read(FakePlatform f, long seq, long address) {
        f.args[0] = seq;
        f.args[1] = address;
        return m.onMonitorCall(0, MonitorCall.EVENT_READ);
    }

    // [utest->dsn~kernel.mcall.event-read~1]
    @Test
    void aPrivilegedPartitionReadsAnEventRecordIntoItsOwnMemory() {
        FakePlatform f = boot(true);
        f.now[1] = 777;
        m.onAccessFault(1, Access.WRITE, 0x8040_0010L);
        long seq = m.eventRecords().sequence() - 1;
        assertEquals(Status.OK, read(f, seq, BUF));
        assertEquals(seq, f.lastValue);
        ByteBuffer r = ByteBuffer.wrap(f.memory, 0x100,
                EventRecordDescriptor.LENGTH).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(777, r.getLong(EventRecordDescriptor.TIME_OFFSET));
        assertEquals(EventKind.ACCESS_VIOLATION, r.getInt(EventRecordDescriptor.KIND_OFFSET));
        assertEquals(1, r.getInt(EventRecordDescriptor.PARTITION_OFFSET));
        assertEquals(1, r.getInt(EventRecordDescriptor.CORE_OFFSET));
        assertEquals(0x8040_0010L, r.getLong(EventRecordDescriptor.A_OFFSET));
        assertEquals(Access.WRITE, r.getLong(EventRecordDescriptor.B_OFFSET));
    }

    // [utest->dsn~kernel.mcall.event-read~1]
    @Test
    void readingIsDeniedToOthersAndChecksTheRecordAndTheBuffer() {
        FakePlatform f = boot(true);
        m.onAccessFault(1, Access.WRITE, 0x8040_0010L);
        long next = m.eventRecords().sequence();
        assertEquals(Status.INVALID_PARAM, read(f, next, BUF), "not logged yet");
        assertEquals(Status.INVALID_PARAM, read(f, -1, BUF));
        assertEquals(Status.INVALID_ADDRESS, read(f, 0, Images.RTOS_RAM + 0x1000), "its read-only region");
        assertEquals(Status.INVALID_ADDRESS, read(f, 0, Images.RTOS_RAM + 0x1000 - 8), "straddles into it");
        assertEquals(Status.INVALID_ADDRESS, read(f, 0, Images.LINUX_RAM), "another partition's memory");
        assertEquals(Status.INVALID_ADDRESS, read(f, 0, Images.MON), "the monitor's memory");
        FakePlatform g = boot(false);
        assertEquals(Status.DENIED, read(g, 0, BUF), "not privileged");
    }
}
