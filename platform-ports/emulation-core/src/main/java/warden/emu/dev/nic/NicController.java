package warden.emu.dev.nic;

import warden.emu.Bus;
import warden.emu.DmaGuard;
import warden.emu.IrqStats;
import warden.emu.KeptRegisters;
import warden.emu.MmioDevice;
import warden.emu.Snapshottable;
import warden.emu.Stimulus;

/**
 * A register-level Ethernet controller ("WNIC") with receive and transmit descriptor rings in guest
 * memory that it reads and writes by DMA, one interrupt line, a station address and frame counters.
 * The scheme is the descriptor-ring scheme of Intel's 8254x ("e1000") family, written here from the
 * concepts of its public manual (Intel, "PCI/PCI-X Family of Gigabit Ethernet Controllers Software
 * Developer's Manual", 8254x: "Receive Descriptor Queue Structure" with RDBAL/RDBAH/RDLEN/RDH/RDT,
 * the matching transmit queue, the interrupt cause read register ICR with the mask set register
 * IMS, the receive address registers RAL/RAH, the counters GPRC, MPC and GPTC); the register map is
 * this model's own, smaller one, and no text or code is copied.
 *
 * <h2>Register map (32-bit registers, offsets from the window base)</h2>
 * <pre>
 * 0x00 ID     RO  0x574E_0100 (model "WN", version 1.0)
 * 0x04 CTRL   RW  bit 0 RXEN (receive), bit 1 TXEN (transmit); reset 0
 * 0x08 STATUS RO/W1C bit 0 LU (link up, always 1), bit 1 DMAERR (a DMA access was denied or hit
 *                 no memory; write 1 to clear)
 * 0x0C ICR    W1C cause: bit 0 RXT (frame stored), 1 RXO (frame dropped: no free descriptor or
 *                 receive off), 2 TXDW (transmit descriptor done), 3 DMAE (DMA error)
 * 0x10 IMS    RW  the same bits: a cause whose bit is set raises the line
 * 0x14 RAL    RW  station address bytes 0..3;  0x18 RAH RW bytes 4..5 in bits 15:0
 * 0x20 RDBAL  0x24 RDBAH  0x28 RDLEN  receive ring base (16-byte aligned) and length in bytes
 *                 (a multiple of 16, at most 256 descriptors); writable only while RXEN = 0
 * 0x2C RDH    receive head (the next descriptor the device fills); writable only while RXEN = 0
 * 0x30 RDT    receive tail: descriptors RDH .. RDT-1 belong to the device; RDH = RDT: none free
 * 0x40 TDBAL  0x44 TDBAH  0x48 TDLEN  0x4C TDH  0x50 TDT  the transmit ring, the same way:
 *                 descriptors TDH .. TDT-1 wait to be sent; a TDT write starts sending
 * 0x60 GPRC   RO  frames stored in the receive ring    0x64 MPC RO frames dropped
 * 0x68 GPTC   RO  frames sent                          0x6C DMADC RO DMA accesses denied
 * </pre>
 * Accesses that are not 4 bytes wide and aligned, and offsets without a register, read 0 and ignore
 * writes, as on every device of this bus; a ring register value outside its range is ignored.
 * Descriptors: {@link NicDescriptor}.
 *
 * <h2>DMA</h2>
 * Every access to guest memory is one burst that {@link DmaGuard#permits} checks, with this
 * device's master id, before it reaches the bus. A denied or failed burst is not performed (a read
 * gives zero, a write is dropped); the frame in hand is dropped and counted in MPC (receive) or
 * stays in its descriptor (transmit), the head does not move, STATUS.DMAERR and ICR.DMAE are set,
 * and DMADC counts the denial. Nothing is allocated per frame; every loop is bounded by the frame
 * buffer (2048 bytes) or the ring (256 descriptors).
 *
 * [impl->dsn~nic.registers~1] [impl->dsn~nic.rx-ring~1] [impl->dsn~nic.tx-ring~1]
 * [impl->dsn~nic.interrupts~1] [impl->dsn~nic.dma~1]
 *
 * <p>A restore point keeps its configuration through the register window ({@link #keep}).
 */
public final class NicController implements MmioDevice, Snapshottable {
    public static final int ID = 0x00;
    public static final int CTRL = 0x04;
    public static final int STATUS = 0x08;
    public static final int ICR = 0x0C;
    public static final int IMS = 0x10;
    public static final int RAL = 0x14;
    public static final int RAH = 0x18;
    public static final int RDBAL = 0x20;
    public static final int RDBAH = 0x24;
    public static final int RDLEN = 0x28;
    public static final int RDH = 0x2C;
    public static final int RDT = 0x30;
    public static final int TDBAL = 0x40;
    public static final int TDBAH = 0x44;
    public static final int TDLEN = 0x48;
    public static final int TDH = 0x4C;
    public static final int TDT = 0x50;
    public static final int GPRC = 0x60;
    public static final int MPC = 0x64;
    public static final int GPTC = 0x68;
    public static final int DMADC = 0x6C;

