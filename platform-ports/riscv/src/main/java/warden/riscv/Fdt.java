package warden.riscv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flattened device tree blob as the Devicetree Specification v0.4 (devicetree.org),
 * chapter 5 "Flattened Devicetree (DTB) Format", defines it: a 40-byte big-endian header (magic
 * 0xd00dfeed, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version 17,
 * last_comp_version 16, boot_cpuid_phys, size_dt_strings, size_dt_struct), an empty memory
 * reservation block (one all-zero entry), the structure block (FDT_BEGIN_NODE 1 with the
 * NUL-terminated name padded to 4 bytes, FDT_PROP 3 with length, name offset and value padded to 4
 * bytes, FDT_END_NODE 2, FDT_END 9) and the strings block of property names. Nodes are written in
 * order with {@link #begin} and {@link #end}; property names are shared in the strings block.
 *
 * [impl->dsn~riscv.fdt~1]
 */
public final class Fdt {
    static final int MAGIC = 0xd00dfeed;
    static final int BEGIN_NODE = 1;
    static final int END_NODE = 2;
    static final int PROP = 3;
    static final int END = 9;
    static final int HEADER = 40;
    static final int RSVMAP = 16;

    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final java.util.Map<String, Integer> nameOffsets = new java.util.HashMap<>();
    private int depth;

    /** Opens node {@code name} ("" for the root). */
    public Fdt begin(String name) {
        word(struct, BEGIN_NODE);
        bytesPadded(struct, (name + "\0").getBytes(StandardCharsets.US_ASCII));
        depth++;
        return this;
    }

    /** Closes the innermost open node. */
    public Fdt end() {
        if (depth == 0) {
            throw new IllegalStateException("no node open");
        }
        word(struct, END_NODE);
        depth--;
        return this;
    }

    /** A property with no value (a boolean such as {@code interrupt-controller}). */
    public Fdt empty(String name) {
        return prop(name, new byte[0]);
    }

    /** A property of one or more 32-bit cells. */
    public Fdt cells(String name, long... values) {
        byte[] v = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            put32(v, 4 * i, (int) values[i]);
        }
        return prop(name, v);
    }

    /** A {@code <u64 u64 ...>} property: each value as two cells, high first (#address-cells = 2). */
    public Fdt pairs(String name, long... values) {
        long[] c = new long[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            c[2 * i] = values[i] >>> 32;
            c[2 * i + 1] = values[i] & 0xffff_ffffL;
        }
        return cells(name, c);
    }

    /** A NUL-terminated string property. */
    public Fdt string(String name, String value) {
        return prop(name, (value + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private Fdt prop(String name, byte[] value) {
        Integer off = nameOffsets.get(name);
        if (off == null) {
            off = strings.size();
            nameOffsets.put(name, off);
            strings.writeBytes((name + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        word(struct, PROP);
        word(struct, value.length);
        word(struct, off);
        bytesPadded(struct, value);
        return this;
    }

    /** @return the blob; every node must be closed. {@code bootCpu} goes to boot_cpuid_phys. */
    public byte[] finish(int bootCpu) {
        if (depth != 0) {
            throw new IllegalStateException(depth + " nodes still open");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(struct.toByteArray());
        word(body, END);
        byte[] s = body.toByteArray();
        byte[] str = strings.toByteArray();
        int offStruct = HEADER + RSVMAP;
        int offStrings = offStruct + s.length;
        int total = offStrings + str.length;
        byte[] out = new byte[(total + 7) & ~7];
        int[] header = {MAGIC, out.length, offStruct, offStrings, HEADER, 17, 16, bootCpu, str.length, s.length};
        for (int i = 0; i < header.length; i++) {
            put32(out, 4 * i, header[i]);
        }
        System.arraycopy(s, 0, out, offStruct, s.length);
        System.arraycopy(str, 0, out, offStrings, str.length);
        return out;
    }

    private static void word(ByteArrayOutputStream o, int v) {
        byte[] b = new byte[4];
        put32(b, 0, v);
        o.writeBytes(b);
    }

    private static void bytesPadded(ByteArrayOutputStream o, byte[] b) {
        o.writeBytes(b);
        for (int i = b.length; (i & 3) != 0; i++) {
            o.write(0);
        }
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int get32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | b[off + 3] & 0xff;
    }
}
