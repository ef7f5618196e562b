package warden.launcher.campaign;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The completed runs of a campaign in memory that does not grow with their number: each run is
 * folded into the {@link CampaignSummary} as it completes, and its row of the report goes, in
 * index order, to a temporary file next to the report (in the temporary directory without one),
 * deleted at {@link #close()} or at the end of the JVM. A run that completes before an earlier one
 * of the slice waits in memory until that one is in (so only runs completed while an earlier one
 * still runs are held, a few per worker). The report streams that file ({@link #writeRuns}), so it
 * lists every run, in index order, without holding them.
 *
 * [impl->dsn~campaign.constant-memory~1]
 */
public final class CampaignRecord implements AutoCloseable {
    private final CampaignSummary summary = new CampaignSummary();
    private final TreeMap<Integer, RunOutcome> waiting = new TreeMap<>();
    private final int shards;
    private final Path file;
    private final Writer rows;
    private int next;
    private long written;

    /**
     * @param report the report the runs are for (null: none), whose directory holds the temporary file
     * @param shard  the slice's first index; its runs are shard, shard + shards, ...
     */
    public CampaignRecord(Path report, int shard, int shards) throws IOException {
        Path dir = report == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : report.toAbsolutePath().normalize().getParent();
        String name = report == null ? "campaign" : report.getFileName().toString();
        this.file = Files.createTempFile(dir, "." + name + ".runs.", ".tmp");
        file.toFile().deleteOnExit();
        this.rows = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.shards = shards;
        this.next = shard;
    }

    /** Adds a completed run (from this execution, or from the report a campaign resumes). */
    public void add(RunOutcome o) throws IOException {
        summary.add(o);
        waiting.put(o.index(), o);
        for (Map.Entry<Integer, RunOutcome> e = waiting.firstEntry(); e != null && e.getKey() <= next;
                e = waiting.firstEntry()) {
            waiting.pollFirstEntry();
            rows.write(CampaignJson.run(e.getValue(), written == 0));
            written++;
            next = e.getKey() + shards;
        }
    }

    /** @return the summary of every run added */
    public CampaignSummary summary() {
        return summary;
    }

    /** @return the number of runs added */
    public long count() {
        return written + waiting.size();
    }

    /** @return the runs that wait for an earlier one (the only ones held in memory) */
    public int waiting() {
        return waiting.size();
    }

    /** Writes every run added, in index order, as rows of the report's runs array. */
    public void writeRuns(Writer out) throws IOException {
        rows.flush();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.transferTo(out);
        }
        long n = written;
        for (RunOutcome o : waiting.values()) {
            out.write(CampaignJson.run(o, n++ == 0));
        }
    }

    /** Writes the campaign report of every run added under header {@code h}. */
    public void writeReport(CampaignJson.Header h, Writer out) throws IOException {
        CampaignJson.write(h, summary, count(), this::writeRuns, out);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        rows.close();
        Files.deleteIfExists(file);
    }
}
