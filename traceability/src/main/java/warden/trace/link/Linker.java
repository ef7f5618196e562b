package warden.trace.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warden.trace.importer.SourceFile;
import warden.trace.model.Ids;
import warden.trace.model.SpecItem;
import warden.trace.model.Tag;

/**
 * Links the trace: items to the items they cover (and back), tags to items, test tags to the test
 * methods in their scope (a method, or every test of a class and of its subclasses) and those to
 * their verdicts. Reports duplicate ids, dangling and outdated links and unknown tag ids.
 *
 * [impl->dsn~trace.links~1]
 * [impl->dsn~trace.tests~2]
 */
public final class Linker {
    /** A jqwik label and the method it names: Surefire reports the label instead of the method. */
    private static final Pattern LABEL = Pattern.compile("@(?:net\\.jqwik\\.api\\.)?Label\\("
            + "\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)"
            + "\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:[\\w.<>\\[\\], ]+\\s+)?(\\w+)\\s*\\(");
    private static final Pattern EXTENDS = Pattern.compile(
            "\\bclass\\s+(\\w+)(?:<[^{]*?>)?\\s+extends\\s+([\\w.]+)");
    private final Trace t;
    private final Map<String, List<SpecItem>> byKey = new HashMap<>();
    private final Map<String, List<String>> subclasses = new HashMap<>();
    /** {@code class#method} to {@code class#label} for jqwik-labelled test methods. */
    private final Map<String, String> labels = new HashMap<>();

    private Linker(Trace t) {
        this.t = t;
    }

    /** Links the items, tags and tests of a loaded trace; finds duplicate ids and broken links. */
    public static void link(Trace t) {
        Linker l = new Linker(t);
        l.items();
        l.links();
        l.subclassIndex();
        for (Tag tag : t.tags) {
            l.tag(tag);
        }
    }

    private void items() {
        for (SpecItem i : t.allItems) {
            ItemTrace old = t.items.putIfAbsent(i.id(), new ItemTrace(i));
            if (old != null) {
                t.find("duplicate-id", i.location(), i.id(), "item " + i.id() + " is defined twice (first at "
                        + old.item.location() + ")");
            }
        }
    }

    /** @return the items by id without revision; built on the first missing link (a passing trace has none). */
    private Map<String, List<SpecItem>> byKey() {
        if (byKey.isEmpty()) {
            for (SpecItem i : t.allItems) {
                byKey.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i);
            }
        }
        return byKey;
    }

    private void links() {
        for (ItemTrace it : t.items.values()) {
            links(it); // a method per item: compiled after a few hundred items, where a long loop stays interpreted
        }
    }

    private void links(ItemTrace it) {
        for (String to : it.item.covers()) {
            ItemTrace target = t.items.get(to);
            if (target != null) {
                it.up.add(to);
                target.down.add(it.id());
            } else {
                missing(it.item.location(), it.id(), it.id() + " links to " + to, to);
            }
        }
        for (String to : it.item.depends()) {
            if (t.items.containsKey(to)) {
                it.dependsOn.add(to);
            } else {
                missing(it.item.location(), it.id(), it.id() + " depends on " + to, to);
            }
        }
    }

    /** Reports a link to an id that does not exist: outdated when another revision does. */
    void missing(String location, String item, String what, String to) {
        List<SpecItem> same = byKey().get(Ids.key(to));
        if (same == null) {
            t.find(what.startsWith("tag") ? "unknown-id" : "dangling-link", location, item,
                    what + ", which names no spec item");
            return;
        }
        List<String> where = new ArrayList<>();
        for (SpecItem s : same) {
            where.add(s.id() + " at " + s.location());
        }
        t.find("outdated-link", location, item, what + ", but the spec has " + String.join(", ", where)
                + " (revision changed: review the link and update it)");
    }

    /**
     * A tag annotating nothing fails the gate and counts for nothing: it would otherwise be given to
     * whatever declaration follows it.
     *
     * [impl->dsn~trace.tags.scope~2]
     */
    private void tag(Tag tag) {
        if (tag.orphan() != null) {
            t.find("orphan-tag", tag.location(), tag.id(), "tag [" + tag.kind() + "->" + tag.id()
                    + "] annotates no class or method: " + tag.orphan() + "; move it into the comment directly"
                    + " above the declaration it belongs to, or delete it");
            return;
        }
        ItemTrace it = t.items.get(tag.id());
        if (it == null) {
            missing(tag.location(), tag.id(), "tag [" + tag.kind() + "->" + tag.id() + "]", tag.id());
            return;
        }
        if (tag.kind().equals("impl")) {
            it.impl.add(tag);
            return;
        }
        it.tests.add(tag);
        if (tag.className() == null) {
            return;
        }
        for (String test : testsOf(tag)) {
            if (!it.testMethods.contains(test)) {
                it.testMethods.add(test);
                it.verdicts.add(t.results.verdict(test));
            }
        }
    }

    private List<String> testsOf(Tag tag) {
        List<String> classes = new ArrayList<>();
        classes.add(tag.className());
        addSubclasses(tag.className(), classes);
        List<String> out = new ArrayList<>();
        for (String c : classes) {
            if (tag.method() != null) {
                String k = c + "#" + tag.method();
                String label = labels.get(tag.className() + "#" + tag.method());
                if (t.results.verdict(k) != null) {
                    out.add(k);
                } else if (label != null && t.results.verdict(c + "#" + label) != null) {
                    out.add(c + "#" + label);
                }
            } else {
                out.addAll(t.results.testsOf(c));
            }
        }
        if (out.isEmpty()) {
            out.add(tag.className() + "#" + (tag.method() == null ? "*" : tag.method()));
        }
        return out;
    }

    private void addSubclasses(String cls, List<String> into) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        for (String sub : subclasses.getOrDefault(simple, List.of())) {
            if (!into.contains(sub) && into.size() < 64) { // bounded: 64 classes per hierarchy
                into.add(sub);
                addSubclasses(sub, into);
            }
        }
    }

    /**
     * Indexes the jqwik labels of a test source, so that a method tag finds the verdict Surefire
     * reports under the label (kept whole, spaces included).
     *
     * [impl->dsn~trace.tests~2]
     */
    private void labels(SourceFile f) {
        Matcher m = LABEL.matcher(f.text());
        while (m.find()) { // bounded by the text
            int line = 1;
            for (int i = 0; i < m.start(2); i++) { // bounded by the text
                line += f.text().charAt(i) == '\n' ? 1 : 0;
            }
            int s = f.scopes().codeScope(line);
            if (s >= 0) {
                labels.put(f.scopes().className(s) + "#" + m.group(2), m.group(1).replace("\\\"", "\""));
            }
        }
    }

    private void subclassIndex() {
        for (SourceFile f : t.sources) {
            if (!f.java() || !f.test()) {
                continue;
            }
            String text = f.text();
            if (text.contains("Label(")) {
                labels(f);
            }
            if (!text.contains("extends")) {
                continue;
            }
            Matcher m = EXTENDS.matcher(text);
            while (m.find()) { // bounded by the text
                String sup = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
                String pkg = f.scopes().packageName();
                subclasses.computeIfAbsent(sup, k -> new ArrayList<>()).add(pkg.isEmpty() ? m.group(1)
                        : pkg + "." + m.group(1));
            }
        }
    }
}
