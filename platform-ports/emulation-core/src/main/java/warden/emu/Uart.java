package warden.emu;

/**
 * A National Semiconductor / TI PC16550D UART as its datasheet (TI SNLS378C, "PC16550D Universal
 * Asynchronous Receiver/Transmitter with FIFOs", section 8 "Registers", Table 2 "Summary of
 * Registers" and Table 4 "Interrupt Control Functions") defines the programmer's view, which is what
 * Linux's 8250 driver programs:
 * <ul>
 * <li>Register offsets 0..7 (byte registers, one per address): 0 RBR (read) / THR (write), or DLL
 * while LCR.DLAB (bit 7) is 1; 1 IER, or DLM while DLAB is 1; 2 IIR (read) / FCR (write); 3 LCR;
 * 4 MCR; 5 LSR; 6 MSR; 7 SCR (scratch, no effect on the UART).
 * <li>IER: bit 0 ERBFI (received data available), 1 ETBEI (THR empty), 2 ELSI (receiver line
 * status), 3 EDSSI (modem status); bits 4-7 always read 0.
 * <li>IIR: bit 0 is 0 while an interrupt is pending; bits 3..1 identify the highest-priority one:
 * 011 receiver line status (highest), 010 received data available, 110 character timeout, 001 THR
 * empty, 000 modem status (lowest); bits 7..6 are 1 while FCR bit 0 (FIFO enable) is 1; bits 5..4
 * are 0. Reset value 0x01.
 * <li>Reset of each source: line status by reading LSR; received data by reading RBR (the FIFO
 * falls below its trigger level); THR empty by reading IIR (when it is the source) or writing THR;
 * modem status by reading MSR.
 * <li>FCR: bit 0 enables both 16-byte FIFOs, bits 1 and 2 clear the receive and transmit FIFO,
 * bits 7..6 the receive trigger level (1, 4, 8 or 14 bytes).
 * <li>LSR: bit 0 DR (data ready), 1 OE, 2 PE, 3 FE, 4 BI, 5 THRE, 6 TEMT, 7 error in receiver FIFO.
 * Reset value 0x60.
 * <li>MCR: bit 0 DTR, 1 RTS, 2 OUT1, 3 OUT2, 4 LOOP; bits 5-7 read 0. In loopback the modem
 * inputs follow the outputs: CTS = RTS, DSR = DTR, RI = OUT1, DCD = OUT2, and transmitted bytes are
 * received.
 * <li>MSR: bits 0..3 DCTS, DDSR, TERI, DDCD (changes since the last read), bits 4..7 CTS, DSR, RI,
 * DCD.
 * </ul>
 * The transmitter is infinitely fast: a byte written to THR is printed to the owning partition's
 * console at once, so THRE and TEMT read 1 (and a THR-empty interrupt follows every write while
 * ETBEI is set). Received bytes come from {@link #receive}. The interrupt output (INTR) is a level;
 * this model raises its line at the controller on every rising edge (and when a write re-arms the
 * THR-empty condition), the edge-per-event view the interrupt controllers of the boards take. The
 * modem inputs outside loopback are CTS, DSR and DCD asserted (a connected terminal), RI not.
 *
 * [impl->dsn~emu.uart.16550~1]
 */
public final class Uart implements MmioDevice {
    static final int RBR_THR_DLL = 0;
    static final int IER_DLM = 1;
    static final int IIR_FCR = 2;
    static final int LCR = 3;
    static final int MCR = 4;
    static final int LSR = 5;
    static final int MSR = 6;
    static final int SCR = 7;
    static final int LCR_DLAB = 0x80;
    static final int IER_RDA = 1;
    static final int IER_THRE = 2;
    static final int IER_RLS = 4;
    static final int IER_MS = 8;
    static final int IIR_NONE = 0x01;
    static final int IIR_RLS = 0x06;
    static final int IIR_RDA = 0x04;
    static final int IIR_TIMEOUT = 0x0C;
    static final int IIR_THRE = 0x02;
    static final int IIR_MS = 0x00;
    static final int IIR_FIFO = 0xC0;
    static final int LSR_DR = 0x01;
    static final int LSR_OE = 0x02;
    static final int LSR_THRE = 0x20;
    static final int LSR_TEMT = 0x40;
    static final int MCR_LOOP = 0x10;
    static final int FIFO = 16;
    private static final int[] TRIGGER = {1, 4, 8, 14};

    private final ConsoleLog console;
    private int owner = -1;
    private Stimulus.LineInput irq;
    private IrqStats stats;
    private int line;
    private int ier;
    private int lcr;
    private int mcr;
    private int fcr;
    private int scr;
    private int dll;
    private int dlm;
    private int lsrErrors;
    private int msrDelta;
    private int lastModem;
    /** The THR-empty interrupt is pending (set when THR empties with ETBEI, cleared by an IIR read or a THR write). */
    private boolean threPending;
    private final int[] rx = new int[FIFO];
    private int rxHead;
    private int rxCount;
    private boolean intr;
    private long raised;

    public Uart(ConsoleLog console) {
        this.console = console;
        this.lastModem = modemInputs();
    }

    /** Sets the partition whose console this UART prints to. */
    public void owner(int partition) {
        this.owner = partition;
    }

    /** Connects the interrupt output to {@code line} of {@code controller}. */
    public void connect(Stimulus.LineInput controller, int interruptLine) {
        connect(controller, interruptLine, null);
    }

    /**
     * Connects the interrupt output to {@code line} of {@code controller}, its raises going through
     * {@code stats} (the board's latency bookkeeping: counted with the other device lines), or
     * directly when null.
     */
    public void connect(Stimulus.LineInput controller, int interruptLine, IrqStats stats) {
        this.irq = controller;
        this.line = interruptLine;
        this.stats = stats;
    }