    public static final int ID_VALUE = 0x574E_0100;
    public static final int CTRL_RXEN = 1;
    public static final int CTRL_TXEN = 2;
    public static final int STATUS_LU = 1;
    public static final int STATUS_DMAERR = 2;
    public static final int ICR_RXT = 1;
    public static final int ICR_RXO = 2;
    public static final int ICR_TXDW = 4;
    public static final int ICR_DMAE = 8;
    public static final int ICR_ALL = 0xF;

    /** Where transmitted frames go (a test's or a run's observer of the wire). */
    public interface Wire {
        /** A frame was sent: {@code length} bytes of {@code frame} (a buffer the device reuses). */
        void transmitted(byte[] frame, int length, long nowNs);
    }

    private final Stimulus.LineInput input;
    private final IrqStats stats;
    private final int line;
    private final int master;
    private final DmaGuard guard;
    private final NicRing rx = new NicRing();
    private final NicRing tx = new NicRing();
    private final byte[] txFrame = new byte[NicDescriptor.BUFFER];
    private Bus bus;
    private Wire wire;
    private int ctrl;
    private boolean dmaError;
    private int icr;
    private int ims;
    private int ral;
    private int rah;
    private long stored;
    private long dropped;
    private long sent;
    private long denied;
    private long ignored;
    private final KeptRegisters kept = new KeptRegisters(this, new int[] {RDBAL, RDBAH, RDLEN, RDH, RDT, TDBAL,
        TDBAH, TDLEN, TDH, TDT, IMS, RAL, RAH, CTRL}, new KeptRegisters.Quiesce() {
            @Override
            public void quiesce(long nowNs) {
                write(CTRL, 4, 0, nowNs);
                write(ICR, 4, ICR_ALL, nowNs);
                write(STATUS, 4, STATUS_DMAERR, nowNs);
            }
        });

    /**
     * Boot-time.
     *
     * @param input  the board's interrupt controller input
     * @param stats  latency bookkeeping the raises go through, or null to raise at {@code input}
     * @param line   the interrupt line
     * @param master this device's bus-master id, as the guard knows it
     * @param guard  the board's DMA isolation check
     */
    public NicController(Stimulus.LineInput input, IrqStats stats, int line, int master, DmaGuard guard) {
        this.input = input;
        this.stats = stats;
        this.line = line;
        this.master = master;
        this.guard = guard;
    }

    /** Connects the device's DMA port to the board's bus (boot-time). */
    public void connect(Bus b) {
        this.bus = b;
    }

    /** Sets where transmitted frames go; none by default (they are counted only). */
    public void wire(Wire w) {
        this.wire = w;
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        if (size != 4 || (offset & 3) != 0) {
            ignored++;
            return 0;
        }
        switch ((int) offset) {
            case ID: return ID_VALUE;
            case CTRL: return ctrl;
            case STATUS: return STATUS_LU | (dmaError ? STATUS_DMAERR : 0);
            case ICR: return icr;
            case IMS: return ims;
            case RAL: return ral & 0xFFFF_FFFFL;
            case RAH: return rah;
            case GPRC: return stored & 0xFFFF_FFFFL;
            case MPC: return dropped & 0xFFFF_FFFFL;
            case GPTC: return sent & 0xFFFF_FFFFL;
            case DMADC: return denied & 0xFFFF_FFFFL;
            default: return ringRead((int) offset);
        }
    }

    private long ringRead(int offset) {
        NicRing r = offset >= TDBAL ? tx : offset >= RDBAL ? rx : null;
        int reg = offset - (offset >= TDBAL ? TDBAL : RDBAL);
        if (r == null || reg > RDT - RDBAL) {
            ignored++;
            return 0;
        }
        return r.read(reg);
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        if (size != 4 || (offset & 3) != 0) {
            ignored++;
            return;
        }
        int v = (int) value;
        switch ((int) offset) {
            case CTRL:
                ctrl = v & (CTRL_RXEN | CTRL_TXEN);
                transmit(nowNs);
                return;
            case STATUS: dmaError &= (v & STATUS_DMAERR) == 0; return;
            case ICR: icr &= ~v; return;
            case IMS:
                ims = v & ICR_ALL;
                if ((icr & ims) != 0) {
                    raise(nowNs);
                }
                return;
            case RAL: ral = v; return;
            case RAH: rah = v & 0xFFFF; return;
            default: ringWrite((int) offset, v, nowNs);
        }
    }

    private void ringWrite(int offset, int v, long nowNs) {
        boolean isTx = offset >= TDBAL;
        NicRing r = isTx ? tx : offset >= RDBAL ? rx : null;
        int reg = offset - (isTx ? TDBAL : RDBAL);
        boolean enabled = (ctrl & (isTx ? CTRL_TXEN : CTRL_RXEN)) != 0;
        if (r == null || reg > RDT - RDBAL || !r.write(reg, v, enabled)) {
            ignored++;
            return;
        }
        if (isTx && reg == TDT - TDBAL) {
            transmit(nowNs);
        }
    }

