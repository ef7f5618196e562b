package warden.manual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The healing-scenario campaign of this build, as the verification module leaves it in
 * {@value CampaignFiles#DIR} (test {@code ManualEvidenceTest}): per target the
 * {@value #SCHEMA} report {@code scenarios-T.json} that {@code warden campaign --scenarios --json}
 * wrote and a {@value #RUN_SCHEMA} note of the command's exit code and host time. A report of
 * another target or seed (a stale file), a malformed or missing one, or one whose command exited
 * with an error is recorded as missing evidence with the file and what is wrong.
 *
 * [impl->dsn~manual.scenarios~1]
 */
final class ScenarioFiles {
    static final String SCHEMA = "warden.scenarios/1";
    static final String RUN_SCHEMA = "warden.manual-scenarios-run/1";
    static final String HOW = "The verification module's `ManualEvidenceTest` writes it in the `test` phase of a "
            + "full build for each target: `warden campaign --scenarios --target T --seed S --json "
            + "scenarios-T.json`, with a `" + RUN_SCHEMA + "` note beside it: `./mvnw -B verify` from the "
            + "repository root.";

    private ScenarioFiles() {
    }

    /** @return the usable reports, in the order of {@code targets}; the others are recorded as missing. */
    static List<Scenarios.Report> read(Evidence ev, Path dir, List<String> targets, long seed) {
        List<Scenarios.Report> out = new ArrayList<>();
        for (String t : targets) {
            String where = ev.where(dir.resolve("scenarios-" + t + ".json"));
            String what = "Healing scenarios on " + t;
            try {
                Scenarios.Report r = report(ev, dir, t, seed);
                ev.record("scenarios." + t, what, where, true, r.rows().size() + " scenarios, seed " + seed + ", "
                        + String.format(Locale.ROOT, "%.1f s", r.hostSeconds()));
                out.add(r);
            } catch (EvidenceFile.Unusable e) {
                ev.record("scenarios." + t, what, where, false, e.where().equals(where) ? e.problem()
                        : e.getMessage());
                System.err.println("generate: " + e.getMessage());
            }
        }
        return out;
    }

    private static Scenarios.Report report(Evidence ev, Path dir, String t, long seed) throws EvidenceFile.Unusable {
        EvidenceFile report = EvidenceFile.read(ev, dir.resolve("scenarios-" + t + ".json"), SCHEMA)
                .expect("target", t).expect("seed", Long.toString(seed));
        EvidenceFile run = EvidenceFile.read(ev, dir.resolve("scenarios-" + t + ".run.json"), RUN_SCHEMA)
                .expect("target", t);
        long code = run.number("exitCode", 0);
        if (code > 1) {
            throw new EvidenceFile.Unusable(run.where(), "the scenario campaign exited " + code + ": "
                    + Json.str(run.root().get("stderr")));
        }
        if (!(report.root().get("rows") instanceof List<?>)) {
            throw new EvidenceFile.Unusable(report.where(), "\"rows\" is absent or not a list");
        }
        return new Scenarios.Report(t, report.root(), run.number("hostNs", 0) / 1e9, (int) code);
    }
}