    /** @return how many times the interrupt output was raised at the controller. */
    public long raised() {
        return raised;
    }

    /**
     * A byte arrives on the serial input (SIN): it enters the receive FIFO (or the holding register
     * when the FIFOs are off); with no room it is lost and LSR.OE set.
     */
    public void receive(int b, long nowNs) {
        int room = (fcr & 1) != 0 ? FIFO : 1;
        if (rxCount >= room) {
            lsrErrors |= LSR_OE;
        } else {
            rx[(rxHead + rxCount) % FIFO] = b & 0xff;
            rxCount++;
        }
        update(nowNs);
    }

    @Override
    public long read(long offset, int size, long nowNs) {
        int v;
        switch ((int) offset) {
            case RBR_THR_DLL: v = (lcr & LCR_DLAB) != 0 ? dll : takeRx(); break;
            case IER_DLM: v = (lcr & LCR_DLAB) != 0 ? dlm : ier; break;
            case IIR_FCR: v = readIir(); break;
            case LCR: v = lcr; break;
            case MCR: v = mcr; break;
            case LSR: v = lsr(); lsrErrors = 0; break;
            case MSR: v = msr(); msrDelta = 0; break;
            case SCR: v = scr; break;
            default: v = 0; break;
        }
        update(nowNs);
        return v;
    }

    @Override
    public void write(long offset, int size, long value, long nowNs) {
        int v = (int) (value & 0xff);
        switch ((int) offset) {
            case RBR_THR_DLL:
                if ((lcr & LCR_DLAB) != 0) {
                    dll = v;
                } else {
                    transmit(v, nowNs);
                }
                break;
            case IER_DLM:
                if ((lcr & LCR_DLAB) != 0) {
                    dlm = v;
                } else {
                    // enabling ETBEI while THR is empty raises the THR-empty interrupt
                    threPending = (v & IER_THRE) != 0 && ((ier & IER_THRE) == 0 || threPending);
                    ier = v & 0x0F;
                }
                break;
            case IIR_FCR: writeFcr(v); break;
            case LCR: lcr = v; break;
            case MCR: mcr = v & 0x1F; modemChanged(); break;
            case SCR: scr = v; break;
            default: break; // LSR and MSR are read-only
        }
        update(nowNs);
    }

    private void transmit(int b, long nowNs) {
        if ((mcr & MCR_LOOP) != 0) {
            receive(b, nowNs);
        } else {
            console.put(owner, b, nowNs);
        }
        // THR empties at once: the interrupt the write cleared is set again
        threPending = (ier & IER_THRE) != 0;
        if (threPending && intr && irq != null) {
            intr = false; // a new event: update() raises the line again
        }
    }

    private void writeFcr(int v) {
        if ((v & 2) != 0 || ((v ^ fcr) & 1) != 0) {
            rxCount = 0; // clearing the receive FIFO, or switching the FIFO mode, empties it
            rxHead = 0;
        }
        fcr = v & 0xC9;
    }

    private int takeRx() {
        if (rxCount == 0) {
            return 0;
        }
        int b = rx[rxHead];
        rxHead = (rxHead + 1) % FIFO;
        rxCount--;
        return b;
    }

    private int lsr() {
        return (rxCount > 0 ? LSR_DR : 0) | LSR_THRE | LSR_TEMT | lsrErrors;
    }

    /** CTS, DSR, RI, DCD (MSR bits 4..7) as the modem inputs are now. */
    private int modemInputs() {
        if ((mcr & MCR_LOOP) != 0) {
            return (mcr & 2) << 3 | (mcr & 1) << 5 | (mcr & 4) << 4 | (mcr & 8) << 4;
        }
        return 0x10 | 0x20 | 0x80;
    }

    private void modemChanged() {
        int now = modemInputs();
        int changed = now ^ lastModem;
        msrDelta |= (changed & 0x10) >> 4 | (changed & 0x20) >> 4 | (changed & 0x80) >> 4;
        if ((lastModem & 0x40) != 0 && (now & 0x40) == 0) {
            msrDelta |= 0x04; // TERI: RI went from on to off
        }
        lastModem = now;
    }

    private int msr() {
        return modemInputs() | msrDelta;
    }

    private int trigger() {
        return (fcr & 1) != 0 ? TRIGGER[fcr >>> 6 & 3] : 1;
    }

    /** @return the highest-priority pending interrupt's identification (IIR bits 3..0). */
    private int pendingId() {
        if ((ier & IER_RLS) != 0 && (lsrErrors & 0x1E) != 0) {
            return IIR_RLS;
        }
        if ((ier & IER_RDA) != 0 && rxCount > 0) {
            return rxCount >= trigger() ? IIR_RDA : IIR_TIMEOUT; // below the trigger: a character timeout
        }
        if ((ier & IER_THRE) != 0 && threPending) {
            return IIR_THRE;
        }
        if ((ier & IER_MS) != 0 && msrDelta != 0) {
            return IIR_MS;
        }
        return IIR_NONE;
    }

    private int readIir() {
        int id = pendingId();
        if (id == IIR_THRE) {
            threPending = false; // reading IIR clears a THR-empty interrupt it reports
        }
        return id | ((fcr & 1) != 0 ? IIR_FIFO : 0);
    }

    /** Drives INTR: raises the line at the controller on a rising edge. */
    private void update(long nowNs) {
        boolean now = pendingId() != IIR_NONE;
        if (now && !intr && irq != null && line > 0) {
            raised++;
            IrqStats.request(stats, irq, line, nowNs);
        }
        intr = now;
    }
}
