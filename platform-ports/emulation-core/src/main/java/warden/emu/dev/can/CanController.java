package warden.emu.dev.can;

import warden.emu.IrqStats;
import warden.emu.MmioDevice;
import warden.emu.Snapshottable;
import warden.emu.Stimulus;

/**
 * A register-level classical CAN controller ("WCAN"): three transmit mailboxes, a receive FIFO,
 * eight acceptance filters, ISO 11898-1 fault confinement and one interrupt line. The register
 * concepts follow widely used controllers without copying any one of them: the mode bit INIT and
 * the write-1-to-clear interrupt register with an enable register beside it as in the Bosch M_CAN
 * (CCCR.INIT, IR/IE; Microchip SAM data sheets, "MCAN" chapter), the error counter register with
 * TEC in bits 7:0 and REC above it (MCAN_ECR, same source), the bit timing fields prescaler, time
 * segment 1, time segment 2 and synchronisation jump width, each stored as value − 1, with
 * configuration allowed only in the initialisation mode as in the NXP SJA1000 BTR0/BTR1 (Kvaser,
 * "CAN Bit Timing", and the SJA1000 data sheet), the transmit request bits per buffer and the
 * receive FIFO acknowledge as in M_CAN's TXBAR and RXF0A.
 *
 * <h2>Register map (32-bit registers, offsets from the window base)</h2>
 * <pre>
 * 0x00 ID       RO  0x5743_0100 (model "WC", version 1.0)
 * 0x04 CTRL     RW  bit 0 INIT (reset 1): initialisation mode, off the bus; BTR and filters are
 *                   writable only while INIT = 1; set by the controller on bus-off, and clearing it
 *                   then starts the bus-off recovery. bit 1 DAR: disable automatic retransmission.
 * 0x08 BTR      RW  bits 9:0 BRP−1, 19:16 TSEG1−1, 22:20 TSEG2−1, 25:24 SJW−1 (reset 0x001C_0004:
 *                   prescaler 5, 1+13+2 = 16 quanta, i.e. 500 kbit/s at a 40 MHz clock).
 *                   bit time = prescaler × (1 + TSEG1 + TSEG2) / clock.
 * 0x0C STAT     RO  bit 0 EW (a counter ≥ 96), bit 1 EP (error passive), bit 2 BO (bus-off),
 *                   bit 3 RECOV (bus-off recovery running), bit 4 TXACT (a mailbox is on the bus)
 * 0x10 ECR      RO  bits 7:0 TEC (255 when above), bits 15:8 REC (255 when above)
 * 0x14 IR       W1C bit 0 RXNE (frame stored), 1 RXOVF (frame lost, FIFO full), 2 TXDONE,
 *                   3 TXFAIL (attempt failed with DAR), 4 EWARN, 5 EPASS, 6 BOFF (the warning,
 *                   passive or bus-off state changed, either way), 7 PERR (a counter went up)
 * 0x18 IE       RW  the same bits: a set IR bit whose IE bit is set raises the line
 * 0x1C TXREQ    RW  write 1 to bit i: send mailbox i; reads the pending requests
 * 0x20 TXCANCEL WO  write 1 to bit i: withdraw the request of mailbox i (one on the bus finishes,
 *                   and is not retried if it fails); reads 0
 * 0x24 TXDONE   RO  bit i: mailbox i was sent (cleared by a new request of it)
 * 0x28 TXFAIL   RO  bit i: mailbox i failed with DAR set (cleared by a new request of it)
 * 0x30 RXSTAT   RO/W1C bits 7:0 fill level, bit 8 FULL, bit 9 OVF (write 1: clears OVF and
 *                   LOST), bits 31:16 LOST (frames lost since, saturating at 0xFFFF)
 * 0x34 RXID     RO  head of the FIFO: bit 30 XTD, bit 29 RTR, bits 28:0 id (standard id in 10:0)
 * 0x38 RXDLC    RO  head: bits 3:0 DLC, bits 10:8 index of the filter that accepted it
 * 0x3C RXDATA0  RO  head: data bytes 0..3 (byte 0 in bits 7:0)
 * 0x40 RXDATA1  RO  head: data bytes 4..7
 * 0x44 RXPOP    WO  any write: release the head
 * 0x48 RXTIME   RO  head: end of the frame on the bus, in microseconds of virtual time (low 32 bits)
 * 0x50 + 16i    mailbox i (0..2): +0 ID (format of RXID), +4 DLC, +8 DATA0, +C DATA1;
 *                   writes to a mailbox whose request is pending are ignored
 * 0x80 + 8j     filter j (0..7): +0 FID: bit 31 enable, bit 30 XTD, bits 28:0 id; +4 FMASK bits
 *                   28:0 (1 = the bit must match); a frame is kept when an enabled filter of its
 *                   format (standard or extended) matches it; with no filter enabled nothing is kept
 * </pre>
 * Accesses that are not 4 bytes wide and 4-byte aligned, and offsets without a register, read as 0
 * and ignore writes — the convention of every device on this bus (see {@link warden.emu.MmioDevice}
 * and {@link warden.emu.NullDevice}); {@link #ignoredAccesses()} counts them.
 *
 * <h2>Behaviour</h2>
 * Transmission: among the pending mailboxes the one with the lowest arbitration key (lowest
 * identifier) goes to the arbitration, the lowest index on a tie (M_CAN's rule for its Tx buffers).
 * A failed frame is retried unless DAR is set. Reception: every correct frame of another node is
 * acknowledged; it is stored when a filter accepts it and the FIFO has room; with the FIFO full it
 * is lost (the FIFO's blocking mode of M_CAN: the older frames are kept) and OVF, LOST and RXOVF
 * say so. Fault confinement follows ISO 11898-1 (via Microchip's "Fault Confinement" chapter):
 * TEC +8 for a transmit error (not for an ACK error of an error-passive transmitter), REC +1 for a
 * receive error, −1 for a successful transmission or reception (REC above 127 goes back to 127);
 * error passive while TEC or REC is above 127; bus-off when TEC is above 255. A node that is error
 * passive at the end of its own frame (after that frame's counter update) waits 8 more bit times
 * before it may contend again (suspend transmission). Bus-off sets INIT (as M_CAN does); clearing
 * INIT starts the recovery, which ends after 128 occurrences of 11 consecutive recessive bits (ISO
 * 11898-1 bus-off management, as Microchip's CAN FD module chapter "Recovery from Bus Off State"
 * restates it). The model's equivalent: each frame end on the bus is one occurrence (ACK
 * delimiter, end of frame and intermission are 11 recessive bits), and each further 11 bit times
 * of idle bus is one; then TEC and REC are 0 and the node is error active again.
 *
 * <p>The line: the controller calls {@link Stimulus.LineInput#raise} (through {@link IrqStats}
 * when given, for latency statistics) for every event whose IR bit is enabled, and when IE is
 * written with a bit whose IR bit is set; {@link #lineLevel()} is the level (IR &amp; IE) != 0.
 *
 * [impl->dsn~can.registers~1]
 * [impl->dsn~can.tx-mailboxes~1]
 * [impl->dsn~can.rx-fifo~1]
 * [impl->dsn~can.filters~1]
 * [impl->dsn~can.fault-confinement~1]
 * [impl->dsn~can.interrupts~1]
 *
 * <p>A restore point keeps its configuration registers and puts them back after a reset
 * ({@link CanKept}); a frame it was sending when reset is abandoned.
 */
