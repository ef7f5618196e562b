package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tag scopes in Java sources: the declaration a tag annotates by syntax, or none (an orphan). */
class JavaScopesTest {
    private static final String SRC = String.join("\n",
            "package a.b;", //                                  1
            "", //                                              2
            "/** Class doc. T */", //                        3
            "@Deprecated(since = \"1\")", //                    4
            "public class Outer {", //                          5
            "    private static final int X = 1; // T", //   6
            "    // T", //                                   7
            "    @SuppressWarnings(value = \"x\")", //          8
            "    public int run(int a) {", //                   9
            "        if (a > 0) { return \"}\".length(); }", // 10
            "        return 0; // T", //                     11
            "    }", //                                         12
            "    Outer() { }", //                               13
            "    enum E { A, B(2) { }, C; E() { } E(int x) { } }", // 14
            "    static class Inner {", //                      15
            "        /* T */ void go() { Runnable r = () -> { }; }", // 16
            "    }", //                                         17
            "}"); //                                            18

    /** @return what the comment on line n annotates: class, class#method, or "none". */
    private static String scopeOf(String src, int line) {
        JavaScopes s = JavaScopes.parse(src);
        int start = 0;
        for (int k = 1; k < line; k++) {
            start = src.indexOf('\n', start) + 1;
        }
        int c = src.indexOf("T", src.indexOf("/", start));
        int i = s.annotated(c);
        if (i == JavaScopes.NONE) {
            return "none";
        }
        Scope sc = s.scopes().get(i);
        return s.className(i) + (sc.kind() == Scope.Kind.METHOD ? "#" + sc.name() : "");
    }

    // [utest->dsn~trace.tags.scope~2]
    @Test
    void tagsAnnotateTheDeclarationBelowTheirCommentOrTheMethodTheyStandIn() {
        JavaScopes s = JavaScopes.parse(SRC);
        assertEquals("a.b", s.packageName());
        assertEquals("a.b.Outer", scopeOf(SRC, 3));
        assertEquals("none", scopeOf(SRC, 6));
        assertEquals("a.b.Outer#run", scopeOf(SRC, 7));
        assertEquals("a.b.Outer#run", scopeOf(SRC, 11));
        assertEquals("a.b.Outer$Inner#go", scopeOf(SRC, 16));
        List<String> methods = s.scopes().stream().filter(x -> x.kind() == Scope.Kind.METHOD).map(Scope::name).toList();
        assertEquals(List.of("run", "Outer", "E", "E", "go"), methods);
    }

    // [utest->dsn~trace.tags.scope~2]
    @Test
    void aTagThatAnnotatesNothingIsAnOrphanNotTheNextMethods() {
        String src = String.join("\n",
                "package p;", //                                   1
                "class K {", //                                    2
                "    // T: a deleted test's tag, then a blank line", // 3
                "", //                                             4
                "    // T: directly above, annotations between", // 5
                "    @ValueSource(ints = {1, 2})", //              6
                "    @Test", //                                     7
                "    void a(int x) {", //                           8
                "    }", //                                         9
                "    /** T: a doc comment followed by another */", // 10
                "    /** T: the method's own doc comment. */", //  11
                "    // T: a line comment after it, no blank line", // 12
                "    void b() { // T: trailing the method's brace", // 13
                "    }", //                                         14
                "    /** T: above a field */", //                  15
                "    private int f;", //                            16
                "    static { int y = 0; /* T: in an initializer */ }", // 17
                "    // T: at the end of the class", //            18
                "}"); //                                           19
        assertEquals("none", scopeOf(src, 3));
        assertEquals("p.K#a", scopeOf(src, 5));
        assertEquals("none", scopeOf(src, 10));
        assertEquals("p.K#b", scopeOf(src, 11));
        assertEquals("p.K#b", scopeOf(src, 12));
        assertEquals("p.K#b", scopeOf(src, 13));
        assertEquals("none", scopeOf(src, 15));
        assertEquals("p.K", scopeOf(src, 17));
        assertEquals("none", scopeOf(src, 18));
    }

    // [utest->dsn~trace.tags.scope~2]
    @Test
    void anOrphanTagCountsForNothingAndSaysWhy() {
        String src = String.join("\n", "package p;", "class KTest {", "    // [utest" + "->dsn~gone~1]", "",
                "    @Test", "    void next() {", "    }", "}");
        SourceFile f = new SourceFile("m/src/test/java/p/KTest.java", src);
        assertEquals("none", f.tags().get(0).scope());
        assertNull(f.tags().get(0).method());
        assertTrue(f.tags().get(0).orphan().contains("not directly above a class or method"), f.tags().get(0).orphan());
    }

    // [utest->dsn~trace.tags.scope~2]
    @Test
    void codeLinesBelongToTheMostSpecificTaggedScope() {
        String src = String.join("\n", "package p;", "/** [impl" + "->dsn~cls~1] */", "class K {",
                "    /** [impl" + "->dsn~m~1] */", "    void m() {", "        int x = 1;", "    }",
                "    void n() {", "        int y = 2;", "    }", "}");
        SourceFile f = new SourceFile("m/src/main/java/p/K.java", src);
        assertEquals(List.of("dsn~m~1"), f.implAt(6));
        assertEquals(List.of("dsn~cls~1"), f.implAt(9));
        assertEquals("method", f.tags().get(1).scope());
        assertEquals("p.K#m", f.tags().get(1).target());
        assertEquals("p.K", f.tags().get(0).target());
    }

    // [utest->dsn~trace.tags.reader~1]
    @Test
    void tagsAreReadFromYamlAndJsonWithFileScope() {
        SourceFile yaml = new SourceFile("m/src/main/resources/x.yaml", "a: 1\n# [impl" + "->dsn~cfg~1]\n");
        SourceFile json = new SourceFile("m/src/test/resources/x.json", "{\"$comment\": \"[utest" + "->dsn~s~2]\"}");
        assertEquals("dsn~cfg~1", yaml.tags().get(0).id());
        assertEquals(2, yaml.tags().get(0).line());
        assertEquals("file", yaml.tags().get(0).scope());
        assertNull(json.tags().get(0).className());
        assertEquals("utest", json.tags().get(0).kind());
    }
}
