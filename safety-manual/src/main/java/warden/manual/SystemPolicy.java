package warden.manual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default system's health policy and description text, as the launcher loads them, read from
 * the {@value #SCHEMA} file the verification module writes ({@code ManualEvidenceTest}) into
 * {@value CampaignFiles#DIR}: the manual computes nothing from the launcher itself.
 */
final class SystemPolicy {
    static final String SCHEMA = "warden.manual-default-system/1";
    static final String FILE = "default-system.json";
    private static final String WHAT = "Default system's health policy (as the launcher loads it)";

    private SystemPolicy() {
    }

    /** @return the health-policy table and the description text, or the missing-evidence note. */
    static String include(Evidence ev, Path file) {
        EvidenceFile f;
        String source;
        String text;
        try {
            f = EvidenceFile.read(ev, file, SCHEMA);
            source = f.text("source");
            text = f.text("text");
        } catch (EvidenceFile.Unusable e) {
            ev.record("default-system", WHAT, ev.where(file), false, e.problem());
            System.err.println("generate: " + e.getMessage());
            return Adoc.missing("default system description", ev.where(file), CampaignFiles.HOW);
        }
        List<Object> partitions = Json.list(f.root().get("partitions"));
        ev.record("default-system", WHAT, f.where(), true, partitions.size() + " partitions");
        Adoc.Table t = new Adoc.Table("Health policy of the default system", "2,1,1,1,1,1,1,1,1", "Partition",
                "Level", "Cores", "Watchdog", "Boot timeout", "Fault limit / window", "Restarts per window",
                "On failure", "Escalate");
        for (Object o : partitions) {
            Map<String, Object> p = Json.object(o);
            List<String> cores = new ArrayList<>();
            for (Object c : Json.list(p.get("cores"))) {
                cores.add(Json.str(c));
            }
            t.row(Adoc.cell(Json.str(p.get("name"))), Json.str(p.get("level")),
                    Adoc.cell("[" + String.join(", ", cores) + "]"), time(p, "watchdogNs"), time(p, "bootTimeoutNs"),
                    Json.str(p.get("faultLimit")) + " / " + time(p, "windowNs"), Json.str(p.get("restarts")),
                    Json.str(p.get("onFailure")), Json.str(p.get("escalate")));
        }
        return t + "\n.The default system description (`" + source + "`, as built)\n[source,yaml]\n----\n"
                + text.strip() + "\n----\n";
    }

    private static String time(Map<String, Object> partition, String field) {
        return Campaigns.time(Json.num(partition.get(field), -1));
    }
}