public final class CanController implements MmioDevice, CanBus.Node, Snapshottable {
    public static final int ID = 0;
    public static final int CTRL = 0x04;
    public static final int BTR = 0x08;
    public static final int STAT = 0x0C;
    public static final int ECR = 0x10;
    public static final int IR = 0x14;
    public static final int IE = 0x18;
    public static final int TXREQ = 0x1C;
    public static final int TXCANCEL = 0x20;
    public static final int TXDONE = 0x24;
    public static final int TXFAIL = 0x28;
    public static final int RXSTAT = 0x30;
    public static final int RXID = 0x34;
    public static final int RXDLC = 0x38;
    public static final int RXDATA0 = 0x3C;
    public static final int RXDATA1 = 0x40;
    public static final int RXPOP = 0x44;
    public static final int RXTIME = 0x48;
    public static final int MAILBOX = 0x50;
    public static final int MAILBOX_STRIDE = 0x10;
    public static final int FILTER = 0x80;
    public static final int FILTER_STRIDE = 8;
    /** Bytes of the register window the model decodes (a larger device window reads 0 above). */
    public static final int WINDOW = 0xC0;

    public static final int ID_VALUE = 0x5743_0100;
    public static final int CTRL_INIT = 1;
    public static final int CTRL_DAR = 2;
    public static final int BTR_RESET = 0x001C_0004;
    public static final int STAT_EW = 1;
    public static final int STAT_EP = 2;
    public static final int STAT_BO = 4;
    public static final int STAT_RECOV = 8;
    public static final int STAT_TXACT = 16;
    public static final int IR_RXNE = 1;
    public static final int IR_RXOVF = 2;
    public static final int IR_TXDONE = 4;
    public static final int IR_TXFAIL = 8;
    public static final int IR_EWARN = 16;
    public static final int IR_EPASS = 32;
    public static final int IR_BOFF = 64;
    public static final int IR_PERR = 128;
    public static final int IR_ALL = 0xFF;
    public static final int RXSTAT_FULL = 1 << 8;
    public static final int RXSTAT_OVF = 1 << 9;
    public static final int XTD = 1 << 30;
    public static final int RTR = 1 << 29;
    public static final int FILTER_ENABLE = 1 << 31;

