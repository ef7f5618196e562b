package warden.riscv.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.kernel.api.Access;

/**
 * Every memory access of the interpreter: Sv39 translation (privileged spec 1.12 section 4.4 and
 * 4.3.2, the page-table walk; A and D are set by the walk, as the spec permits), then the PMP check
 * of the physical address at the access's effective privilege (mstatus.MPRV), page-table reads
 * included as S-mode reads, then RAM or a device on the bus. A PMP denial or a bus error is an
 * access fault, a translation failure a page fault; both report the virtual address.
 *
 * [impl->dsn~riscv.hart.sv39~1] [impl->dsn~riscv.hart.pmp~1]
 */
final class Mmu {
    static final int FETCH = 0, LOAD = 1, STORE = 2;
    private static final int[] ACCESS_FAULT = {1, 5, 7};
    private static final int[] PAGE_FAULT = {12, 13, 15};
    private static final int[] PMP_ACCESS = {Access.EXECUTE, Access.READ, Access.WRITE};
    private static final long PTE_V = 1, PTE_R = 2, PTE_W = 4, PTE_X = 8, PTE_U = 16, PTE_A = 64, PTE_D = 128;
    private static final long PPN_MASK = (1L << 44) - 1;
    private static final int LEVELS = 3;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final HartState s;
    private final Interpreter cpu;
    private final Bus bus;
    private final PhysicalMemory ram;
    private final long ramBase;
    private final long ramEnd;
    /** True while no PMP entry is locked: M-mode accesses then need no check. */
    boolean mFree;

    Mmu(HartState s, Interpreter cpu, Bus bus, PhysicalMemory ram) {
        this.s = s;
        this.cpu = cpu;
        this.bus = bus;
        this.ram = ram;
        this.ramBase = ram == null ? 0 : ram.base();
        this.ramEnd = ram == null ? 0 : ram.base() + ram.size();
        pmpChanged();
    }

    void pmpChanged() {
        boolean free = true;
        for (int c = 0; c < 16; c += 2) {
            free &= (s.pmp.readPmpcfg(c) & 0x8080_8080_8080_8080L) == 0;
        }
        mFree = free;
    }

    /** @return the privilege loads and stores use: MPP when M-mode has MPRV set. */
    int dataPriv() {
        if (s.priv == HartState.PRIV_M && (s.mstatus & HartState.MSTATUS_MPRV) != 0) {
            return s.mpp();
        }
        return s.priv;
    }

    /** @return the physical address of {@code va} for {@code kind}, PMP-checked for {@code size} bytes. */
    long translate(long va, int size, int kind) {
        int p = kind == FETCH ? s.priv : dataPriv();
        long pa = va;
        if (p != HartState.PRIV_M && s.satp >>> 60 == CsrFile.SATP_MODE_SV39) {
            pa = walk(va, kind, p);
        }
        if (!(p == HartState.PRIV_M && mFree) && !s.pmp.allows(pa, size, PMP_ACCESS[kind], p)) {
            throw cpu.raise(ACCESS_FAULT[kind], va);
        }
        return pa;
    }

    private long walk(long va, int kind, int p) {
        if (va << 25 >> 25 != va) {
            throw cpu.raise(PAGE_FAULT[kind], va);
        }
        long table = (s.satp & PPN_MASK) << 12;
        for (int level = LEVELS - 1; level >= 0; level--) {
            long pteAddr = table + (va >>> (12 + 9 * level) & 511) * 8;
            if (!s.pmp.allows(pteAddr, 8, Access.READ, HartState.PRIV_S)) {
                throw cpu.raise(ACCESS_FAULT[kind], va);
            }
            long pte = physRead(pteAddr, 8, ACCESS_FAULT[kind], va);
            if ((pte & PTE_V) == 0 || (pte & (PTE_R | PTE_W)) == PTE_W || pte >>> 54 != 0) {
                throw cpu.raise(PAGE_FAULT[kind], va);
            }
            if ((pte & (PTE_R | PTE_X)) != 0) {
                return leaf(va, kind, p, level, pte, pteAddr);
            }
            if ((pte & (PTE_U | PTE_A | PTE_D)) != 0) {
                throw cpu.raise(PAGE_FAULT[kind], va); // reserved bits of a pointer
            }
            table = (pte >>> 10 & PPN_MASK) << 12;
        }
        throw cpu.raise(PAGE_FAULT[kind], va);
    }

    private long leaf(long va, int kind, int p, int level, long pte, long pteAddr) {
        boolean user = (pte & PTE_U) != 0;
        boolean ok = p == HartState.PRIV_U ? user
                : !user || kind != FETCH && (s.mstatus & HartState.MSTATUS_SUM) != 0;
        if (kind == FETCH) {
            ok &= (pte & PTE_X) != 0;
        } else if (kind == LOAD) {
            ok &= (pte & PTE_R) != 0 || (pte & PTE_X) != 0 && (s.mstatus & HartState.MSTATUS_MXR) != 0;
        } else {
            ok &= (pte & PTE_W) != 0;
        }
        long ppn = pte >>> 10 & PPN_MASK;
        long superMask = (1L << (9 * level)) - 1;
        if (!ok || (ppn & superMask) != 0) {
            throw cpu.raise(PAGE_FAULT[kind], va);
        }
        long want = pte | PTE_A | (kind == STORE ? PTE_D : 0);
        if (want != pte) {
            if (!s.pmp.allows(pteAddr, 8, Access.WRITE, HartState.PRIV_S)) {
                throw cpu.raise(ACCESS_FAULT[kind], va);
            }
            physWrite(pteAddr, 8, want, ACCESS_FAULT[kind], va);
        }
        long offsetMask = (1L << (12 + 9 * level)) - 1;
        return (ppn << 12) & ~offsetMask | va & offsetMask;
    }

