package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tag scopes in Java sources: method when inside or just above a method, else class. */
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

    private static String scopeOf(JavaScopes s, int line) {
        int i = s.tagScope(line);
        Scope sc = s.scopes().get(i);
        return s.className(i) + (sc.kind() == Scope.Kind.METHOD ? "#" + sc.name() : "");
    }

    // [utest->dsn~trace.tags.scope~1]
    @Test
    void tagsAboveOrInsideAMethodHaveMethodScopeOthersClassScope() {
        JavaScopes s = JavaScopes.parse(SRC);
        assertEquals("a.b", s.packageName());
        assertEquals("a.b.Outer", scopeOf(s, 3));
        assertEquals("a.b.Outer", scopeOf(s, 6));
        assertEquals("a.b.Outer#run", scopeOf(s, 7));
        assertEquals("a.b.Outer#run", scopeOf(s, 11));
        assertEquals("a.b.Outer$Inner#go", scopeOf(s, 16));
        List<String> methods = s.scopes().stream().filter(x -> x.kind() == Scope.Kind.METHOD).map(Scope::name).toList();
        assertEquals(List.of("run", "Outer", "E", "E", "go"), methods);
    }

    // [utest->dsn~trace.tags.scope~1]
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
