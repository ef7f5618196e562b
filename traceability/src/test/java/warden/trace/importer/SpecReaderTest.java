package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import warden.trace.model.InputError;
import warden.trace.model.SpecItem;

/** The OpenFastTrace Markdown reader: every field, and every malformed line located. */
class SpecReaderTest {
    private static SpecReader.Result read(String text) {
        return SpecReader.read("r.md", List.of(text.split("\n", -1)));
    }

    // [utest->dsn~trace.spec.reader~1]
    @Test
    void readsEveryFieldOfAnItem() {
        SpecReader.Result r = read(String.join("\n", "# File", "", "### Boot", "`dsn~kernel.boot~2`", "",
                "Boot reserves", "the monitor.", "", "Rationale:", "Defence in depth:", "the kernel checks.", "",
                "Covers:", "* `req~a~1`", "* `req~b~3`", "", "Depends: `req~c~1`", "", "Tags: ASIL-B(C), kernel",
                "", "Decomposition:", "* `dsn~other~1`", "", "Status: proposed", "", "Verification: test, review",
                "", "Needs: impl, utest", "", "```", "### Not an item", "`dsn~fenced~1`", "```"));
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.items().size());
        SpecItem i = r.items().get(0);
        assertEquals("dsn~kernel.boot~2", i.id());
        assertEquals("Boot", i.title());
        assertEquals("Boot reserves\nthe monitor.", i.description());
        assertEquals("Defence in depth: the kernel checks.", i.rationale());
        assertEquals(List.of("req~a~1", "req~b~3"), i.covers());
        assertEquals(List.of("req~c~1"), i.depends());
        assertEquals(List.of("dsn~other~1"), i.decomposition());
        assertEquals(List.of("impl", "utest"), i.needs());
        assertEquals("ASIL-B(C)", i.asil().toString());
        assertEquals("proposed", i.status());
        assertEquals("test, review", i.verification());
        assertEquals("r.md:4", i.location());
    }

    // [utest->dsn~trace.input-errors~1]
    @Test
    void reportsEveryMalformedLineAndKeepsTheGoodItems() {
        SpecReader.Result r = read(String.join("\n", "### A", "`dsn~a`", "Needs: impl", "### B", "`dsn~b~1`",
                "Tags: ASIL-C, ASIL-D", "Needs: Impl!", "Covers:", "* `req~x`", "### C", "`dsn~c~1`", "```"));
        assertEquals(List.of("r.md:2: malformed item id `dsn~a`: expected type~name~revision, like dsn~kernel.boot~1",
                "r.md:3: Needs: stands outside any item (no valid `type~name~revision` id line above it)",
                "r.md:6: Tags: a second ASIL `ASIL-D` (the item already has ASIL-C)",
                "r.md:7: Needs: `Impl!` is not an artifact type (lower-case letters and digits)",
                "r.md:9: Covers entry `req~x` is not an item id (type~name~revision)",
                "r.md:12: code fence opened here is never closed; items after it would be lost"),
                r.errors().stream().map(InputError::toString).toList());
        assertEquals(List.of("dsn~b~1", "dsn~c~1"), r.items().stream().map(SpecItem::id).toList());
    }

    // [utest->dsn~trace.spec.reader~1]
    @Test
    void readsTheRealRequirementsWithoutErrors() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("../requirements");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                if (p.toString().endsWith(".md") && !p.getFileName().toString().startsWith("equivalent")
                        && !p.getFileName().toString().startsWith("untagged")) {
                    SpecReader.Result r = SpecReader.read(p.toString(), java.nio.file.Files.readAllLines(p));
                    assertTrue(r.errors().isEmpty(), r.errors().toString());
                }
            }
        }
    }
}
