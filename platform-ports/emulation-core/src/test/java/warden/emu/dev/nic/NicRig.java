package warden.emu.dev.nic;

import warden.emu.Bus;
import warden.emu.DmaGuard;
import warden.emu.PhysicalMemory;
import warden.emu.Stimulus;

/** Test rig: RAM at 0x8000_0000 on a bus, one NIC on line 30, a guard that permits a window. */
final class NicRig {
    static final long RAM = 0x8000_0000L;
    static final long RING = RAM + 0x1000;
    static final long BUFFERS = RAM + 0x2000;
    static final int LINE = 30;

    /** Counts raises of the line. */
    static final class Lines implements Stimulus.LineInput {
        long raised;

        @Override
        public boolean raise(int line, long nowNs) {
            raised++;
            return true;
        }

        @Override
        public long heldRequests(int line) {
            return 0;
        }
    }

    /** Permits [from, to) and counts what it was asked. */
    static final class Window implements DmaGuard {
        long from = RAM;
        long to = RAM + 0x10_0000;
        long asked;

        @Override
        public boolean permits(int master, long address, int length, boolean write) {
            asked++;
            return address >= from && address + length <= to;
        }
    }

    final Bus bus = new Bus();
    final Lines lines = new Lines();
    final Window guard = new Window();
    final NicController nic = new NicController(lines, null, LINE, 0, guard);
    final byte[] frame = new byte[64];

    NicRig() {
        bus.addRam(new PhysicalMemory(RAM, 0x10_0000));
        nic.connect(bus);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i + 1);
        }
    }

    void w(int offset, long value) {
        nic.write(offset, 4, value, 0);
    }

    long r(int offset) {
        return nic.read(offset, 4, 0);
    }

    long mem(long address, int length) {
        bus.read(address, length, 0);
        return bus.lastValue();
    }

    /** A receive ring of {@code n} descriptors, buffer i at BUFFERS + 2048 i, tail n-1, RXEN, mask {@code ims}. */
    void rxRing(int n, int ims) {
        for (int i = 0; i < n; i++) {
            bus.write(RING + 16L * i, 8, BUFFERS + 2048L * i, 0);
            bus.write(RING + 16L * i + 8, 8, 0, 0);
        }
        w(NicController.RDBAL, RING);
        w(NicController.RDBAH, 0);
        w(NicController.RDLEN, 16L * n);
        w(NicController.RDH, 0);
        w(NicController.RDT, n - 1);
        w(NicController.IMS, ims);
        w(NicController.CTRL, NicController.CTRL_RXEN);
    }
}
