package warden.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WardenCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // [utest->dsn~campaign.cli~1]
    @Test
    void shardsRunAndMergeIntoOneReportWithProgressOnStderr(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path all = dir.resolve("all.json");
        Path svg = dir.resolve("c.svg");
        String[] r0 = run("campaign", "--faults", "12", "--for", "150ms", "--seed", "3", "--shard", "0/2", "--json",
                a.toString());
        assertEquals("0", r0[0], r0[2]);
        assertTrue(r0[2].contains("campaign: 6/6 runs"), r0[2]);
        assertEquals("0", run("campaign", "--faults", "12", "--for", "150ms", "--seed", "3", "--shard", "1/2",
                "--json", b.toString())[0]);
        String[] m = run("campaign", "--merge", a.toString(), b.toString(), "--json", all.toString(), "--svg",
                svg.toString());
        assertEquals("0", m[0], m[2]);
        assertTrue(m[1].contains("12 runs of 150.000 ms"), m[1]);
        assertTrue(m[1].contains("fault model"), m[1]);
        assertTrue(m[1].matches("(?s).*\\n  hang +0 +0 +0 +0 +- .*"),
                "a model that was not injected has no coverage figure: " + m[1]);
        assertTrue(m[1].matches("(?s).*\\n  [a-z-]+ +[1-9][0-9]* +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+\\.[0-9]% .*"),
                "an injected one has: " + m[1]);
        assertTrue(Files.readString(all).contains("\"faults\": 12"));
        assertTrue(Files.readString(svg).startsWith("<svg"));
        String[] whole = run("campaign", "--faults", "12", "--for", "150ms", "--seed", "3");
        assertEquals(whole[1].substring(whole[1].indexOf("fault model")), m[1].substring(m[1].indexOf("fault model")),
                "the merged shards say what one campaign says");
    }

    // [utest->dsn~campaign.cli~1]
    @Test
    void badCampaignOptionsAreRefusedWithExitTwo(@TempDir Path dir) throws Exception {
        assertTrue(run("campaign", "--shard", "2/2")[2].contains("is not I/N"));
        assertEquals("2", run("campaign", "--faults", "0")[0]);
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"schema\": 1");
        String[] r = run("campaign", "--merge", junk.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("invalid JSON"), r[2]);
        assertTrue(run("campaign", "--merge", dir.resolve("none.json").toString())[2].contains("cannot read"));
    }
}