    public static final int MAILBOXES = 3;
    public static final int FILTERS = 8;
    public static final int RX_DEPTH_MAX = 64;
    /** Error warning limit (M_CAN PSR.EW, SJA1000 default warning limit): a counter at 96 or more. */
    public static final int WARNING_LIMIT = 96;
    /** A counter above this is error passive (ISO 11898-1). */
    public static final int PASSIVE_LIMIT = 127;
    /** A TEC above this is bus-off (ISO 11898-1). */
    public static final int BUS_OFF_LIMIT = 255;
    /** Occurrences of 11 consecutive recessive bits that end a bus-off recovery (ISO 11898-1). */
    public static final int RECOVERY_OCCURRENCES = 128;
    /** Bits an error-passive transmitter waits after its frame (suspend transmission). */
    public static final int SUSPEND_BITS = 8;

    private final long clockHz;
    private final int rxDepth;
    private final Stimulus.LineInput input;
    private final IrqStats stats;
    private final int line;

    private int ctrl;
    private int btr;
    private int ir;
    private int ie;
    private int txPending;
    private int txCancel;
    private int txDone;
    private int txFail;
    private int txActive;
    private final int[] mbId = new int[MAILBOXES];
    private final int[] mbDlc = new int[MAILBOXES];
    private final int[] mbData0 = new int[MAILBOXES];
    private final int[] mbData1 = new int[MAILBOXES];
    private final long[] mbRequestNs = new long[MAILBOXES];
    private final int[] filterId = new int[FILTERS];
    private final int[] filterMask = new int[FILTERS];
    private final int[] rxId;
    private final int[] rxDlc;
    private final int[] rxData0;
    private final int[] rxData1;
    private final int[] rxTime;
    private int rxHead;
    private int rxFill;
    private boolean rxOverflow;
    private int rxLost;
    private final CanFrame scratch = new CanFrame();

    private int tec;
    private int rec;
    private boolean busOff;
    private boolean recovering;
    private long recoveryStartNs;
    private int recoveryLeft;
    private long idleAccNs;
    private long lastIdleToNs;
    private long activeSinceNs;
    private long suspendUntilNs;
    private int stateBits;

    private final warden.emu.KeptRegisters kept = CanKept.of(this);

    private long ignored;
    private long filteredOut;
    private long received;
    private long lost;
    private long sent;

    /**
     * @param clockHz CAN clock the bit timing divides (e.g. 40 MHz)
     * @param rxDepth receive FIFO entries, 1..64
     * @param input   interrupt controller input the line goes to
     * @param stats   latency bookkeeping the raises go through, or null to call {@code input} directly
     * @param line    the interrupt line (PLIC source, GIC INTID, ...)
     */
    public CanController(long clockHz, int rxDepth, Stimulus.LineInput input, IrqStats stats, int line) {
        if (clockHz <= 0 || rxDepth < 1 || rxDepth > RX_DEPTH_MAX) {
            throw new IllegalArgumentException("CAN clock must be positive and the FIFO depth 1.." + RX_DEPTH_MAX);
        }
        this.clockHz = clockHz;
        this.rxDepth = rxDepth;
        this.input = input;
        this.stats = stats;
        this.line = line;
        rxId = new int[rxDepth];
        rxDlc = new int[rxDepth];
        rxData0 = new int[rxDepth];
        rxData1 = new int[rxDepth];
        rxTime = new int[rxDepth];
        reset();
    }