    /** @return whether pa..pa+size-1 is RAM (what may be fetched). */
    boolean isRam(long pa, int size) {
        return pa >= ramBase && pa <= ramEnd - size || ram == null && bus.executable(pa, size);
    }

    /** RAM fast path: a naturally aligned access never crosses its page. [impl->dsn~riscv.hart.interpreter~1] */
    private static long readPage(byte[] page, int o, int size) {
        switch (size) {
            case 1: return page[o] & 0xFFL;
            case 2: return (short) SHORTS.get(page, o) & 0xFFFFL;
            case 4: return (int) INTS.get(page, o) & 0xFFFF_FFFFL;
            default: return (long) LONGS.get(page, o);
        }
    }

    private static void writePage(byte[] page, int o, int size, long v) {
        switch (size) {
            case 1: page[o] = (byte) v; break;
            case 2: SHORTS.set(page, o, (short) v); break;
            case 4: INTS.set(page, o, (int) v); break;
            default: LONGS.set(page, o, v); break;
        }
    }

    long physRead(long pa, int size, int cause, long va) {
        if (pa >= ramBase && pa <= ramEnd - size) {
            int o = (int) ((pa - ramBase) & 0xFFF);
            return (o & (size - 1)) == 0 ? readPage(ram.page(pa), o, size) : ram.read(pa, size);
        }
        if (bus.read(pa, size, s.now()) != Bus.OK) {
            throw cpu.raise(cause, va);
        }
        return bus.lastValue();
    }

    void physWrite(long pa, int size, long value, int cause, long va) {
        if (pa >= ramBase && pa <= ramEnd - size) {
            int o = (int) ((pa - ramBase) & 0xFFF);
            if ((o & (size - 1)) == 0) {
                writePage(ram.page(pa), o, size, value);
                ram.markDirty(pa);
            } else {
                ram.write(pa, size, value);
            }
        } else if (bus.write(pa, size, value, s.now()) != Bus.OK) {
            throw cpu.raise(cause, va);
        } else {
            cpu.deviceWritten();
        }
        cpu.stored(pa, size);
    }

    /** @return the value loaded (a misaligned one too). [impl->dsn~riscv.hart.misaligned~1] */
    long load(long va, int size) {
        if ((va & (size - 1)) != 0) {
            return misalignedLoad(va, size);
        }
        return physRead(translate(va, size, LOAD), size, ACCESS_FAULT[LOAD], va);
    }

    /** Stores (a misaligned value too). [impl->dsn~riscv.hart.misaligned~1] */
    void store(long va, int size, long value) {
        if ((va & (size - 1)) != 0) {
            misalignedStore(va, size, value);
            return;
        }
        physWrite(translate(va, size, STORE), size, value, ACCESS_FAULT[STORE], va);
    }

    /** @return the bytes before the next page boundary that a misaligned access of size at va touches. */
    private static int firstPart(long va, int size) {
        return (int) Math.min(size, 0x1000 - (va & 0xFFF));
    }

    /**
     * A misaligned load, performed as the hardware-misaligned option of the privileged spec 1.12
     * (section 3.6.3.3) allows: both pages are translated and PMP-checked before anything is read;
     * a fault reports the address of the part that faulted. [impl->dsn~riscv.hart.misaligned~1]
     */
    private long misalignedLoad(long va, int size) {
        int n1 = firstPart(va, size);
        long pa1 = translate(va, n1, LOAD);
        long pa2 = n1 < size ? translate(va + n1, size - n1, LOAD) : 0;
        if (!isRam(pa1, n1) || n1 < size && !isRam(pa2, size - n1)) {
            throw cpu.raise(ACCESS_FAULT[LOAD], va); // no misaligned device access
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            long pa = i < n1 ? pa1 + i : pa2 + i - n1;
            v |= physRead(pa, 1, ACCESS_FAULT[LOAD], va + i) << (8 * i);
        }
        return v;
    }

    /** A misaligned store: both parts translated and checked before any byte is written. */
    private void misalignedStore(long va, int size, long value) {
        int n1 = firstPart(va, size);
        long pa1 = translate(va, n1, STORE);
        long pa2 = n1 < size ? translate(va + n1, size - n1, STORE) : 0;
        if (!isRam(pa1, n1) || n1 < size && !isRam(pa2, size - n1)) {
            throw cpu.raise(ACCESS_FAULT[STORE], va);
        }
        for (int i = 0; i < size; i++) {
            long pa = i < n1 ? pa1 + i : pa2 + i - n1;
            physWrite(pa, 1, value >>> (8 * i), ACCESS_FAULT[STORE], va + i);
        }
    }

    /**
     * @return the physical address of an AMO/SC target: aligned (else store/AMO-address-misaligned), readable and
     *     writable, else a store fault. [impl->dsn~riscv.hart.misaligned~1]
     */
    long amoAddress(long va, int size) {
        if ((va & (size - 1)) != 0) {
            throw cpu.raise(6, va);
        }
        long pa = translate(va, size, STORE);
        int p = dataPriv();
        if (!(p == HartState.PRIV_M && mFree) && !s.pmp.allows(pa, size, Access.READ, p)) {
            throw cpu.raise(ACCESS_FAULT[STORE], va);
        }
        return pa;
    }
}
