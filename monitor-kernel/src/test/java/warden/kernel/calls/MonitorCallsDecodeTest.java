package warden.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.EventRecordDescriptor;
import warden.kernel.api.MonitorCall;
import warden.kernel.api.PartitionState;
import warden.kernel.api.Status;
import warden.kernel.api.SystemImage;
import warden.kernel.api.SystemImageBuilder;
import warden.kernel.api.ImageCheckCode;
import warden.kernel.boot.ImageCheck;
import warden.kernel.api.VcpuState;

/**
 * The decode half of each monitor call on its own, at its boundaries: decoding has no side effect
 * and answers with the status the call gets.
 */
class MonitorCallsDecodeTest {
    private static final long RW = 0x9000_0000L;
    private static final long RO = 0x9000_1000L;
    private static final long RX = 0x9000_2000L;
    private static final long PAGE = 0x1000;

    /** p0: privileged, cores 0 and 2 of 3, regions rw, r and rx; p1: not privileged, core 1. */
    private static SystemImage image() {
        SystemImageBuilder b = SystemImage.builder(3).monitor(0x8000_0000L, 0x1000);
        int p0 = b.partition("p0", Criticality.ASIL_B, 0b101, RX, 0, true);
        b.region(p0, RW, PAGE, Access.READ | Access.WRITE);
        b.region(p0, RO, PAGE, Access.READ);
        b.region(p0, RX, PAGE, Access.READ | Access.EXECUTE);
        int p1 = b.partition("p1", Criticality.QM, 0b010, 0xA000_0000L, 0, false);
        b.region(p1, 0xA000_0000L, PAGE, Access.ALL);
        return b.build();
    }

    private final CallGroups calls = new CallGroups(image());

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void consoleWriteTakesUpTo256BytesOfTheCallersReadableMemory() {
        assertEquals(Status.OK, calls.console.decodeConsoleWrite(0, RO, ConsoleCalls.CONSOLE_MAX));
        assertEquals(Status.INVALID_PARAM, calls.console.decodeConsoleWrite(0, RO, ConsoleCalls.CONSOLE_MAX + 1));
        assertEquals(Status.INVALID_PARAM, calls.console.decodeConsoleWrite(0, RO, -1));
        assertEquals(Status.OK, calls.console.decodeConsoleWrite(0, 0, 0), "an empty write needs no buffer");
        assertEquals(Status.OK, calls.console.decodeConsoleWrite(0, RW, 1));
        assertEquals(Status.OK, calls.console.decodeConsoleWrite(0, RX + PAGE - 1, 1), "its last readable byte");
        assertEquals(Status.INVALID_ADDRESS, calls.console.decodeConsoleWrite(0, RX + PAGE, 1), "one past it");
        assertEquals(Status.INVALID_ADDRESS, calls.console.decodeConsoleWrite(1, RW, 1), "another partition's memory");
        assertEquals(Status.INVALID_ADDRESS, calls.console.decodeConsoleWrite(0, RW - 1, 2), "starts below the region");
    }

