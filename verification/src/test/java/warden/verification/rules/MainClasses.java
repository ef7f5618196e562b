package warden.verification.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The production classes of every main module for the arrow rules, plus the sabotage classes of the test
 * tree ({@code warden.*.Sabotage*}). Verification's test classpath holds every module but the safety manual,
 * which is built after it (it reads verification's outputs): its main sources are compiled here, into
 * {@code verification/target/arrows/safety-manual}, against this classpath.
 */
final class MainClasses {
    /** The sabotage classes (and their targets): simple name starting with "Sabotage", in the test tree. */
    static final DescribedPredicate<JavaClass> SABOTAGE = DescribedPredicate.describe("a sabotage class",
            c -> c.getSimpleName().startsWith("Sabotage") && c.getSource().isPresent()
                    && c.getSource().get().getUri().toString().contains("/target/test-classes/"));

    private MainClasses() {
    }

    /** @return production classes of every main module and the sabotage classes (filter with SABOTAGE). */
    static JavaClasses withSabotage() {
        Set<Location> where = new HashSet<>(Locations.ofPackage("warden"));
        where.add(Location.of(manualClasses()));
        ImportOption productionOrSabotage = loc -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(loc)
                || loc.contains("/Sabotage") && loc.contains("/target/test-classes/");
        return new ClassFileImporter().withImportOption(productionOrSabotage).importLocations(where);
    }

    /** @return a directory holding the safety manual's main classes, compiled from its sources now. */
    static Path manualClasses() {
        Path src = Rules.root().resolve("safety-manual/src/main/java");
        Path out = Rules.root().resolve("verification/target/arrows/safety-manual");
        List<Path> files = JavaModel.javaFiles(src).stream()
                .filter(p -> !p.getFileName().toString().equals("module-info.java")).toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            clean(out);
            List<String> options = List.of("-proc:none", "-nowarn", "-Xlint:none", "--release", "17",
                    "-d", out.toString(), "-classpath", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(diagnostics, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            if (!ok || files.isEmpty()) {
                throw new AssertionError("the safety manual's sources (" + files.size() + " files in " + src
                        + ") do not compile against verification's test classpath:\n" + diagnostics);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
