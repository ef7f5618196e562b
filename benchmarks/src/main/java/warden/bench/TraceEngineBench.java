package warden.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import warden.trace.TraceEngine;
import warden.trace.link.Trace;
import warden.trace.model.TraceConfig;

/**
 * The trace engine on a generated repository of {@code items} spec items (default 20,000) in a
 * temporary directory: one safety goal per 20 items, one requirement per 5, the rest design items,
 * each design item implemented and tested by a tagged method. A whole trace (scan, parse, link,
 * coverage) per operation, in milliseconds; the tree is deleted after the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceEngineBench {
    private static final int ITEMS_PER_FILE = 250;
    private static final int METHODS_PER_CLASS = 20;

    @Param({"20000"})
    public int items;

    private Path root;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        root = Files.createTempDirectory("warden-trace-bench");
        Path spec = Files.createDirectories(root.resolve("requirements"));
        Path main = Files.createDirectories(root.resolve("mod/src/main/java/gen"));
        Path test = Files.createDirectories(root.resolve("mod/src/test/java/gen"));
        int goals = Math.max(1, items / 20);
        int reqs = Math.max(1, items / 5);
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < items; i++) {
            if (i < goals) {
                md.append("### Goal ").append(i).append("\n`sg~goal").append(i).append("~1`\n\nStays safe.\n\n")
                        .append("Tags: ASIL-B\n\nNeeds: req\n\n");
            } else if (i < goals + reqs) {
                md.append("### Req ").append(i).append("\n`req~req").append(i).append("~1`\n\nDoes it.\n\n")
                        .append("Covers:\n* `sg~goal").append(i % goals).append("~1`\n\nNeeds: dsn\n\n");
            } else {
                md.append("### Design ").append(i).append("\n`dsn~design").append(i).append("~1`\n\nThus.\n\n")
                        .append("Covers:\n* `req~req").append(goals + i % reqs).append("~1`\n\nNeeds: impl, utest\n\n");
            }
            if ((i + 1) % ITEMS_PER_FILE == 0 || i == items - 1) {
                write(spec.resolve("gen" + i / ITEMS_PER_FILE + ".md"), md);
            }
        }
        sources(main, test, goals + reqs);
    }

    private void sources(Path main, Path test, int firstDesign) throws IOException {
        StringBuilder src = new StringBuilder();
        StringBuilder tst = new StringBuilder();
        for (int i = firstDesign, k = 0; i < items; i++, k++) {
            String id = "dsn~design" + i + "~1";
            src.append("    /** [impl-").append(">").append(id).append("] */\n    int m").append(i)
                    .append("() {\n        return ").append(i).append(";\n    }\n");
            tst.append("    // [utest-").append(">").append(id).append("]\n    void t").append(i)
                    .append("() {\n    }\n");
            if ((k + 1) % METHODS_PER_CLASS == 0 || i == items - 1) {
                int c = k / METHODS_PER_CLASS;
                write(main.resolve("G" + c + ".java"), src.insert(0, "package gen;\n\nfinal class G" + c + " {\n")
                        .append("}\n"));
                write(test.resolve("G" + c + "Test.java"), tst.insert(0, "package gen;\n\nclass G" + c + "Test {\n")
                        .append("}\n"));
            }
        }
    }

    private static void write(Path p, StringBuilder text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
        text.setLength(0);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** @return the trace (consumed by JMH). */
    @Benchmark
    public Trace trace() throws IOException {
        return TraceEngine.run(root, TraceConfig.defaults());
    }
}
