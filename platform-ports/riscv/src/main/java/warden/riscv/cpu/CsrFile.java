package warden.riscv.cpu;

/**
 * Reads and writes the CSRs of a {@link HartState} with the access rules of the privileged spec
 * 1.12 (section 2.1, "CSR Address Mapping Conventions"): bits 9:8 of the number give the lowest
 * privilege that may access it, bits 11:10 = 3 mark it read-only; an access that breaks a rule, or
 * to a CSR this hart does not implement, is an illegal instruction. WARL fields are legalised on
 * write (mstatus.MPP, mtvec/stvec modes, satp modes, medeleg/mideleg/mie writable bits).
 *
 * [impl->dsn~riscv.hart.csr~1]
 */
final class CsrFile {
    static final int FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003;
    static final int SSTATUS = 0x100, SIE = 0x104, STVEC = 0x105, SCOUNTEREN = 0x106, SENVCFG = 0x10A,
            SSCRATCH = 0x140, SEPC = 0x141, SCAUSE = 0x142, STVAL = 0x143, SIP = 0x144, SATP = 0x180;
    static final int MSTATUS = 0x300, MISA = 0x301, MEDELEG = 0x302, MIDELEG = 0x303, MIE = 0x304,
            MTVEC = 0x305, MCOUNTEREN = 0x306, MENVCFG = 0x30A, MCOUNTINHIBIT = 0x320, MSCRATCH = 0x340,
            MEPC = 0x341, MCAUSE = 0x342, MTVAL = 0x343, MIP = 0x344;
    static final int PMPCFG0 = 0x3A0, PMPADDR0 = 0x3B0, MCYCLE = 0xB00, MINSTRET = 0xB02, CYCLE = 0xC00,
            TIME = 0xC01, INSTRET = 0xC02, TSELECT = 0x7A0;
    static final int MVENDORID = 0xF11, MHARTID = 0xF14, MCONFIGPTR = 0xF15;
    /** mstatus bits software may write (SIE MIE SPIE MPIE SPP MPP FS MPRV SUM MXR TVM TW TSR). */
    static final long MSTATUS_WRITABLE = 0x7E_79AAL | HartState.MSTATUS_FS;
    /** Exceptions that medeleg can delegate (not 10, 11 = ecall from M, 14). */
    static final long MEDELEG_WRITABLE = 0xB3FFL;
    static final long S_INTERRUPTS = 1L << 1 | 1L << 5 | 1L << 9;
    static final long M_INTERRUPTS = 1L << 3 | 1L << 7 | 1L << 11;
    static final long MIP_WRITABLE = S_INTERRUPTS;
    static final long SATP_MODE_SV39 = 8;
    /** No value: the number names no CSR of this hart, or the access is not allowed. */
    static final long ILLEGAL = 0x5EED_DEAD_BEEF_0001L;

    private final HartState s;
    private final Interpreter cpu;

    CsrFile(HartState s, Interpreter cpu) {
        this.s = s;
        this.cpu = cpu;
    }

    /** @return mstatus with WARL fields legal and SD = FS dirty. */
    static long legalStatus(long v) {
        long m = v & MSTATUS_WRITABLE | HartState.MSTATUS_XL;
        if ((m & HartState.MSTATUS_MPP) == 2L << HartState.MSTATUS_MPP_SHIFT) {
            m &= ~HartState.MSTATUS_MPP; // MPP = 2 (reserved) reads as U
        }
        return (m & HartState.MSTATUS_FS) == HartState.MSTATUS_FS ? m | HartState.MSTATUS_SD : m;
    }

    /** @return whether the current privilege may access csr at all (and write it, when {@code write}). */
    boolean allowed(int csr, boolean write) {
        if (s.priv < (csr >>> 8 & 3) || write && (csr >>> 10) == 3) {
            return false;
        }
        if (csr == SATP && s.priv == HartState.PRIV_S && (s.mstatus & HartState.MSTATUS_TVM) != 0) {
            return false;
        }
        if (csr >= CYCLE && csr < CYCLE + 32) {
            int bit = csr - CYCLE;
            boolean m = (s.mcounteren >>> bit & 1) != 0;
            boolean sv = (s.scounteren >>> bit & 1) != 0;
            return s.priv == HartState.PRIV_M || m && (s.priv == HartState.PRIV_S || sv);
        }
        return true;
    }

    /** @return the value of csr, or {@link #ILLEGAL} when the hart has no such CSR. */
    long read(int csr) {
        if (csr >= PMPCFG0 && csr < PMPCFG0 + 16) {
            return (csr & 1) != 0 ? ILLEGAL : s.pmp.readPmpcfg(csr - PMPCFG0);
        }
        if (csr >= PMPADDR0 && csr < PMPADDR0 + 64) {
            return s.pmp.readPmpaddr(csr - PMPADDR0);
        }
        if (csr >= CYCLE && csr < CYCLE + 32 || csr >= MCYCLE && csr < MCYCLE + 32) {
            return counter(csr & 0x1F);
        }
        if (csr > MCOUNTINHIBIT && csr < MCOUNTINHIBIT + 32 || csr >= MVENDORID && csr <= MCONFIGPTR) {
            return csr == MHARTID ? s.hartId : 0; // hpm events, vendor/arch/impl ids, config pointer
        }
        if (csr >= FFLAGS && csr <= FCSR) {
            return readFloat(csr);
        }
        long v = readSupervisor(csr);
        return v != ILLEGAL ? v : readMachine(csr);
    }

