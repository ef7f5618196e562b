package warden.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {
    private static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void theFirstExecutableChromiumOnThePathIsFound(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("chromium"), "not executable");
        Path chrome = script(b, "google-chrome", "exit 0");
        String path = a + File.pathSeparator + File.pathSeparator + b;
        assertEquals(chrome, Chromium.find(Chromium.NAMES, path));
        Path chromium = script(b, "chromium", "exit 0");
        assertEquals(chromium, Chromium.find(Chromium.NAMES, path));
        assertNull(Chromium.find(Chromium.NAMES, a.toString()));
        assertNull(Chromium.find(Chromium.NAMES, null));
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void anInstallThatFailsSaysWhyAndShowsAptGetsLastLines(@TempDir Path dir) throws IOException {
        Path aptGet = script(dir, "apt-get", "echo \"apt-get $*\"; echo 'E: Could not open lock file - are you root?'"
                + "; exit 100");
        Path log = dir.resolve("logs/apt-get.log");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chromium.install(aptGet, log));
        String m = e.getMessage();
        assertTrue(m.startsWith("'" + aptGet + " -q update' exited 100 while installing Chromium for the browser "
                + "check (it needs root and Debian's mirrors;"), m);
        assertTrue(m.endsWith("  apt-get -q update\n  E: Could not open lock file - are you root?"), m);
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void anInstallThatSucceedsRunsUpdateThenInstallNonInteractively(@TempDir Path dir) throws IOException {
        Path aptGet = script(dir, "apt-get", "echo \"$DEBIAN_FRONTEND apt-get $*\"");
        Path log = dir.resolve("apt-get.log");
        Chromium.install(aptGet, log);
        assertEquals(List.of("noninteractive apt-get -q update",
                "noninteractive apt-get -q install -y --no-install-recommends chromium"), Files.readAllLines(log));
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void aGivenBrowserThatIsNoExecutableIsRefused(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chromium.ensure(dir.resolve("nothing").toString(), dir.resolve("log")));
        assertEquals("the browser " + dir.resolve("nothing") + " is not an executable file", e.getMessage());
    }

    // [utest->dsn~manual.browser-check~1]
    @Test
    void theVersionIsTheFirstLineWithAVersionNumberAndNoneIsAnError(@TempDir Path dir) throws IOException {
        Path c = script(dir, "chromium", "echo \"$0: 9: [: 25276182528: unexpected operator\" >&2; "
                + "echo 'Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.8'; echo second 1.2.3");
        assertEquals("Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.8",
                Chromium.version(c, dir.resolve("v.log")));
        Path silent = script(dir, "silent", "exit 0");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chromium.version(silent, dir.resolve("s.log")));
        assertEquals(silent + " --version printed no version number", e.getMessage());
        Path failing = script(dir, "failing", "echo broken; exit 3");
        assertThrows(IllegalStateException.class, () -> Chromium.version(failing, dir.resolve("f.log")));
    }
}
