package warden.verification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The trace gate over the whole repository: every coverage tag names a spec item that exists at
 * the same revision, every item is covered as it needs, and every Covers/Depends link resolves.
 *
 * [utest->req~scenario.trace-tags~1]
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraceTagsTest {
    @Test
    void every_tag_names_an_item_every_item_is_covered_as_it_needs_and_every_link_resolves() {
        Path root = Repo.root();
        List<TraceTags.Item> items = TraceTags.itemsIn(root);
        List<TraceTags.Tag> tags = TraceTags.tagsIn(root);
        assertFalse(items.isEmpty(), "no spec item found under " + root.resolve("requirements"));
        assertFalse(tags.isEmpty(), "no coverage tag found in the Java sources under " + root);
        List<String> problems = TraceTags.check(items, tags);
        if (!problems.isEmpty()) {
            fail(problems.size() + " trace problems (" + items.size() + " items, " + tags.size() + " tags):\n  "
                    + String.join("\n  ", problems));
        }
    }
}
