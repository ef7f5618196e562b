package warden.emu.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import warden.emu.Bus;
import warden.emu.Executor;
import warden.emu.GuestCpu;
import warden.emu.PhysicalMemory;
import warden.emu.Snapshottable;
import warden.kernel.api.Access;
import warden.kernel.api.Criticality;
import warden.kernel.api.SystemImage;

/**
 * The emulated boards' snapshot store: dirty bits set by every write path of RAM and only for the
 * page written, cleaned on request; a store on no bus that copies pages both ways within what was
 * reserved; the kept state of the partition's executors; the time charged by the cost given.
 */
class PortSnapshotsTest {
    private static final long RAM = 0x8000_0000L;

    /** An executor that keeps one number. */
    static final class Kept implements Executor, Snapshottable {
        long state;
        long kept = -1;
        long reinstatedAt = -1;
        @Override public int run(GuestCpu cpu) { return EXIT_BUDGET; }
        @Override public void onInterrupt(int line, long nowNs) { }
        @Override public void onTimer(long nowNs) { }
        @Override public void onFault(int cause, long address, long nowNs) { }
        @Override public String kind() { return "kept"; }
        @Override public long keep() { kept = state; return kept; }
        @Override public long keptCheck() { return kept; }

        @Override
        public boolean reinstate(long nowNs) {
            if (kept < 0) {
                return false;
            }
            state = kept;
            reinstatedAt = nowNs;
            return true;
        }
    }

    private final Bus bus = new Bus();
    private final PhysicalMemory ram = new PhysicalMemory(RAM, 1 << 20);
    private final Kept guest = new Kept();
    private final long[] spent = new long[2];
    private final PortSnapshots store;

    PortSnapshotsTest() {
        bus.addRam(ram);
        var b = SystemImage.builder(2).monitor(0x7000_0000L, 0x1000);
        b.partition("p", Criticality.ASIL_C, 0b10, RAM, 0, false);
        b.region(0, RAM, 0x1000, Access.ALL);
        SystemImage image = b.build();
        GuestBinding guests = new GuestBinding(image, 2, new Executor[] {null, guest});
        store = new PortSnapshots(bus, guests, image, new PortSnapshots.Cores() {
            @Override public void capture(int core, long[] ctx, int offset) { ctx[offset] = 40 + core; }
            @Override public void spend(int core, long ns) { spent[core] += ns; }
            @Override public long now(int core) { return 1000 + core; }
        }, 512, 4000);
    }

    // [utest->dsn~emu.dirty-pages~1]
    // [utest->dsn~port.snapshot-store~1]
    @Test
    void everyWritePathMarksItsPageDirtyAndOnlyItsPage() {
        for (long a = RAM; a < RAM + 8 * 4096; a += 4096) {
            assertFalse(store.pageDirty(a), "clean at construction");
        }
        ram.writeByte(RAM + 5, 1);
        bus.write(RAM + 4096 + 8, 8, 7, 0);
        bus.write(RAM + 2 * 4096 + 3, 4, 7, 0); // not aligned: byte by byte
        ram.markDirty(RAM + 3 * 4096 + 100);
        bus.writeRamByte(RAM + 65 * 4096, 1); // a page in the second word of the bitmap
        for (int i = 0; i < 4; i++) {
            assertTrue(store.pageDirty(RAM + i * 4096L + 4095), "page " + i);
        }
        assertFalse(store.pageDirty(RAM + 4 * 4096));
        assertFalse(store.pageDirty(RAM + 64 * 4096));
        assertTrue(store.pageDirty(RAM + 65 * 4096));
        assertFalse(store.pageDirty(RAM + 66 * 4096));
        store.cleanPage(RAM + 4096 + 17);
        assertFalse(store.pageDirty(RAM + 4096));
        assertTrue(store.pageDirty(RAM), "cleaning one page leaves the others");
        assertTrue(store.pageDirty(RAM + 2 * 4096));
        assertFalse(store.pageDirty(0x1000), "no RAM there");
        store.cleanPage(0x1000);
    }

    // [utest->dsn~port.snapshot-store~1]
    @Test
    void pagesGoToTheStoreAndBackWithinWhatWasReserved() {
        assertEquals(0, store.reserve(2 * 4096));
        assertEquals(2 * 4096, store.reserve(4096));
        assertEquals(-1, store.reserve(100), "whole pages only");
        assertEquals(-1, store.reserve(-4096));
        assertEquals(-1, store.reserve(PortSnapshots.STORE_BYTES));
        ram.write(RAM + 4096 + 16, 8, 0x1122_3344_5566_7788L);
        assertEquals(0, store.savePage(RAM + 4096, 4096));
        assertEquals(0x1122_3344_5566_7788L, store.readStore(4096 + 16));
        assertEquals(0, store.readStore(3 * 4096), "outside what was reserved");
        assertEquals(0, store.readStore(-8));
        ram.write(RAM + 16, 8, 5);
        assertEquals(0, store.loadPage(4096, RAM));
        assertEquals(0x1122_3344_5566_7788L, ram.read(RAM + 16, 8));
        assertTrue(ram.dirty(RAM), "a copy back is a write");
        assertEquals(-1, store.savePage(RAM, 3 * 4096), "not reserved");
        assertEquals(-1, store.savePage(RAM, 100), "not a page of the store");
        assertEquals(-1, store.loadPage(-4096, RAM));
        assertEquals(-1, store.savePage(0x1000, 0), "no RAM there");
        assertEquals(-1, store.loadPage(0, 0x1000));
        assertEquals(0, store.savePage(RAM, 2 * 4096), "the last page reserved");
    }

