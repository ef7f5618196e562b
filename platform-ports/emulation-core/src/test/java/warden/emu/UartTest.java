package warden.emu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UART model against the TI PC16550D datasheet (SNLS378C), section 8 "Registers": the register
 * map with DLAB, IER, the IIR priorities and resets, FCR, MCR loopback, LSR and MSR, and the
 * probes Linux's 8250 driver makes (autoconfig's IER and loopback tests, the THRE test at startup).
 */
class UartTest {
    private ConsoleLog console;
    private Uart u;
    private final List<Integer> raised = new ArrayList<>();

    @BeforeEach
    void setUp() {
        console = new ConsoleLog(new String[] {"p"}, false);
        u = new Uart(console);
        u.owner(0);
        u.connect(new Stimulus.LineInput() {
            @Override
            public boolean raise(int line, long nowNs) {
                raised.add(line);
                return true;
            }

            @Override
            public long heldRequests(int line) {
                return 0;
            }
        }, 10);
    }

    private int r(int reg) {
        return (int) u.read(reg, 1, 0);
    }

    private void w(int reg, int v) {
        u.write(reg, 1, v, 0);
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void resetValuesAreTheDatasheets() {
        assertEquals(0, r(Uart.IER_DLM), "IER");
        assertEquals(0x01, r(Uart.IIR_FCR), "IIR: no interrupt pending");
        assertEquals(0, r(Uart.LCR), "LCR");
        assertEquals(0, r(Uart.MCR), "MCR");
        assertEquals(0x60, r(Uart.LSR), "LSR: THRE and TEMT");
        assertEquals(0xB0, r(Uart.MSR) & 0xF0, "MSR: CTS, DSR, DCD of a connected terminal");
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void dlabSwitchesOffsetsZeroAndOneToTheDivisorLatch() {
        w(Uart.LCR, 0x83);
        w(Uart.RBR_THR_DLL, 0x01);
        w(Uart.IER_DLM, 0x02);
        assertEquals(0x01, r(Uart.RBR_THR_DLL));
        assertEquals(0x02, r(Uart.IER_DLM));
        w(Uart.LCR, 0x03);
        assertEquals(0, r(Uart.IER_DLM), "IER untouched by the DLM write");
        assertEquals(0x03, r(Uart.LCR));
        w(Uart.RBR_THR_DLL, 0x0A);
        assertEquals("", console.lines().get(0).text(), "the DLL write transmitted nothing");
        w(Uart.LCR, 0x83);
        assertEquals(0x01, r(Uart.RBR_THR_DLL), "DLL kept");
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void ierBitsFourToSevenReadZeroAsAutoconfigAndTheXscaleProbeExpect() {
        w(Uart.IER_DLM, 0xFF);
        assertEquals(0x0F, r(Uart.IER_DLM));
        w(Uart.IER_DLM, 0x40);
        assertEquals(0, r(Uart.IER_DLM));
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void enablingEtbeiWithThrEmptyRaisesThreWhichAnIirReadClears() {
        w(Uart.IER_DLM, 0x02);
        assertEquals(List.of(10), raised, "INTR rose: the line was raised once");
        assertEquals(0x02, r(Uart.IIR_FCR), "THR empty");
        assertEquals(0x01, r(Uart.IIR_FCR), "the IIR read cleared it");
        w(Uart.RBR_THR_DLL, 'x');
        assertEquals(0x02, r(Uart.IIR_FCR), "a THR write re-arms it (the byte left at once)");
        assertEquals(List.of(10, 10), raised);
        w(Uart.IER_DLM, 0);
        w(Uart.IER_DLM, 0x02);
        assertEquals(0x02, r(Uart.IIR_FCR), "the 8250 driver's THRE test sees it again after re-enabling");
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void theFcrEnablesFifosAndIirBitsSevenAndSixShowIt() {
        w(Uart.IIR_FCR, 0x07);
        assertEquals(0xC1, r(Uart.IIR_FCR));
        w(Uart.IIR_FCR, 0x00);
        assertEquals(0x01, r(Uart.IIR_FCR));
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void receivedBytesGiveDataReadyAndReceivedDataOrTimeoutInterrupts() {
        w(Uart.IIR_FCR, 0x01 | 0x40); // FIFOs on, trigger 4 bytes
        w(Uart.IER_DLM, 0x01);
        u.receive('a', 0);
        assertEquals(0x01, r(Uart.LSR) & 0x01, "DR");
        assertEquals(0xCC, r(Uart.IIR_FCR), "below the trigger level: character timeout");
        for (int i = 0; i < 3; i++) {
            u.receive('b' + i, 0);
        }
        assertEquals(0xC4, r(Uart.IIR_FCR), "at the trigger level: received data available");
        assertEquals('a', r(Uart.RBR_THR_DLL));
        assertEquals('b', r(Uart.RBR_THR_DLL));
        assertEquals('c', r(Uart.RBR_THR_DLL));
        assertEquals('d', r(Uart.RBR_THR_DLL));
        assertEquals(0x60, r(Uart.LSR), "empty again");
        assertEquals(0xC1, r(Uart.IIR_FCR));
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void aFullFifoOverrunsAndTheLineStatusInterruptIsClearedByReadingLsr() {
        w(Uart.IIR_FCR, 0x01);
        w(Uart.IER_DLM, 0x04);
        for (int i = 0; i < 17; i++) {
            u.receive(i, 0);
        }
        assertEquals(0xC6, r(Uart.IIR_FCR), "receiver line status, the highest priority");
        assertEquals(0x63, r(Uart.LSR), "DR, OE, THRE, TEMT");
        assertEquals(0x61, r(Uart.LSR), "OE cleared by the read");
        assertEquals(0xC1, r(Uart.IIR_FCR));
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void loopbackMapsTheModemOutputsToTheInputsAsAutoconfigTests() {
        w(Uart.MCR, 0x1A); // LOOP | OUT2 | RTS: the 8250 driver expects CTS and DCD (0x90)
        assertEquals(0x90, r(Uart.MSR) & 0xF0);
        w(Uart.MCR, 0x15); // LOOP | OUT1 | DTR: DSR and RI
        assertEquals(0x60, r(Uart.MSR) & 0xF0);
        w(Uart.RBR_THR_DLL, 'z');
        assertEquals(0x01, r(Uart.LSR) & 1, "the byte came back");
        assertEquals('z', r(Uart.RBR_THR_DLL));
        assertEquals(0, console.lines().size(), "nothing left the UART");
        w(Uart.MCR, 0);
        assertEquals(0, r(Uart.MCR));
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void modemStatusDeltasRaiseTheLowestPriorityInterruptUntilMsrIsRead() {
        w(Uart.IER_DLM, 0x08);
        w(Uart.MCR, 0x10); // loopback: CTS, DSR, DCD drop
        assertEquals(0x00, r(Uart.IIR_FCR), "modem status pending");
        int msr = r(Uart.MSR);
        assertEquals(0x0B, msr & 0x0F, "DCTS, DDSR, DDCD");
        assertEquals(0x01, r(Uart.IIR_FCR), "reading MSR cleared it");
    }

    // [utest->dsn~emu.uart.16550~1]
    @Test
    void theScratchRegisterHoldsAByteAndThrPrintsToTheOwnersConsole() {
        w(Uart.SCR, 0xA5);
        assertEquals(0xA5, r(Uart.SCR));
        for (char c : "hi\n".toCharArray()) {
            w(Uart.RBR_THR_DLL, c);
        }
        assertEquals("hi", console.lines().get(0).text());
        assertEquals(0, raised.size(), "no interrupt enabled, none raised");
    }
}
