package warden.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form the layers their package-info states: each main source refers to
 * the engine's packages below its own only, to nothing of the rest of Warden, and the benchmark
 * stays out of the main sources.
 */
class PackageLayersTest {
    private static final Path MAIN = Path.of("src/main/java/warden/trace");
    /** What each package may use, besides itself and java.*; the root package may use them all. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of(),
            "parallel", Set.of(),
            "importer.xml", Set.of("model"),
            "importer", Set.of("model", "parallel", "importer.xml"),
            "link", Set.of("model", "importer"),
            "gate", Set.of("model", "importer", "link"),
            "report", Set.of("model", "importer", "link", "parallel"),
            "", Set.of("model", "parallel", "importer.xml", "importer", "link", "gate", "report"));
    private static final Pattern REFERENCE = Pattern.compile("\\bwarden\\.(trace\\.)?([a-z][a-z.]*?)\\.[A-Z]");

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            packages.add(pkg);
            Matcher m = REFERENCE.matcher(Files.readString(f));
            while (m.find()) { // bounded by the file
                String used = m.group(1) != null ? m.group(2) : m.group(2).equals("trace") ? ""
                        : "warden." + m.group(2);
                if (!used.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(used)) {
                    wrong.add(MAIN.relativize(f) + " uses " + used);
                }
            }
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages, "every package has its layer");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPackageSaysWhatLivesThereAndTheBenchmarkIsNotInTheJar() throws IOException {
        for (Path f : sources()) {
            assertTrue(Files.isRegularFile(f.resolveSibling("package-info.java")), f.getParent().toString());
        }
        assertFalse(Files.exists(MAIN.resolve("bench")), "the benchmark lives in the test sources");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path f) {
        return MAIN.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
    }
}
