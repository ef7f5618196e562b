package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build files say: Maven properties, the version of every dependency and plugin (so the
 * tool table names the versions this build used), and the JVM options of the test executions.
 *
 * [impl->dsn~manual.tools~1]
 */
final class Poms {
    private static final Pattern PROPS = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL);
    private static final Pattern PROP = Pattern.compile("<([A-Za-z0-9_.-]+)>([^<]*)</\\1>");
    private static final Pattern ARTIFACT = Pattern.compile(
            "<artifactId>([^<]+)</artifactId>\\s*(?:<version>([^<]+)</version>)?", Pattern.DOTALL);
    private static final Pattern ARG_LINE = Pattern.compile("<argLine>([^<]+)</argLine>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    final Map<String, String> properties = new TreeMap<>();
    final Map<String, String> versions = new TreeMap<>();
    /** JVM options of test executions, by the pom (relative path) that sets them. */
    final Map<String, List<String>> argLines = new LinkedHashMap<>();

    static Poms read(Path root) throws IOException {
        Poms p = new Poms();
        List<Path> poms;
        try (Stream<Path> s = Files.walk(root, 4)) {
            poms = s.filter(f -> f.getFileName().toString().equals("pom.xml"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/src/"))
                    .sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path f : poms) {
            String text = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("");
            texts.add(text);
            Matcher m = PROPS.matcher(text);
            while (m.find()) {
                Matcher q = PROP.matcher(m.group(1));
                while (q.find()) {
                    p.properties.putIfAbsent(q.group(1), q.group(2).trim());
                }
            }
            Matcher a = ARG_LINE.matcher(text);
            while (a.find()) {
                p.argLines.computeIfAbsent(root.relativize(f).toString(), k -> new ArrayList<>())
                        .add(a.group(1).trim());
            }
        }
        for (String text : texts) {
            Matcher m = ARTIFACT.matcher(text);
            while (m.find()) {
                if (m.group(2) != null) {
                    p.versions.putIfAbsent(m.group(1), p.resolve(m.group(2).trim()));
                }
            }
        }
        return p;
    }

    /** @return the text with {@code ${property}} references replaced from the poms' properties. */
    String resolve(String v) {
        String out = v;
        for (int guard = 0; guard < 8 && out.contains("${"); guard++) { // bounded: nested properties
            int s = out.indexOf("${");
            int e = out.indexOf('}', s);
            if (e < 0) {
                break;
            }
            String key = out.substring(s + 2, e);
            String val = properties.get(key);
            if (val == null) {
                break;
            }
            out = out.substring(0, s) + val + out.substring(e + 1);
        }
        return out;
    }

    /** @return the version of the first artifact id that the build names, or "not in the build". */
    String version(String... artifactIds) {
        for (String a : artifactIds) {
            String v = versions.get(a);
            if (v != null) {
                return v;
            }
        }
        return "not in the build";
    }
}
