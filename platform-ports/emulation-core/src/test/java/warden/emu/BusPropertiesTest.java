package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link Bus} (remembered RAM bank, wide in-page accesses) against a byte-by-byte model of the
 * linear decode it replaces — the first bank added that holds every byte, else the first device
 * window, else a bus error — over random banks (adjacent, apart or overlapping), a device window,
 * and random accesses of 1..8 bytes at page, bank and window edges. The device's log checks that
 * MMIO sees the same accesses in the same order.
 */
class BusPropertiesTest {
    private static final int STEPS = 2000;
    private static final long PAGE = 4096;

    /** A device that logs every access and answers a value derived from it. */
    private static final class LogDevice implements MmioDevice {
        long log = 17;

        @Override
        public long read(long offset, int size, long nowNs) {
            log = log * 31 + offset * 7 + size;
            return (offset * 0x9E37_79B9L + size) & (size == 8 ? -1L : (1L << (8 * size)) - 1);
        }

        @Override
        public void write(long offset, int size, long value, long nowNs) {
            log = log * 37 + offset * 11 + size + value;
        }
    }

    // [utest->dsn~emu.bus.ram-route~1]
    @Property(seed = "17", tries = 80)
    void busDecodesAsTheLinearByteModel(@ForAll long seed) {
        Random rnd = new Random(seed);
        int banks = 1 + rnd.nextInt(3);
        long[] base = new long[banks];
        byte[][] bytes = new byte[banks][];
        Bus bus = new Bus();
        long at = 0x1000L * rnd.nextInt(4);
        for (int b = 0; b < banks; b++) {
            int size = (int) (PAGE * (1 + rnd.nextInt(3)) + (rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(100)));
            int gap = rnd.nextInt(3) == 0 ? -(int) PAGE / 2 : rnd.nextBoolean() ? 0 : 64; // overlap, adjacent, apart
            base[b] = b == 0 ? at : Math.max(0, at + gap);
            bytes[b] = new byte[size];
            bus.addRam(new PhysicalMemory(base[b], size));
            at = base[b] + size;
        }
        long devBase = at + 256;
        LogDevice dev = new LogDevice();
        LogDevice devModel = new LogDevice();
        bus.addDevice(devBase, 64, dev);
        long span = devBase + 128;
        int[] sizes = {1, 2, 4, 8, 3, 5, 6, 7};
        for (int step = 0; step < STEPS; step++) {
            int len = sizes[rnd.nextInt(rnd.nextInt(4) == 0 ? 8 : 4)];
            long addr = rnd.nextInt(3) == 0 ? (rnd.nextLong() & (span - 1 | 0xFFFF)) % span
                    : edge(rnd, base, bytes, devBase) + rnd.nextInt(17) - 8;
            addr = Math.max(0, addr);
            int hit = -1;
            for (int b = 0; b < banks && hit < 0; b++) {
                if (addr >= base[b] && addr + len <= base[b] + bytes[b].length) {
                    hit = b;
                }
            }
            boolean inDevice = hit < 0 && addr >= devBase && addr + len <= devBase + 64;
            if (rnd.nextBoolean()) {
                long value = rnd.nextLong();
                int status = bus.write(addr, len, value, step);
                if (hit >= 0) {
                    for (int i = 0; i < len; i++) {
                        bytes[hit][(int) (addr - base[hit]) + i] = (byte) (value >>> (8 * i));
                    }
                } else if (inDevice) {
                    devModel.write(addr - devBase, len, value, step);
                }
                assertEquals(hit >= 0 || inDevice ? Bus.OK : Bus.BUS_ERROR, status, "write status at " + addr);
            } else {
                int status = bus.read(addr, len, step);
                long expected = 0;
                if (hit >= 0) {
                    for (int i = len - 1; i >= 0; i--) {
                        expected = (expected << 8) | (bytes[hit][(int) (addr - base[hit]) + i] & 0xFF);
                    }
                } else if (inDevice) {
                    expected = devModel.read(addr - devBase, len, step);
                }
                assertEquals(hit >= 0 || inDevice ? Bus.OK : Bus.BUS_ERROR, status, "read status at " + addr);
                if (status == Bus.OK) {
                    assertEquals(expected, bus.lastValue(), "read of " + len + " at " + addr);
                }
            }
            assertEquals(devModel.log, dev.log, "device accesses");
            int b1 = bus.readRamByte(addr);
            int m1 = -1;
            for (int b = 0; b < banks && m1 < 0; b++) {
                if (addr >= base[b] && addr < base[b] + bytes[b].length) {
                    m1 = bytes[b][(int) (addr - base[b])] & 0xFF;
                }
            }
            assertEquals(m1, b1, "byte at " + addr);
        }
    }

    /** An address at a page edge of a bank, a bank edge or the device window's edge. */
    private static long edge(Random rnd, long[] base, byte[][] bytes, long devBase) {
        int b = rnd.nextInt(base.length);
        switch (rnd.nextInt(4)) {
            case 0: return base[b];
            case 1: return base[b] + bytes[b].length;
            case 2: return base[b] + PAGE * rnd.nextInt(1 + bytes[b].length / (int) PAGE);
            default: return rnd.nextBoolean() ? devBase : devBase + 64;
        }
    }
}
