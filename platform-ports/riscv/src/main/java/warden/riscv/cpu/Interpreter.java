package warden.riscv.cpu;

import warden.emu.Bus;
import warden.emu.PhysicalMemory;

/**
 * Executes RV64IMAFDC + Zicsr + Zifencei instructions on a {@link HartState}. Instructions are
 * decoded once into a per-physical-page cache ({@link DecodedPage}: packed operation and
 * immediate per 2-byte slot), invalidated by any store into the page and by FENCE.I; the loop
 * dispatches on the pre-decoded operation. Synchronous exceptions and interrupts enter M-mode or,
 * when delegated by medeleg/mideleg from S/U, S-mode, exactly as the privileged spec 1.12 says
 * (sections 3.1.6.1, 3.1.9, 3.3, 4.1.1): xPIE/xIE/xPP stacking, xepc, xcause, xtval (the
 * instruction bits for an illegal instruction, the address for a memory fault), xtvec direct or
 * vectored. Pending interrupts are taken between instructions in the priority order MEI, MSI,
 * MTI, SEI, SSI, STI.
 *
 * [impl->dsn~riscv.hart.interpreter~1] [impl->dsn~riscv.hart.traps~1] [impl->dsn~riscv.hart.interrupts~1]
 */
public final class Interpreter {
    private static final int SLICE = 4096;
    private static final int PAGE_TABLE = 1024;
    private static final int[] PRIORITY = {11, 3, 7, 9, 1, 5};
    static final long INTERRUPT = 1L << 63;

    final HartState s;
    final long[] x;
    final Mmu mmu;
    final CsrFile csrs;
    private final Decoder decoder = new Decoder();
    private final FloatUnit fpu;
    private final DecodedPage[] pages = new DecodedPage[PAGE_TABLE];
    private final Lines lines;
    private final Bus bus;
    private DecodedPage cur;
    private long curVpage = -1;
    private boolean fetchFree;
    private boolean stopSlice;
    private long reservation = -1;
    private long watchAddress = -1;
    private boolean watchHit;
    /** Synchronous exceptions raised: steps that retired no instruction. */
    private long exceptions;
    /** Under a monitor written in Java: {@link #run} returns as soon as a trap enters M-mode. */
    private boolean returnOnMachineTrap;
    private boolean timeBounded;

    /**
     * @param ram the RAM bank the hart reaches directly (a fast path; null to go through the bus only)
     */
    public Interpreter(HartState s, Bus bus, PhysicalMemory ram, Lines lines) {
        this.s = s;
        this.x = s.x;
        this.bus = bus;
        this.lines = lines;
        this.mmu = new Mmu(s, this, bus, ram);
        this.csrs = new CsrFile(s, this);
        this.fpu = new FloatUnit(s);
    }

    /** Stops the run after any store that touches the 8 bytes at {@code address} (HTIF tohost). */
    public void watch(long address) {
        watchAddress = address;
    }

    /**
     * Makes {@link #run} return once a trap or interrupt has entered M-mode (mcause, mepc, mtval
     * and mstatus set as the spec says), so that a monitor that is not itself RISC-V code handles
     * it; the hart is left at mtvec in M-mode.
     */
    public void returnOnMachineTrap(boolean on) {
        returnOnMachineTrap = on;
    }

    /**
     * With {@code on}, {@link #run} also stops once the virtual time reaches the start plus its
     * budget (one instruction per ns), so a hart that waited in WFI returns to the monitor at its
     * step's end instead of running its idle loop on for the rest of the budget in instructions.
     * [impl->dsn~riscv.elf.wfi-time~1]
     */
    public void timeBounded(boolean on) {
        timeBounded = on;
    }

    /** @return whether a store touched the watched address since the last call; clears the flag. */
    public boolean watchHit() {
        boolean hit = watchHit;
        watchHit = false;
        return hit;
    }

