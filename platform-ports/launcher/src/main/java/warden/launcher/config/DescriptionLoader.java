package warden.launcher.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a system description from YAML. The loader is strict (an unknown key, a duplicate key or a
 * value of the wrong type anywhere is an error), bounded (1 MiB of input, few aliases, shallow
 * nesting, one document) and total: it never throws, it returns a {@link LoadResult} holding either
 * the description, with every default applied, or the problems, each located at file:line:column
 * and a field path.
 *
 * [impl->dsn~config.loader-total~1]
 */
public final class DescriptionLoader {
    /** Largest accepted input, in bytes (and code points). */
    public static final int MAX_BYTES = 1 << 20;
    /** Largest number of aliases to collections; keeps "billion laughs" documents small. */
    public static final int MAX_COLLECTION_ALIASES = 8;
    static final int MAX_NESTING = 16;

    private DescriptionLoader() {
    }

    /**
     * Reads and loads a file (UTF-8, at most {@link #MAX_BYTES}). A directory, a missing or an
     * unreadable file is a problem that says so; a file over the limit is refused at the line and
     * column where it passes the limit.
     */
    // [impl->dsn~config.input-limits~2]
    public static LoadResult load(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                return fail(name, 1, 1, name + " is a directory: expected a system description file (YAML)");
            }
            if (!Files.exists(file)) {
                return fail(name, 1, 1, "no such file: " + name);
            }
            if (Files.size(file) > MAX_BYTES) {
                byte[] head;
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(MAX_BYTES + 1);
                }
                return tooLarge(name, head, "bytes");
            }
            return decodeAndParse(Files.readAllBytes(file), name, file.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            return fail(name, 1, 1, "cannot read file: " + e);
        }
    }

    /** The size refusal, at the line and column of the first byte (or character) past the limit. */
    private static LoadResult tooLarge(String name, byte[] head, String unit) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < MAX_BYTES && i < head.length; i++) { // bounded by MAX_BYTES
            if (head[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return fail(name, line, MAX_BYTES - lineStart + 1, "file is larger than " + MAX_BYTES + " " + unit
                + ": a description holds at most 1 MiB, and this is where it passes the limit");
    }

    /** Loads a description from bytes that must be UTF-8. */
    public static LoadResult decodeAndParse(byte[] bytes, String sourceName) {
        return decodeAndParse(bytes, sourceName, null);
    }

    /** Loads a description from UTF-8 bytes; relative file names in it resolve against {@code baseDir}. */
    public static LoadResult decodeAndParse(byte[] bytes, String sourceName, Path baseDir) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            return notUtf8(bytes, in.position(), sourceName);
        }
        dec.flush(out);
        return parse(out.flip().toString(), sourceName, baseDir);
    }

    private static LoadResult notUtf8(byte[] bytes, int offset, String sourceName) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return fail(sourceName, line, offset - lineStart + 1,
                "file is not valid UTF-8 (bad byte at offset " + offset + ")");
    }

    /** Loads a description from text; {@code sourceName} names it in problems. */
    public static LoadResult parse(String text, String sourceName) {
        return parse(text, sourceName, null);
    }

    /** Loads a description from text; relative file names in it resolve against {@code baseDir}. */
    public static LoadResult parse(String text, String sourceName, Path baseDir) {
        try {
            return parseChecked(text, sourceName, baseDir);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return m == null ? fail(sourceName, 1, 1, "YAML error: " + what)
                    : fail(sourceName, m.getLine() + 1, m.getColumn() + 1, "YAML error: " + what);
        } catch (YAMLException e) {
            return fail(sourceName, 1, 1, "YAML error: " + e.getMessage());
        } catch (RuntimeException e) {
            return fail(sourceName, 1, 1, "internal error while loading: " + e);
        }
    }

    // [impl->dsn~config.input-limits~2]
    private static LoadResult parseChecked(String text, String sourceName, Path baseDir) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.length() > MAX_BYTES) {
            return tooLarge(sourceName, t.substring(0, MAX_BYTES + 1).getBytes(StandardCharsets.ISO_8859_1),
                    "characters");
        }
        Problem limit = YamlLimits.check(t, sourceName, options());
        if (limit != null) {
            return LoadResult.failed(List.of(limit));
        }
        Iterator<Node> docs = new Yaml(options()).composeAll(new StringReader(t)).iterator();
        if (!docs.hasNext()) {
            return fail(sourceName, 1, 1, "file is empty: expected a system description");
        }
        Node root = docs.next();
        if (docs.hasNext()) {
            Node second = docs.next();
            int line = second == null ? 1 : second.getStartMark().getLine() + 1;
            return fail(sourceName, line, 1,
                    "file holds more than one YAML document: expected exactly one");
        }
        Nodes nodes = new Nodes(sourceName, baseDir);
        SystemDescription d = new SystemReader(nodes).read(root);
        return nodes.problems().isEmpty() && d != null ? LoadResult.of(d)
                : LoadResult.failed(nodes.problems());
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_NESTING);
        o.setCodePointLimit(MAX_BYTES);
        o.setProcessComments(false);
        return o;
    }

    private static LoadResult fail(String file, int line, int column, String message) {
        return LoadResult.failed(List.of(new Problem(file, line, column, "", message)));
    }
}
