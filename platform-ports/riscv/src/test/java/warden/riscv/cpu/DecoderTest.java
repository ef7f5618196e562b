package warden.riscv.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Decoding of assembled instruction words into packed operations. */
class DecoderTest {
    final Decoder d = new Decoder();

    private int op(int word) {
        return d.decode(word) & 0xFF;
    }

    private int field(int packed, int shift) {
        return packed >>> shift & 63;
    }

    // [utest->dsn~riscv.hart.decode~1]
    @Test
    void fieldsAndImmediatesOfEachFormat() {
        int c = d.decode(Rig.addi(5, 6, -7));
        assertEquals(Op.ADDI, c & 0xFF);
        assertEquals(5, field(c, Op.RD));
        assertEquals(6, field(c, Op.RS1));
        assertEquals(-7, d.imm());
        c = d.decode(Rig.s(3, 2, 9, -16));
        assertEquals(Op.SD, c & 0xFF);
        assertEquals(-16, d.imm());
        assertEquals(9, field(c, Op.RS2));
        assertEquals(Op.LUI, op(Rig.lui(1, 0x80000)));
        assertEquals(0x8000_0000, d.imm());
        c = d.decode(Rig.addi(0, 1, 1));
        assertEquals(Op.NOP, c & 0xFF, "addi to x0 is a hint");
        c = d.decode(Rig.lw(0, 1, 0));
        assertEquals(Op.SINK, field(c, Op.RD), "a load to x0 still executes, into the sink");
    }

    // [utest->dsn~riscv.hart.decode~1]
    @Test
    void reservedEncodingsAreIllegalWithTheirBits() {
        int[] illegal = {0xFFFF_FFFF, Rig.i(0x03, 7, 1, 1, 0), Rig.s(4, 1, 1, 0), Rig.r(0x33, 0, 0x40, 1, 1, 1),
            Rig.i(0x13, 1, 1, 1, 0x400), Rig.r(0x3B, 2, 0, 1, 1, 1), Rig.i(0x73, 4, 1, 1, 0),
            Rig.r(0x2F, 2, 2 << 2, 1, 1, 3), Rig.r(0x2F, 1, 0, 1, 1, 1), 0x0000_000B};
        for (int w : illegal) {
            assertEquals(Op.ILLEGAL, op(w), Integer.toHexString(w));
            assertEquals(w, d.imm());
        }
        assertNotEquals(Op.ILLEGAL, op(Rig.i(0x13, 1, 1, 1, 63)), "slli by 63 is legal on RV64");
    }

    // [utest->dsn~riscv.hart.compressed~1]
    @Test
    void compressedFormsAndTheirReservedSlots() {
        int c = d.decode(0x4505); // c.li a0, 1
        assertEquals(Op.ADDI, c & 0xFF);
        assertEquals(10, field(c, Op.RD));
        assertEquals(0, field(c, Op.RS1));
        assertEquals(1, d.imm());
        assertEquals(Op.COMPRESSED, c & Op.COMPRESSED);
        assertEquals(Op.ILLEGAL, op(0x0000), "all-zero");
        assertEquals(Op.ILLEGAL, op(0x6101 & ~0x107C), "c.addi16sp with a zero immediate");
        assertEquals(Op.ILLEGAL, op(0x4002), "c.lwsp to x0");
        assertEquals(Op.ILLEGAL, op(0x8002), "c.jr x0");
        assertEquals(Op.FLD, op(0x2002), "c.fldsp f0, 0(sp)");
        assertEquals(Op.ILLEGAL, op(0x6002), "c.flwsp is RV32-only: c.ldsp to x0 is reserved");
        assertEquals(Op.EBREAK, op(0x9002));
        c = d.decode(0x9582); // c.jalr a1
        assertEquals(Op.JALR, c & 0xFF);
        assertEquals(1, field(c, Op.RD));
        assertEquals(11, field(c, Op.RS1));
    }

    /** The F and D encodings: loads, stores, fused forms, OP-FP validation (fmt H/Q, rs2 and funct3 fields). */
    // [utest->dsn~riscv.hart.float-decode~1]
    @Test
    void floatEncodings() {
        int c = d.decode(0x0085_3007); // fld f0, 8(a0)
        assertEquals(Op.FLD, c & 0xFF);
        assertEquals(0, field(c, Op.RD), "f0 is a register, not the sink");
        assertEquals(8, d.imm());
        assertEquals(Op.FSW, op(0x00A5_2427)); // fsw f10, 8(a0)
        assertEquals(Op.FMADD, op(0x1820_F043)); // fmadd.s f0, f1, f2, f3
        assertEquals(Op.FNMADD, op(0x0220_F04F)); // fnmadd.d
        assertEquals(Op.ILLEGAL, op(0x0420_F043), "fmadd.h: fmt 2 is not implemented");
        assertEquals(Op.FOP, op(0x0220_F053)); // fadd.d f0, f1, f2
        assertEquals(Op.ILLEGAL, op(0x0420_F053), "fadd.h");
        assertEquals(Op.ILLEGAL, op(0x5A10_F053), "fsqrt.d with rs2 != 0");
        assertEquals(Op.ILLEGAL, op(0x2220_B053), "fsgnj.d with funct3 3");
        assertEquals(Op.FOP, op(0x4010_F053), "fcvt.s.d");
        assertEquals(Op.ILLEGAL, op(0x4000_F053), "fcvt.s.s does not exist");
        assertEquals(Op.ILLEGAL, op(0xC040_F053), "fcvt with rs2 4");
        assertEquals(Op.ILLEGAL, op(0x0000_4007), "flq/flh widths");
        assertEquals(Op.FSD, op(0xA002 | 0x0400), "c.fsdsp");
    }
}