    /**
     * Runs up to {@code budget} steps, stopping early after a store to the watched address. A step
     * is an instruction that retired or one that raised an exception, so a trap storm (a handler
     * that itself traps) spends the budget as well.
     *
     * @return steps done
     */
    public long run(long budget) {
        long start = steps();
        long end = start + budget;
        long until = s.now() + budget; // a WFI spends time, not steps: the budget also bounds virtual time
        mmu.pmpChanged();
        translationChanged();
        while (steps() < end && (!timeBounded || s.now() < until) && !watchHit && !machineTrapped()) {
            takeInterrupt();
            if (machineTrapped()) {
                break;
            }
            long next = lines.nextEventNs();
            long sliceEnd = Math.min(end - steps(), SLICE);
            if (next > s.now() && next - s.now() < sliceEnd) {
                sliceEnd = next - s.now();
            }
            stopSlice = false;
            runSlice(s.instret + sliceEnd);
        }
        return steps() - start;
    }

    private boolean machineTrapped() {
        return returnOnMachineTrap && s.priv == HartState.PRIV_M;
    }

    /** @return instructions retired plus exceptions raised. */
    private long steps() {
        return s.instret + exceptions;
    }

    private void runSlice(long sliceEnd) {
        while (s.instret < sliceEnd && !stopSlice) {
            try {
                loop(sliceEnd);
            } catch (Trap taken) {
                exceptions++;
                stopSlice = true;
            }
        }
    }

    /**
     * The hot loop: pc and the retired count live in locals and are written back before anything
     * that may trap or read them (memory, system and AMO operations, page entry), and on exit.
     */
    private void loop(long sliceEnd) {
        final long[] r = x;
        final HartState st = s;
        long p = st.pc;
        long n = st.instret;
        while (n < sliceEnd) {
            DecodedPage page = (p & ~0xFFFL) == curVpage ? cur : enter(p, n);
            int slot = (int) (p & 0xFFF) >>> 1;
            int c = page.code[slot];
            if (c == 0 || !fetchFree) {
                c = fetchSlow(page, p, n, slot, c);
            }
            int imm = page.imm[slot];
            long next = p + ((c & Op.COMPRESSED) != 0 ? 2 : 4);
            int op = c & 0xFF;
            int rd = c >>> Op.RD & 63;
            long a = r[c >>> Op.RS1 & 63];
            long b = r[c >>> Op.RS2 & 63];
            switch (op >>> 5) {
                case 0: r[rd] = op < Op.ADD ? Alu.imm(op, a, imm) : Alu.reg(op, a, b, imm, p); break;
                case 1: r[rd] = Alu.mul(op, a, b); break;
                case 3: next = control(op, rd, a, b, imm, p, next); break;
                default:
                    st.pc = p;
                    st.instret = n;
                    next = slow(op, c, imm, p, next);
                    if (stopSlice) {
                        st.pc = next;
                        st.instret = n + 1;
                        return;
                    }
                    break;
            }
            p = next;
            n++;
        }
        st.pc = p;
        st.instret = n;
    }

    /** Enters the page of pc p (which may trap: pc and instret are written back first). */
    private DecodedPage enter(long p, long n) {
        s.pc = p;
        s.instret = n;
        enterPage(p);
        return cur;
    }

    /** Decodes slot on first use and, when fetches need a PMP check, checks this one. @return the decoding. */
    private int fetchSlow(DecodedPage page, long p, long n, int slot, int c) {
        s.pc = p;
        s.instret = n;
        int code = c == 0 ? decodeSlot(page, p, slot) : c;
        if (!fetchFree) {
            checkFetch(page, p, (code & Op.COMPRESSED) != 0 ? 2 : 4);
        }
        return code;
    }

    /** Memory, system and AMO operations (s.pc is the instruction's). @return the next pc. */
    private long slow(int op, int c, int imm, long p, long next) {
        int rd = c >>> Op.RD & 63;
        int rs1 = c >>> Op.RS1 & 63;
        int rs2 = c >>> Op.RS2 & 63;
        switch (op >>> 5) {
            case 2: memory(op, rd, x[rs1] + imm, x[rs2]); return next;
            case 4: system(op, rd, rs1, rs2, imm, p, next); return s.pc;
            case 6: floating(op, c, imm, p); return next;
            default: amo(op, rd, x[rs1], x[rs2]); return next;
        }
    }

