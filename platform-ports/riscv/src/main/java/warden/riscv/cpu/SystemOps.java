package warden.riscv.cpu;

/**
 * Decodes the SYSTEM major opcode (0x73): ECALL, EBREAK, MRET, SRET, WFI, SFENCE.VMA and the six
 * Zicsr instructions (privileged spec 1.12, table "RISC-V Privileged Instructions"; unprivileged
 * spec chapter 9). The immediate of every system operation is the instruction word itself.
 */
final class SystemOps {
    private static final int ECALL = 0x0000_0073;
    private static final int EBREAK = 0x0010_0073;
    private static final int MRET = 0x3020_0073;
    private static final int SRET = 0x1020_0073;
    private static final int WFI = 0x1050_0073;
    private static final int SFENCE_VMA_F7 = 0x09;

    private SystemOps() {
    }

    static int decode(int insn, Decoder d) {
        int f3 = insn >>> 12 & 7;
        int rd = insn >>> 7 & 31;
        int rs1 = insn >>> 15 & 31;
        if (f3 == 0) {
            switch (insn) {
                case ECALL: return d.with(Op.ECALL, 0, 0, 0, insn);
                case EBREAK: return d.with(Op.EBREAK, 0, 0, 0, insn);
                case MRET: return d.with(Op.MRET, 0, 0, 0, insn);
                case SRET: return d.with(Op.SRET, 0, 0, 0, insn);
                case WFI: return d.with(Op.WFI, 0, 0, 0, insn);
                default:
                    if (insn >>> 25 == SFENCE_VMA_F7 && rd == 0) {
                        return d.with(Op.SFENCE_VMA, 0, rs1, insn >>> 20 & 31, insn);
                    }
                    return d.illegal(insn);
            }
        }
        if (f3 == 4) {
            return d.illegal(insn);
        }
        int op = (f3 < 4 ? Op.CSRRW - 1 : Op.CSRRWI - 5) + f3;
        // the immediate is the raw instruction (mtval of an illegal access); the CSR number is its bits 31:20
        return d.with(op, rd, rs1, 0, insn);
    }
}