    /** Puts every register back to its reset value and empties mailboxes, FIFO and counters (hardware reset). */
    public void reset() {
        ctrl = CTRL_INIT;
        btr = BTR_RESET;
        ir = 0;
        ie = 0;
        txPending = 0;
        txCancel = 0;
        txDone = 0;
        txFail = 0;
        txActive = -1;
        for (int i = 0; i < MAILBOXES; i++) {
            mbId[i] = 0;
            mbDlc[i] = 0;
            mbData0[i] = 0;
            mbData1[i] = 0;
            mbRequestNs[i] = 0;
        }
        for (int j = 0; j < FILTERS; j++) {
            filterId[j] = 0;
            filterMask[j] = 0;
        }
        rxHead = 0;
        rxFill = 0;
        rxOverflow = false;
        rxLost = 0;
        tec = 0;
        rec = 0;
        busOff = false;
        recovering = false;
        recoveryLeft = 0;
        idleAccNs = 0;
        suspendUntilNs = 0;
        stateBits = 0;
    }

    public int line() {
        return line;
    }

    /** @return true while an enabled interrupt flag is set. */
    public boolean lineLevel() {
        return (ir & ie) != 0;
    }

    /** @return accesses that hit no register or were not 32-bit aligned words. */
    public long ignoredAccesses() {
        return ignored;
    }

    /** @return correct frames of other nodes no filter accepted. */
    public long filteredOut() {
        return filteredOut;
    }

    /** @return frames stored in the FIFO. */
    public long receivedFrames() {
        return received;
    }

    /** @return accepted frames lost because the FIFO was full, since construction. */
    public long lostFrames() {
        return lost;
    }

    /** @return whether the controller is bus-off. */
    public boolean busOff() {
        return busOff;
    }

    /** @return frames this controller sent (acknowledged). */
    public long sentFrames() {
        return sent;
    }

    public int tec() {
        return tec;
    }

    public int rec() {
        return rec;
    }

    /** @return the bit time the BTR register gives, in picoseconds. */
    @Override
    public long bitTimePs() {
        long prescaler = (btr & 0x3FF) + 1;
        long quanta = 1 + ((btr >>> 16) & 0xF) + 1 + ((btr >>> 20) & 0x7) + 1;
        return prescaler * quanta * 1_000_000_000_000L / clockHz;
    }

    private long bitTimeNs() {
        return bitTimePs() / 1000;
    }

    // ---- MMIO ------------------------------------------------------------------------------

    @Override
    public long read(long offset, int size, long nowNs) {
        if (size != 4 || (offset & 3) != 0 || offset < 0 || offset >= WINDOW) {
            ignored++;
            return 0;
        }
        int off = (int) offset;
        if (off >= MAILBOX && off < FILTER) {
            return readMailbox((off - MAILBOX) / MAILBOX_STRIDE, (off - MAILBOX) % MAILBOX_STRIDE);
        }
        if (off >= FILTER) {
            int j = (off - FILTER) / FILTER_STRIDE;
            return 0xFFFF_FFFFL & ((off - FILTER) % FILTER_STRIDE == 0 ? filterId[j] : filterMask[j]);
        }
        return 0xFFFF_FFFFL & readControl(off);
    }

    private long readMailbox(int i, int field) {
        if (i >= MAILBOXES) {
            ignored++;
            return 0;
        }
        switch (field) {
            case 0: return 0xFFFF_FFFFL & mbId[i];
            case 4: return mbDlc[i];
            case 8: return 0xFFFF_FFFFL & mbData0[i];
            default: return 0xFFFF_FFFFL & mbData1[i];
        }
    }

