package warden.trace.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import warden.trace.model.Ids;

/**
 * The hand-written line, id, tag and test-name matchers against the regular expressions they
 * replace, on seeded random inputs (the XML scanner: XmlScannerTest).
 */
class FastMatchersTest {
    // [utest->dsn~trace.fast-readers~1]
    @Test
    void theLineAndIdMatchersAreTheirRegularExpressions() {
        Pattern bullet = Pattern.compile("^\\s*[*+-]\\s+(.*)$");
        String alphabet = "#`~ \t*+-:aZ9_.\u2028\u000b";
        List<String> words = List.of("Needs", "Covers", "Tags", "Status", "dsn", "req", "~1", "`");
        Random random = new Random(7);
        for (int round = 0; round < 20000; round++) { // bounded: seeded random lines
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) { // a dozen pieces at most
                b.append(random.nextInt(4) == 0 ? words.get(random.nextInt(words.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String line = b.toString();
            assertEquals(group(bullet, line, 1), SpecLines.bullet(line), line);
            assertEquals(Ids.PATTERN.matcher(line).matches(), Ids.valid(line), line);
        }
        String breaks = "ab\n\r";
        for (int round = 0; round < 2000; round++) { // bounded: seeded random texts
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) { // ten characters at most
                b.append(breaks.charAt(random.nextInt(breaks.length())));
            }
            String text = b.toString();
            assertEquals(new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList(),
                    SpecLines.lines(text), text);
        }
    }

    private static String group(Pattern p, String s, int g) {
        Matcher m = p.matcher(s);
        return m.matches() ? m.group(g) : null;
    }

    // [utest->dsn~trace.fast-readers~1]
    @Test
    void theTagMatcherFindsWhatTheTagRegularExpressionFinds() {
        Pattern tag = Pattern.compile("\\[\\s*([a-z][a-zA-Z0-9]*)\\s*-" + ">\\s*" + Ids.ID + "\\s*(?:>>[^\\]]*)?\\]");
        // A well-formed tag as pieces; each text drops or replaces some of them, or repeats one.
        List<String> template = List.of("x ", "[", " ", "impl", "\t", "-", ">", " ", "dsn", "~", "a.b-c_1", "~", "12",
                " ", ">>", " note ", "]", " y");
        List<String> noise = List.of("[", "]", "-", ">", "->", ">>", " ", "\n", "utest", "X", "~", "9", ".", "");
        Random random = new Random(11);
        int found = 0;
        for (int round = 0; round < 20000; round++) { // bounded: seeded random texts
            StringBuilder b = new StringBuilder();
            for (int copy = 0; copy < 1 + random.nextInt(2); copy++) { // one or two tags
                for (String piece : template) {
                    int dice = random.nextInt(20);
                    b.append(dice == 0 ? "" : dice == 1 ? noise.get(random.nextInt(noise.size()))
                            : dice == 2 ? piece + piece : piece);
                }
            }
            String text = b.toString();
            List<String> expected = new ArrayList<>();
            Matcher m = tag.matcher(text);
            while (m.find()) { // bounded by the text
                expected.add(m.start() + " " + m.group(1) + " " + m.group(2) + "~" + m.group(3) + "~" + m.group(4));
            }
            List<String> actual = new ArrayList<>();
            for (int i = text.indexOf('['); i >= 0; ) { // bounded by the text
                int[] t = SourceFile.tagAt(text, i, text.length());
                if (t == null) {
                    i = text.indexOf('[', i + 1);
                } else {
                    actual.add(i + " " + text.substring(t[0], t[1]) + " " + text.substring(t[2], t[3]));
                    i = text.indexOf('[', t[4]);
                }
            }
            assertEquals(expected, actual, text);
            found += expected.size();
        }
        assertTrue(found > 50, "too few tags among the random texts: " + found);
    }

    // [utest->dsn~trace.fast-readers~1]
    @Test
    void pitTestNamesAreKeyedAsTheirRegularExpressionsKeyedThem() {
        Pattern cls = Pattern.compile("\\[(?:class|nested-class):([^\\]]+)\\]");
        Pattern method = Pattern.compile("\\[(?:method|property|test-template|test-factory|example):([^\\]\\(]+)");
        List<String> pieces = List.of("[class:", "[nested-class:", "[method:", "[property:", "[example:",
                "[test-template:", "[engine:junit]", "]", "(", ")", "/", "a.T", "m", ".", "In", "[");
        Random random = new Random(5);
        for (int round = 0; round < 20000; round++) { // bounded: seeded random names
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) { // ten pieces at most
                b.append(pieces.get(random.nextInt(pieces.size())));
            }
            String name = b.toString();
            assertEquals(referenceKey(cls, method, name), MutationReader.testKey(name), name);
        }
        assertFalse(MutationReader.testKey("a.T.[engine:x]/[class:a.T]/[method:m()]").isEmpty());
    }

    /** The test-name keying as it was written with regular expressions. */
    private static String referenceKey(Pattern cls, Pattern method, String name) {
        Matcher c = cls.matcher(name);
        String found = null;
        while (c.find()) { // bounded by the name
            found = found == null ? c.group(1) : found + "$" + c.group(1);
        }
        Matcher m = method.matcher(name);
        if (found != null) {
            return m.find() ? found + "#" + m.group(1) : null;
        }
        int paren = name.indexOf('(');
        String head = paren < 0 ? name : name.substring(0, paren);
        int dot = head.lastIndexOf('.');
        return dot <= 0 ? null : head.substring(0, dot) + "#" + head.substring(dot + 1);
    }
}
