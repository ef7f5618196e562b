package warden.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small OpenFastTrace-compatible link checker, the gate until the traceability engine exists.
 *
 * <p>Spec items are read from Markdown: a heading, then a line holding only the item id in
 * backticks ({@code type~name~revision}), then the description, {@code Needs: a, b} and
 * {@code Covers:} / {@code Depends:} followed by ids (on the line or as a bullet list). Coverage
 * tags are read from Java sources: an opening bracket, the artifact type, an arrow, an item id,
 * a closing bracket, in any comment. {@link #check} lists every broken link as
 * {@code file:line: message}.
 */
final class TraceTags {
    static final String ID = "([a-z][a-zA-Z0-9]*)~([A-Za-z0-9_.\\-]+)~(\\d+)";
    private static final Pattern ITEM_LINE = Pattern.compile("^\\s*`" + ID + "`\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+\\S.*$");
    private static final Pattern NEEDS = Pattern.compile("^\\s*Needs:\\s*(.*)$");
    private static final Pattern LINKS = Pattern.compile("^\\s*(Covers|Depends):\\s*(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
    private static final Pattern ANY_ID = Pattern.compile(ID);
    private static final Pattern TAG = Pattern.compile("\\[\\s*([a-z][a-zA-Z0-9]*)\\s*-" + ">\\s*" + ID
            + "\\s*(?:>>[^\\]]*)?\\]");

    /** A spec item: where it is, what it needs, which items it links to (Covers and Depends). */
    record Item(String id, List<String> needs, List<String> links, String file, int line) {
        String key() {
            return id.substring(0, id.lastIndexOf('~'));
        }
    }

    /** A coverage tag in code: its artifact type ("impl", "utest"...) and the id it names. */
    record Tag(String kind, String id, String file, int line) {
    }

    private TraceTags() {
    }

    /** @return the spec items of one Markdown file. */
    static List<Item> items(String file, List<String> lines) {
        List<Item> out = new ArrayList<>();
        String id = null;
        int idLine = 0;
        List<String> needs = new ArrayList<>();
        List<String> links = new ArrayList<>();
        boolean inLinks = false;
        boolean afterHeading = false;
        boolean fenced = false;
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            String line = lines.get(n);
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher item = ITEM_LINE.matcher(line);
            boolean heading = HEADING.matcher(line).matches();
            if (heading || (afterHeading && item.matches())) {
                if (id != null) {
                    out.add(new Item(id, List.copyOf(needs), List.copyOf(links), file, idLine));
                }
                id = null;
                needs.clear();
                links.clear();
                inLinks = false;
            }
            if (heading) {
                afterHeading = true;
                continue;
            }
            if (afterHeading && item.matches()) {
                id = line.trim().replace("`", "");
                idLine = n + 1;
                afterHeading = false;
                continue;
            }
            if (!line.isBlank()) {
                afterHeading = false;
            }
            if (id == null) {
                continue;
            }
            Matcher m;
            if ((m = NEEDS.matcher(line)).matches()) {
                inLinks = false;
                for (String t : m.group(1).split("[,\\s]+")) {
                    if (!t.isBlank()) {
                        needs.add(t.trim());
                    }
                }
            } else if ((m = LINKS.matcher(line)).matches()) {
                inLinks = true;
                ids(m.group(2), links);
            } else if (inLinks && (m = BULLET.matcher(line)).matches()) {
                ids(m.group(1), links);
            } else if (!line.isBlank()) {
                inLinks = false;
            }
        }
        if (id != null) {
            out.add(new Item(id, List.copyOf(needs), List.copyOf(links), file, idLine));
        }
        return out;
    }

    private static void ids(String text, List<String> into) {
        Matcher m = ANY_ID.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    /** @return the coverage tags of one source file. */
    static List<Tag> tags(String file, List<String> lines) {
        List<Tag> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) { // bounded by the file
            Matcher m = TAG.matcher(lines.get(n));
            while (m.find()) {
                out.add(new Tag(m.group(1), m.group(2) + "~" + m.group(3) + "~" + m.group(4), file, n + 1));
            }
        }
        return out;
    }

    /** @return every broken link, as "file:line: message", in file order. */
    static List<String> check(List<Item> items, List<Tag> tags) {
        List<String> out = new ArrayList<>();
        Map<String, Item> byId = new HashMap<>();
        Map<String, List<Item>> byKey = new HashMap<>();
        for (Item i : items) {
            Item before = byId.putIfAbsent(i.id(), i);
            if (before != null) {
                out.add(i.file() + ":" + i.line() + ": item " + i.id() + " is defined twice (also at "
                        + before.file() + ":" + before.line() + ")");
            }
            byKey.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i);
        }
        Set<String> covered = new HashSet<>(); // "kind id" of every tag and covering item
        for (Tag t : tags) {
            covered.add(t.kind() + " " + t.id());
            Item target = byId.get(t.id());
            if (target == null) {
                out.add(t.file() + ":" + t.line() + ": tag [" + t.kind() + "->" + t.id() + "] " + missing(t.id(), byKey));
            } else if (!target.needs().contains(t.kind())) {
                out.add(t.file() + ":" + t.line() + ": tag [" + t.kind() + "->" + t.id() + "] covers an item that does not"
                        + " need " + t.kind() + " (" + target.file() + ":" + target.line() + " needs " + target.needs() + ")");
            }
        }
        for (Item i : items) {
            String type = i.id().substring(0, i.id().indexOf('~'));
            for (String link : i.links()) {
                covered.add(type + " " + link);
                if (!byId.containsKey(link)) {
                    out.add(i.file() + ":" + i.line() + ": " + i.id() + " links to " + link + ", which " + missing(link, byKey));
                }
            }
        }
        for (Item i : items) {
            for (String need : i.needs()) {
                if (!covered.contains(need + " " + i.id())) {
                    out.add(i.file() + ":" + i.line() + ": " + i.id() + " needs " + need + " but "
                            + (need.equals("impl") || need.equals("utest") || need.equals("itest")
                                ? "no source has a [" + need + "->" + i.id() + "] tag"
                                : "no " + need + " item covers it"));
                }
            }
        }
        return out;
    }

    private static String missing(String id, Map<String, List<Item>> byKey) {
        List<Item> same = byKey.get(id.substring(0, id.lastIndexOf('~')));
        if (same == null) {
            return "names no spec item";
        }
        List<String> where = new ArrayList<>();
        same.forEach(i -> where.add(i.id() + " at " + i.file() + ":" + i.line()));
        return "has the wrong revision: the spec has " + String.join(", ", where);
    }

    // ---- reading the repository ----

    /** @return the spec items of every Markdown file under {@code root/requirements}. */
    static List<Item> itemsIn(Path root) {
        List<Item> out = new ArrayList<>();
        for (Path f : files(root.resolve("requirements"), ".md")) {
            out.addAll(items(root.relativize(f).toString(), read(f)));
        }
        return out;
    }

    /** @return the tags of every Java file under any {@code src/main/java} or {@code src/test/java}. */
    static List<Tag> tagsIn(Path root) {
        List<Tag> out = new ArrayList<>();
        for (Path f : files(root, ".java")) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            if (rel.contains("src/main/java/") || rel.contains("src/test/java/")) {
                out.addAll(tags(rel, read(f)));
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
                    .filter(p -> !skipped(dir.relativize(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.equals("target") || s.equals("node_modules") || (s.startsWith(".") && s.length() > 1)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> read(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
