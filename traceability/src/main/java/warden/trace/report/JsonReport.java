package warden.trace.report;

import java.util.List;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.TestResults;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.Finding;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;

/**
 * {@code trace.json}, schema {@code warden.trace/1}: every item with its links, ASIL, status,
 * tags, tests and verdicts, coverage and mutation counts; the findings, notes and reviewed lists.
 *
 * [impl->dsn~trace.report.json~1]
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** @return the whole report as one string. */
    public static String render(Trace t) {
        StringBuilder b = new StringBuilder(1 << 16);
        render(t, b, Spill.KEEP);
        return b.toString();
    }

    /** Renders into {@code b}, handing it to {@code spill} between items. */
    static void render(Trace t, StringBuilder b, Spill spill) {
        b.append("{\n  \"schema\": \"warden.trace/1\",\n  \"passed\": ").append(t.passed());
        b.append(",\n  \"summary\": {\"items\": ").append(t.items.size()).append(", \"tags\": ").append(t.tags.size())
                .append(", \"testMethods\": ").append(t.results.size()).append(", \"mutants\": ")
                .append(t.mutants.size()).append(", \"mutationData\": ").append(t.hasMutations())
                .append(", \"coverageData\": ").append(t.hasCoverage()).append("},\n  \"items\": [");
        String sep = "\n    ";
        for (ItemTrace it : t.items.values()) {
            b.append(sep);
            item(b, it);
            spill.check(b);
            sep = ",\n    ";
        }
        b.append("\n  ],\n  \"findings\": [");
        sep = "\n    ";
        for (Finding f : t.findings) {
            b.append(sep).append("{\"gate\": ").append(Text.json(f.gate())).append(", \"location\": ")
                    .append(Text.json(f.location())).append(", \"item\": ").append(Text.json(f.item()))
                    .append(", \"message\": ").append(Text.json(f.message())).append('}');
            sep = ",\n    ";
        }
        b.append("\n  ],\n  \"notes\": ").append(strings(t.warnings));
        b.append(",\n  \"equivalentMutants\": ").append(entries(t.equivalents));
        b.append(",\n  \"classLevelTags\": ").append(entries(t.classLevel));
        b.append(",\n  \"deferred\": ").append(entries(t.deferred));
        b.append(",\n  \"unmutated\": ").append(entries(t.unmutated));
        b.append(",\n  \"untaggedCodeWaivers\": ").append(entries(t.waivers)).append("\n}\n");
    }

    private static void item(StringBuilder b, ItemTrace it) {
        SpecItem s = it.item;
        b.append("{\"id\": ").append(Text.json(s.id())).append(", \"type\": ").append(Text.json(s.type()))
                .append(", \"title\": ").append(Text.json(s.title())).append(", \"status\": ")
                .append(Text.json(s.status())).append(", \"asil\": ").append(Text.json(it.asil.toString()))
                .append(", \"asilInherited\": ").append(it.asilInherited).append(", \"file\": ")
                .append(Text.json(s.file())).append(", \"line\": ").append(s.line())
                .append(", \"description\": ").append(Text.json(s.description()))
                .append(", \"rationale\": ").append(Text.json(s.rationale()))
                .append(", \"verification\": ").append(Text.json(s.verification()))
                .append(", \"needs\": ").append(strings(s.needs())).append(", \"covers\": ").append(strings(it.up))
                .append(", \"coveredBy\": ").append(strings(it.down))
                .append(", \"dependsOn\": ").append(strings(it.dependsOn)).append(", \"impl\": ").append(tags(it.impl))
                .append(", \"testTags\": ").append(tags(it.tests)).append(", \"tests\": [");
        for (int i = 0; i < it.testMethods.size(); i++) {
            TestResults.Verdict v = it.verdicts.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"test\": ").append(Text.json(it.testMethods.get(i)))
                    .append(", \"verdict\": ").append(Text.json(v == null ? "missing" : v.status())).append('}');
        }
        int[] c = it.coverage;
        int[] m = it.mutation;
        b.append("], \"verdict\": ").append(Text.json(it.verdict()));
        b.append(", \"coverage\": {\"lines\": ").append(c[0]).append(", \"linesCovered\": ").append(c[1])
                .append(", \"branches\": ").append(c[2]).append(", \"branchesCovered\": ").append(c[3]).append('}');
        b.append(", \"mutation\": {\"mutants\": ").append(m[0]).append(", \"killedByOwnTests\": ").append(m[1])
                .append(", \"killedOnlyByOtherTests\": ").append(m[2]).append(", \"survived\": ").append(m[3])
                .append(", \"noCoverage\": ").append(m[4]).append(", \"equivalent\": ").append(m[5])
                .append(", \"ownScore\": ").append(it.mutationScore() < 0 ? "null" : Text.fixed2(it.mutationScore()))
                .append("}}");
    }

    private static String strings(List<String> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Text.json(list.get(i)));
        }
        return b.append(']').toString();
    }

    private static String tags(List<Tag> tags) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < tags.size(); i++) {
            Tag g = tags.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"kind\": ").append(Text.json(g.kind())).append(", \"file\": ")
                    .append(Text.json(g.file())).append(", \"line\": ").append(g.line()).append(", \"scope\": ")
                    .append(Text.json(g.scope())).append(", \"target\": ").append(Text.json(g.target())).append('}');
        }
        return b.append(']').toString();
    }

    private static String entries(List<ReviewedList.Entry> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            ReviewedList.Entry e = list.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"key\": ").append(Text.json(e.key())).append(", \"reason\": ")
                    .append(Text.json(e.reason())).append(", \"at\": ").append(Text.json(e.file() + ":" + e.line()))
                    .append('}');
        }
        return b.append(']').toString();
    }
}
