package warden.manual;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser of the browser check: headless Chromium, found on the {@code PATH} (or given), and
 * installed from Debian's {@code chromium} package with {@code apt-get} when it is missing. An
 * install that cannot happen (no {@code apt-get}, not root, no mirror) is an {@link IllegalStateException}
 * whose message says why and what to do; the check never skips itself for want of a browser.
 *
 * [impl->dsn~manual.browser-check~1]
 */
final class Chromium {
    /** The executables that are a Chromium, in the order they are looked for. */
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final long INSTALL_MINUTES = 20;
    private static final int TAIL_LINES = 15;

    private Chromium() {
    }

    /** @return the first of {@code names} that is an executable file in a directory of {@code path}, or null. */
    static Path find(List<String> names, String path) {
        if (path == null) {
            return null;
        }
        for (String n : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, n);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * @param given an executable named by the user (empty: look on the {@code PATH})
     * @param log where apt-get's output goes
     * @return the Chromium to run: the given one, one on the {@code PATH}, or the one apt-get installed
     * @throws IllegalStateException saying why there is none
     */
    static Path ensure(String given, Path log) {
        if (given != null && !given.isEmpty()) {
            Path p = Path.of(given);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("the browser " + given + " is not an executable file");
            }
            return p;
        }
        String path = System.getenv("PATH");
        Path found = find(NAMES, path);
        if (found != null) {
            return found;
        }
        Path aptGet = find(List.of("apt-get"), path);
        if (aptGet == null) {
            throw new IllegalStateException("no Chromium (" + String.join(", ", NAMES) + ") on the PATH and no apt-get "
                    + "to install Debian's chromium package: install Chromium or name it with --chromium FILE");
        }
        long t0 = System.nanoTime();
        System.out.println("browser-check: no Chromium on the PATH; installing Debian's chromium package with "
                + aptGet + " (output in " + log + ")");
        install(aptGet, log);
        found = find(NAMES, path + File.pathSeparator + "/usr/bin");
        if (found == null) {
            throw new IllegalStateException("apt-get installed the chromium package, but no " + String.join(", ", NAMES)
                    + " is on the PATH afterwards (see " + log + ")");
        }
        System.out.printf("browser-check: installed %s in %.0f s%n", found, (System.nanoTime() - t0) / 1e9);
        return found;
    }

    /**
     * Runs {@code apt-get update} and {@code apt-get install -y --no-install-recommends chromium}, both
     * non-interactive, appending their output to {@code log}.
     *
     * @throws IllegalStateException naming the step that failed, its exit code, the likely causes and
     *     the last lines of its output
     */
    static void install(Path aptGet, Path log) {
        run(List.of(aptGet.toString(), "-q", "update"), log);
        run(List.of(aptGet.toString(), "-q", "install", "-y", "--no-install-recommends", "chromium"), log);
    }

    private static void run(List<String> cmd, Path log) {
        String line = String.join(" ", cmd);
        int code;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("'" + line + "' did not finish within " + INSTALL_MINUTES
                        + " minutes (see " + log + ")");
            }
            code = p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + line + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + line + "'", e);
        }
        if (code != 0) {
            throw new IllegalStateException("'" + line + "' exited " + code + " while installing Chromium for the "
                    + "browser check (it needs root and Debian's mirrors; or install Chromium yourself, or name it "
                    + "with --chromium FILE); the last lines of " + log + ":\n" + tail(log));
        }
    }

    /**
     * {@code Chromium --version-file FILE [--work DIR]}: finds or installs Chromium before the manual
     * is generated, so the tool table can name the version the browser check then runs, and writes
     * its {@code --version} line to FILE. Exit 2 when there is no browser (saying why), as the check.
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length % 2 != 0 || !"--version-file".equals(args[0])
                || args.length == 4 && !"--work".equals(args[2]) || args.length > 4) {
            System.err.println("browser-check: usage: Chromium --version-file FILE [--work DIR]");
            System.exit(2);
            return;
        }
        Path work = Path.of(args.length == 4 ? args[3] : "target/browser-check").toAbsolutePath();
        try {
            Path chromium = ensure("", work.resolve("apt-get.log"));
            String v = version(chromium, work.resolve("version.log"));
            Path file = Path.of(args[1]).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, v + "\n", StandardCharsets.UTF_8);
            System.out.println("browser-check: " + chromium + ": " + v);
        } catch (IllegalStateException | IOException e) {
            System.err.println("browser-check: no browser for the browser check: " + e.getMessage());
            System.exit(2);
        }
    }

    /** @return the line with a version number that {@code chromium --version} prints ("Chromium 120.0.6099.224 ...") */
    static String version(Path chromium, Path log) throws IOException {
        Files.deleteIfExists(log);
        run(List.of(chromium.toString(), "--version"), log);
        // the line with a dotted version number: Debian's launcher script may print a shell warning first
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R")) {
            if (line.matches(".*\\b\\d+\\.\\d+\\.\\d+.*") && !line.contains(chromium + ":")) {
                return line.strip();
            }
        }
        throw new IllegalStateException(chromium + " --version printed no version number");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
            List<String> out = new ArrayList<>(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
            return "  " + String.join("\n  ", out);
        } catch (IOException e) {
            return "  (unreadable: " + e.getMessage() + ")";
        }
    }
}
