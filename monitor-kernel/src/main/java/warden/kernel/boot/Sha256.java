package warden.kernel.boot;

import warden.kernel.api.SystemImage;
import warden.kernel.port.GuestMemory;

/**
 * SHA-256 (FIPS 180-4, §6.2) over a range of physical memory read through the port, for the
 * golden-image check: the message schedule, state and block buffer are allocated once at boot, so a
 * digest at mission time allocates nothing. Every loop is bounded by a constant: 64 rounds, 64
 * schedule words, 64-byte blocks, and at most {@link SystemImage#IMAGE_BYTES_MAX} message bytes.
 * The streaming form ({@link #start}, {@link #putByte}, {@link #putLong}, {@link #add}, {@link #end})
 * serves the update's chunks and the snapshot digests.
 *
 * [impl->dsn~health.golden-image~1]
 */
// Index reasoning: w has 64 entries indexed by t < 64 (and t-2, t-7, t-15, t-16 >= 0 for t >= 16); h has
// 8 entries indexed by constants and i < 8; block has 64 entries indexed by j < 64, fill < 64
// (size & 63), i < 64, 56 + i < 64 for i < 8 and 4*t+k < 64 for t < 16, k < 4; K has 64 entries indexed
// by t < 64; digest bytes are read for i < DIGEST_BYTES (32), the length of a partition's digest.
// justification: every table is indexed below its fixed length (64, 8 or 32), see the reasoning above
@SuppressWarnings("index")
public final class Sha256 {
    /** The most bytes one {@link #add} takes (an update chunk's size). */
    public static final int ADD_MAX = 4096;
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };
    private static final int[] H0 = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };

    private final int[] w = new int[64];
    private final int[] h = new int[8];
    private final byte[] block = new byte[64];
    /** Bytes of the current block held in {@link #block} (streaming form). */
    private int fill;
    /** Bytes of the current message so far (streaming form). */
    private long length;

    /** A hasher, made at boot (its tables are allocated here). */
    public Sha256() {
        start();
    }

    /**
     * The digest of {@code size} (at most IMAGE_BYTES_MAX) bytes of memory from {@code base}, then
     * read with {@link #digestByte}. The message is read a whole 64-byte block at a time and each
     * block compressed once, so the work is (size / 64 + 2) compressions and size byte reads: a
     * per-entry time bound follows from the size (a byte-wise loop would be charged a compression
     * for every byte in that bound).
     *
     * @return false when a byte could not be read
     */
    boolean hash(GuestMemory mem, long base, int size) {
        start();
        int whole = size >>> 6;
        for (int k = 0; k < SystemImage.IMAGE_BYTES_MAX / 64 && k < whole; k++) {
            if (!read(mem, base + 64L * k, 0, 64)) {
                return false;
            }
            compress();
        }
        int rest = size & 63;
        if (!read(mem, base + 64L * whole, 0, rest)) {
            return false;
        }
        fill = rest;
        length = size;
        end();
        return true;
    }

    /**
     * Starts a new message (streaming form).
     * [impl->dsn~kernel.update.verify~1]
     * [impl->dsn~kernel.snapshot.digest~1]
     */
    public void start() {
        for (int i = 0; i < 8; i++) {
            h[i] = H0[i];
        }
        fill = 0;
        length = 0;
    }

    /** Appends one byte (its low 8 bits) to the message. [impl->dsn~kernel.snapshot.digest~1] */
    public void putByte(int b) {
        block[fill++] = (byte) b;
        length++;
        if (fill == 64) {
            compress();
            fill = 0;
        }
    }

    /** Appends 8 bytes, most significant first. [impl->dsn~kernel.snapshot.digest~1] */
    public void putLong(long v) {
        for (int i = 7; i >= 0; i--) {
            putByte((int) (v >>> (8 * i)));
        }
    }

    /**
     * Appends {@code n} (at most {@link #ADD_MAX}) bytes of memory from {@code base}: the rest of the
     * current block, whole blocks, then the start of the next block.
     *
     * @return false when n is out of range or a byte could not be read (the message is then spoilt)
     *
     * [impl->dsn~kernel.update.verify~1]
     */
    public boolean add(GuestMemory mem, long base, int n) {
        if (n < 0 || n > ADD_MAX) {
            return false;
        }
        int head = 64 - fill; // the rest of the current block (fill < 64); a whole block when fill is 0
        if (head > n) {
            head = n;
        }
        if (!read(mem, base, fill, head)) {
            return false;
        }
        fill += head;
        if (fill == 64) {
            compress();
            fill = 0;
        }
        int whole = (n - head) >>> 6;
        for (int k = 0; k < ADD_MAX / 64 && k < whole; k++) {
            if (!read(mem, base + head + 64L * k, 0, 64)) {
                return false;
            }
            compress();
        }
        int rest = (n - head) & 63; // fill is 0 here whenever rest > 0: the head filled its block
        if (!read(mem, base + head + 64L * whole, 0, rest)) {
            return false;
        }
        fill += rest;
        length += n;
        return true;
    }

    /**
     * Ends the message; {@link #digestByte} then reads its digest.
     * [impl->dsn~kernel.update.verify~1]
     * [impl->dsn~kernel.snapshot.digest~1]
     */
    public void end() {
        finish(fill, 8L * length);
    }

    /**
     * Ends the message and writes its 32-byte digest to {@code out[off..off+32)}.
     * [impl->dsn~kernel.snapshot.digest~1]
     */
    public void end(byte[] out, int off) {
        end();
        for (int i = 0; i < SystemImage.DIGEST_BYTES; i++) {
            out[off + i] = (byte) digestByte(i);
        }
    }

    /** @return byte i (0..31) of the digest of the message ended last [impl->dsn~kernel.update.verify~1] */
    public int digestByte(int i) {
        return (h[i >>> 2] >>> (24 - 8 * (i & 3))) & 0xff;
    }

    /**
     * @return true when the n bytes from {@code at} were readable into the block from byte
     *     {@code off} on (off + n at most 64)
     */
    private boolean read(GuestMemory mem, long at, int off, int n) {
        for (int j = 0; j < 64 && j < n; j++) {
            int b = mem.readByte(at + j);
            if (b < 0) {
                return false;
            }
            block[off + j] = (byte) b;
        }
        return true;
    }

    /** Rotate right by n (0 < n < 32), FIPS 180-4 ROTR. */
    private static int ror(int x, int n) {
        return (x >>> n) | (x << (32 - n));
    }

    /**
     * Padding (§5.1.1) after the last {@code used} (below 64) message bytes in the block: a one bit,
     * zeros, and the 64-bit message length in bits; one more block when the length does not fit.
     */
    private void finish(int used, long bits) {
        block[used] = (byte) 0x80;
        int last = used;
        if (used >= 56) {
            zeroAfter(used);
            compress();
            last = -1;
        }
        zeroAfter(last);
        for (int i = 0; i < 8; i++) {
            block[56 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress();
    }

    /** Zeroes the block after byte {@code last} (-1: the whole block). */
    private void zeroAfter(int last) {
        for (int i = 0; i < 64; i++) {
            block[i] = i > last ? 0 : block[i];
        }
    }

    /** The message schedule of the block: its 16 words, expanded to 64. */
    private void schedule() {
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16
                    | (block[4 * t + 2] & 0xff) << 8 | (block[4 * t + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
    }

    private void compress() {
        schedule();
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
            int ch = (e & f) ^ (~e & g);
            int t1 = hh + s1 + ch + K[t] + w[t];
            int s0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int t2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
