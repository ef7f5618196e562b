package warden.launcher.report;

import warden.launcher.run.RunResult;

/**
 * The machine-readable run report, schema {@value #SCHEMA} (documented in README.adoc and in
 * {@code warden/run-report.schema.json}). Field names and meanings are stable: a new field may be
 * added, none is renamed or removed without a new schema version.
 *
 * [impl->dsn~cli.run.json~1]
 */
public final class RunReportJson {
    public static final String SCHEMA = "warden.run/5";

    private RunReportJson() {
    }

    public static String write(RunResult r) {
        JsonWriter w = new JsonWriter().beginObject();
        w.field("schema", SCHEMA).field("source", r.source()).field("target", r.target())
                .field("board", r.board()).field("seed", r.seed()).field("durationNs", r.durationNs())
                .field("passed", r.passed());
        w.key("partitions").beginArray();
        for (RunResult.PartitionResult p : r.partitions()) {
            partition(w, p);
        }
        w.endArray();
        interrupts(w, r);
        probes(w, r);
        hostile(w, r);
        channels(w, r);
        violations(w, r);
        w.field("safeState", r.safeState());
        events(w, r);
        targetMetrics(w, r);
        nics(w, r);
        cans(w, r);
        checksAndCounters(w, r);
        console(w, r);
        return w.endObject().toString();
    }

    private static void interrupts(JsonWriter w, RunResult r) {
        w.key("interrupts").beginArray();
        for (RunResult.LineResult l : r.lines()) {
            w.beginObject().field("line", l.line()).field("device", l.device()).field("partition", l.partition())
                    .field("core", l.core()).field("critical", l.critical()).field("count", l.raised())
                    .field("delivered", l.delivered()).field("held", l.held())
                    .field("minLatencyNs", l.minLatencyNs()).field("maxLatencyNs", l.maxLatencyNs())
                    .field("meanLatencyNs", l.meanLatencyNs()).endObject();
        }
        w.endArray();
    }

    /** Per channel the kernel's statistics. [impl->dsn~channel.statistics~1] */
    private static void channels(JsonWriter w, RunResult r) {
        w.key("channels").beginArray();
        for (RunResult.ChannelResult c : r.channels()) {
            w.beginObject().field("id", c.id()).field("name", c.name()).field("from", c.from()).field("to", c.to())
                    .field("sends", c.sends()).field("receives", c.receives()).field("doorbells", c.doorbells())
                    .field("denied", c.denied()).field("resets", c.resets()).field("failures", c.failures())
                    .field("published", c.published())
                    .field("consumed", c.consumed());
            e2e(w, c.e2e());
            w.endObject();
        }
        w.endArray();
    }

    /** The guest models' end-to-end figures of a channel, or null. [impl->dsn~channel.statistics~1] */
    private static void e2e(JsonWriter w, RunResult.E2eResult e) {
        w.key("e2e");
        if (e == null) {
            w.nullValue();
            return;
        }
        w.beginObject().field("framesSent", e.framesSent()).field("drops", e.drops())
                .field("overwrites", e.overwrites()).field("senderHighWater", e.senderHighWater())
                .field("framesReceived", e.framesReceived());
        w.key("verdicts").beginObject();
        for (int v = 0; v < e.verdicts().size(); v++) {
            w.field(warden.emu.channel.Verdict.name(v), e.verdicts().get(v));
        }
        w.endObject().field("worstLatencyNs", e.worstLatencyNs()).field("receiverHighWater", e.receiverHighWater())
                .field("failures", e.failures()).endObject();
    }

    private static void probes(JsonWriter w, RunResult r) {
        w.key("probes").beginArray();
        for (RunResult.ProbeResult p : r.probes()) {
            w.beginObject().field("partition", p.partition()).field("address", hex(p.address()))
                    .field("size", p.size()).field("access", p.access()).field("outcome", p.outcome());
            if (p.cause() == null) {
                w.key("cause").nullValue();
            } else {
                w.field("cause", p.cause());
            }
            w.field("causeName", p.causeName()).field("expected", p.expected())
                    .field("asExpected", p.asExpected()).field("timeNs", p.timeNs()).endObject();
        }
        w.endArray();
    }

    /** [impl->dsn~run.hostile~1] */
    private static void hostile(JsonWriter w, RunResult r) {
        w.key("hostile").beginArray();
        for (RunResult.HostileResult h : r.hostile()) {
            w.beginObject().field("partition", h.partition()).field("operations", h.operations())
                    .field("calls", h.calls()).field("callsRefused", h.callsRefused())
                    .field("callsUnknown", h.callsUnknown()).field("callsMisanswered", h.callsMisanswered())
                    .field("loads", h.loads())
                    .field("stores", h.stores()).field("fetches", h.fetches()).field("allowed", h.allowed())
                    .field("denied", h.denied()).field("dropped", h.dropped()).field("restarts", h.restarts());
            w.key("causes").beginArray();
            for (RunResult.CauseCount c : h.causes()) {
                w.beginObject();
                if (c.cause() == null) {
                    w.key("cause").nullValue();
                } else {
                    w.field("cause", c.cause());
                }
                w.field("name", c.name()).field("count", c.count()).endObject();
            }
            w.endArray().field("violations", h.violations()).field("foreignViolations", h.foreignViolations())
                    .field("spuriousDenials", h.spuriousDenials()).field("unloggedDenials", h.unloggedDenials());
            accesses(w, "samples", h.samples());
            accesses(w, "lastDenials", h.lastDenials());
            w.endObject();
        }
        w.endArray();
    }

