package warden.launcher.config;

import java.util.List;
import warden.emu.DeviceSpec;
import warden.emu.Isolation;
import warden.emu.MemorySpec;
import warden.emu.PlatformDescription;
import warden.emu.TargetInfo;
import warden.kernel.api.Status;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.Refusal;

/**
 * A RISC-V-like target for tests: the platform values of the RISC-V virt-like board and a small
 * PMP model (a NAPOT region costs one entry, any other granule-aligned region two TOR entries; the
 * monitor takes one or two entries too).
 */
final class FakeTarget implements TargetInfo {
    static final PlatformDescription RISCV = riscv(16, 4);

    private final PlatformDescription platform;

    FakeTarget(PlatformDescription platform) {
        this.platform = platform;
    }

    static FakeTarget riscv() {
        return new FakeTarget(RISCV);
    }

    static FakeTarget withEntries(int entries, long granule) {
        return new FakeTarget(riscv(entries, granule));
    }

    static PlatformDescription riscv(int entries, long granule) {
        return new PlatformDescription("riscv", "virt-like", 4, 1_000_000_000L, 10_000_000L,
                List.of(new MemorySpec("ram", 0x8000_0000L, 1L << 30)),
                List.of(new DeviceSpec("clint", "clint", 0x0200_0000L, 0x10000, 0, true),
                        new DeviceSpec("plic", "plic", 0x0C00_0000L, 0x400_0000, 0, true),
                        new DeviceSpec("uart0", "uart", 0x1000_0000L, 0x100, 10, false),
                        new DeviceSpec("uart1", "uart", 0x1000_1000L, 0x100, 11, false),
                        new DeviceSpec("uart2", "uart", 0x1000_2000L, 0x100, 12, false),
                        new DeviceSpec("uart3", "uart", 0x1000_3000L, 0x100, 13, false),
                        new DeviceSpec("can0", "can", 0x1001_0000L, 0x1000, 20, false),
                        new DeviceSpec("can1", "can", 0x1001_1000L, 0x1000, 21, false),
                        new DeviceSpec("nic0", "nic", 0x1002_0000L, 0x1000, 30, false),
                        new DeviceSpec("nic1", "nic", 0x1002_1000L, 0x1000, 31, false)),
                128, entries, granule, 0x8000_0000L, 2L << 20);
    }

    @Override
    public PlatformDescription description() {
        return platform;
    }

    @Override
    public ProtectionUnit newProtectionUnit() {
        return new FakePmp(platform.protectionEntries(), platform.protectionGranule());
    }

    @Override
    public List<Isolation.Problem> isolationProblems(List<Isolation.Partition> partitions) {
        return List.of();
    }

    /** PMP-like entry accounting; no hardware behind it. */
    static final class FakePmp implements ProtectionUnit {
        private final int entries;
        private final long granule;
        private int used;
        private int monitorEntries;
        private int refusal;

        FakePmp(int entries, long granule) {
            this.entries = entries;
            this.granule = granule;
        }

        private int cost(long base, long size) {
            boolean napot = size >= 8 && Long.bitCount(size) == 1 && base % size == 0;
            return napot ? 1 : 2;
        }

        private int take(long base, long size) {
            if (size <= 0 || base % granule != 0 || size % granule != 0) {
                refusal = size <= 0 ? Refusal.OUT_OF_RANGE : Refusal.MISALIGNED;
                return Status.INVALID_PARAM;
            }
            int c = cost(base, size);
            if (used + c > entries) {
                refusal = Refusal.NO_ENTRIES;
                return Status.NO_SPACE;
            }
            refusal = Refusal.NONE;
            used += c;
            return Status.OK;
        }

        @Override
        public int refusal() {
            return refusal;
        }

        @Override
        public int protectMonitor(long base, long size) {
            int st = take(base, size);
            monitorEntries = used;
            return st;
        }

        @Override
        public int beginSlot(int slot) {
            used = monitorEntries;
            return Status.OK;
        }

        @Override
        public int addRegion(int slot, long base, long size, int perms) {
            return take(base, size);
        }

        @Override
        public int activate(int core, int slot) {
            return Status.OK;
        }
    }
}