    // [utest->dsn~kernel.mcall.console-write~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aBufferMustLieWhollyInOneRegionWithThePermission() {
        assertTrue(calls.owned.ownsReadable(0, RW, PAGE), "the whole region");
        assertFalse(calls.owned.ownsReadable(0, RW, PAGE + 1), "one byte more than the region");
        assertFalse(calls.owned.ownsReadable(0, RW + 1, PAGE), "shifted by one");
        assertTrue(calls.owned.ownsReadable(0, RW + PAGE - 8, 8));
        assertFalse(calls.owned.ownsReadable(0, RW + PAGE - 8, 9), "straddles into the next region");
        assertFalse(calls.owned.ownsReadable(0, RW, 0), "an empty buffer is owned by no one");
        assertFalse(calls.owned.ownsReadable(0, RW, -1));
        assertFalse(calls.owned.ownsReadable(0, -1, 1));
        assertFalse(calls.owned.ownsReadable(0, Long.MAX_VALUE, 2), "wraps past 2^63");
        assertFalse(calls.owned.ownsReadable(0, RW - PAGE, PAGE), "ends where the region starts");
        assertFalse(calls.owned.ownsReadable(1, RW, 8));
    }

    // [utest->dsn~kernel.mcall.event-read~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void eventReadNeedsPrivilegeALoggedRecordAndAWritableBuffer() {
        int len = EventRecordDescriptor.LENGTH;
        assertEquals(Status.OK, calls.events.decodeEventRead(0, 0, 1, RW));
        assertEquals(Status.OK, calls.events.decodeEventRead(0, 4, 5, RW + PAGE - len));
        assertEquals(Status.INVALID_ADDRESS, calls.events.decodeEventRead(0, 4, 5, RW + PAGE - len + 1));
        assertEquals(Status.INVALID_PARAM, calls.events.decodeEventRead(0, 5, 5, RW));
        assertEquals(Status.INVALID_PARAM, calls.events.decodeEventRead(0, -1, 5, RW));
        assertEquals(Status.INVALID_ADDRESS, calls.events.decodeEventRead(0, 0, 5, RO), "read-only");
        assertEquals(Status.INVALID_ADDRESS, calls.events.decodeEventRead(0, 0, 5, RX), "not writable");
        assertEquals(Status.DENIED, calls.events.decodeEventRead(1, 0, 5, 0xA000_0000L));
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void vcpuOnNeedsOneOfTheCallersCoresStoppedThereAndAnExecutableEntry() {
        assertEquals(Status.OK, calls.vcpus.decodeVcpuOn(0, 0, RX, VcpuState.STOPPED));
        assertEquals(Status.OK, calls.vcpus.decodeVcpuOn(0, 2, RX + PAGE - 4, VcpuState.STOPPED));
        assertEquals(Status.INVALID_ADDRESS, calls.vcpus.decodeVcpuOn(0, 2, RX + PAGE - 3, VcpuState.STOPPED));
        assertEquals(Status.INVALID_ADDRESS, calls.vcpus.decodeVcpuOn(0, 2, RW, VcpuState.STOPPED), "not executable");
        assertEquals(Status.INVALID_PARAM, calls.vcpus.decodeVcpuOn(0, 1, RX, VcpuState.STOPPED), "not its core");
        assertEquals(Status.INVALID_PARAM, calls.vcpus.decodeVcpuOn(0, 3, RX, VcpuState.STOPPED), "no such core");
        assertEquals(Status.INVALID_PARAM, calls.vcpus.decodeVcpuOn(0, -1, RX, VcpuState.STOPPED));
        assertEquals(Status.BAD_STATE, calls.vcpus.decodeVcpuOn(0, 0, RX, VcpuState.READY));
        assertEquals(Status.BAD_STATE, calls.vcpus.decodeVcpuOn(0, 0, RX, VcpuState.WAITING));
        assertEquals(Status.OK, calls.vcpus.decodeVcpuOn(1, 1, 0xA000_0000L, VcpuState.STOPPED));
    }

    // [utest->dsn~kernel.mcall.vcpu-power~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aTargetCoreWhoseNumberWrapsTheMaskShiftIsNoCoreOfTheCaller() {
        // 1 << n uses n mod 32: 32, 34, -32 and -30 would alias the caller's cores 0 and 2
        for (long core : new long[] {32, 34, -32, -30, 1L << 32, Long.MIN_VALUE}) {
            assertEquals(Status.INVALID_PARAM, calls.vcpus.decodeVcpuOn(0, core, RX, VcpuState.STOPPED),
                    "core " + core);
        }
        assertEquals(Status.OK, calls.vcpus.decodeVcpuOn(0, 2, RX, VcpuState.STOPPED), "its real core 2");
    }

    // [utest->dsn~kernel.mcall.decode-invoke~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aRegionBasedAtAddressZeroOwnsItsFirstByte() {
        SystemImageBuilder b = SystemImage.builder(1).monitor(0x8000_0000L, 0x1000);
        int p = b.partition("low", Criticality.QM, 0b1, 0, 0, true);
        b.region(p, 0, PAGE, Access.READ | Access.WRITE);
        SystemImage low = b.build();
        assertEquals(ImageCheckCode.OK, new ImageCheck().check(low, 1), "a valid image");
        CallGroups lowCalls = new CallGroups(low);
        assertTrue(lowCalls.owned.ownsReadable(p, 0, 1));
        assertTrue(lowCalls.owned.ownsReadable(p, 0, PAGE), "the whole region from address 0");
        assertEquals(Status.OK, lowCalls.console.decodeConsoleWrite(p, 0, 16));
        assertEquals(Status.OK, lowCalls.events.decodeEventRead(p, 0, 1, 0));
        assertFalse(lowCalls.owned.ownsReadable(p, -1, 2), "one byte below it");
    }

    // [utest->dsn~kernel.mcall.partition-info~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void partitionInfoOfOthersNeedsPrivilege() {
        assertEquals(Status.OK, calls.partitions.decodePartitionInfo(1, -1));
        assertEquals(Status.OK, calls.partitions.decodePartitionInfo(1, 1));
        assertEquals(Status.DENIED, calls.partitions.decodePartitionInfo(1, 0));
        assertEquals(Status.OK, calls.partitions.decodePartitionInfo(0, 1), "privileged");
        assertEquals(Status.OK, calls.partitions.decodePartitionInfo(0, 0));
        assertEquals(Status.INVALID_PARAM, calls.partitions.decodePartitionInfo(0, 2));
        assertEquals(Status.INVALID_PARAM, calls.partitions.decodePartitionInfo(0, -2));
    }

    // [utest->dsn~kernel.mcall.partition-info~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void partitionInfoPacksCriticalityStateAndCores() {
        assertEquals(Criticality.ASIL_B | (PartitionState.STOPPED << 8) | (0b101L << 16),
                calls.partitions.packInfo(0, PartitionState.STOPPED));
        assertEquals((long) PartitionState.RUNNING << 8 | 0b010L << 16, calls.partitions.packInfo(1,
                PartitionState.RUNNING));
    }

    // [utest->dsn~kernel.timer.multiplex~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void aDeadlineIsNonNegativeOrMinusOneToCancel() {
        assertEquals(Status.OK, calls.time.decodeSetTimer(0));
        assertEquals(Status.OK, calls.time.decodeSetTimer(-1));
        assertEquals(Status.INVALID_PARAM, calls.time.decodeSetTimer(-2));
        assertEquals(Status.OK, calls.time.decodeSetTimer(Long.MAX_VALUE));
    }

    // [utest->dsn~kernel.mcall.ids~1]
    // [utest->dsn~kernel.mcall.decode-invoke~1]
    @Test
    void exactlyTheIdsBelowCountAreKnown() {
        assertTrue(MonitorCalls.known(0));
        assertTrue(MonitorCalls.known(MonitorCall.COUNT - 1));
        assertFalse(MonitorCalls.known(MonitorCall.COUNT));
        assertFalse(MonitorCalls.known(MonitorCall.UNKNOWN));
        assertEquals("VERSION", MonitorCall.name(MonitorCall.VERSION));
        assertEquals("PARTITION_RESET", MonitorCall.name(MonitorCall.PARTITION_RESET));
        assertEquals("UNKNOWN", MonitorCall.name(MonitorCall.COUNT));
        assertEquals("UNKNOWN", MonitorCall.name(MonitorCall.UNKNOWN));
    }
}
