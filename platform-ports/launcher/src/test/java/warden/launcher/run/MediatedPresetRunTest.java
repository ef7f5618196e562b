package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.emu.Bus;
import warden.emu.dev.can.CanController;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/**
 * docs/examples/can-mediated.yaml on every target: once booted, before any partition has run, the
 * mediated mailbox's identifier holds the preset 0x600, not its reset value 0.
 */
class MediatedPresetRunTest {
    // [utest->dsn~kernel.device.preset~1] [utest->dsn~config.mediated-preset~1]
    @Test
    void theMediatedMailboxStartsWithItsPresetIdentifier() throws Exception {
        LoadResult l = DescriptionLoader.load(Path.of("../../docs/examples/can-mediated.yaml"));
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        SystemDescription d = l.description();
        for (String target : List.of("riscv", "arm", "x86")) {
            long mb2 = Targets.get(target).description().device("can0").base() + CanController.MAILBOX
                    + 2 * CanController.MAILBOX_STRIDE;
            SystemRun run = new SystemRun(d, Targets.get(target), d.run().durationNs(), 1, false).boot();
            assertEquals(Bus.OK, run.board().bus().read(mb2, 4, 0));
            assertEquals(0x600L, run.board().bus().lastValue(), target);
            long mb1 = mb2 - CanController.MAILBOX_STRIDE;
            assertEquals(Bus.OK, run.board().bus().read(mb1, 4, 0));
            assertEquals(0L, run.board().bus().lastValue(), target + ": without a preset, the reset value");
        }
    }
}
