package warden.riscv.cpu;

import warden.emu.Bus;
import warden.emu.PhysicalMemory;
import warden.riscv.hw.Clint;
import warden.riscv.hw.Pmp;

/** A hart, 1 MiB of RAM at 0x8000_0000, a CLINT; instruction words are assembled by the helpers below. */
final class Rig {
    static final long BASE = 0x8000_0000L;
    final Bus bus = new Bus();
    final PhysicalMemory ram = new PhysicalMemory(BASE, 1 << 20);
    final Clint clint = new Clint(1, 10_000_000L);
    final HartState s = new HartState(0, new Pmp(16, 0));
    final Interpreter cpu;
    long next = BASE;

    Rig() {
        bus.addRam(ram);
        bus.addDevice(0x0200_0000L, 0x1_0000L, clint);
        s.pc = BASE;
        s.pmp.writePmpaddr(0, -1L); // entry 0: NAPOT over everything, RWX, for S and U
        s.pmp.writePmpcfg(0, 0x1F);
        cpu = new Interpreter(s, bus, ram, new Lines() {
            @Override public long pending(long nowNs) {
                return (clint.timerPending(0, nowNs) ? 1L << 7 : 0) | (clint.softwarePending(0) ? 1L << 3 : 0);
            }
            @Override public long nextEventNs() { return clint.nextTimerNs(0); }
        });
    }

    /** Appends 32-bit instruction words at the next address. @return the address of the first. */
    long put(int... words) {
        long at = next;
        for (int w : words) {
            ram.write(next, 4, w & 0xFFFF_FFFFL);
            next += 4;
        }
        return at;
    }

    /** Appends a 16-bit compressed instruction. */
    long putHalf(int half) {
        long at = next;
        ram.write(next, 2, half & 0xFFFF);
        next += 2;
        return at;
    }

    static int i(int opcode, int f3, int rd, int rs1, int imm) {
        return imm << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
    }

    static int r(int opcode, int f3, int f7, int rd, int rs1, int rs2) {
        return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
    }

    static int s(int f3, int rs1, int rs2, int imm) {
        return (imm >> 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 31) << 7 | 0x23;
    }

    static int addi(int rd, int rs1, int imm) { return i(0x13, 0, rd, rs1, imm); }
    static int ld(int rd, int rs1, int imm) { return i(0x03, 3, rd, rs1, imm); }
    static int lw(int rd, int rs1, int imm) { return i(0x03, 2, rd, rs1, imm); }
    static int sw(int rs1, int rs2, int imm) { return s(2, rs1, rs2, imm); }
    static int csrrw(int rd, int csr, int rs1) { return i(0x73, 1, rd, rs1, csr); }
    static int csrrs(int rd, int csr, int rs1) { return i(0x73, 2, rd, rs1, csr); }
    static int lui(int rd, int imm20) { return imm20 << 12 | rd << 7 | 0x37; }
    static final int ECALL = 0x73;
    static final int MRET = 0x3020_0073;
    static final int FENCE_I = 0x100F;
}
