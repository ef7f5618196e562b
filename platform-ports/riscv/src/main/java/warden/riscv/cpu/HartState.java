package warden.riscv.cpu;

import warden.riscv.hw.Pmp;

/**
 * The architectural state of one RV64 hart: integer registers, pc, privilege, the machine and
 * supervisor CSRs and the PMP. It is the single hart model of the port: {@code warden.riscv.Hart}
 * (the monitor's view, used with behavioural guests) keeps its registers and trap CSRs here, and
 * the {@link Interpreter} executes real instructions on the same fields. {@code sstatus},
 * {@code sie} and {@code sip} are views of {@code mstatus}, {@code mie} and {@code mip}, as the
 * privileged spec defines them (sections 3.1.6, 4.1.1, 4.1.3).
 *
 * [impl->dsn~riscv.hart.state~1]
 */
public final class HartState {
    public static final int PRIV_U = 0;
    public static final int PRIV_S = 1;
    public static final int PRIV_M = 3;
    public static final long MSTATUS_SIE = 1L << 1;
    public static final long MSTATUS_MIE = 1L << 3;
    public static final long MSTATUS_SPIE = 1L << 5;
    public static final long MSTATUS_MPIE = 1L << 7;
    public static final long MSTATUS_SPP = 1L << 8;
    public static final int MSTATUS_MPP_SHIFT = 11;
    public static final long MSTATUS_MPP = 3L << MSTATUS_MPP_SHIFT;
    public static final long MSTATUS_FS = 3L << 13;
    public static final long MSTATUS_MPRV = 1L << 17;
    public static final long MSTATUS_SUM = 1L << 18;
    public static final long MSTATUS_MXR = 1L << 19;
    public static final long MSTATUS_TVM = 1L << 20;
    public static final long MSTATUS_TW = 1L << 21;
    public static final long MSTATUS_TSR = 1L << 22;
    /** UXL = SXL = 2 (64-bit), read-only. */
    public static final long MSTATUS_XL = 2L << 32 | 2L << 34;
    public static final long MSTATUS_SD = 1L << 63;
    /** The bits of mstatus that sstatus shows (SIE, SPIE, UBE, SPP, VS, FS, XS, SUM, MXR, UXL, SD). */
    public static final long SSTATUS_MASK = 0x8000_0003_000D_E762L;
    /** misa: MXL = 2 (RV64) and the extensions A, C, D, F, I, M, S, U. */
    public static final long MISA = 2L << 62 | 1L << 0 | 1L << 2 | 1L << 3 | 1L << 5 | 1L << 8 | 1L << 12 | 1L << 18
            | 1L << 20;

    /** x0..x31, and at index 32 the sink that writes to x0 go to. */
    public final long[] x = new long[33];
    /** f0..f31 (64 bits each; a single is NaN-boxed: its upper 32 bits all ones). */
    public final long[] f = new long[32];
    /** fcsr: the accrued exception flags (NX, UF, OF, DZ, NV) and the dynamic rounding mode. */
    public int fflags;
    public int frm;
    public final int hartId;
    public final Pmp pmp;
    public long pc;
    public int priv = PRIV_M;
    public long mstatus = MSTATUS_XL;
    public long medeleg;
    public long mideleg;
    public long mie;
    /** The software-writable pending bits of mip (SSIP, STIP, SEIP); the M-level lines come from devices. */
    public long mipSoftware;
    public long mtvec;
    public long stvec;
    public long mepc;
    public long sepc;
    public long mcause;
    public long scause;
    public long mtval;
    public long stval;
    public long mscratch;
    public long sscratch;
    public long satp;
    public long mcounteren;
    public long scounteren;
    public long menvcfg;
    public long senvcfg;
    public long mcountinhibit;
    /** Instructions retired since reset (minstret adds {@link #instretOffset}). */
    public long instret;
    /** Virtual nanoseconds spent waiting in WFI (time = instret + idle at 1 GHz). */
    public long idleNs;
    public long cycleOffset;
    /** How many times an sret entered U-mode, and the virtual time and instret of the last one. */
    public long userReturns;
    public long lastUserReturnNs;
    public long lastUserReturnInstret;
    /** How many WFI instructions the hart executed. */
    public long waits;
    public long instretOffset;

    public HartState(int hartId, Pmp pmp) {
        this.hartId = hartId;
        this.pmp = pmp;
    }

    /** @return sstatus, the supervisor view of mstatus. */
    public long sstatus() {
        return mstatus & SSTATUS_MASK;
    }

    /** Writes the sstatus view: only the supervisor bits of mstatus change. */
    public void writeSstatus(long value) {
        mstatus = CsrFile.legalStatus(mstatus & ~SSTATUS_MASK | value & SSTATUS_MASK);
    }

    /** @return sie, the supervisor view of mie (the delegated interrupts). */
    public long sie() {
        return mie & mideleg;
    }

    /** Writes the sie view: only delegated enables change. */
    public void writeSie(long value) {
        mie = mie & ~mideleg | value & mideleg;
    }

    /** @return the privilege mstatus.MPP holds. */
    public int mpp() {
        return (int) ((mstatus & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT);
    }

    /** Sets mstatus.MPP. */
    public void setMpp(int p) {
        mstatus = mstatus & ~MSTATUS_MPP | (long) p << MSTATUS_MPP_SHIFT;
    }

    /** @return virtual time in ns: one instruction per ns plus the time waited in WFI. */
    public long now() {
        return instret + idleNs;
    }
}
