package warden.launcher.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import warden.launcher.campaign.CampaignJson;
import warden.launcher.campaign.CampaignRecord;

/**
 * The partial report a running campaign writes every {@link #everyMs} ms, marked incomplete, so
 * that even a campaign killed without warning (SIGKILL, out of memory, a lost node) leaves the
 * runs of its last checkpoint for {@code --resume}.
 *
 * [impl->dsn~campaign.interrupt~1]
 */
final class CampaignCheckpoint {
    /** Default interval; the system property {@value #PROPERTY} sets another (in ms). */
    static final long EVERY_MS = 60_000;
    static final String PROPERTY = "warden.campaign.checkpointMs";

    private final Path report;
    private final CampaignJson.Header header;
    private final long everyMs;
    private final PrintStream err;
    private long last = System.nanoTime();
    private boolean warned;

    CampaignCheckpoint(Path report, CampaignJson.Header incomplete, PrintStream err) {
        this.report = report;
        this.header = incomplete;
        this.everyMs = Long.getLong(PROPERTY, EVERY_MS);
        this.err = err;
    }

    /** Writes the report of the runs recorded when the interval has passed since the last one. */
    void offer(CampaignRecord runs) {
        long now = System.nanoTime();
        if (report == null || now - last < everyMs * 1_000_000) {
            return;
        }
        last = now;
        try {
            OutputFiles.write(report, "--json", w -> runs.writeReport(header, w));
        } catch (UsageError e) {
            if (!warned) {
                err.println("campaign: checkpoint not written (the campaign goes on): " + e.getMessage());
                warned = true;
            }
        }
    }
}
