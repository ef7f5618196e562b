package warden.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.RunOutcome;

/**
 * Campaign reports read back: the shards {@code --merge} joins, and the partial report
 * {@code --resume} continues. Each refusal names the file.
 */
final class ShardReports {
    /** A report's header and runs. */
    record Report(Path path, CampaignJson.Header header, List<RunOutcome> runs) {
    }

    private ShardReports() {
    }

    static Report read(Path p, String option) throws UsageError {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Report r = new Report(p, CampaignJson.readHeader(text, p.toString()), CampaignJson.readRuns(text,
                    p.toString()));
            CampaignJson.Header h = r.header();
            Set<Integer> seen = new HashSet<>();
            for (RunOutcome o : r.runs()) {
                if (o.index() < 0 || o.index() >= h.total() || o.index() % h.shards() != h.shard()
                        || !seen.add(o.index())) {
                    throw new UsageError(option + ": " + p + ": run " + o.index() + " is not a run of shard "
                            + h.shard() + "/" + h.shards() + " of " + h.total() + " or appears twice");
                }
            }
            return r;
        } catch (IOException e) {
            throw new UsageError(option + ": cannot read " + p + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    private static void missing(Path[] byShard, Path first) throws UsageError {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < byShard.length; i++) {
            if (byShard[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageError("--merge: shards " + missing + " of " + byShard.length + " are missing (campaign of "
                    + first + ")");
        }
    }

    /**
     * Reads shard reports and checks that they are the complete shards 0..N-1 of one campaign,
     * each once.
     *
     * @return the first report's header (as the whole campaign's) and every run
     */
    // [impl->dsn~campaign.merge-checks~1]
    static Report merge(List<Path> paths) throws UsageError {
        List<RunOutcome> runs = new ArrayList<>();
        Report first = null;
        Path[] byShard = null;
        for (Path p : paths) {
            Report r = read(p, "--merge");
            CampaignJson.Header h = r.header();
            if (first == null) {
                first = r;
                byShard = new Path[h.shards()];
            }
            String other = first.header().mismatch(h);
            if (other != null) {
                throw new UsageError("--merge: " + p + " is a shard of another campaign than " + first.path() + ": "
                        + other);
            }
            if (byShard[h.shard()] != null) {
                throw new UsageError("--merge: " + p + " is shard " + h.shard() + "/" + h.shards() + " again (already "
                        + byShard[h.shard()] + ")");
            }
            if (!h.complete()) {
                throw new UsageError("--merge: " + p + " is an interrupted shard (" + r.runs().size()
                        + " runs); finish it with --resume " + p);
            }
            byShard[h.shard()] = p;
            runs.addAll(r.runs());
        }
        missing(byShard, first.path());
        CampaignJson.Header h = first.header();
        runs.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new Report(null, new CampaignJson.Header(h.source(), h.target(), h.seed(), h.runNs(), h.total(), 0, 1,
                true), runs);
    }
}