    private void enterPage(long p) {
        long pa = mmu.translate(p, 2, Mmu.FETCH);
        if (!mmu.isRam(pa & ~0xFFFL, 1)) {
            throw raise(1, p);
        }
        long ppn = pa >>> 12;
        int index = (int) (ppn & (PAGE_TABLE - 1));
        DecodedPage page = pages[index];
        if (page == null || page.ppn != ppn) {
            page = new DecodedPage(ppn);
            pages[index] = page;
        }
        cur = page;
        curVpage = p & ~0xFFFL;
    }

    private int decodeSlot(DecodedPage page, long p, int slot) {
        long pa = (page.ppn << 12) | (p & 0xFFF);
        int low = (int) mmu.physRead(pa, 2, 1, p);
        int insn = low;
        boolean crosses = false;
        if ((low & 3) == 3) {
            crosses = (p & 0xFFF) == 0xFFE;
            long pa2 = crosses ? mmu.translate(p + 2, 2, Mmu.FETCH) : pa + 2;
            if (crosses && !mmu.isRam(pa2, 2)) {
                throw raise(1, p + 2);
            }
            insn |= (int) mmu.physRead(pa2, 2, 1, p + 2) << 16;
        }
        int c = decoder.decode(insn);
        if (!crosses) { // an instruction spanning two pages is decoded on every execution
            page.code[slot] = c;
            page.imm[slot] = decoder.imm();
        } else {
            page.imm[slot] = decoder.imm();
        }
        return c;
    }

    /** PMP check of an instruction fetch below M-mode (or with a locked entry), on the cached page's frame. */
    private void checkFetch(DecodedPage page, long p, int len) {
        long pa = (page.ppn << 12) | (p & 0xFFF);
        if (!s.pmp.allows(pa, 2, warden.kernel.api.Access.EXECUTE, s.priv)
                || len == 4 && !s.pmp.allows(pa + 2, 2, warden.kernel.api.Access.EXECUTE, s.priv)) {
            throw raise(1, p);
        }
    }

    private void memory(int op, int rd, long address, long value) {
        switch (op) {
            case Op.LB: x[rd] = (byte) mmu.load(address, 1); break;
            case Op.LH: x[rd] = (short) mmu.load(address, 2); break;
            case Op.LW: x[rd] = (int) mmu.load(address, 4); break;
            case Op.LD: x[rd] = mmu.load(address, 8); break;
            case Op.LBU: x[rd] = mmu.load(address, 1); break;
            case Op.LHU: x[rd] = mmu.load(address, 2); break;
            case Op.LWU: x[rd] = mmu.load(address, 4); break;
            case Op.SB: mmu.store(address, 1, value); break;
            case Op.SH: mmu.store(address, 2, value); break;
            case Op.SW: mmu.store(address, 4, value); break;
            default: mmu.store(address, 8, value); break;
        }
    }

    /**
     * F and D: illegal while mstatus.FS is Off (privileged spec 3.1.6.6) or with a reserved rounding
     * mode; loads and stores move raw bits (FLW boxes) with the integer loads' alignment and fault rules.
     * [impl->dsn~riscv.hart.float-state~1] [impl->dsn~riscv.hart.float-ops~1]
     */
    private void floating(int op, int c, int imm, long p) {
        if ((s.mstatus & HartState.MSTATUS_FS) == 0) {
            throw raise(2, instructionBits(p));
        }
        int rd = c >>> Op.RD & 63;
        long address = x[c >>> Op.RS1 & 63] + imm;
        long[] f = s.f;
        switch (op) {
            case Op.FLW: f[rd] = mmu.load(address, 4) | FloatUnit.BOX; fpu.dirty(); break;
            case Op.FLD: f[rd] = mmu.load(address, 8); fpu.dirty(); break;
            case Op.FSW: mmu.store(address, 4, f[c >>> Op.RS2 & 63]); break;
            case Op.FSD: mmu.store(address, 8, f[c >>> Op.RS2 & 63]); break;
            default:
                if (fpu.execute(op, imm) != FloatUnit.OK) {
                    throw raise(2, imm & 0xFFFF_FFFFL);
                }
                break;
        }
    }

