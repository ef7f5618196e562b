package warden.x86;

import warden.emu.Bus;
import warden.x86.hw.SaveStateDescriptor;

/**
 * SMI entry and RSM on one core, with the save map really written to and read from emulated
 * SMRAM at SMBASE + FE00h..FFFFh (layout: {@link SaveStateDescriptor}).
 *
 * <p>Guarantees (Intel SDM Vol. 3C):
 * <ul>
 *   <li>{@link #enter} (§34.3.1 "Entering SMM", §34.5.1 Table 34-4): writes the state, then loads
 *       the SMM environment: RIP = 8000h, RFLAGS = 2 (IF and TF cleared), CR0.PE/EM/TS/PG cleared,
 *       CR4 = 0, IA32_EFER = 0, DR7 = 400h, CPL 0; the core is in SMM and SMI and NMI are blocked;</li>
 *   <li>{@link #rsm} outside SMM raises #UD (Vol. 2B "RSM"); in SMM it reads the map, and when
 *       {@link SaveStateDescriptor#checkRsm} finds invalid state the core enters shutdown and
 *       stays there; otherwise it loads the state, reloads SMBASE from the map (§34.11 "SMBASE
 *       Relocation"), leaves SMM, and a latched NMI is taken;</li>
 *   <li>neither allocates; each touches at most 32 map fields.</li>
 * </ul>
 *
 * [impl->dsn~x86.smm-entry~1] [impl->dsn~x86.rsm~1]
 */
final class Smm {
    static final int OK = 0;
    static final int UD = -1;
    private static final long CR0_CLEARED = SaveStateDescriptor.CR0_PE | (1L << 2) | (1L << 3)
            | SaveStateDescriptor.CR0_PG;
    private static final long DR7_INIT = 0x400;

    private final Bus bus;
    private final CostModel costs;

    Smm(Bus bus, CostModel costs) {
        this.bus = bus;
        this.costs = costs;
    }

    /** SMI entry at an instruction boundary: save the live state, load the SMM environment. */
    void enter(X86Core c) {
        writeMap(c, c.regs.r, 0);
        long sb = c.smbase;
        bus.write(sb + SaveStateDescriptor.SMBASE, 4, sb, c.time);
        bus.write(sb + SaveStateDescriptor.REVISION, 4, SaveStateDescriptor.REVISION_ID, c.time);
        bus.write(sb + SaveStateDescriptor.DR7, 8, c.dr7, c.time);
        RegisterFile r = c.regs;
        r.set(RegisterFile.RIP, SaveStateDescriptor.HANDLER);
        r.set(RegisterFile.RFLAGS, SaveStateDescriptor.RFLAGS_FIXED);
        r.set(RegisterFile.CR0, r.get(RegisterFile.CR0) & ~CR0_CLEARED);
        r.set(RegisterFile.CR4, 0);
        r.set(RegisterFile.EFER, 0);
        r.set(RegisterFile.CPL, 0);
        c.enteredSmm(DR7_INIT);
        c.spend(costs.smiEntryNs());
    }

    /** RSM: @return OK, UD outside SMM, or the SaveStateDescriptor check code that shut the core down. */
    int rsm(X86Core c) {
        if (!c.smm) {
            return UD;
        }
        long sb = c.smbase;
        long cr0 = read(sb, SaveStateDescriptor.CR0);
        long cr4 = read(sb, SaveStateDescriptor.CR4);
        long efer = read(sb, SaveStateDescriptor.EFER);
        int check = SaveStateDescriptor.checkRsm(cr0, cr4, efer);
        if (check != SaveStateDescriptor.RSM_OK) {
            c.enterShutdown();
            return check;
        }
        RegisterFile r = c.regs;
        for (int i = 0; i < RegisterFile.GPRS; i++) { // bound: 16
            r.set(i, read(sb, SaveStateDescriptor.gpr(i)));
        }
        r.set(RegisterFile.RIP, read(sb, SaveStateDescriptor.RIP));
        r.set(RegisterFile.RFLAGS, read(sb, SaveStateDescriptor.RFLAGS));
        r.set(RegisterFile.CR0, cr0);
        r.set(RegisterFile.CR3, read(sb, SaveStateDescriptor.CR3));
        r.set(RegisterFile.CR4, cr4);
        r.set(RegisterFile.EFER, efer);
        r.set(RegisterFile.CPL, read(sb, SaveStateDescriptor.CS_SEL) & 0xFFFF_FFFFL & 3);
        c.leftSmm(read(sb, SaveStateDescriptor.DR7), read(sb, SaveStateDescriptor.SMBASE) & 0xFFFF_FFFFL);
        c.spend(costs.rsmNs());
        return OK;
    }

    /** Writes a context (RegisterFile layout) into core c's save map, as the SMI handler does. */
    void writeMap(X86Core c, long[] ctx, int off) {
        long sb = c.smbase;
        for (int i = 0; i < RegisterFile.GPRS; i++) { // bound: 16
            bus.write(sb + SaveStateDescriptor.gpr(i), 8, ctx[off + i], c.time);
        }
        bus.write(sb + SaveStateDescriptor.RIP, 8, ctx[off + RegisterFile.RIP], c.time);
        bus.write(sb + SaveStateDescriptor.RFLAGS, 8, ctx[off + RegisterFile.RFLAGS], c.time);
        bus.write(sb + SaveStateDescriptor.CR0, 8, ctx[off + RegisterFile.CR0], c.time);
        bus.write(sb + SaveStateDescriptor.CR3, 8, ctx[off + RegisterFile.CR3], c.time);
        bus.write(sb + SaveStateDescriptor.CR4, 8, ctx[off + RegisterFile.CR4], c.time);
        bus.write(sb + SaveStateDescriptor.EFER, 8, ctx[off + RegisterFile.EFER], c.time);
        bus.write(sb + SaveStateDescriptor.CS_SEL, 4, ctx[off + RegisterFile.CPL] & 3, c.time);
    }

    /** Reads core c's save map into a context (RegisterFile layout). */
    void readMap(X86Core c, long[] ctx, int off) {
        long sb = c.smbase;
        for (int i = 0; i < RegisterFile.GPRS; i++) { // bound: 16
            ctx[off + i] = read(sb, SaveStateDescriptor.gpr(i));
        }
        ctx[off + RegisterFile.RIP] = read(sb, SaveStateDescriptor.RIP);
        ctx[off + RegisterFile.RFLAGS] = read(sb, SaveStateDescriptor.RFLAGS);
        ctx[off + RegisterFile.CR0] = read(sb, SaveStateDescriptor.CR0);
        ctx[off + RegisterFile.CR3] = read(sb, SaveStateDescriptor.CR3);
        ctx[off + RegisterFile.CR4] = read(sb, SaveStateDescriptor.CR4);
        ctx[off + RegisterFile.EFER] = read(sb, SaveStateDescriptor.EFER);
        ctx[off + RegisterFile.CPL] = read(sb, SaveStateDescriptor.CS_SEL) & 3;
    }

    /** @return one 64-bit map field (32-bit fields are masked by their callers). */
    long read(long smbase, long field) {
        return bus.read(smbase + field, 8, 0) == Bus.OK ? bus.lastValue() : 0;
    }

    /** Reads or writes one general-purpose register in core c's save map. */
    long mapGpr(X86Core c, int reg) {
        return read(c.smbase, SaveStateDescriptor.gpr(reg));
    }

    void setMapGpr(X86Core c, int reg, long value) {
        bus.write(c.smbase + SaveStateDescriptor.gpr(reg), 8, value, c.time);
    }
}