    // [utest->dsn~port.snapshot-store~1]
    // [utest->dsn~emu.kept-state~1]
    @Test
    void theKeptStateIsTheExecutorsAndTheTimeIsChargedToTheCore() {
        assertEquals(-1, store.reinstate(0), "nothing kept yet");
        guest.state = 9;
        long check = store.keepState(0);
        assertEquals(9, check);
        assertEquals(9, store.keptCheck(0));
        guest.state = 10;
        assertEquals(0, store.reinstate(0));
        assertEquals(9, guest.state);
        assertEquals(1001, guest.reinstatedAt, "at the time of its core (1)");
        long[] ctx = new long[3];
        store.capture(1, ctx, 2);
        assertEquals(41, ctx[2]);
        assertEquals(2 * 512 + 4, store.charge(1, 2, 1), "4 ps per byte, rounded up to whole ns");
        assertEquals(512 + 4000, store.charge(0, 1, 1000));
        assertEquals(2 * 512 + 4, spent[1]);
        assertEquals(4512, spent[0]);
    }

    // [utest->dsn~port.snapshot-store~1]
    @Test
    void theStoreEndsExactlyAtItsSizeAndACopyStaysWithinItsPage() {
        assertEquals(0, store.reserve(0), "nothing, at the start");
        long end = PortSnapshots.STORE_BYTES;
        assertEquals(0, store.reserve(end - 4096));
        assertEquals(end - 4096, store.reserve(4096), "exactly the rest");
        assertEquals(-1, store.reserve(4096), "nothing left");
        ram.write(RAM + 4096, 8, 11);
        ram.write(RAM + 2 * 4096 - 8, 8, 12);
        ram.write(RAM + 2 * 4096, 8, 13);
        assertEquals(0, store.savePage(RAM + 2 * 4096, 4096));
        assertEquals(0, store.savePage(RAM + 4096, 0), "store page 0");
        assertEquals(11, store.readStore(0));
        assertEquals(12, store.readStore(4088));
        assertEquals(13, store.readStore(4096), "the next store page is left alone");
        assertEquals(0, store.loadPage(0, RAM + 3 * 4096));
        assertEquals(12, ram.read(RAM + 4 * 4096 - 8, 8));
        assertEquals(0, ram.read(RAM + 4 * 4096, 8), "the next RAM page is left alone");
        assertEquals(0, store.savePage(RAM + 4096, end - 4096), "the last page of the store");
        assertEquals(12, store.readStore(end - 8));
    }

    // [utest->dsn~port.snapshot-store~1]
    @Test
    void aPartitionOnTwoCoresIsReinstatedAtTheTimeOfItsFirstCoreAndTheStoreReadsOnlyWhatWasReserved() {
        var b = SystemImage.builder(2).monitor(0x7000_0000L, 0x1000);
        b.partition("p", Criticality.ASIL_C, 0b11, RAM, 0, false);
        b.region(0, RAM, 0x1000, Access.ALL);
        b.partition("none", Criticality.QM, 0b01, RAM + 0x1000, 0, false);
        b.region(1, RAM + 0x1000, 0x1000, Access.ALL);
        Kept first = new Kept();
        Kept second = new Kept();
        SystemImage image = b.build();
        GuestBinding guests = new GuestBinding(image, 2, new Executor[] {first, second, null, null});
        PortSnapshots both = storeAt(guests, image, 1000);
        first.state = 1;
        second.state = 2;
        assertEquals(31 + 2, both.keepState(0), "the executors' checks combined");
        first.state = 5;
        assertEquals(0, both.reinstate(0));
        assertEquals(1, first.state);
        assertEquals(1000, first.reinstatedAt, "core 0's time");
        assertEquals(1000, second.reinstatedAt);
        assertEquals(0, both.reinstate(1), "a partition without executors has nothing to reinstate");
        assertEquals(0, both.reserve(4096));
        both.store().write(4096, 8, 99); // an upset just past what was reserved
        assertEquals(0, both.readStore(4096), "not the kernel's to read");
        assertEquals(0, both.readStore(4092), "nor its part of a word");
    }

    /** A device window that keeps one number, like {@link Kept}. */
    static final class KeptDevice implements warden.emu.MmioDevice, Snapshottable {
        final Kept state = new Kept();
        @Override public long read(long offset, int size, long nowNs) { return state.state; }
        @Override public void write(long offset, int size, long value, long nowNs) { state.state = value; }
        @Override public long keep() { return state.keep(); }
        @Override public long keptCheck() { return state.keptCheck(); }
        @Override public boolean reinstate(long nowNs) { return state.reinstate(nowNs); }
    }