    private int readControl(int off) {
        int head = rxHead;
        boolean any = rxFill > 0;
        switch (off) {
            case ID: return ID_VALUE;
            case CTRL: return ctrl;
            case BTR: return btr;
            case STAT: return stateBits | (recovering ? STAT_RECOV : 0) | (txActive >= 0 ? STAT_TXACT : 0);
            case ECR: return Math.min(tec, 255) | (Math.min(rec, 255) << 8);
            case IR: return ir;
            case IE: return ie;
            case TXREQ: return txPending;
            case TXDONE: return txDone;
            case TXFAIL: return txFail;
            case RXSTAT:
                return rxFill | (rxFill == rxDepth ? RXSTAT_FULL : 0) | (rxOverflow ? RXSTAT_OVF : 0) | (rxLost << 16);
            case RXID: return any ? rxId[head] : 0;
            case RXDLC: return any ? rxDlc[head] : 0;
            case RXDATA0: return any ? rxData0[head] : 0;
            case RXDATA1: return any ? rxData1[head] : 0;
            case RXTIME: return any ? rxTime[head] : 0;
            case TXCANCEL:
            case RXPOP:
                return 0;
            default:
                ignored++;
                return 0;
        }
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        if (size != 4 || (offset & 3) != 0 || offset < 0 || offset >= WINDOW) {
            ignored++;
            return;
        }
        int off = (int) offset;
        int v = (int) value;
        if (off >= MAILBOX && off < FILTER) {
            writeMailbox((off - MAILBOX) / MAILBOX_STRIDE, (off - MAILBOX) % MAILBOX_STRIDE, v);
        } else if (off >= FILTER) {
            writeFilter((off - FILTER) / FILTER_STRIDE, (off - FILTER) % FILTER_STRIDE, v);
        } else {
            writeControl(off, v, nowNs);
        }
    }

    private void writeMailbox(int i, int field, int v) {
        if (i >= MAILBOXES) {
            ignored++;
            return;
        }
        if ((txPending & (1 << i)) != 0) {
            return;
        }
        switch (field) {
            case 0: mbId[i] = v & (XTD | RTR | CanFrame.EXT_ID_MAX); break;
            case 4: mbDlc[i] = v & 0xF; break;
            case 8: mbData0[i] = v; break;
            default: mbData1[i] = v; break;
        }
    }

    private void writeFilter(int j, int field, int v) {
        if ((ctrl & CTRL_INIT) == 0) {
            return;
        }
        if (field == 0) {
            filterId[j] = v & (FILTER_ENABLE | XTD | CanFrame.EXT_ID_MAX);
        } else {
            filterMask[j] = v & CanFrame.EXT_ID_MAX;
        }
    }

    private void writeControl(int off, int v, long nowNs) {
        switch (off) {
            case CTRL: writeCtrl(v, nowNs); break;
            case BTR:
                if ((ctrl & CTRL_INIT) != 0) {
                    btr = v & 0x037F_03FF;
                }
                break;
            case IR: ir &= ~v; break;
            case IE:
                ie = v & IR_ALL;
                if ((ir & ie) != 0) {
                    raise(nowNs);
                }
                break;
            case TXREQ: request(v, nowNs); break;
            case TXCANCEL: cancel(v); break;
            case RXSTAT:
                if ((v & RXSTAT_OVF) != 0) {
                    rxOverflow = false;
                    rxLost = 0;
                }
                break;
            case RXPOP:
                if (rxFill > 0) {
                    rxHead = (rxHead + 1) % rxDepth;
                    rxFill--;
                }
                break;
            case ID: case STAT: case ECR: case TXDONE: case TXFAIL:
            case RXID: case RXDLC: case RXDATA0: case RXDATA1: case RXTIME:
                break;
            default:
                ignored++;
                break;
        }
    }

    private void writeCtrl(int v, long nowNs) {
        boolean wasInit = (ctrl & CTRL_INIT) != 0;
        ctrl = v & (CTRL_INIT | CTRL_DAR);
        boolean init = (ctrl & CTRL_INIT) != 0;
        if (wasInit && !init) {
            activeSinceNs = nowNs;
            if (busOff) {
                recovering = true;
                recoveryStartNs = nowNs;
                recoveryLeft = RECOVERY_OCCURRENCES;
                idleAccNs = 0;
                lastIdleToNs = nowNs;
            }
        } else if (init && recovering) {
            recovering = false;
        }
    }

    private void request(int v, long nowNs) {
        for (int i = 0; i < MAILBOXES; i++) {
            int bit = 1 << i;
            if ((v & bit) != 0 && (txPending & bit) == 0) {
                txPending |= bit;
                txCancel &= ~bit;
                txDone &= ~bit;
                txFail &= ~bit;
                mbRequestNs[i] = nowNs;
            }
        }
    }

