package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.itsallcode.openfasttrace.api.core.LinkedSpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItemId;
import org.itsallcode.openfasttrace.api.importer.ImportSettings;
import org.itsallcode.openfasttrace.core.Oft;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import warden.trace.TraceEngine;
import warden.trace.importer.SourceFile;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;
import warden.trace.model.TraceConfig;

/**
 * OpenFastTrace 4.1 itself, run in-process over the same requirement files and the same source files
 * the trace engine read, as an independent second tool: its items, links, tags and per-item coverage
 * must be the engine's. Any difference fails the build, naming the items where the two tools disagree.
 */
class OpenFastTraceAgreementTest {
    private static Trace ours;
    private static List<SpecificationItem> oftItems;
    private static List<LinkedSpecificationItem> oftLinked;
    private static org.itsallcode.openfasttrace.api.core.Trace oftTrace;
    private static Path copies;
    /** The file names OFT 4.1's tag importer reads by default (the ones this repository has). */
    private static final java.util.regex.Pattern OFT_TAG_FILES = java.util.regex.Pattern.compile(
            ".*\\.(java|json|ya?ml|sh|bash|py|js|html?|cfg|conf|ini|go|rs|c|h|cpp)");

    @BeforeAll
    static void runBothTools() throws IOException {
        Path root = Repo.root();
        TraceConfig config = TraceConfig.defaults();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("requirements/trace.properties"))) {
            p.load(in);
        }
        config.apply(p);
        config.verdicts = false;
        // Items, tags and links only: a report another build step is still writing must not spoil them.
        config.readReports = false;
        ours = TraceEngine.run(root, config);
        List<Path> inputs = new ArrayList<>();
        for (String f : new TreeSet<>(ours.allItems.stream().map(SpecItem::file).toList())) {
            inputs.add(root.resolve(f));
        }
        copies = Files.createTempDirectory("oft-inputs");
        for (SourceFile f : ours.sources) {
            if (OFT_TAG_FILES.matcher(f.path()).matches()) {
                inputs.add(root.resolve(f.path()));
            } else { // pom.xml: OFT's tag importer reads no .xml, so it gets the same text as a .cfg file
                Path copy = copies.resolve(f.path() + ".cfg");
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, f.text());
                inputs.add(copy);
            }
        }
        Oft oft = Oft.create();
        oftItems = oft.importItems(ImportSettings.builder().addInputs(inputs).build());
        oftLinked = oft.link(oftItems);
        oftTrace = oft.trace(oftLinked);
    }

    private static boolean spec(String path) {
        return path.endsWith(".md");
    }

    /** The same requirement items, with the same title, status, links, needed types and tags. */
    // [utest->dsn~trace.oft-agreement~1]
    @Test
    void bothToolsReadTheSameRequirementItems() {
        List<String> theirs = new ArrayList<>();
        for (SpecificationItem i : oftItems) {
            if (spec(i.getLocation().getPath())) {
                theirs.add(signature(i.getId().toString(), i.getTitle(), i.getStatus().toString().toLowerCase(),
                        ids(i.getCoveredIds()), ids(i.getDependOnIds()), i.getNeedsArtifactTypes(), i.getTags(),
                        i.getLocation().getLine()));
            }
        }
        List<String> mine = new ArrayList<>();
        for (SpecItem s : ours.allItems) {
            mine.add(signature(s.id(), s.title(), s.status(), s.covers(), s.depends(), s.needs(), s.tags(),
                    Integer.parseInt(s.location().substring(s.location().lastIndexOf(':') + 1))));
        }
        assertTrue(mine.size() > 100, "the engine read " + mine.size() + " items");
        assertSame("requirement items", theirs, mine);
    }

    /** The same coverage tags in the code, at the same lines, covering the same items. */
    // [utest->dsn~trace.oft-agreement~1]
    @Test
    void bothToolsReadTheSameCodeTags() {
        List<String> theirs = new ArrayList<>();
        for (SpecificationItem i : oftItems) {
            if (!spec(i.getLocation().getPath())) {
                Path at = Path.of(i.getLocation().getPath());
                String rel = at.startsWith(copies) ? copies.relativize(at).toString().replaceAll("\\.cfg$", "")
                        : Repo.root().relativize(at).toString();
                theirs.add(i.getArtifactType() + " " + ids(i.getCoveredIds()) + " " + rel.replace('\\', '/') + ":"
                        + i.getLocation().getLine());
            }
        }
        List<String> mine = new ArrayList<>();
        for (Tag t : ours.tags) {
            mine.add(t.kind() + " [" + t.id() + "] " + t.file() + ":" + t.line());
        }
        assertTrue(mine.size() > 500, "the engine read " + mine.size() + " tags");
        assertSame("code tags", theirs, mine);
    }

    /**
     * The same verdict per item: the artifact types it needs that nothing covers (OFT's shallow
     * coverage), and whether OFT counts the item as a defect where the engine finds a broken chain.
     */
    // [utest->dsn~trace.oft-agreement~1]
    @Test
    void bothToolsGiveEveryItemTheSameCoverage() {
        TreeMap<String, String> theirs = new TreeMap<>();
        Set<String> theirDefects = new TreeSet<>();
        TreeMap<String, String> theirDeep = new TreeMap<>();
        for (LinkedSpecificationItem l : oftLinked) {
            if (l.isDefect() && !spec(l.getLocation().getPath())) {
                theirDefects.add(l.getId() + " at " + l.getLocation());
            }
            if (spec(l.getLocation().getPath())) {
                theirDeep.put(l.getId().toString(), l.getDeepCoverageStatus().toString());
                theirs.merge(l.getId().toString(), new TreeSet<>(l.getUncoveredArtifactTypes()).toString(),
                        (a, b) -> a + b);
                if (l.isDefect()) {
                    theirDefects.add(l.getId().toString());
                }
            }
        }
        TreeMap<String, String> mine = new TreeMap<>();
        for (ItemTrace it : ours.items.values()) {
            Set<String> covered = new TreeSet<>();
            for (String d : it.down) {
                covered.add(d.substring(0, d.indexOf('~')));
            }
            for (Tag t : it.impl) {
                covered.add(t.kind());
            }
            for (Tag t : it.tests) {
                covered.add(t.kind());
            }
            Set<String> uncovered = new TreeSet<>(it.item.needs());
            uncovered.removeAll(covered);
            mine.put(it.id(), uncovered.toString());
        }
        Set<String> myDefects = new TreeSet<>();
        ours.findings.stream().filter(f -> Set.of("outdated-link", "unwanted-link", "duplicate-id", "orphan-tag")
                .contains(f.gate()) && f.item() != null && !f.item().isEmpty()).forEach(f -> myDefects.add(f.item()));
        TreeMap<String, String> myDeep = new TreeMap<>();
        for (String id : mine.keySet()) {
            boolean open = deeplyUncovered(id, mine, new TreeSet<>());
            myDeep.put(id, open ? "UNCOVERED" : "COVERED");
            if (open) {
                myDefects.add(id);
            }
        }
        assertSame("uncovered artifact types per item", lines(theirs), lines(mine));
        assertSame("deep coverage per item", lines(theirDeep), lines(myDeep));
        assertEquals(theirDefects, myDefects, "items OpenFastTrace counts as defects (left) and the items the "
                + "engine finds a broken chain at (right); OFT's defect count " + oftTrace.countDefects());
    }

    /**
     * The engine's links read as OFT's deep coverage: an item is open when a type it needs is not
     * covered or an item covering it is open.
     */
    private static boolean deeplyUncovered(String id, TreeMap<String, String> shallow, Set<String> seen) {
        if (!seen.add(id) || !shallow.containsKey(id)) {
            return false;
        }
        if (!shallow.get(id).equals("[]")) {
            return true;
        }
        for (String d : ours.items.get(id).down) {
            if (deeplyUncovered(d, shallow, seen)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(TreeMap<String, String> m) {
        List<String> l = new ArrayList<>();
        m.forEach((k, v) -> l.add(k + " " + v));
        return l;
    }

    private static String signature(String id, String title, String status, Collection<String> covers,
            Collection<String> depends, Collection<String> needs, Collection<String> tags, int line) {
        return id + " @" + line + " \"" + (title == null ? "" : title.trim()) + "\" " + status + " covers "
                + new TreeSet<>(covers) + " depends " + new TreeSet<>(depends) + " needs " + new TreeSet<>(needs)
                + " tags " + tags;
    }

    private static List<String> ids(List<SpecificationItemId> ids) {
        return ids.stream().map(SpecificationItemId::toString).toList();
    }

    /** Equal as multisets; the message lists what only one tool has. */
    private static void assertSame(String what, List<String> theirs, List<String> mine) {
        List<String> onlyTheirs = new ArrayList<>(theirs);
        List<String> onlyMine = new ArrayList<>(mine);
        for (String s : mine) {
            onlyTheirs.remove(s);
        }
        for (String s : theirs) {
            onlyMine.remove(s);
        }
        assertTrue(onlyTheirs.isEmpty() && onlyMine.isEmpty(), what + " differ.\nOnly OpenFastTrace ("
                + onlyTheirs.size() + "):\n  " + String.join("\n  ", head(onlyTheirs)) + "\nOnly the trace engine ("
                + onlyMine.size() + "):\n  " + String.join("\n  ", head(onlyMine)));
    }

    private static List<String> head(List<String> l) {
        return l.size() > 40 ? l.subList(0, 40) : l;
    }
}
