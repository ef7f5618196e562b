package warden.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one build: where each piece was looked for, whether it was found, and the
 * headline figure it gave. Chapters ask it for files; what is absent is recorded, shown in the
 * evidence-status table and in the chapter itself, and printed by {@link Generate}.
 *
 * [impl->dsn~manual.missing-evidence~1]
 */
final class Evidence {
    /** One piece of evidence: a key (used by the compliance matrix), what it is, where, and what it said. */
    record Entry(String key, String what, String where, boolean present, String figure) {
    }

    private final Path root;
    private final Path out;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    Evidence(Path root, Path out) {
        this.root = root;
        this.out = out;
    }

    Path root() {
        return root;
    }

    Path out() {
        return out;
    }

    /** @return where a file is, as the manual shows it: relative to the repository when inside it. */
    String where(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(root) ? root.relativize(f) : f).toString().replace('\\', '/');
    }

    /** @return the file's text, or null (and the evidence recorded as missing) when it is absent. */
    String read(String key, String what, String relPath) {
        Path f = root.resolve(relPath);
        if (!Files.isRegularFile(f)) {
            record(key, what, relPath, false, "not found");
            return null;
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            record(key, what, relPath, true, "file read (no verdict taken from it)");
            return text;
        } catch (IOException e) {
            record(key, what, relPath, false, "unreadable: " + e.getMessage());
            return null;
        }
    }

    void record(String key, String what, String where, boolean present, String figure) {
        entries.put(key, new Entry(key, what, where, present, figure));
    }

    /** Replaces the headline figure of present evidence (for example "412 tests, 0 failed"). */
    void figure(String key, String figure) {
        Entry e = entries.get(key);
        if (e != null) {
            entries.put(key, new Entry(e.key(), e.what(), e.where(), e.present(), figure));
        }
    }

    /** Records a located fault of a hand-written source of the manual (not of evidence): it fails the build. */
    void error(String located) {
        errors.add(located);
    }

    /** @return the located faults of the manual's own sources, in the order found. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    Entry get(String key) {
        return entries.get(key);
    }

    List<Entry> missing() {
        List<Entry> m = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.present()) {
                m.add(e);
            }
        }
        return m;
    }

    /** Writes one include into the output directory. */
    void write(String name, String adoc) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(name), Adoc.HEADER + adoc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the table of every piece of evidence this build looked for. */
    String statusTable() {
        Adoc.Table t = new Adoc.Table("Evidence this manual was generated from", "3,4,1,3", "Evidence", "File",
                "Status", "Figure");
        for (Entry e : entries.values()) {
            t.row(Adoc.cell(e.what()), Adoc.code(e.where()), e.present() ? "present" : "*MISSING*",
                    Adoc.cell(e.figure()));
        }
        return t.toString();
    }
}
