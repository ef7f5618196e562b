package warden.kernel;

import java.util.ArrayList;
import java.util.List;
import warden.kernel.api.Status;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.SignatureEngine;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * A port for kernel tests: it records what the kernel asks of it (context switches, deliveries,
 * protection slots, routes) and lets a test raise lines, set call arguments and move time.
 * Registers are modeled as 4 words per core so that save/restore can be checked for leaks.
 */
public final class FakePlatform implements Platform, CpuContext, ProtectionUnit, InterruptController, Timer,
        Console, GuestMemory, SnapshotStore {
    /** The signature engine the kernel gets: the JDK's Ed25519 unless a test puts another. */
    public SignatureEngine signatures = new TestSignatures();

    public static final int WORDS = 4;
    final int cores;
    public final long[][] regs;
    public final int[] bound;
    public final long[] now;
    public final long[] deadline;
    public final long[] args = new long[6];
    public int lastStatus;
    public long lastValue;
    public final List<String> log = new ArrayList<>();
    public final List<int[]> delivered = new ArrayList<>();
    public final int[] activeSlot;
    public final boolean[] pending = new boolean[128];
    public final int[] lineCore = new int[128];
    public final boolean[] lineMasked = new boolean[128];
    public final StringBuilder console = new StringBuilder();
    public final byte[] memory = new byte[1 << 16];
    private final java.util.Map<Long, Byte> sparse = new java.util.HashMap<>();
    public long memoryBase = 0x8000_0000L;
    /** Device registers the monitor wrote through {@link #writeDevice}, by physical address. */
    public final java.util.Map<Long, Long> deviceRegs = new java.util.HashMap<>();
    /** An address at which readDevice and writeDevice answer a bus error; -1 for none. */
    public long busErrorAddress = -1;
    public int regionsPerSlot = 16;
    /** Every region this fake refused for want of entries, as "slot N base". */
    public final java.util.List<String> refusedAdds = new java.util.ArrayList<>();
    private final int[] slotRegions = new int[32];

    public FakePlatform(int cores) {
        this.cores = cores;
        regs = new long[cores][WORDS];
        bound = new int[cores];
        now = new long[cores];
        deadline = new long[cores];
        activeSlot = new int[cores];
        java.util.Arrays.fill(bound, -1);
        java.util.Arrays.fill(deadline, NEVER);
    }

    @Override public String targetName() { return "fake"; }
    @Override public int coreCount() { return cores; }
    @Override public CpuContext cpu() { return this; }
    @Override public ProtectionUnit protection() { return this; }
    @Override public InterruptController interrupts() { return this; }
    @Override public Timer timer() { return this; }
    @Override public Console console() { return this; }
    @Override public GuestMemory memory() { return this; }
    @Override public SignatureEngine signatures() { return signatures; }
    @Override public SnapshotStore snapshots() { return this; }

    // CpuContext
    @Override public int contextWords() { return WORDS; }

    @Override
    public void initContext(long[] ctx, int offset, int partition, int core, long entry) {
        ctx[offset] = entry;
        ctx[offset + 1] = partition;
        ctx[offset + 2] = core;
        ctx[offset + 3] = 0;
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        System.arraycopy(regs[core], 0, ctx, offset, WORDS);
        if (!quiet) {
            log.add("save " + core + " p" + bound[core]);
        }
        bound[core] = -1;
    }

    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        System.arraycopy(ctx, offset, regs[core], 0, WORDS);
        bound[core] = partition;
        if (!quiet) {
            log.add("restore " + core + " p" + partition);
        }
    }

    @Override
    public void idle(int core) {
        bound[core] = -1;
        if (!quiet) {
            log.add("idle " + core);
        }
    }

    @Override public long callArg(int core, int index) { return args[index]; }

    @Override
    public void setCallResult(int core, int status, long value) {
        lastStatus = status;
        lastValue = value;
    }

    @Override
    public void deliverInterrupt(int core, int line) {
        delivered.add(new int[] {core, bound[core], line});
    }

    @Override
    public void deliverTimer(int core) {
        delivered.add(new int[] {core, bound[core], 0});
    }

    @Override
    public void redirectFault(int core) {
        log.add("redirect " + core);
    }

    // ProtectionUnit
    @Override
    public int protectMonitor(long base, long size) {
        log.add("monitor " + Long.toHexString(base) + "+" + Long.toHexString(size));
        return Status.OK;
    }

    @Override
    public int beginSlot(int slot) {
        slotRegions[slot] = 0;
        return Status.OK;
    }

    @Override
    public int addRegion(int slot, long base, long size, int perms) {
        if (slotRegions[slot] >= regionsPerSlot) {
            refusedAdds.add("slot " + slot + " " + Long.toHexString(base));
            lastRefusal = warden.kernel.port.Refusal.NO_ENTRIES;
            return Status.NO_SPACE;
        }
        lastRefusal = warden.kernel.port.Refusal.NONE;
        slotRegions[slot]++;
        log.add("slot " + slot + " " + Long.toHexString(base) + "+" + Long.toHexString(size) + " " + perms);
        return Status.OK;
    }

    /** A slot whose activation this fake's hardware refuses (as a locked PMP entry would), or none. */
    public int refusedSlot = Integer.MIN_VALUE;
    private int lastRefusal;
    /** As {@link #refusedSlot}: every partition's slot is refused (NO_SLOT is still taken). */
    public static final int EVERY_SLOT = Integer.MAX_VALUE;

    @Override
    public int refusal() {
        return lastRefusal;
    }

    @Override
    public int activate(int core, int slot) {
        if (slot == refusedSlot || (refusedSlot == EVERY_SLOT && slot != NO_SLOT)) {
            return Status.FAILED;
        }
        activeSlot[core] = slot;
        return Status.OK;
    }

    // InterruptController
    @Override public int lineCount() { return 128; }

    @Override
    public int route(int line, int core, int priority, boolean critical) {
        lineCore[line] = core;
        return Status.OK;
    }

    @Override
    public int claim(int core) {
        for (int l = 1; l < pending.length; l++) {
            if (pending[l] && !lineMasked[l] && lineCore[l] == core) {
                pending[l] = false;
                return l;
            }
        }
        return 0;
    }

    @Override public void complete(int core, int line) { }

    @Override
    public int setEnabled(int line, boolean enabled) {
        lineMasked[line] = !enabled;
        return Status.OK;
    }

    // Timer
    @Override public long now(int core) { return now[core]; }
    @Override public void setDeadline(int core, long deadlineNs) { deadline[core] = deadlineNs; }

    // Console, GuestMemory
    @Override public void write(int partition, int b) { console.append((char) b); }

    @Override
    public int writeByte(long address, int value) {
        long off = address - memoryBase;
        if (off < 0 || off >= memory.length) {
            if (!sparse.containsKey(address)) {
                return -1;
            }
            sparse.put(address, (byte) value);
            return 0;
        }
        memory[(int) off] = (byte) value;
        dirty |= 1L << (off >>> 12);
        return 0;
    }

    @Override
    public long readDevice(long address) {
        log.add("readDevice " + Long.toHexString(address));
        Long v = deviceRegs.get(address);
        return address == busErrorAddress ? -1 : v == null ? 0 : v;
    }

    @Override
    public int writeDevice(long address, int value) {
        log.add("writeDevice " + Long.toHexString(address) + " " + Integer.toHexString(value));
        if (address == busErrorAddress) {
            return -1;
        }
        deviceRegs.put(address, value & 0xFFFF_FFFFL);
        return 0;
    }

    @Override
    public int readByte(long address) {
        long off = address - memoryBase;
        if (off < 0 || off >= memory.length) {
            Byte b = sparse.get(address);
            return b == null ? -1 : b & 0xff;
        }
        return memory[(int) off] & 0xff;
    }

    /** Makes {@code size} bytes of RAM exist at {@code base} outside the main window, zero-filled. */
    public void addRam(long base, int size) {
        for (int i = 0; i < size; i++) {
            sparse.put(base + i, (byte) 0);
        }
    }

    // SnapshotStore: a byte array as the monitor's store, a set of dirty page numbers
    /** Bit i: page i of the main window (memoryBase + i * 4 KiB) was written since cleaned. */
    public long dirty;
    public byte[] store = new byte[0];
    /** Capacity of the store: reserve refuses beyond it. */
    public long storeCapacity = 1 << 22;
    /** An address at which savePage and loadPage fail; -1 for none. */
    public long pageErrorAddress = -1;
    /** The state the port keeps per partition (its check value), and what reinstate answers. */
    public final long[] liveState = new long[16];
    public final long[] keptState = new long[16];
    public final boolean[] keptAny = new boolean[16];
    public int reinstateStatus;
    public long charged;
    public int captures;
    /** Whether save, restore and idle are left out of {@link #log} (allocation tests). */
    public boolean quiet;
    public int reinstates;
    /** Pages copied back by loadPage. */
    public int loads;
    public long chargedPages;
    public long chargedBytes;
    /** Calls of pageDirty: which pages a snapshot or restore asked about. */
    public int dirtyQueries;

    @Override
    public long reserve(long bytes) {
        if (store.length + bytes > storeCapacity) {
            return -1;
        }
        long at = store.length;
        store = java.util.Arrays.copyOf(store, (int) (store.length + bytes));
        return at;
    }

    @Override
    public boolean pageDirty(long address) {
        dirtyQueries++;
        long page = (address - memoryBase) >>> 12;
        return address >= memoryBase && page < 16 && (dirty & (1L << page)) != 0;
    }

    @Override
    public void cleanPage(long address) {
        long page = (address - memoryBase) >>> 12;
        if (address >= memoryBase && page < 16) {
            dirty &= ~(1L << page);
        }
    }

    @Override
    public int savePage(long address, long offset) {
        if (address == pageErrorAddress || offset < 0 || offset + 4096 > store.length) {
            return -1;
        }
        for (int i = 0; i < 4096; i++) {
            int b = readByte(address + i);
            store[(int) offset + i] = (byte) Math.max(b, 0);
        }
        return 0;
    }

    @Override
    public int loadPage(long offset, long address) {
        if (address == pageErrorAddress || offset < 0 || offset + 4096 > store.length) {
            return -1;
        }
        for (int i = 0; i < 4096; i++) {
            writeByte(address + i, store[(int) offset + i]);
        }
        loads++;
        return 0;
    }

    @Override
    public long readStore(long offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            long o = offset + i;
            v = (v << 8) | (o >= 0 && o < store.length ? store[(int) o] & 0xff : 0);
        }
        return v;
    }

    @Override
    public void capture(int core, long[] ctx, int offset) {
        System.arraycopy(regs[core], 0, ctx, offset, WORDS);
        captures++;
    }

    @Override
    public long keepState(int partition) {
        keptState[partition] = liveState[partition];
        keptAny[partition] = true;
        return keptState[partition];
    }

    @Override public long keptCheck(int partition) { return keptAny[partition] ? keptState[partition] : -1; }

    @Override
    public int reinstate(int partition) {
        if (reinstateStatus != 0 || !keptAny[partition]) {
            return -1;
        }
        liveState[partition] = keptState[partition];
        reinstates++;
        return 0;
    }

    @Override
    public long charge(int core, long pages, long bytesHashed) {
        long ns = pages * 512 + bytesHashed * 4;
        chargedPages += pages;
        chargedBytes += bytesHashed;
        charged += ns;
        return ns;
    }
}
