package warden.riscv.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ELF64 little-endian RISC-V executable (ELF specification, "ELF Header", "Program Header",
 * "Symbol Table"; RISC-V ELF psABI: e_machine 243): its entry, its loadable segments (loaded at
 * their physical address, p_paddr, as Spike does; the bytes past p_filesz up to p_memsz are zero)
 * and the HTIF symbols {@code tohost}/{@code fromhost} (and a Warden RTOS's statistics block).
 * Anything malformed or not for this machine is refused with a message naming what and where.
 *
 * [impl->dsn~riscv.elf.loader~1]
 */
public final class ElfImage {
    public static final int EM_RISCV = 243;
    /** The symbol of the statistics block a Warden RTOS binary keeps (platform-ports/guests/riscv/src/rtos.h). */
    public static final String RTOS_STATS_SYMBOL = "warden_rtos_stats";
    private static final int PT_LOAD = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int HEADER = 64;
    private static final int MAX_SEGMENTS = 64;
    private static final int MAX_SECTIONS = 4096;

    /** A bad ELF file: the message says what and where. */
    public static final class BadElf extends Exception {
        private static final long serialVersionUID = 1L;

        BadElf(String message) {
            super(message);
        }
    }

    private final ByteBuffer b;
    private final long entry;
    private final long[] segAddr;
    private final long[] segFileOff;
    private final long[] segFileSize;
    private final long[] segMemSize;
    private long tohost = -1;
    private long fromhost = -1;
    private long beginSignature = -1;
    private long endSignature = -1;
    private long rtosStats = -1;

    private ElfImage(byte[] bytes) throws BadElf {
        b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkIdent(bytes);
        entry = b.getLong(24);
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xFFFF;
        int phnum = b.getShort(56) & 0xFFFF;
        if (phnum > MAX_SEGMENTS || phentsize < 56 && phnum > 0) {
            throw new BadElf("program headers: " + phnum + " entries of " + phentsize + " bytes");
        }
        int loads = 0;
        for (int i = 0; i < phnum; i++) {
            long off = phoff + (long) i * phentsize;
            inFile(off, 56, "program header " + i);
            loads += b.getInt((int) off) == PT_LOAD ? 1 : 0;
        }
        segAddr = new long[loads];
        segFileOff = new long[loads];
        segFileSize = new long[loads];
        segMemSize = new long[loads];
        readSegments(phoff, phentsize, phnum);
        readSymbols();
    }

    /** @return the image parsed from {@code bytes}. */
    public static ElfImage parse(byte[] bytes) throws BadElf {
        if (bytes.length < HEADER) {
            throw new BadElf("not an ELF file: " + bytes.length + " bytes, shorter than an ELF64 header");
        }
        return new ElfImage(bytes);
    }

    private void checkIdent(byte[] e) throws BadElf {
        if (e[0] != 0x7F || e[1] != 'E' || e[2] != 'L' || e[3] != 'F') {
            throw new BadElf("not an ELF file (no \\x7fELF magic at offset 0)");
        }
        if (e[4] != 2) {
            throw new BadElf("ELF class " + e[4] + " at offset 4: only ELFCLASS64 (2) runs on an RV64 hart");
        }
        if (e[5] != 1) {
            throw new BadElf("ELF data encoding " + e[5] + " at offset 5: RISC-V is little-endian (1)");
        }
        int type = b.getShort(16) & 0xFFFF;
        int machine = b.getShort(18) & 0xFFFF;
        if (machine != EM_RISCV) {
            throw new BadElf("e_machine " + machine + " at offset 18: not RISC-V (" + EM_RISCV + ")");
        }
        if (type != 2) {
            throw new BadElf("e_type " + type + " at offset 16: not an executable (ET_EXEC, 2)");
        }
    }

    private void inFile(long off, long len, String what) throws BadElf {
        if (off < 0 || len < 0 || off > b.capacity() - len) {
            throw new BadElf(what + ": bytes " + off + ".." + (off + len) + " lie outside the file ("
                    + b.capacity() + " bytes)");
        }
    }

    private void readSegments(long phoff, int phentsize, int phnum) throws BadElf {
        int k = 0;
        for (int i = 0; i < phnum; i++) {
            int off = (int) (phoff + (long) i * phentsize);
            if (b.getInt(off) != PT_LOAD) {
                continue;
            }
            segFileOff[k] = b.getLong(off + 8);
            segAddr[k] = b.getLong(off + 24);
            segFileSize[k] = b.getLong(off + 32);
            segMemSize[k] = b.getLong(off + 40);
            inFile(segFileOff[k], segFileSize[k], "segment " + i);
            if (Long.compareUnsigned(segFileSize[k], segMemSize[k]) > 0) {
                throw new BadElf("segment " + i + ": p_filesz " + segFileSize[k] + " exceeds p_memsz "
                        + segMemSize[k]);
            }
            k++;
        }
    }

    private void readSymbols() throws BadElf {
        long shoff = b.getLong(40);
        int shentsize = b.getShort(58) & 0xFFFF;
        int shnum = b.getShort(60) & 0xFFFF;
        if (shoff == 0 || shnum == 0) {
            return;
        }
        if (shnum > MAX_SECTIONS || shentsize < 64) {
            throw new BadElf("section headers: " + shnum + " entries of " + shentsize + " bytes");
        }
        inFile(shoff, (long) shnum * shentsize, "section header table");
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) == SHT_SYMTAB) {
                int link = b.getInt(sh + 40);
                if (link < 0 || link >= shnum) {
                    throw new BadElf("section " + i + ": string table index " + link + " out of range");
                }
                int str = (int) (shoff + (long) link * shentsize);
                symbols(b.getLong(sh + 24), b.getLong(sh + 32), b.getLong(str + 24), b.getLong(str + 32), i);
            }
        }
    }

    private void symbols(long off, long size, long strOff, long strSize, int section) throws BadElf {
        inFile(off, size, "section " + section + " (symbols)");
        inFile(strOff, strSize, "section " + section + " (symbol names)");
        for (long p = off; p + 24 <= off + size; p += 24) {
            long name = b.getInt((int) p) & 0xFFFF_FFFFL;
            long value = b.getLong((int) p + 8);
            if (name < strSize) {
                String n = cString((int) (strOff + name), (int) (strOff + strSize));
                if (n.equals("tohost")) {
                    tohost = value;
                } else if (n.equals("fromhost")) {
                    fromhost = value;
                } else if (n.equals("begin_signature")) {
                    beginSignature = value;
                } else if (n.equals("end_signature")) {
                    endSignature = value;
                } else if (n.equals(RTOS_STATS_SYMBOL)) {
                    rtosStats = value;
                }
            }
        }
    }

    private String cString(int from, int limit) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < limit && b.get(i) != 0 && sb.length() < 256; i++) {
            sb.append((char) (b.get(i) & 0xFF));
        }
        return sb.toString();
    }

    public long entry() { return entry; }
    public int segments() { return segAddr.length; }
    public long segmentAddress(int i) { return segAddr[i]; }
    public long segmentMemorySize(int i) { return segMemSize[i]; }
    /** @return the address of the tohost symbol, or -1 when the file has none. */
    public long tohost() { return tohost; }
    /** @return the address of the fromhost symbol, or -1 when the file has none. */
    public long fromhost() { return fromhost; }
    /** @return the address of the begin_signature symbol (riscv-arch-test), or -1 when the file has none. */
    public long beginSignature() { return beginSignature; }
    /** @return the address of the end_signature symbol, or -1 when the file has none. */
    public long endSignature() { return endSignature; }

    /**
     * @return the address of the Warden RTOS's statistics block (symbol {@value #RTOS_STATS_SYMBOL}),
     *     or -1 when the file has none [impl->dsn~guest.rtos.stats~1]
     */
    public long rtosStats() { return rtosStats; }

    /** @return byte j of segment i's file image (j below its file size). */
    public int segmentByte(int i, long j) {
        return b.get((int) (segFileOff[i] + j)) & 0xFF;
    }

    /** @return the number of bytes of segment i present in the file. */
    public long segmentFileSize(int i) { return segFileSize[i]; }
}
