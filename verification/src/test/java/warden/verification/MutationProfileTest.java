package warden.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The mutation-gated build is configured as its requirement says: a weakened copy of the build
 * (mutators loosened, the matrix or a module's PIT run switched off, a random jqwik seed, CI no
 * longer running the profile) fails here, in every ordinary build, before anyone relies on it.
 */
class MutationProfileTest {
    /** The modules whose code the gating build mutates. */
    private static final List<String> MUTATED = List.of("monitor-kernel", "platform-ports/riscv",
            "platform-ports/arm", "platform-ports/x86");
    /** The kernel's code is mutated by a module of its own, which a parallel build runs beside the ports. */
    private static final String KERNEL_MUTATION = "kernel-mutation";

    /** @return the module whose pom runs PIT on {@code module}'s code */
    private static String pitModule(String module) {
        return module.equals("monitor-kernel") ? KERNEL_MUTATION : module;
    }
    private static final Pattern PROPERTY = Pattern.compile("@Property\\b(\\(([^)]*)\\))?");

    private final Path root = Repo.root();

    // [utest->dsn~build.mutation-profile~1]
    @Test
    void pitIsPinnedWithStrongerMutatorsTheFullMatrixAndOneThread() throws Exception {
        Element pit = plugin(pluginManagement(pom(root.resolve("pom.xml"))), "pitest-maven");
        assertNotNull(pit, "the root pom's pluginManagement configures pitest-maven");
        String version = text(pit, "version");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "pitest-maven version pinned: " + version);
        Element conf = child(pit, "configuration");
        assertEquals(List.of("STRONGER"), texts(child(conf, "mutators"), "mutator"), "mutators");
        assertEquals("true", text(conf, "fullMutationMatrix"), "fullMutationMatrix");
        assertTrue(texts(child(conf, "outputFormats"), "param").contains("XML"), "XML output");
        assertEquals("1", text(conf, "threads"), "threads");
        assertEquals("false", text(conf, "skipFailingTests"), "skipFailingTests");
        assertEquals("false", text(conf, "timestampedReports"), "timestampedReports");
    }

    // [utest->dsn~build.mutation-profile~1]
    @Test
    void theProfileRunsPitInVerifyAndMakesTheTraceGateRequireMutationData() throws Exception {
        Element project = pom(root.resolve("pom.xml"));
        Element profile = null;
        for (Element p : children(child(project, "profiles"), "profile")) {
            if (text(p, "id").equals("mutation")) {
                profile = p;
            }
        }
        assertNotNull(profile, "the root pom has a 'mutation' profile");
        assertEquals("required", text(child(profile, "properties"), "trace.mutations"));
        Element pit = plugin(child(child(profile, "build"), "plugins"), "pitest-maven");
        assertNotNull(pit, "the mutation profile runs pitest-maven");
        boolean bound = false;
        for (Element e : children(child(pit, "executions"), "execution")) {
            bound |= text(e, "phase").equals("verify")
                    && texts(child(e, "goals"), "goal").contains("mutationCoverage");
        }
        assertTrue(bound, "mutationCoverage is bound to verify");
        assertEquals("optional", text(child(project, "properties"), "trace.mutations"),
                "an ordinary build does not require mutation data");
        String manual = Files.readString(root.resolve("safety-manual/pom.xml"), StandardCharsets.UTF_8);
        assertTrue(manual.matches("(?s).*<argument>--mutations</argument>\\s*<argument>\\$\\{trace\\.mutations}"
                + "</argument>.*"), "the trace gate in safety-manual/pom.xml passes --mutations ${trace.mutations}");
    }

    // [utest->dsn~build.mutation-profile~1]
    @Test
    void eachMutatedModuleRunsPitOnNamedClassesAndIsListedForTheTraceGate() throws Exception {
        Properties trace = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve("requirements/trace.properties"))) {
            trace.load(r);
        }
        List<String> mutated = new ArrayList<>();
        for (String s : trace.getProperty("mutated", "").split(",")) {
            mutated.add(s.trim());
        }
        for (String module : MUTATED) {
            String runner = pitModule(module);
            Element project = pom(root.resolve(runner).resolve("pom.xml"));
            assertEquals("false", text(child(project, "properties"), "skipPitest"), runner + " runs PIT");
            Element pit = plugin(pluginManagement(project), "pitest-maven");
            assertNotNull(pit, runner + " configures pitest-maven");
            if (!runner.equals(module)) {
                assertEquals("true", text(child(pit, "configuration"), "crossModule"),
                        runner + " mutates " + module + "'s classes (PIT's crossModule)");
                assertEquals("${project.basedir}/../" + module + "/src/test/java",
                        text(child(project, "build"), "testSourceDirectory"), runner + " runs " + module + "'s tests");
            }
            List<String> classes = targetClasses(project, child(child(pit, "configuration"), "targetClasses"));
            assertFalse(classes.isEmpty(), module + " names the classes PIT mutates");
            for (String c : classes) {
                assertFalse(c.isBlank() || c.equals("*"), module + ": target class glob '" + c + "'");
            }
            assertTrue(mutated.contains(module + "/src/main/java"),
                    "requirements/trace.properties lists " + module + "/src/main/java as mutated: " + mutated);
        }
    }

    /**
     * @return the globs of a targetClasses element: its param children, or its text as Maven reads
     *     a list given as one value (comma-separated, a ${property} resolved from the pom's properties)
     */
    private static List<String> targetClasses(Element project, Element targetClasses) {
        List<String> classes = texts(targetClasses, "param");
        String value = targetClasses == null ? "" : targetClasses.getTextContent().trim();
        if (!classes.isEmpty() || value.isEmpty()) {
            return classes;
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            String resolved = text(child(project, "properties"), value.substring(2, value.length() - 1));
            value = resolved == null ? "" : resolved.trim();
        }
        for (String c : value.split(",")) {
            classes.add(c.trim());
        }
        return classes;
    }

    // [utest->dsn~build.mutation-profile~1]
    @Test
    void everyJqwikPropertyInAMutatedModuleHasAFixedSeed() throws IOException {
        List<String> unseeded = new ArrayList<>();
        int seen = 0;
        for (String module : MUTATED) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String src = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = PROPERTY.matcher(src);
                    while (m.find()) {
                        seen++;
                        if (m.group(2) == null || !m.group(2).matches("(?s).*\\bseed\\s*=\\s*\"-?\\d+\".*")) {
                            unseeded.add(root.relativize(f) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertTrue(seen > 0, "the mutated modules have jqwik properties (the check would be empty otherwise)");
        assertEquals(List.of(), unseeded, "jqwik properties without a fixed seed");
    }

    // [utest->dsn~build.mutation-profile~1]
    @Test
    void ciRunsTheMutationProfile() throws IOException {
        boolean runs = false;
        for (String line : Files.readAllLines(root.resolve(".ci/run"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            runs |= !l.startsWith("#") && !l.startsWith("echo")
                    && l.matches("\\./mvnw -B -T 2 verify -Pmutation(\\s.*)?");
        }
        assertTrue(runs, ".ci/run runs ./mvnw -B -T 2 verify -Pmutation");
        String readme = Files.readString(root.resolve("README.adoc"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("Run the tests")
                && readme.matches("(?s).*Run the tests.*?----\\n\\./mvnw -B -T 2 verify -Pmutation\\n----.*"),
                "README.adoc's test command is the mutation build CI runs");
    }

    private static Element pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element pluginManagement(Element project) {
        return child(child(child(project, "build"), "pluginManagement"), "plugins");
    }

    private static Element plugin(Element plugins, String artifactId) {
        for (Element p : children(plugins, "plugin")) {
            if (text(p, "artifactId").equals(artifactId)) {
                return p;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        if (c.size() != 1) {
            fail("expected one <" + name + "> in <" + (parent == null ? "?" : parent.getTagName()) + ">, found "
                    + c.size());
        }
        return c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? "" : c.get(0).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, name)) {
            out.add(e.getTextContent().trim());
        }
        return out;
    }
}
