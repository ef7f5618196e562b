package warden.riscv.cpu;

/**
 * The decoded instructions of one 4 KiB physical page: per 2-byte slot the packed operation
 * (0 = not decoded yet) and its immediate.
 *
 * [impl->dsn~riscv.hart.decode-cache~1]
 */
final class DecodedPage {
    static final int SLOTS = 2048;
    final long ppn;
    final int[] code = new int[SLOTS];
    final int[] imm = new int[SLOTS];

    DecodedPage(long ppn) {
        this.ppn = ppn;
    }
}
