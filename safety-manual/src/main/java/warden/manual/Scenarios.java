package warden.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns this build's healing-scenario reports ({@value ScenarioFiles#SCHEMA}, one per target, read
 * by {@link ScenarioFiles}) into the manual's scenario tables and into the figures its prose on
 * restore points and over-the-air update cites: every number comes from a report's rows.
 *
 * [impl->dsn~manual.scenarios~1]
 */
final class Scenarios {
    private Scenarios() {
    }

    /** One scenario report and how it was produced. */
    record Report(String target, Map<String, Object> json, double hostSeconds, int exitCode) {
        List<Map<String, Object>> rows() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : Json.list(json.get("rows"))) {
                out.add(Json.object(o));
            }
            return out;
        }

        /** @return the row of {@code scenario}, or an empty map. */
        Map<String, Object> row(String scenario) {
            for (Map<String, Object> r : rows()) {
                if (scenario.equals(Json.str(r.get("scenario")))) {
                    return r;
                }
            }
            return Map.of();
        }

        long failed() {
            return rows().stream().filter(r -> !"pass".equals(Json.str(r.get("verdict")))).count();
        }
    }

    /** @return the report {@code json} of {@code target}, as read (tests give sample text). */
    static Report read(String target, String json, double secs, int code) {
        return new Report(target, Json.object(Json.parse(json)), secs, code);
    }

    private static String ns(Map<String, Object> r, String key) {
        return Campaigns.time(Json.num(r.get(key), -1));
    }

    /** @return one table per target: every scenario with its outcome, figures and proof. */
    static String tables(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        StringBuilder b = new StringBuilder();
        for (Report r : rs) {
            Adoc.Table t = new Adoc.Table("Healing scenarios on " + r.target() + " (`scenarios-" + r.target()
                    + ".json`, seed " + Json.str(r.json().get("seed")) + ", exit code " + r.exitCode()
                    + "; virtual times)", "5,5,3,3,4,3,3,7", "Scenario (how)", "Expected / observed (verdict)",
                    "Detection", "Recovery", "Pages written; restore: pages, bytes, time",
                    "Incremental snapshot: pages, time",
                    "Misses: own / other critical; further failures; timer faults",
                    "Event that proves it");
            for (Map<String, Object> row : r.rows()) {
                boolean pass = "pass".equals(Json.str(row.get("verdict")));
                t.row(Adoc.code(Json.str(row.get("scenario"))) + " +\n" + Adoc.cell(Json.str(row.get("note"))),
                        Adoc.cell(Json.str(row.get("expected"))) + " / " + Adoc.cell(Json.str(row.get("observed")))
                                + (pass ? " (pass)" : " (*fail*)"),
                        ns(row, "detectNs"), ns(row, "recoverNs"),
                        Json.num(row.get("pagesWritten"), 0) + "; " + restore(row), pair(row, "snapshotPages",
                                "snapshotNs"),
                        Json.num(row.get("ownMisses"), 0) + " / " + Json.num(row.get("otherCriticalMisses"), 0)
                                + "; " + Json.num(row.get("furtherFailures"), 0) + "; "
                                + Json.num(row.get("timerFaults"), 0),
                        Adoc.cell(Json.str(row.get("proof"))));
            }
            b.append(t).append('\n');
        }
        return b.toString();
    }

    private static String restore(Map<String, Object> r) {
        long pages = Json.num(r.get("restorePages"), -1);
        return pages < 0 ? "-" : pages + ", " + Json.num(r.get("restoreBytes"), 0) + " B, " + ns(r, "restoreNs");
    }

    private static String pair(Map<String, Object> r, String pages, String time) {
        long p = Json.num(r.get(pages), -1);
        return p < 0 ? "-" : p + ", " + ns(r, time);
    }

    /**
     * @return the measured figures of restore points and over-the-air update per target, as the
     *     sentences the manual's prose on these mechanisms cites, or {@code missing}
     */
    static String figures(List<Report> rs, String missing) {
        if (rs.isEmpty()) {
            return missing;
        }
        StringBuilder b = new StringBuilder();
        for (Report r : rs) {
            b.append("Measured on *").append(r.target()).append("* (`scenarios-").append(r.target())
                    .append(".json`, seed ").append(Json.str(r.json().get("seed"))).append("):\n\n");
            b.append("* ").append(restoreFigures(r)).append('\n');
            b.append("* ").append(costFigures(r)).append('\n');
            b.append("* ").append(updateFigures(r)).append('\n');
            long other = r.rows().stream().mapToLong(x -> Json.num(x.get("otherCriticalMisses"), 0)).sum();
            long failed = r.failed();
            b.append("* Deadline misses of other critical partitions in all ").append(r.rows().size())
                    .append(" scenarios: ").append(other).append(failed == 0
                            ? "; every scenario had its expected outcome.\n\n"
                            : "; *" + failed + " scenario(s) did not have their expected outcome* (see the "
                            + "table).\n\n");
        }
        return b.toString();
    }

    private static String restoreFigures(Report r) {
        Map<String, Object> hang = r.row("restore-after-hang");
        Map<String, Object> crash = r.row("restore-after-crash");
        Map<String, Object> bad = r.row("restore-with-corrupt-snapshot");
        return "Restore: a hung RTOS was detected " + ns(hang, "detectNs") + " after the hang, "
                + Adoc.cell(Json.str(hang.get("observed"))) + " from its boot snapshot (digest checked, "
                + Json.num(hang.get("restorePages"), -1) + " pages copied back in " + ns(hang, "restoreNs")
                + ") and back in service " + ns(hang, "recoverNs") + " after the detection; a crashed one was "
                + "detected after " + ns(crash, "detectNs") + " and back after " + ns(crash, "recoverNs")
                + ". With one bit of its stored snapshot flipped, the outcome was: "
                + Adoc.cell(Json.str(bad.get("observed"))) + ", back in service " + ns(bad, "recoverNs")
                + " after the detection.";
    }

    private static String costFigures(Report r) {
        List<String> restore = new ArrayList<>();
        List<String> snapshot = new ArrayList<>();
        List<String> further = new ArrayList<>();
        for (Map<String, Object> row : r.rows()) {
            if (!Json.str(row.get("scenario")).startsWith("restore-cost-")) {
                continue;
            }
            long k = Json.num(row.get("pagesWritten"), -1);
            restore.add(k + " pages written: " + Json.num(row.get("restorePages"), -1) + " copied back in "
                    + ns(row, "restoreNs"));
            snapshot.add(k + ": " + Json.num(row.get("snapshotPages"), -1) + " pages in " + ns(row, "snapshotNs"));
            long f = Json.num(row.get("furtherFailures"), 0);
            long tf = Json.num(row.get("timerFaults"), 0);
            if (f > 0 || tf > 0) {
                further.add(k + " pages: " + f + " further failure(s) of the RTOS, " + tf
                        + " monitor timer fault(s) on other cores");
            }
        }
        return "Cost versus memory written (one byte in each of k pages of the RTOS's RAM, through the board's bus):"
                + " restore " + String.join("; ", restore) + ". Incremental periodic snapshot after k pages: "
                + String.join("; ", snapshot) + ". Both are charged to the RTOS's core. "
                + (further.isEmpty() ? "The monitor detected nothing besides the injected fault in these runs."
                : "What the monitor detected besides the injected fault (the long copies hold the RTOS's own "
                        + "timing and the machine): " + String.join("; ", further) + ".");
    }

    private static String updateFigures(Report r) {
        List<String> detect = new ArrayList<>();
        for (String s : List.of("ota-update-crashes", "ota-update-hangs", "ota-update-never-boots")) {
            Map<String, Object> row = r.row(s);
            detect.add(s.substring("ota-update-".length()).replace('-', ' ') + ": " + Adoc.cell(Json.str(
                    row.get("observed"))) + ", detected " + ns(row, "detectNs") + " after the switch, the old image's "
                    + "first heartbeat " + ns(row, "recoverNs") + " after the detection");
        }
        Map<String, Object> good = r.row("ota-good-update");
        List<String> refused = new ArrayList<>();
        for (String s : List.of("ota-tampered-image", "ota-wrong-signature", "ota-older-version")) {
            Map<String, Object> row = r.row(s);
            refused.add(Adoc.cell(Json.str(row.get("observed"))) + " " + ns(row, "detectNs")
                    + " after the delivery began");
        }
        return "Over-the-air update: a good update was " + Adoc.cell(Json.str(good.get("observed"))) + " "
                + ns(good, "recoverNs") + " after the switch (its trial). Bad updates: " + String.join("; ", detect)
                + ". Refused packages: " + String.join("; ", refused) + ". Power loss of the updater in the middle "
                + "of the transfer: " + Adoc.cell(Json.str(r.row("ota-power-loss-mid-transfer").get("observed")))
                + ".";
    }
}