    /**
     * A frame arrives from the wire: stored by DMA into the buffer of the receive head's descriptor,
     * or dropped (see the class comment). Allocates nothing.
     */
    public void receive(byte[] frame, int length, long nowNs) {
        int n = Math.min(length, NicDescriptor.BUFFER);
        if ((ctrl & CTRL_RXEN) == 0 || rx.free() == 0) {
            dropped++;
            cause(ICR_RXO, nowNs);
            return;
        }
        long desc = rx.headAddress();
        if (!dmaRead(desc + NicDescriptor.ADDRESS, 8, nowNs)) {
            rxFailed(nowNs);
            return;
        }
        long buffer = bus.lastValue();
        if (!dmaWrite(buffer, frame, n, nowNs)
                || !dmaWriteWord(desc + NicDescriptor.LENGTH,
                        n | (long) (NicDescriptor.DD | NicDescriptor.EOP) << 32, nowNs)) {
            rxFailed(nowNs);
            return;
        }
        rx.advance();
        stored++;
        cause(ICR_RXT, nowNs);
    }

    private void rxFailed(long nowNs) {
        dropped++;
        cause(ICR_DMAE, nowNs);
    }

    /** Sends what the transmit ring holds, at most one ring's worth. */
    private void transmit(long nowNs) {
        if ((ctrl & CTRL_TXEN) == 0) {
            return;
        }
        for (int i = 0; i < NicDescriptor.RING_MAX && tx.pending() > 0; i++) {
            long desc = tx.headAddress();
            if (!dmaRead(desc + NicDescriptor.ADDRESS, 8, nowNs)) {
                cause(ICR_DMAE, nowNs);
                return;
            }
            long buffer = bus.lastValue();
            if (!dmaRead(desc + NicDescriptor.LENGTH, 8, nowNs)) {
                cause(ICR_DMAE, nowNs);
                return;
            }
            long word = bus.lastValue();
            int n = (int) Math.min(word & 0xFFFF, NicDescriptor.BUFFER);
            boolean report = (word >>> 24 & NicDescriptor.CMD_RS) != 0;
            if (!dmaReadFrame(buffer, n, nowNs)
                    || report && !dmaWriteWord(desc + NicDescriptor.LENGTH, word | (long) NicDescriptor.DD << 32,
                            nowNs)) {
                cause(ICR_DMAE, nowNs);
                return;
            }
            tx.advance();
            sent++;
            if (wire != null) {
                wire.transmitted(txFrame, n, nowNs);
            }
            cause(ICR_TXDW, nowNs);
        }
    }

    private boolean allowed(long address, int length, boolean write) {
        if (bus != null && guard.permits(master, address, length, write)) {
            return true;
        }
        denied++;
        dmaError = true;
        return false;
    }

    private boolean failed() {
        dmaError = true;
        return false;
    }

    private boolean dmaRead(long address, int length, long nowNs) {
        return allowed(address, length, false) && (bus.read(address, length, nowNs) == Bus.OK || failed());
    }

    private boolean dmaWriteWord(long address, long value, long nowNs) {
        return allowed(address, 8, true) && (bus.write(address, 8, value, nowNs) == Bus.OK || failed());
    }

    private boolean dmaWrite(long address, byte[] data, int n, long nowNs) {
        if (!allowed(address, Math.max(n, 1), true)) {
            return false;
        }
        for (int i = 0; i < n; i++) { // bound: the 2048-byte buffer
            if (bus.write(address + i, 1, data[i] & 0xFF, nowNs) != Bus.OK) {
                return failed();
            }
        }
        return true;
    }

    private boolean dmaReadFrame(long address, int n, long nowNs) {
        if (!allowed(address, Math.max(n, 1), false)) {
            return false;
        }
        for (int i = 0; i < n; i++) { // bound: the 2048-byte buffer
            if (bus.read(address + i, 1, nowNs) != Bus.OK) {
                return failed();
            }
            txFrame[i] = (byte) bus.lastValue();
        }
        return true;
    }

    private void cause(int bits, long nowNs) {
        icr |= bits;
        if ((bits & ims) != 0) {
            raise(nowNs);
        }
    }

    private void raise(long nowNs) {
        IrqStats.request(stats, input, line, nowNs);
    }

    /** @return the level of the line: a cause that is enabled. */
    /**
     * Keeps the rings' bases, lengths, heads and tails, the interrupt mask, the station address and
     * CTRL. [impl->dsn~nic.kept-state~1]
     */
    @Override
    public long keep() {
        return kept.keep();
    }

    /** @return the kept copy's check value, or -1. [impl->dsn~nic.kept-state~1] */
    @Override
    public long keptCheck() {
        return kept.check();
    }

    /**
     * Disables the device, clears its causes and error flag, and writes the copy back with CTRL
     * last (which sends what the restored transmit ring holds). [impl->dsn~nic.kept-state~1]
     */
    @Override
    public boolean reinstate(long nowNs) {
        return kept.reinstate(nowNs);
    }

    public boolean lineLevel() {
        return (icr & ims) != 0;
    }

    public int master() { return master; }
    /** @return frames the wire offered (stored plus dropped). */
    public long offered() { return stored + dropped; }
    public long stored() { return stored; }
    public long dropped() { return dropped; }
    public long sent() { return sent; }
    public long denied() { return denied; }
    public long ignoredAccesses() { return ignored; }
}
