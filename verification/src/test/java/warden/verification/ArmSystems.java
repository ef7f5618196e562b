package warden.verification;

import java.util.List;
import warden.emu.Target;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.DescriptionLoader;
import warden.launcher.config.DescriptionValidator;
import warden.launcher.config.LoadResult;
import warden.launcher.config.Problem;
import warden.launcher.config.SystemDescription;
import warden.launcher.run.SystemRun;
import warden.launcher.run.Targets;

/** Loads scenario fixtures and runs them on the Arm target through the launcher's API. */
final class ArmSystems {
    private ArmSystems() {
    }

    static Target arm() {
        Target t = Targets.get("arm");
        if (t == null) {
            throw new AssertionError("the arm target is not available");
        }
        return t;
    }

    static SystemDescription load(String fixture) {
        return valid(DescriptionLoader.load(Systems.fixture(fixture)));
    }

    static SystemDescription defaultSystem() {
        return valid(DefaultSystem.load());
    }

    private static SystemDescription valid(LoadResult r) {
        if (!r.ok()) {
            throw new AssertionError("expected the description to load: " + r.problems());
        }
        List<Problem> problems = DescriptionValidator.validate(r.description(), arm());
        if (!problems.isEmpty()) {
            throw new AssertionError("expected the description to be valid on arm: " + problems);
        }
        return r.description();
    }

    static Systems.Finished run(SystemDescription d) {
        return run(d, d.run().durationNs(), d.run().seed());
    }

    static Systems.Finished run(SystemDescription d, long durationNs, long seed) {
        try {
            SystemRun run = new SystemRun(d, arm(), durationNs, seed, false).boot();
            return new Systems.Finished(run.run(), run);
        } catch (SystemRun.BootRefused e) {
            throw new AssertionError("the kernel refused a valid image on arm: " + e.getMessage(), e);
        }
    }
}
