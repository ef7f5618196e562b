package warden.launcher.config;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.error.Mark;

/**
 * The structural limits of a description (aliases of collections, nesting depth), checked on the
 * YAML event stream before anything is composed, so that a refusal names the line, column and
 * field path of the alias or collection that went over the limit (the composer's own limit
 * exceptions carry no position). Scalar keys name the path; a complex key counts as "?".
 *
 * [impl->dsn~config.input-limits~2]
 */
final class YamlLimits {
    /** One open collection: its path, whether it is a mapping, the next index or the pending key. */
    private static final class Frame {
        final String path;
        final boolean mapping;
        int index;
        boolean key = true;
        String pendingKey = "?";

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }

    private YamlLimits() {
    }

    /**
     * @return the first limit the text goes over, as a problem, or null. YAML syntax errors are
     *         left to the composer, which reports them with their position.
     */
    static Problem check(String text, String file, LoaderOptions options) {
        Deque<Frame> open = new ArrayDeque<>();
        Set<String> collectionAnchors = new HashSet<>();
        int aliases = 0;
        for (Event e : new Yaml(options).parse(new StringReader(text))) { // bounded by the 1 MiB input
            if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                open.pop();
                continue;
            }
            if (!(e instanceof NodeEvent)) {
                continue;
            }
            String path = childPath(open.peek(), e);
            if (e instanceof AliasEvent) {
                if (collectionAnchors.contains(((AliasEvent) e).getAnchor()) && ++aliases > maxAliases()) {
                    return at(file, e.getStartMark(), path, "more than " + maxAliases()
                            + " aliases of collections (this is alias " + aliases + "): a description may"
                            + " repeat a list or mapping through an alias at most " + maxAliases() + " times");
                }
            } else if (e instanceof CollectionStartEvent) {
                if (((NodeEvent) e).getAnchor() != null) {
                    collectionAnchors.add(((NodeEvent) e).getAnchor());
                }
                open.push(new Frame(path, e instanceof MappingStartEvent));
                if (open.size() > DescriptionLoader.MAX_NESTING) {
                    return at(file, e.getStartMark(), path, "nesting deeper than " + DescriptionLoader.MAX_NESTING
                            + " levels of lists and mappings: a description nests at most "
                            + DescriptionLoader.MAX_NESTING + " deep");
                }
            }
        }
        return null;
    }

    private static int maxAliases() {
        return DescriptionLoader.MAX_COLLECTION_ALIASES;
    }

    /** @return the path of the node {@code e} opens or is, inside {@code parent} (null: the root). */
    private static String childPath(Frame parent, Event e) {
        if (parent == null) {
            return "";
        }
        if (!parent.mapping) {
            return parent.path + "[" + parent.index++ + "]";
        }
        if (parent.key) {
            parent.key = false;
            parent.pendingKey = e instanceof ScalarEvent ? ((ScalarEvent) e).getValue() : "?";
            return join(parent.path, parent.pendingKey);
        }
        parent.key = true;
        return join(parent.path, parent.pendingKey);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Problem at(String file, Mark m, String path, String message) {
        return new Problem(file, m.getLine() + 1, m.getColumn() + 1, path, message);
    }
}