    /** @return fflags, frm or fcsr; no such CSR while mstatus.FS is Off. [impl->dsn~riscv.hart.float-state~1] */
    private long readFloat(int csr) {
        if ((s.mstatus & HartState.MSTATUS_FS) == 0) {
            return ILLEGAL;
        }
        switch (csr) {
            case FFLAGS: return s.fflags;
            case FRM: return s.frm;
            default: return s.frm << 5 | s.fflags;
        }
    }

    /** Writes fflags, frm or fcsr and marks the floating-point state Dirty. */
    private void writeFloat(int csr, long v) {
        if (csr != FRM) {
            s.fflags = (int) (v & 0x1F);
        }
        if (csr == FRM) {
            s.frm = (int) (v & 7);
        } else if (csr == FCSR) {
            s.frm = (int) (v >>> 5 & 7);
        }
        s.mstatus |= HartState.MSTATUS_FS | HartState.MSTATUS_SD;
    }

    private long counter(int index) {
        switch (index) {
            case 0: return s.now() + s.cycleOffset;
            case 1: return cpu.mtime();
            case 2: return s.instret + s.instretOffset;
            default: return 0;
        }
    }

    private long readSupervisor(int csr) {
        switch (csr) {
            case SSTATUS: return s.sstatus();
            case SIE: return s.sie();
            case STVEC: return s.stvec;
            case SCOUNTEREN: return s.scounteren;
            case SENVCFG: return s.senvcfg;
            case SSCRATCH: return s.sscratch;
            case SEPC: return s.sepc;
            case SCAUSE: return s.scause;
            case STVAL: return s.stval;
            case SIP: return cpu.mip() & s.mideleg;
            case SATP: return s.satp;
            default: return ILLEGAL;
        }
    }

    private long readMachine(int csr) {
        switch (csr) {
            case MSTATUS: return s.mstatus;
            case MISA: return HartState.MISA;
            case MEDELEG: return s.medeleg;
            case MIDELEG: return s.mideleg;
            case MIE: return s.mie;
            case MTVEC: return s.mtvec;
            case MCOUNTEREN: return s.mcounteren;
            case MENVCFG: return s.menvcfg;
            case MCOUNTINHIBIT: return s.mcountinhibit;
            case MSCRATCH: return s.mscratch;
            case MEPC: return s.mepc;
            case MCAUSE: return s.mcause;
            case MTVAL: return s.mtval;
            case MIP: return cpu.mip();
            case TSELECT: return 1; // no triggers: a write of 0 does not read back
            default: return ILLEGAL;
        }
    }

    /** Writes csr (already known to exist and be writable at this privilege). */
    void write(int csr, long v) {
        if (csr >= FFLAGS && csr <= FCSR) {
            writeFloat(csr, v);
        } else if (csr >= PMPCFG0 && csr < PMPADDR0 + 64) {
            writePmp(csr, v);
        } else if (csr >= MCYCLE && csr < MCYCLE + 32) {
            if (csr == MCYCLE) {
                s.cycleOffset = v - s.now();
            } else if (csr == MINSTRET) {
                s.instretOffset = v - s.instret - 1; // the csr instruction itself retires after the write
            }
        } else if (!writeSupervisor(csr, v)) {
            writeMachine(csr, v);
        }
    }

    private void writePmp(int csr, long v) {
        if (csr < PMPADDR0) {
            s.pmp.writePmpcfg(csr - PMPCFG0, v);
        } else {
            s.pmp.writePmpaddr(csr - PMPADDR0, v);
        }
        cpu.pmpChanged();
    }

    private boolean writeSupervisor(int csr, long v) {
        switch (csr) {
            case SSTATUS: s.writeSstatus(v); cpu.translationChanged(); return true;
            case SIE: s.writeSie(v); return true;
            case STVEC: s.stvec = v & ~2L; return true;
            case SCOUNTEREN: s.scounteren = v & 0xFFFF_FFFFL; return true;
            case SENVCFG: s.senvcfg = v & 1; return true;
            case SSCRATCH: s.sscratch = v; return true;
            case SEPC: s.sepc = v & ~1L; return true;
            case SCAUSE: s.scause = v; return true;
            case STVAL: s.stval = v; return true;
            case SIP: s.mipSoftware = s.mipSoftware & ~(s.mideleg & 2) | v & s.mideleg & 2; return true;
            case SATP: writeSatp(v); return true;
            default: return false;
        }
    }

    private void writeSatp(long v) {
        long mode = v >>> 60;
        if (mode == 0 || mode == SATP_MODE_SV39) {
            s.satp = mode == 0 ? 0 : v & (0xFL << 60 | 0xFFFFL << 44 | (1L << 44) - 1);
            cpu.translationChanged();
        }
    }

    private void writeMachine(int csr, long v) {
        switch (csr) {
            case MSTATUS: s.mstatus = legalStatus(v); cpu.translationChanged(); break;
            case MEDELEG: s.medeleg = v & MEDELEG_WRITABLE; break;
            case MIDELEG: s.mideleg = v & S_INTERRUPTS; break;
            case MIE: s.mie = v & (S_INTERRUPTS | M_INTERRUPTS); break;
            case MTVEC: s.mtvec = v & ~2L; break;
            case MCOUNTEREN: s.mcounteren = v & 0xFFFF_FFFFL; break;
            case MENVCFG: s.menvcfg = v & 1; break;
            case MCOUNTINHIBIT: s.mcountinhibit = v & 0xFFFF_FFFDL; break;
            case MSCRATCH: s.mscratch = v; break;
            case MEPC: s.mepc = v & ~1L; break;
            case MCAUSE: s.mcause = v; break;
            case MTVAL: s.mtval = v; break;
            case MIP: s.mipSoftware = v & MIP_WRITABLE; break;
            default: break; // misa, tselect and hpm events: WARL read-only here
        }
    }
}
