package warden.verification;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import warden.emu.Target;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.RunResult;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/** Loads the scenario fixtures and runs them through the launcher's API. */
final class Systems {
    /** A finished run: the result and the run object (kernel, board, trace) it came from. */
    record Finished(RunResult result, SystemRun run) {
    }

    private Systems() {
    }

    /** @return the file of a test resource under {@code systems/}. */
    static Path fixture(String name) {
        URL url = Systems.class.getResource("/systems/" + name);
        if (url == null) {
            throw new AssertionError("missing test resource systems/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static SystemDescription load(Path file) {
        return valid(DescriptionLoader.load(file));
    }

    static SystemDescription defaultSystem() {
        return valid(DefaultSystem.load());
    }

    private static SystemDescription valid(LoadResult r) {
        if (!r.ok()) {
            throw new AssertionError("expected the description to load: " + r.problems());
        }
        List<Problem> problems = DescriptionValidator.validate(r.description(), riscv());
        if (!problems.isEmpty()) {
            throw new AssertionError("expected the description to be valid: " + problems);
        }
        return r.description();
    }

    static Target riscv() {
        Target t = Targets.get("riscv");
        if (t == null) {
            throw new AssertionError("the riscv target is not available");
        }
        return t;
    }

    /** Runs a description for its own duration and seed. */
    static Finished run(SystemDescription d) {
        return run(d, d.run().durationNs(), d.run().seed(), false);
    }

    static Finished run(SystemDescription d, long durationNs, long seed, boolean traced) {
        try {
            SystemRun run = new SystemRun(d, riscv(), durationNs, seed, traced).boot();
            return new Finished(run.run(), run);
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError("the kernel refused a valid image: " + e.getMessage(), e);
        }
    }

    static RunResult.PartitionResult partition(RunResult r, String name) {
        return r.partitions().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no partition " + name + " in " + r.partitions()));
    }

    static RunResult.LineResult line(RunResult r, String device) {
        return r.lines().stream().filter(l -> device.equals(l.device())).findFirst()
                .orElseThrow(() -> new AssertionError("no interrupt line of " + device + " in " + r.lines()));
    }

    static long counter(RunResult r, String name) {
        return r.counters().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no counter " + name)).value();
    }

    static RunResult.Check check(RunResult r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + r.checks()));
    }
}
