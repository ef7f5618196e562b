package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The identification chapter's table: product version, the commit it was built from (or
 * "unknown" when git or the repository is absent), whether the working tree was clean, the build
 * JVM and Maven, the compiler release, and the launch options the CLI uses.
 *
 * [impl->dsn~manual.identification~1]
 */
final class Identification {
    static final String UNKNOWN = "unknown";

    private Identification() {
    }

    /** @return the output of {@code git args} in dir, trimmed, or {@link #UNKNOWN} when git fails or is absent. */
    static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] outBytes = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return UNKNOWN;
            }
            String s = new String(outBytes, StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? s : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    static String table(Path root, String version, String maven, Map<String, String> props, String launch) {
        String hash = git(root, "rev-parse", "HEAD");
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        String tree = hash.equals(UNKNOWN) ? UNKNOWN : status.equals(UNKNOWN) ? UNKNOWN
                : status.isEmpty() ? "clean (identical to the commit)" : "modified: " + status.lines().count()
                + " tracked file(s) differ from the commit";
        Adoc.Table t = new Adoc.Table("Identification of this build", "1,3", "Property", "Value");
        t.row("Product", "Warden monitor kernel, emulated targets and evidence");
        t.row("Version", Adoc.code(version));
        t.row("Build commit (`git rev-parse HEAD`)", Adoc.code(hash));
        t.row("Working tree", Adoc.cell(tree));
        t.row("Generated at (UTC)", Adoc.cell(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        t.row("Build JVM", Adoc.cell(System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"));
        t.row("Build OS", Adoc.cell(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch")));
        t.row("Maven", Adoc.cell(maven == null || maven.isBlank() || maven.startsWith("${") ? UNKNOWN : maven));
        t.row("Compiler release (`maven.compiler.release`)",
                Adoc.cell(props.getOrDefault("maven.compiler.release", UNKNOWN)));
        t.row("Target JVM", Adoc.cell("Java SE " + props.getOrDefault("maven.compiler.release", UNKNOWN)
                + " class files; kernel module depends on java.base only"));
        t.row("CLI launch (from the `warden` script)", Adoc.code(launch));
        return t.toString();
    }

    /** @return document attributes for the title page: the build date and the commit ("unknown" without git). */
    static String attributes(Path root) {
        String hash = git(root, "rev-parse", "HEAD");
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
        return ":revdate: " + date + "\n:build-commit: " + hash + "\n:revremark: built from commit "
                + (hash.length() > 12 ? hash.substring(0, 12) : hash) + "\n";
    }

    /**
     * @return the {@code exec java …} line of the repository's {@code warden} launcher script with its base
     * {@code FLAGS=(…)} expanded (a {@code warden trace} adds more), or "unknown"
     *
     * [impl->dsn~manual.render-check~1]
     */
    static String launchLine(Path root) {
        Path f = root.resolve("warden");
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            String flags = "\"${FLAGS[@]}\"";
            for (String l : lines) {
                String t = l.trim();
                if (t.startsWith("FLAGS=(") && t.endsWith(")")) {
                    flags = t.substring("FLAGS=(".length(), t.length() - 1);
                } else if (t.startsWith("exec java")) {
                    return t.substring("exec ".length()).replace("\"${FLAGS[@]}\"", flags)
                            .replace("\"$JAR\"", "warden.jar").replace("\"$@\"", "…");
                }
            }
        } catch (IOException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }
}