    private static void accesses(JsonWriter w, String key, java.util.List<RunResult.HostileAccess> list) {
        w.key(key).beginArray();
        for (RunResult.HostileAccess a : list) {
            w.beginObject().field("what", a.what()).field("timeNs", a.timeNs()).field("address", hex(a.address()))
                    .field("size", a.size()).field("access", a.access()).field("cause", a.cause()).endObject();
        }
        w.endArray();
    }

    private static void violations(JsonWriter w, RunResult r) {
        w.key("violations").beginArray();
        for (RunResult.Violation v : r.violations()) {
            w.beginObject().field("timeNs", v.timeNs()).field("kind", v.kind()).field("partition", v.partition())
                    .field("core", v.core()).field("address", hex(v.address())).field("detail", v.detail())
                    .endObject();
        }
        w.endArray();
    }

    private static void events(JsonWriter w, RunResult r) {
        w.key("events").beginArray();
        for (RunResult.MonitorEvent e : r.events()) {
            w.beginObject().field("timeNs", e.timeNs()).field("kind", e.kind()).field("partition", e.partition())
                    .field("core", e.core()).field("detail", e.detail()).endObject();
        }
        w.endArray();
    }

    /** [impl->dsn~run.nic-report~1] */
    private static void nics(JsonWriter w, RunResult r) {
        w.key("nics").beginArray();
        for (RunResult.NicResult n : r.nics()) {
            w.beginObject().field("device", n.device()).field("partition", n.partition())
                    .field("received", n.received()).field("delivered", n.delivered()).field("dropped", n.dropped())
                    .field("dmaDenied", n.dmaDenied()).field("sent", n.sent()).field("driverFrames", n.driverFrames())
                    .endObject();
        }
        w.endArray();
    }

    /** [impl->dsn~run.can-report~1] */
    private static void cans(JsonWriter w, RunResult r) {
        w.key("cans").beginArray();
        for (RunResult.CanResult c : r.cans()) {
            w.beginObject().field("device", c.device()).field("partition", c.partition())
                    .field("busFrames", c.busFrames()).field("errorFrames", c.errorFrames())
                    .field("received", c.received()).field("filteredOut", c.filteredOut()).field("lost", c.lost())
                    .field("sent", c.sent()).field("tec", c.tec()).field("rec", c.rec()).field("busOff", c.busOff())
                    .endObject();
        }
        w.endArray();
    }

    private static void targetMetrics(JsonWriter w, RunResult r) {
        w.key("targetMetrics").beginArray();
        for (warden.emu.TargetMetrics.Metric m : r.targetMetrics()) {
            w.beginObject().field("name", m.name()).field("core", m.core()).field("count", m.count())
                    .field("minNs", m.minNs()).field("meanNs", m.meanNs()).field("maxNs", m.maxNs())
                    .field("description", m.description()).endObject();
        }
        w.endArray();
    }

    private static void checksAndCounters(JsonWriter w, RunResult r) {
        w.key("checks").beginArray();
        for (RunResult.Check c : r.checks()) {
            w.beginObject().field("name", c.name()).field("passed", c.passed()).field("detail", c.detail())
                    .endObject();
        }
        w.endArray();
        w.key("counters").beginObject();
        for (RunResult.CounterValue c : r.counters()) {
            w.field(c.name(), c.value());
        }
        w.endObject();
    }

    private static void console(JsonWriter w, RunResult r) {
        w.key("console").beginArray();
        for (RunResult.ConsoleLine c : r.console()) {
            w.beginObject().field("timeNs", c.timeNs()).field("partition", c.partition()).field("text", c.text())
                    .endObject();
        }
        w.endArray();
    }

    private static void partition(JsonWriter w, RunResult.PartitionResult p) {
        w.beginObject().field("name", p.name()).field("criticality", p.criticality())
                .field("workload", p.workload());
        w.key("cores").beginArray();
        for (int c : p.cores()) {
            w.value(c);
        }
        w.endArray();
        w.field("bootTimeNs", p.bootTimeNs()).field("deadlineMisses", p.deadlineMisses())
                .field("maxResponseNs", p.maxResponseNs()).field("restarts", p.restarts())
                .field("state", p.state()).field("faults", p.faults());
        snapshot(w, p.snapshot());
        w.key("tasks").beginArray();
        for (RunResult.TaskResult t : p.tasks()) {
            w.beginObject().field("name", t.name()).field("periodNs", t.periodNs())
                    .field("deadlineNs", t.deadlineNs()).field("jobs", t.jobs()).field("misses", t.misses())
                    .field("maxResponseNs", t.maxResponseNs()).endObject();
        }
        w.endArray().endObject();
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A partition's snapshot figures, null without snapshots. [impl->dsn~run.snapshot-report~1] */
    private static void snapshot(JsonWriter w, RunResult.SnapshotResult s) {
        if (s == null) {
            w.key("snapshot").nullValue();
            return;
        }
        w.key("snapshot").beginObject().field("pages", s.pages()).field("taken", s.taken())
                .field("bytesCopied", s.bytesCopied()).field("lastPages", s.lastPages()).field("lastNs", s.lastNs())
                .field("maxNs", s.maxNs()).field("restores", s.restores()).field("restorePages", s.restorePages())
                .field("restoreNs", s.restoreNs()).field("fallbacks", s.fallbacks()).endObject();
    }
}