    /** @return the bits of the instruction at pc p (16 when compressed), for mtval; it was fetched just now. */
    private long instructionBits(long p) {
        long low = mmu.physRead(mmu.translate(p, 2, Mmu.FETCH), 2, 1, p);
        if ((low & 3) != 3) {
            return low;
        }
        return low | mmu.physRead(mmu.translate(p + 2, 2, Mmu.FETCH), 2, 1, p + 2) << 16;
    }

    private long control(int op, int rd, long a, long b, int imm, long p, long next) {
        long target;
        switch (op) {
            case Op.JAL: x[rd] = next; return p + imm;
            case Op.JALR: target = (a + imm) & ~1L; x[rd] = next; return target;
            case Op.BEQ: return a == b ? p + imm : next;
            case Op.BNE: return a != b ? p + imm : next;
            case Op.BLT: return a < b ? p + imm : next;
            case Op.BGE: return a >= b ? p + imm : next;
            case Op.BLTU: return Long.compareUnsigned(a, b) < 0 ? p + imm : next;
            default: return Long.compareUnsigned(a, b) >= 0 ? p + imm : next;
        }
    }

    private void system(int op, int rd, int rs1, int rs2, int insn, long p, long next) {
        s.pc = p; // the trapping instruction's pc, should it trap
        switch (op) {
            case Op.FENCE: s.pc = next; return;
            case Op.FENCE_I: flushDecoded(); s.pc = next; return;
            case Op.ECALL: throw raise(8 + s.priv, 0);
            case Op.EBREAK: throw raise(3, p);
            case Op.MRET: mret(insn); return;
            case Op.SRET: sret(insn); return;
            case Op.WFI: wfi(insn); s.pc = next; return;
            case Op.SFENCE_VMA: sfence(insn); s.pc = next; return;
            case Op.ILLEGAL: throw raise(2, insn & 0xFFFF_FFFFL);
            default: csr(op, rd, rs1, insn); s.pc = next; return;
        }
    }

    private void csr(int op, int rd, int rs1, int insn) {
        int number = insn >>> 20;
        boolean immediate = op >= Op.CSRRWI;
        int kind = immediate ? op - Op.CSRRWI : op - Op.CSRRW; // 0 write, 1 set, 2 clear
        long operand = immediate ? rs1 : x[rs1];
        boolean writes = kind == 0 || rs1 != 0;
        boolean reads = kind != 0 || rd != Op.SINK;
        long old = csrs.read(number);
        if (old == CsrFile.ILLEGAL || !csrs.allowed(number, writes)) {
            throw raise(2, insn & 0xFFFF_FFFFL);
        }
        if (writes) {
            long v = kind == 0 ? operand : kind == 1 ? old | operand : old & ~operand;
            csrs.write(number, v);
            stopSlice = true; // an enable may have changed: look at interrupts again
        }
        if (reads) {
            x[rd] = old;
        }
    }

    private void mret(int insn) {
        if (s.priv != HartState.PRIV_M) {
            throw raise(2, insn & 0xFFFF_FFFFL);
        }
        int to = s.mpp();
        long m = s.mstatus;
        m = (m & HartState.MSTATUS_MPIE) != 0 ? m | HartState.MSTATUS_MIE : m & ~HartState.MSTATUS_MIE;
        m = (m | HartState.MSTATUS_MPIE) & ~HartState.MSTATUS_MPP;
        if (to != HartState.PRIV_M) {
            m &= ~HartState.MSTATUS_MPRV;
        }
        s.mstatus = m;
        s.priv = to;
        s.pc = s.mepc;
        privilegeChanged();
    }

