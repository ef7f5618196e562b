package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manual reads the other modules' outputs as files and uses none of their code: its POM
 * declares every Warden module either for build order only ({@code <type>pom</type>}) or at
 * runtime scope for a tool an execution runs (the trace gate), and its sources import nothing of
 * Warden outside {@code warden.manual}.
 */
class FilesOnlyTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?(warden\\.[\\w.]+)",
            Pattern.MULTILINE);

    /** @return each Warden dependency of {@code pom} that puts a module's code on the compile class path. */
    static List<String> codeDependencies(String pom) {
        List<String> out = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(pom);
        while (m.find()) {
            String d = m.group(1);
            boolean warden = d.contains("<groupId>dev.warden</groupId>");
            boolean orderOnly = d.contains("<type>pom</type>");
            boolean toolOnly = d.contains("<scope>runtime</scope>");
            if (warden && !orderOnly && !toolOnly) {
                out.add(d.replaceAll("\\s+", " ").strip());
            }
        }
        return out;
    }

    // [utest->dsn~manual.generate~1]
    @Test
    void thePomPutsNoWardenCodeOnTheCompileClassPath() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertEquals(List.of(), codeDependencies(pom));
        String sabotaged = pom.replaceFirst("<dependencies>", "<dependencies><dependency><groupId>dev.warden</groupId>"
                + "<artifactId>launcher</artifactId></dependency>");
        assertEquals(1, codeDependencies(sabotaged).size());
    }

    // [utest->dsn~manual.generate~1]
    @Test
    void theSourcesImportNothingOfWardenButTheManual() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(2).startsWith("warden.manual.")) {
                        foreign.add(f + ": " + m.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), foreign);
    }
}