    private void cancel(int v) {
        for (int i = 0; i < MAILBOXES; i++) {
            int bit = 1 << i;
            if ((v & bit) != 0 && (txPending & bit) != 0) {
                if (i == txActive) {
                    txCancel |= bit;
                } else {
                    txPending &= ~bit;
                }
            }
        }
    }

    // ---- bus side --------------------------------------------------------------------------

    @Override
    public boolean participating() {
        return (ctrl & CTRL_INIT) == 0 && !busOff;
    }

    @Override
    public long readyAtNs() {
        if (!participating() || txActive >= 0) {
            return Long.MAX_VALUE;
        }
        long first = Long.MAX_VALUE;
        for (int i = 0; i < MAILBOXES; i++) {
            if ((txPending & (1 << i)) != 0) {
                first = Math.min(first, mbRequestNs[i]);
            }
        }
        return first == Long.MAX_VALUE ? first : Math.max(first, Math.max(suspendUntilNs, activeSinceNs));
    }

    /** @return the pending mailbox requested by {@code startNs} with the lowest key, or -1. */
    private int candidate(long startNs) {
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        for (int i = 0; i < MAILBOXES; i++) {
            if ((txPending & (1 << i)) != 0 && mbRequestNs[i] <= startNs) {
                long key = frameOf(i, scratch).arbitrationKey();
                if (key < bestKey) {
                    bestKey = key;
                    best = i;
                }
            }
        }
        return best;
    }

    private CanFrame frameOf(int i, CanFrame out) {
        int id = mbId[i];
        out.set(id, (id & XTD) != 0, (id & RTR) != 0, mbDlc[i],
                (mbData0[i] & 0xFFFF_FFFFL) | ((long) mbData1[i] << 32));
        return out;
    }

    @Override
    public long arbitrationKey(long startNs) {
        int i = candidate(startNs);
        return i < 0 ? Long.MAX_VALUE : frameOf(i, scratch).arbitrationKey();
    }

    @Override
    public void load(CanFrame out, long startNs) {
        txActive = candidate(startNs);
        frameOf(txActive, out);
    }

    // ---- restore points --------------------------------------------------------------------

    /** Keeps the configuration registers ({@link CanKept}). [impl->dsn~can.kept-state~1] */
    @Override
    public long keep() {
        return kept.keep();
    }

    /** @return the kept copy's check value, or -1. [impl->dsn~can.kept-state~1] */
    @Override
    public long keptCheck() {
        return kept.check();
    }

    /** Resets and writes the kept copy back. [impl->dsn~can.kept-state~1] */
    @Override
    public boolean reinstate(long nowNs) {
        return kept.reinstate(nowNs);
    }

    @Override
    public void transmitted(long endNs, long nowNs) {
        if (txActive < 0) {
            return; // reset in the middle of its frame: the transmission was abandoned
        }
        int bit = 1 << txActive;
        txActive = -1;
        txPending &= ~bit;
        txCancel &= ~bit;
        txDone |= bit;
        sent++;
        if (tec > 0) {
            tec--;
        }
        suspendAfterTransmission(endNs);
        flag(IR_TXDONE, nowNs);
        confine(nowNs);
    }

    @Override
    public void transmitFailed(boolean ackError, long endNs, long nowNs) {
        if (txActive < 0) {
            return; // reset in the middle of its frame: the transmission was abandoned
        }
        int bit = 1 << txActive;
        txActive = -1;
        boolean passive = tec > PASSIVE_LIMIT || rec > PASSIVE_LIMIT;
        if (!(ackError && passive)) {
            tec += 8;
            flag(IR_PERR, nowNs);
        }
        suspendAfterTransmission(endNs);
        if ((ctrl & CTRL_DAR) != 0) {
            txPending &= ~bit;
            txFail |= bit;
            flag(IR_TXFAIL, nowNs);
        } else if ((txCancel & bit) != 0) {
            txPending &= ~bit;
        }
        txCancel &= ~bit;
        confine(nowNs);
    }

    private void suspendAfterTransmission(long endNs) {
        if (tec > PASSIVE_LIMIT || rec > PASSIVE_LIMIT) {
            suspendUntilNs = endNs + SUSPEND_BITS * bitTimePs() / 1000;
        }
    }