    /** A store on this test's bus whose core c is at {@code nowNs + c}; it captures and charges nothing. */
    private PortSnapshots storeAt(GuestBinding guests, SystemImage image, long nowNs) {
        return new PortSnapshots(bus, guests, image, new PortSnapshots.Cores() {
            @Override public void capture(int core, long[] ctx, int offset) { }
            @Override public void spend(int core, long ns) { }
            @Override public long now(int core) { return nowNs + core; }
        }, 512, 4000);
    }

    /** A store whose cores 0 and 1 are at 7000 and 7001 ns. */
    private PortSnapshots deviceStore(GuestBinding guests, SystemImage image) {
        return storeAt(guests, image, 7000);
    }

    // [utest->dsn~port.device-kept-state~1]
    @Test
    void theDevicesAPartitionOwnsAreKeptCheckedAndReinstatedWithItAndNoOthers() {
        var b = SystemImage.builder(2).monitor(0x7000_0000L, 0x1000);
        b.partition("p", Criticality.ASIL_C, 0b01, RAM, 0, false);
        b.region(0, RAM, 0x1000, Access.ALL);
        b.partition("q", Criticality.QM, 0b10, RAM + 0x1000, 0, false);
        b.region(1, RAM + 0x1000, 0x1000, Access.ALL);
        b.device(0, "plain", 0x1000_0000L, 0x1000);
        b.device(0, "mine", 0x1000_1000L, 0x1000);
        b.device(1, "theirs", 0x1000_2000L, 0x1000);
        b.device(0, "later", 0x1000_3000L, 0x1000);
        SystemImage image = b.build();
        Kept guest0 = new Kept();
        KeptDevice mine = new KeptDevice();
        KeptDevice theirs = new KeptDevice();
        KeptDevice stray = new KeptDevice();
        bus.addDevice(0, 0x1000, stray); // where no image device is
        bus.addDevice(0x1000_0000L, 0x1000, new warden.emu.NullDevice());
        bus.addDevice(0x1000_1000L, 0x1000, mine);
        bus.addDevice(0x1000_2000L, 0x1000, theirs);
        GuestBinding guests = new GuestBinding(image, 2, new Executor[] {guest0, null, null, null});
        guest0.state = 3;
        mine.state.state = 5;
        theirs.state.state = 9;
        guest0.kept = 3;
        assertEquals(-1, deviceStore(guests, image).reinstate(0), "a first use binds the devices: mine has no copy");
        PortSnapshots s = deviceStore(guests, image);
        assertEquals(3 * 31 + 5, s.keepState(0), "the guest's check, then the owned device's");
        KeptDevice later = new KeptDevice();
        bus.addDevice(0x1000_3000L, 0x1000, later); // an image device that appears after the first use
        assertEquals(3 * 31 + 5, s.keepState(0), "bound once");
        assertEquals(-1, later.keptCheck());
        assertEquals(-1, stray.keptCheck(), "only the image's devices are bound");
        assertEquals(-1, theirs.keptCheck(), "another partition's device is not kept");
        assertEquals(3 * 31 + 5, s.keptCheck(0));
        mine.state.kept = 6; // the device's copy changed since
        assertEquals(3 * 31 + 6, s.keptCheck(0), "a changed device copy changes the check");
        mine.state.kept = 5;
        mine.state.state = 8;
        theirs.state.state = 10;
        assertEquals(0, s.reinstate(0));
        assertEquals(5, mine.state.state, "the owned device is back");
        assertEquals(7000, mine.state.reinstatedAt, "at the time of the partition's core");
        assertEquals(10, theirs.state.state, "another partition's device is left alone");
        assertEquals(-1, s.reinstate(1), "q's device was never kept: the reinstatement fails");
        assertEquals(-1, s.keptCheck(1), "q's check is that of a device without a copy");
        s.keepState(1);
        assertEquals(0, s.reinstate(1));
        assertEquals(0, theirs.state.reinstatedAt, "q has no vCPU: time 0");
    }

    // [utest->dsn~port.device-kept-state~1]
    @Test
    void aFirstKeepOrCheckBindsTheDevicesToo() {
        var b = SystemImage.builder(1).monitor(0x7000_0000L, 0x1000);
        b.partition("p", Criticality.ASIL_C, 0b01, RAM, 0, false);
        b.region(0, RAM, 0x1000, Access.ALL);
        b.device(0, "mine", 0x1000_1000L, 0x1000);
        SystemImage image = b.build();
        GuestBinding guests = new GuestBinding(image, 1, new Executor[] {null});
        PortSnapshots early = deviceStore(guests, image);
        assertEquals(0, early.keepState(0), "used before the device is on the bus: none bound");
        KeptDevice mine = new KeptDevice();
        bus.addDevice(0x1000_1000L, 0x1000, mine);
        assertEquals(0, early.keepState(0), "and none later: the binding is done once");
        assertEquals(-1, deviceStore(guests, image).keptCheck(0), "no copy of mine yet");
        mine.state.state = 4;
        assertEquals(4, deviceStore(guests, image).keepState(0));
        assertEquals(4, mine.keptCheck());
    }
}
