package warden.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import warden.kernel.api.Criticality;
import warden.kernel.api.HealthAction;
import warden.launcher.config.DefaultSystem;
import warden.launcher.config.HealthSpec;
import warden.launcher.config.LoadResult;
import warden.launcher.config.PartitionSpec;
import warden.launcher.report.JsonWriter;

/**
 * Writes the evidence the safety manual reads as files and cannot compute itself (the manual
 * depends on no Warden module): the fault campaign of this build, one {@code warden.campaign/1}
 * report and chart per target exactly as {@code warden campaign --json --svg} writes them, each
 * with a {@code warden.manual-campaign-run/1} note of its exit code and host time; and the default
 * system's health policy as the launcher loads it ({@code warden.manual-default-system/1}); and
 * the healing-scenario campaign per target ({@code warden.scenarios/1}, {@code scenarios-T.json}).
 * Runs in the surefire execution {@code manual-evidence} of this module, with the parameters
 * {@code manual.campaign.faults}, {@code .seed} and {@code .targets} of the root POM, into
 * {@code verification/target/manual-evidence/} ({@code manual.evidence.dir}).
 */
@Tag("manual-evidence")
class ManualEvidenceTest {
    private static Path dir() throws IOException {
        String d = System.getProperty("manual.evidence.dir");
        Path p = d != null ? Path.of(d) : Repo.root().resolve("verification/target/manual-evidence");
        Files.createDirectories(p);
        return p;
    }

    /** @return the evidence directory without the files starting with {@code prefix}: no stale report stands in. */
    private static Path fresh(String prefix) throws IOException {
        Path dir = dir();
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(f);
            }
        }
        return dir;
    }

    private static String property(String name, String otherwise) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? otherwise : v.strip();
    }

    @Test
    void campaignReportsAreWrittenPerTarget() throws IOException {
        Path dir = fresh("campaign-");
        int faults = Integer.parseInt(property("manual.campaign.faults", "300"));
        String seed = property("manual.campaign.seed", "26262");
        if (faults <= 0) {
            return; // -Dmanual.campaign.faults=0: the manual says the campaign was skipped
        }
        for (String t : List.of(property("manual.campaign.targets", "riscv,arm,x86").split(","))) {
            campaign(dir, t, t, faults, seed);
        }
        String channelTargets = property("manual.campaign.channel-targets", "riscv,arm");
        for (String t : channelTargets.isBlank() ? List.<String>of() : List.of(channelTargets.split(","))) {
            campaign(dir, t, "channel-" + t, faults, seed, "--channel-faults");
        }
    }

    /** Runs one campaign on target t into campaign-NAME.json/.svg with its run note. */
    private static void campaign(Path dir, String t, String name, int faults, String seed, String... more)
            throws IOException {
        Path json = dir.resolve("campaign-" + name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("campaign", "--target", t, "--faults",
                Integer.toString(faults), "--seed", seed, "--json", json.toString(), "--svg",
                dir.resolve("campaign-" + name + ".svg").toString()));
        args.addAll(List.of(more));
        long start = System.nanoTime();
        Cli.Outcome o = Cli.run(args.toArray(String[]::new));
        long hostNs = System.nanoTime() - start;
        assertTrue(o.code() <= 1 && Files.isRegularFile(json), o::toString);
        String firstError = o.err().strip().lines().findFirst().orElse("");
        String note = new JsonWriter().beginObject().field("schema", "warden.manual-campaign-run/1")
                .field("target", t).field("exitCode", o.code()).field("hostNs", hostNs)
                .field("stderr", firstError).endObject().toString();
        Files.writeString(dir.resolve("campaign-" + name + ".run.json"), note, StandardCharsets.UTF_8);
    }

    /**
     * The healing-scenario campaign per target ({@code warden campaign --scenarios --target T --seed S
     * --json scenarios-T.json}), each with a {@code warden.manual-scenarios-run/1} note of its exit
     * code and host time.
     */
    // [utest->dsn~campaign.scenarios~1]
    @Test
    void scenarioReportsAreWrittenPerTarget() throws IOException {
        Path dir = fresh("scenarios-");
        String seed = property("manual.campaign.seed", "26262");
        for (String t : List.of(property("manual.campaign.targets", "riscv,arm,x86").split(","))) {
            Path json = dir.resolve("scenarios-" + t + ".json");
            long start = System.nanoTime();
            Cli.Outcome o = Cli.run("campaign", "--scenarios", "--target", t, "--seed", seed, "--json",
                    json.toString());
            long hostNs = System.nanoTime() - start;
            assertTrue(o.code() <= 1 && Files.isRegularFile(json), o::toString);
            String note = new JsonWriter().beginObject().field("schema", "warden.manual-scenarios-run/1")
                    .field("target", t).field("exitCode", o.code()).field("hostNs", hostNs)
                    .field("stderr", o.err().strip().lines().findFirst().orElse("")).endObject().toString();
            Files.writeString(dir.resolve("scenarios-" + t + ".run.json"), note, StandardCharsets.UTF_8);
        }
    }

    @Test
    void defaultSystemHealthPolicyIsWritten() throws IOException {
        LoadResult r = DefaultSystem.load();
        assertTrue(r.ok(), "the default system does not load");
        JsonWriter w = new JsonWriter().beginObject().field("schema", "warden.manual-default-system/1")
                .field("source", DefaultSystem.SOURCE).field("resource", DefaultSystem.RESOURCE);
        w.key("partitions").beginArray();
        for (PartitionSpec p : r.description().partitions()) {
            HealthSpec h = p.health();
            w.beginObject().field("name", p.name()).field("level", Criticality.name(p.criticality()));
            w.key("cores").beginArray();
            for (int c : p.cores()) {
                w.value(c);
            }
            w.endArray().field("watchdogNs", p.watchdogNs()).field("bootTimeoutNs", h.bootTimeoutNs())
                    .field("faultLimit", h.faultLimit()).field("windowNs", h.windowNs())
                    .field("restarts", h.restarts()).field("onFailure", HealthAction.name(h.onFailure()))
                    .field("escalate", HealthAction.name(h.escalate())).endObject();
        }
        w.endArray().field("text", DefaultSystem.text());
        Path f = dir().resolve("default-system.json");
        Files.writeString(f, w.endObject().toString(), StandardCharsets.UTF_8);
        assertTrue(Files.size(f) > DefaultSystem.text().length(), f::toString);
    }
}
