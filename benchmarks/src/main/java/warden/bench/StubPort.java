package warden.bench;

import warden.kernel.api.Status;
import warden.kernel.port.Console;
import warden.kernel.port.CpuContext;
import warden.kernel.port.GuestMemory;
import warden.kernel.port.InterruptController;
import warden.kernel.port.Platform;
import warden.kernel.port.ProtectionUnit;
import warden.kernel.port.SnapshotStore;
import warden.kernel.port.Timer;

/**
 * A port that does the least a port can: registers are an array of {@code words} longs per core
 * (41 by default, as many as the RISC-V port saves), save and restore copy them, the protection
 * unit and interrupt controller take everything, and a line is pending only when a benchmark
 * raises it. It allocates nothing
 * after construction, so what a benchmark through it measures is the kernel's own cost.
 */
public final class StubPort implements Platform, CpuContext, ProtectionUnit, InterruptController, Timer, Console,
        GuestMemory, SnapshotStore {
    /** Context words of the default stub: the RISC-V port's count. */
    public static final int DEFAULT_WORDS = 41;
    private static final int LINES = 64;
    private final int cores;
    private final int words;
    private final long[] regs;
    private final long[] now;
    private final long[] args = new long[6];
    private final byte[] memory = new byte[1 << 12];
    private long memoryBase;
    private int lastStatus;
    private long lastValue;
    private long sink;
    private int pendingLine;

    public StubPort(int cores, int words) {
        this.cores = cores;
        this.words = words;
        regs = new long[cores * words];
        now = new long[cores];
    }

    @Override public String targetName() { return "stub"; }
    @Override public int coreCount() { return cores; }
    @Override public CpuContext cpu() { return this; }
    @Override public ProtectionUnit protection() { return this; }
    @Override public InterruptController interrupts() { return this; }
    @Override public Timer timer() { return this; }
    @Override public Console console() { return this; }
    @Override public GuestMemory memory() { return this; }
    /** No update is verified in a benchmark: every signature is refused. */
    @Override public warden.kernel.port.SignatureEngine signatures() {
        return (key, message, length, signature) -> warden.kernel.port.SignatureEngine.INVALID;
    }
    @Override public SnapshotStore snapshots() { return this; }

    @Override public int contextWords() { return words; }

    @Override
    public void initContext(long[] ctx, int offset, int partition, int core, long entry) {
        for (int i = 0; i < words; i++) {
            ctx[offset + i] = 0;
        }
        ctx[offset] = entry;
        ctx[offset + 1] = partition;
        ctx[offset + 2] = core;
    }

    @Override
    public void save(int core, long[] ctx, int offset) {
        System.arraycopy(regs, core * words, ctx, offset, words);
    }

    @Override
    public void restore(int core, int partition, long[] ctx, int offset) {
        System.arraycopy(ctx, offset, regs, core * words, words);
    }

    @Override public void idle(int core) { regs[core * words] = 0; }
    @Override public long callArg(int core, int index) { return args[index]; }

    /** Sets monitor-call argument {@code index} (as a guest's register would hold it). */
    public void arg(int index, long value) {
        args[index] = value;
    }

    @Override
    public void setCallResult(int core, int status, long value) {
        lastStatus = status;
        lastValue = value;
    }

    /** @return the status of the last monitor call (read by the benchmarks so that nothing is dead code). */
    public int lastStatus() {
        return lastStatus;
    }

    /** @return the value of the last monitor call. */
    public long lastValue() {
        return lastValue;
    }

    /** Moves core {@code core}'s clock by {@code ns} (virtual time). */
    public void advance(int core, long ns) {
        now[core] += ns;
    }

    /** Makes the register words of every core differ from zero, as a running guest's would. */
    public void scribble(long seed) {
        long x = seed;
        for (int i = 0; i < regs.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            regs[i] = x;
        }
    }

    @Override public void deliverInterrupt(int core, int line) { sink += line; }
    @Override public void deliverTimer(int core) { sink++; }
    @Override public void redirectFault(int core) { sink--; }

    @Override public int protectMonitor(long base, long size) { return Status.OK; }
    @Override public int beginSlot(int slot) { return Status.OK; }
    @Override public int addRegion(int slot, long base, long size, int perms) { return Status.OK; }
    @Override public int refusal() { return warden.kernel.port.Refusal.NONE; }
    @Override public int activate(int core, int slot) { return Status.OK; }

    @Override public int lineCount() { return LINES; }
    @Override public int route(int line, int core, int priority, boolean critical) { return Status.OK; }
    /** Makes {@code line} pending (one at a time): the next claim returns it. */
    public void raise(int line) {
        pendingLine = line;
    }

    @Override
    public int claim(int core) {
        int l = pendingLine;
        pendingLine = 0;
        return l;
    }
    @Override public void complete(int core, int line) { sink += line; }
    @Override public int setEnabled(int line, boolean enabled) { return Status.OK; }

    @Override public long now(int core) { return now[core]; }
    @Override public void setDeadline(int core, long deadlineNs) { sink ^= deadlineNs; }

    @Override public void write(int partition, int b) { sink += b; }

    /** Places the stub's small RAM window at {@code base}. */
    public void memoryAt(long base) {
        memoryBase = base;
    }

    @Override
    public long readDevice(long address) {
        return 0;
    }

    @Override
    public int writeDevice(long address, int value) {
        return 0;
    }

    @Override
    public int readByte(long address) {
        long off = address - memoryBase;
        return off < 0 || off >= memory.length ? -1 : memory[(int) off] & 0xff;
    }

    @Override
    public int writeByte(long address, int value) {
        long off = address - memoryBase;
        if (off < 0 || off >= memory.length) {
            return -1;
        }
        memory[(int) off] = (byte) value;
        return 0;
    }

    // SnapshotStore: no store (a system with snapshots does not boot on the stub), nothing dirty
    @Override public long reserve(long bytes) { return bytes == 0 ? 0 : -1; }
    @Override public boolean pageDirty(long address) { return false; }
    @Override public void cleanPage(long address) { }
    @Override public int savePage(long address, long offset) { return -1; }
    @Override public int loadPage(long offset, long address) { return -1; }
    @Override public long readStore(long offset) { return 0; }
    @Override public void capture(int core, long[] ctx, int offset) {
        System.arraycopy(regs, core * words, ctx, offset, words);
    }
    @Override public long keepState(int partition) { return 0; }
    @Override public long keptCheck(int partition) { return 0; }
    @Override public int reinstate(int partition) { return 0; }
    @Override public long charge(int core, long pages, long bytesHashed) { return 0; }
}
