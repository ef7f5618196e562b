package warden.manual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault campaign of this build, as the verification module leaves it in
 * {@value #DIR} (test {@code ManualEvidenceTest}): per target the {@code warden.campaign/1} report
 * and the chart that {@code warden campaign --json --svg} wrote, and a {@value #RUN_SCHEMA} note of
 * the command's exit code and host time. A report of another target, seed or size (a stale file)
 * is refused like a missing or malformed one: recorded as missing evidence with the file and what
 * is wrong, and printed; the chart is copied beside the includes, where the manual's images are.
 *
 * [impl->dsn~manual.campaign~1]
 */
final class CampaignFiles {
    /** Where the verification module writes the campaign files, relative to the repository. */
    static final String DIR = "verification/target/manual-evidence";
    static final String RUN_SCHEMA = "warden.manual-campaign-run/1";
    static final String HOW = "The verification module writes it in the `test` phase of a full build (test "
            + "`ManualEvidenceTest`, Surefire execution `manual-evidence`): `./mvnw -B verify` from the repository "
            + "root.";
    static final String HOW_CHANNEL = "The verification module's `ManualEvidenceTest` writes it in the `test` "
            + "phase of a full build for each target of `manual.campaign.channel-targets` (the targets whose "
            + "default system has channels): `warden campaign --channel-faults --target T --faults N --seed S "
            + "--json campaign-channel-T.json --svg campaign-channel-T.svg`, with a `" + RUN_SCHEMA
            + "` note beside it as for the other campaigns.";

    private CampaignFiles() {
    }

    /** @return the usable reports, in the order of {@code targets}; the others are recorded as missing. */
    static List<Campaigns.Report> read(Evidence ev, Path dir, List<String> targets, int faults, long seed) {
        return read(ev, dir, targets, faults, seed, false);
    }

    /**
     * @param channel whether to read the channel-fault campaigns ({@code campaign-channel-T.json},
     *     written by {@code warden campaign --channel-faults}; evidence keys {@code campaign.channel.T})
     *     instead of the partition fault campaigns
     * @return the usable reports, in the order of {@code targets}; the others are recorded as missing
     */
    static List<Campaigns.Report> read(Evidence ev, Path dir, List<String> targets, int faults, long seed,
            boolean channel) {
        List<Campaigns.Report> out = new ArrayList<>();
        for (String t : targets) {
            String name = channel ? "channel-" + t : t;
            String key = "campaign." + (channel ? "channel." : "") + t;
            String what = (channel ? "Channel-fault campaign on " : "Fault campaign on ") + t;
            String where = ev.where(dir.resolve("campaign-" + name + ".json"));
            if (faults <= 0) {
                ev.record(key, what, where, false, "skipped (-Dmanual.campaign.faults=0)");
                continue;
            }
            try {
                Campaigns.Report r = report(ev, dir, t, faults, seed, channel);
                ev.record(key, what, where, true, faults + " faults, seed " + seed + ", "
                        + String.format(Locale.ROOT, "%.1f s", r.hostSeconds()));
                out.add(r);
            } catch (EvidenceFile.Unusable e) {
                ev.record(key, what, where, false, e.where().equals(where) ? e.problem() : e.getMessage());
                System.err.println("generate: " + e.getMessage());
            }
        }
        return out;
    }

    private static Campaigns.Report report(Evidence ev, Path dir, String t, int faults, long seed, boolean channel)
            throws EvidenceFile.Unusable {
        String name = channel ? "channel-" + t : t;
        EvidenceFile report = EvidenceFile.read(ev, dir.resolve("campaign-" + name + ".json"), "warden.campaign/1")
                .expect("target", t).expect("seed", Long.toString(seed)).expect("faults", Integer.toString(faults));
        EvidenceFile run = EvidenceFile.read(ev, dir.resolve("campaign-" + name + ".run.json"), RUN_SCHEMA)
                .expect("target", t);
        long code = run.number("exitCode", 0);
        if (code > 1) {
            throw new EvidenceFile.Unusable(run.where(), "the campaign exited " + code + ": " + Json.str(
                    run.root().get("stderr")));
        }
        long hostNs = run.number("hostNs", 0);
        Path svg = dir.resolve("campaign-" + name + ".svg");
        try {
            Files.createDirectories(ev.out());
            Files.copy(svg, ev.out().resolve(svg.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EvidenceFile.Unusable(ev.where(svg), Files.exists(svg) ? "unreadable: " + e.getMessage()
                    : "not found");
        }
        return new Campaigns.Report(t, report.root(), hostNs / 1e9, (int) code, channel);
    }
}
