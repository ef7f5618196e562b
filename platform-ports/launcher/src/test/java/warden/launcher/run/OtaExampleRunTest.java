package warden.launcher.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.SystemDescription;

/** docs/examples/ota-update.yaml runs as shipped (demo key, committed package): the update is committed. */
class OtaExampleRunTest {
    // [utest->dsn~config.update~1] [utest->req~update.ota~1]
    @Test
    void theShippedExampleCommitsItsUpdate() throws Exception {
        LoadResult l = DescriptionLoader.load(Path.of("../../docs/examples/ota-update.yaml"));
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        SystemDescription d = l.description();
        assertEquals(List.of(), DescriptionValidator.validate(d, Targets.get("riscv")));
        RunResult r = new SystemRun(d, Targets.get("riscv"), d.run().durationNs(), d.run().seed(), false).boot().run();
        List<String> ev = r.events().stream().filter(e -> e.kind().startsWith("update-"))
                .map(e -> e.kind() + ": " + e.detail()).toList();
        assertEquals(3, ev.size(), ev.toString());
        assertEquals("update-verified: version 2 verified (16384 bytes): switches at the next restart", ev.get(0));
        assertTrue(ev.get(2).startsWith("update-committed: version 2 committed after "), ev.get(2));
    }
}