    @Override
    public void received(CanFrame f, long endNs, long nowNs) {
        if (rec > PASSIVE_LIMIT) {
            rec = PASSIVE_LIMIT;
        } else if (rec > 0) {
            rec--;
        }
        int j = match(f);
        if (j < 0) {
            filteredOut++;
        } else if (rxFill == rxDepth) {
            rxOverflow = true;
            rxLost = Math.min(0xFFFF, rxLost + 1);
            lost++;
            flag(IR_RXOVF, nowNs);
        } else {
            int t = (rxHead + rxFill) % rxDepth;
            rxId[t] = f.id() | (f.extended() ? XTD : 0) | (f.remote() ? RTR : 0);
            rxDlc[t] = f.dlc() | (j << 8);
            rxData0[t] = (int) f.data();
            rxData1[t] = (int) (f.data() >>> 32);
            rxTime[t] = (int) (endNs / 1000);
            rxFill++;
            received++;
            flag(IR_RXNE, nowNs);
        }
        confine(nowNs);
    }

    /** @return the first enabled filter that accepts {@code f}, or -1. */
    int match(CanFrame f) {
        int idMask = f.extended() ? CanFrame.EXT_ID_MAX : CanFrame.STD_ID_MAX;
        for (int j = 0; j < FILTERS; j++) {
            int fid = filterId[j];
            if ((fid & FILTER_ENABLE) != 0 && ((fid & XTD) != 0) == f.extended()
                    && ((fid ^ f.id()) & filterMask[j] & idMask) == 0) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public void receiveError(long endNs, long nowNs) {
        rec = Math.min(rec + 1, 1 << 16);
        flag(IR_PERR, nowNs);
        confine(nowNs);
    }

    @Override
    public void frameEnded(long endNs, long nowNs) {
        lastIdleToNs = endNs;
        if (recovering) {
            idleAccNs = 0;
            occurrences(1, endNs, nowNs);
        }
    }

    @Override
    public void idle(long fromNs, long toNs, long nowNs) {
        if (!recovering) {
            return;
        }
        long from = Math.max(fromNs, recoveryStartNs);
        if (toNs <= from) {
            return;
        }
        lastIdleToNs = toNs;
        long period = 11 * bitTimeNs();
        idleAccNs += toNs - from;
        long n = idleAccNs / period;
        idleAccNs -= n * period;
        occurrences((int) Math.min(n, RECOVERY_OCCURRENCES), toNs, nowNs);
    }

    private void occurrences(int n, long atNs, long nowNs) {
        recoveryLeft -= n;
        if (recoveryLeft <= 0) {
            recovering = false;
            busOff = false;
            tec = 0;
            rec = 0;
            idleAccNs = 0;
            activeSinceNs = atNs;
            confine(nowNs);
        }
    }

    @Override
    public long recoveryEndNs(long idleFromNs) {
        if (!recovering) {
            return Long.MAX_VALUE;
        }
        long from = Math.max(idleFromNs, Math.max(recoveryStartNs, lastIdleToNs));
        return from + recoveryLeft * 11 * bitTimeNs() - idleAccNs;
    }

    /** Applies the ISO 11898-1 state limits to the counters and flags every state change. */
    private void confine(long nowNs) {
        if (!busOff && tec > BUS_OFF_LIMIT) {
            busOff = true;
            ctrl |= CTRL_INIT;
            recovering = false;
        }
        int bits = (tec >= WARNING_LIMIT || rec >= WARNING_LIMIT ? STAT_EW : 0)
                | (!busOff && (tec > PASSIVE_LIMIT || rec > PASSIVE_LIMIT) ? STAT_EP : 0)
                | (busOff ? STAT_BO : 0);
        int changed = bits ^ stateBits;
        stateBits = bits;
        flag(((changed & STAT_EW) != 0 ? IR_EWARN : 0) | ((changed & STAT_EP) != 0 ? IR_EPASS : 0)
                | ((changed & STAT_BO) != 0 ? IR_BOFF : 0), nowNs);
    }

    private void flag(int bits, long nowNs) {
        ir |= bits;
        if ((bits & ie) != 0) {
            raise(nowNs);
        }
    }

    private void raise(long nowNs) {
        IrqStats.request(stats, input, line, nowNs);
    }
}
