package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Bus;
import warden.emu.dev.nic.NicController;
import warden.launcher.config.DefaultSystem;

/**
 * The hostile rich OS of the default system (it owns nic0) points nic0's descriptors at the RTOS's
 * RAM: on every target the board's DMA check (IOPMP, the DMA port's TZC-400 filter, the VT-d
 * protected memory regions over SMRAM) denies the access before it reaches the bus, the RTOS's
 * memory is unchanged, and the NIC counts the denial and reports it; the same NIC still reaches the
 * rich OS's own RAM. nic1, owned by no partition, does no DMA at all.
 */
class NicDmaIsolationTest {
    private static final List<String> TARGETS = List.of("riscv", "arm", "x86");
    private static final long RTOS_RAM = 0x8040_0000L;
    private static final long LINUX_RAM = 0x8100_0000L;
    private static final long RING = LINUX_RAM + 0x10_0000L;
    private static final long OWN_BUFFER = LINUX_RAM + 0x20_0000L;
    private static final long VICTIM = RTOS_RAM + 0x1000L;

    private static SystemRun booted(String target) throws SystemRun.BootRefused {
        return new SystemRun(DefaultSystem.load(target).description(), Targets.get(target), 10_000_000L, 42, false)
                .boot();
    }

    private static byte[] bytes(Bus bus, long at, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) bus.readRamByte(at + i);
        }
        return out;
    }

    /** Programs a 4-descriptor receive ring at {@code ring}, descriptor 0's buffer at {@code buffer}. */
    private static void rxRing(NicController nic, Bus bus, long ring, long buffer) {
        bus.write(RING, 8, buffer, 0);
        bus.write(RING + 8, 8, 0, 0);
        nic.write(NicController.RDBAL, 4, ring, 0);
        nic.write(NicController.RDLEN, 4, 64, 0);
        nic.write(NicController.RDT, 4, 3, 0);
        nic.write(NicController.CTRL, 4, NicController.CTRL_RXEN, 0);
    }

    // [utest->dsn~riscv.iopmp~1] [utest->dsn~riscv.iopmp.setup~1] [utest->dsn~arm.tzc.dma~1]
    // [utest->dsn~x86.dma-pmr~1] [utest->dsn~nic.board-wiring~1] [utest->dsn~nic.dma~1]
    @Test
    void aRichOsDescriptorIntoTheRtosRamIsDeniedOnEveryTarget() throws Exception {
        byte[] frame = new byte[64];
        java.util.Arrays.fill(frame, (byte) 0x5A);
        for (String target : TARGETS) {
            SystemRun run = booted(target);
            Bus bus = run.board().bus();
            NicController nic = run.board().nic().controller("nic0");
            byte[] before = bytes(bus, VICTIM, 2048);
            rxRing(nic, bus, RING, VICTIM);
            nic.receive(frame, 64, 0);
            assertArrayEquals(before, bytes(bus, VICTIM, 2048), target + ": the RTOS's RAM is unchanged");
            assertEquals(1, nic.denied(), target);
            assertEquals(1, nic.dropped(), target);
            assertEquals(0, nic.read(NicController.RDH, 4, 0), target);
            assertEquals(NicController.STATUS_LU | NicController.STATUS_DMAERR, nic.read(NicController.STATUS, 4, 0));
            assertEquals(0, bus.readRamByte(RING + 12), target + ": the descriptor is not done");
            bus.write(RING, 8, OWN_BUFFER, 0); // its own RAM: delivered
            nic.receive(frame, 64, 0);
            assertEquals(1, nic.stored(), target);
            assertEquals(0x5A, bus.readRamByte(OWN_BUFFER + 63), target);
            bus.write(RING + 32, 8, VICTIM, 0); // transmit from the RTOS's RAM: nothing leaves
            bus.write(RING + 40, 8, 64, 0);
            nic.write(NicController.TDBAL, 4, RING + 32, 0);
            nic.write(NicController.TDLEN, 4, 32, 0);
            nic.write(NicController.CTRL, 4, NicController.CTRL_RXEN | NicController.CTRL_TXEN, 0);
            nic.write(NicController.TDT, 4, 1, 0);
            assertEquals(0, nic.sent(), target);
            assertEquals(2, nic.denied(), target);
            NicController ownerless = run.board().nic().controller("nic1");
            rxRing(ownerless, bus, RING, OWN_BUFFER);
            ownerless.receive(frame, 64, 0);
            assertEquals(1, ownerless.denied(), target + ": nic1 belongs to nobody");
            assertEquals(0, ownerless.stored(), target);
        }
    }

    /** In the default run the rich OS's driver takes every frame nic0 stored; nothing is denied. */
    // [utest->dsn~run.nic-traffic~1] [utest->dsn~run.nic-report~1] [utest->dsn~emu.guest.nic-driver~1]
    @Test
    void theDefaultRunsNicFramesReachTheRichOsDriver() throws Exception {
        for (String target : TARGETS) {
            RunResult r = new SystemRun(DefaultSystem.load(target).description(), Targets.get(target),
                    100_000_000L, 42, false).boot().run();
            RunResult.NicResult n = r.nics().get(0);
            assertEquals("nic0", n.device(), target);
            assertEquals("linux", n.partition(), target);
            assertEquals(n.received(), n.delivered() + n.dropped(), target);
            assertEquals(true, n.driverFrames() <= n.delivered()
                    && n.delivered() - n.driverFrames() < warden.emu.guest.NicDriver.RING, target + " " + n);
            assertEquals(0, n.dmaDenied(), target);
            assertEquals(true, n.delivered() > 0, target);
            assertEquals(null, r.nics().get(1).partition(), target);
            assertEquals(0, r.nics().get(1).received(), target);
            String json = warden.launcher.report.RunReportJson.write(r);
            assertEquals(true, json.contains("\"nics\""), target);
        }
    }
}