    private void sret(int insn) {
        boolean tsr = (s.mstatus & HartState.MSTATUS_TSR) != 0;
        if (s.priv == HartState.PRIV_U || s.priv == HartState.PRIV_S && tsr) {
            throw raise(2, insn & 0xFFFF_FFFFL);
        }
        int to = (s.mstatus & HartState.MSTATUS_SPP) != 0 ? HartState.PRIV_S : HartState.PRIV_U;
        long m = s.mstatus;
        m = (m & HartState.MSTATUS_SPIE) != 0 ? m | HartState.MSTATUS_SIE : m & ~HartState.MSTATUS_SIE;
        m = (m | HartState.MSTATUS_SPIE) & ~HartState.MSTATUS_SPP & ~HartState.MSTATUS_MPRV;
        s.mstatus = m;
        s.priv = to;
        s.pc = s.sepc;
        if (to == HartState.PRIV_U) {
            s.userReturns++;
            s.lastUserReturnNs = s.now();
            s.lastUserReturnInstret = s.instret;
        }
        privilegeChanged();
    }

    /** WFI: illegal in U-mode, and in S-mode with mstatus.TW; otherwise waits for the next line event. */
    private void wfi(int insn) {
        boolean tw = (s.mstatus & HartState.MSTATUS_TW) != 0;
        if (s.priv == HartState.PRIV_U || s.priv == HartState.PRIV_S && tw) {
            throw raise(2, insn & 0xFFFF_FFFFL);
        }
        s.waits++;
        if ((mip() & s.mie) == 0) {
            long next = lines.nextEventNs();
            if (next != Long.MAX_VALUE && next > s.now()) {
                s.idleNs += next - s.now();
            }
        }
        stopSlice = true;
    }

    private void sfence(int insn) {
        boolean tvm = (s.mstatus & HartState.MSTATUS_TVM) != 0;
        if (s.priv == HartState.PRIV_U || s.priv == HartState.PRIV_S && tvm) {
            throw raise(2, insn & 0xFFFF_FFFFL);
        }
        translationChanged();
    }

    /** LR/SC and the AMOs. [impl->dsn~riscv.hart.atomics~1] */
    private void amo(int op, int rd, long address, long operand) {
        boolean dbl = op >= Op.LR + Op.DOUBLE;
        int base = dbl ? op - Op.DOUBLE : op;
        int size = dbl ? 8 : 4;
        if (base == Op.LR) {
            if ((address & (size - 1)) != 0) {
                throw raise(4, address);
            }
            long pa = mmu.translate(address, size, Mmu.LOAD);
            long v = mmu.physRead(pa, size, 5, address);
            x[rd] = dbl ? v : (int) v;
            reservation = pa;
            return;
        }
        long pa = mmu.amoAddress(address, size);
        if (base == Op.SC) {
            boolean ok = reservation == pa;
            reservation = -1;
            if (ok) {
                mmu.physWrite(pa, size, operand, 7, address);
            }
            x[rd] = ok ? 0 : 1;
            return;
        }
        long old = mmu.physRead(pa, size, 7, address);
        long a = dbl ? old : (int) old;
        long b = dbl ? operand : (int) operand;
        mmu.physWrite(pa, size, Alu.amo(base, a, b, dbl), 7, address);
        x[rd] = a;
    }

    // ---- traps and interrupts ----

    /** Enters the trap for {@code cause} with {@code tval}; @return the exception that unwinds the instruction. */
    Trap raise(long cause, long tval) {
        takeTrap(cause, tval);
        return Trap.TAKEN;
    }

    /** @return mip: the software bits and the lines the devices drive now. */
    long mip() {
        return s.mipSoftware | lines.pending(s.now());
    }

    /** @return mtime, the CLINT's timer (ticks of 100 ns, the 10 MHz timebase of the RISC-V boards). */
    long mtime() {
        return s.now() / 100;
    }

    /** Takes the highest-priority pending and enabled interrupt, if any. @return whether one was taken. */
    boolean takeInterrupt() {
        long pending = mip() & s.mie;
        if (pending == 0) {
            return false;
        }
        boolean mOn = s.priv < HartState.PRIV_M || (s.mstatus & HartState.MSTATUS_MIE) != 0;
        boolean sOn = s.priv < HartState.PRIV_S
                || s.priv == HartState.PRIV_S && (s.mstatus & HartState.MSTATUS_SIE) != 0;
        long enabled = (mOn ? pending & ~s.mideleg : 0) | (sOn ? pending & s.mideleg : 0);
        for (int code : PRIORITY) {
            if ((enabled >>> code & 1) != 0) {
                takeTrap(INTERRUPT | code, 0);
                return true;
            }
        }
        return false;
    }

    private void takeTrap(long cause, long tval) {
        reservation = -1;
        boolean interrupt = cause < 0;
        int code = (int) (cause & 63);
        long deleg = interrupt ? s.mideleg : s.medeleg;
        long m = s.mstatus;
        if (s.priv <= HartState.PRIV_S && (deleg >>> code & 1) != 0) {
            s.scause = cause;
            s.sepc = s.pc;
            s.stval = tval;
            m = (m & HartState.MSTATUS_SIE) != 0 ? m | HartState.MSTATUS_SPIE : m & ~HartState.MSTATUS_SPIE;
            m = s.priv == HartState.PRIV_S ? m | HartState.MSTATUS_SPP : m & ~HartState.MSTATUS_SPP;
            s.mstatus = m & ~HartState.MSTATUS_SIE;
            s.priv = HartState.PRIV_S;
            s.pc = vector(s.stvec, interrupt, code);
        } else {
            s.mcause = cause;
            s.mepc = s.pc;
            s.mtval = tval;
            m = (m & HartState.MSTATUS_MIE) != 0 ? m | HartState.MSTATUS_MPIE : m & ~HartState.MSTATUS_MPIE;
            s.mstatus = m & ~HartState.MSTATUS_MIE;
            s.setMpp(s.priv);
            s.priv = HartState.PRIV_M;
            s.pc = vector(s.mtvec, interrupt, code);
        }
        privilegeChanged();
    }

    private static long vector(long tvec, boolean interrupt, int code) {
        long base = tvec & ~3L;
        return interrupt && (tvec & 1) != 0 ? base + 4L * code : base;
    }

    // ---- cache upkeep ----

    private void privilegeChanged() {
        translationChanged();
        stopSlice = true;
    }

    /** satp, mstatus, privilege or sfence.vma: the cached fetch translation is void. */
    void translationChanged() {
        curVpage = -1;
        cur = null;
        fetchFree = s.priv == HartState.PRIV_M && mmu.mFree;
    }

    void pmpChanged() {
        mmu.pmpChanged();
        translationChanged();
    }

    /** A store went to a device (its state, e.g. mtimecmp, may raise a line): re-check interrupts. */
    void deviceWritten() {
        stopSlice = true;
    }

    /** A store reached physical memory: drop decoded instructions of that page, note the watched address. */
    void stored(long pa, int size) {
        invalidate(pa >>> 12);
        if ((pa & 0xFFF) < 2) {
            invalidate((pa >>> 12) - 1); // an instruction may cross into this page
        }
        if (watchAddress >= 0 && pa < watchAddress + 8 && pa + size > watchAddress) {
            watchHit = true;
            stopSlice = true;
        }
    }

    private void invalidate(long ppn) {
        int index = (int) (ppn & (PAGE_TABLE - 1));
        DecodedPage page = pages[index];
        if (page != null && page.ppn == ppn) {
            pages[index] = null;
            if (page == cur) {
                translationChanged();
            }
        }
    }

    private void flushDecoded() {
        java.util.Arrays.fill(pages, null);
        translationChanged();
    }
}
