package warden.manual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the rendered HTML manual for text that shows a rendering fault rather than what its source
 * meant: a literal {@code {plus}}, {@code (C)} turned into ©, {@code <=} or {@code =>} turned into
 * ⇐ or ⇒, {@code ->} turned into → in code or between words, an unexpanded {@code ${...}} anywhere
 * or {@code $VAR} in prose, an unresolved attribute {@code {name}} in prose, and "inherited" in a
 * table column headed ASIL. {@code RenderCheck --html FILE}: each finding names the section and the
 * text; exit 1 on any, 2 on a file it cannot read. The PDF has its own
 * check, {@link PdfCheck}.
 *
 * [impl->dsn~manual.render-check~1]
 */
public final class RenderCheck {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<!--.*?-->",
            Pattern.DOTALL);
    private static final Set<String> CODE = Set.of("code", "pre", "kbd", "samp");
    private static final Pattern SHELL_BRACED = Pattern.compile("\\$\\{[^}\\s]*\\}?");
    private static final Pattern SHELL_VAR = Pattern.compile("\\$[A-Z_][A-Z0-9_]+\\b");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{[a-z0-9_][a-z0-9_-]*\\}");

    /** One table being read: the columns whose header names the ASIL, and the current row's column. */
    private static final class Table {
        final Set<Integer> asil = new HashSet<>();
        int column = -1;
        boolean header;
    }

    private final String page;
    private final List<String> findings = new ArrayList<>();
    private final Deque<Table> tables = new ArrayDeque<>();
    private String section = "(before the first heading)";
    private StringBuilder heading;
    private StringBuilder cell;
    private int code;

    private RenderCheck(String page) {
        this.page = page;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--html")) {
            System.err.println("render-check: usage: RenderCheck --html FILE");
            System.exit(2);
            return;
        }
        Path f = Path.of(args[1]);
        String html;
        try {
            html = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("render-check: cannot read " + f + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> found = check(f.getFileName().toString(), html);
        for (String s : found) {
            System.err.println(s);
        }
        if (!found.isEmpty()) {
            System.err.println("render-check: " + found.size() + " rendering fault(s) in " + f);
            System.exit(1);
            return;
        }
        System.out.println("render-check: " + f + " shows no rendering fault (the PDF has its own check, "
                + "PdfCheck)");
    }

    /** @return the findings in the HTML text of {@code page}, each {@code page: section "…": what: "text"}. */
    static List<String> check(String page, String html) {
        RenderCheck c = new RenderCheck(page);
        int body = html.indexOf("<body");
        String s = body < 0 ? html : html.substring(body);
        Matcher m = TAG.matcher(s);
        int at = 0;
        while (m.find()) { // bounded by the document
            c.text(decode(s.substring(at, m.start())));
            if (m.group(2) != null) {
                String name = m.group(2).toLowerCase(Locale.ROOT);
                if (name.equals("script") || name.equals("style")) {
                    int end = s.indexOf("</" + name, m.end());
                    at = end < 0 ? s.length() : end;
                    m.region(at, s.length()); // nothing inside is text or a tag
                    continue;
                }
                c.tag(name, m.group(1).isEmpty());
            }
            at = m.end();
        }
        c.text(decode(s.substring(Math.min(at, s.length()))));
        return c.findings;
    }

    private void tag(String name, boolean open) {
        if (CODE.contains(name)) {
            code += open ? 1 : -1;
        } else if (name.matches("h[1-6]")) {
            if (open) {
                heading = new StringBuilder();
            } else if (heading != null) {
                section = heading.toString().trim().replaceAll("\\s+", " ");
                heading = null;
            }
        } else if (name.equals("table")) {
            if (open) {
                tables.push(new Table());
            } else if (!tables.isEmpty()) {
                tables.pop();
            }
        } else if (!tables.isEmpty()) {
            tableTag(tables.peek(), name, open);
        }
    }

    private void tableTag(Table t, String name, boolean open) {
        if (name.equals("tr") && open) {
            t.column = -1;
        } else if (name.equals("thead") || name.equals("tbody")) {
            t.header = open && name.equals("thead");
        } else if (name.equals("th") || name.equals("td")) {
            if (open) {
                t.column++;
                cell = new StringBuilder();
            } else if (cell != null) {
                String text = cell.toString();
                if ((t.header || name.equals("th")) && text.contains("ASIL")) {
                    t.asil.add(t.column);
                } else if (!t.header && t.asil.contains(t.column)
                        && text.toLowerCase(Locale.ROOT).contains("inherited")) {
                    find("\"inherited\" in an ASIL column instead of the level", text);
                }
                cell = null;
            }
        }
    }

    private void text(String t) {
        if (t.isEmpty()) {
            return;
        }
        if (heading != null) {
            heading.append(t);
        }
        if (cell != null) {
            cell.append(t);
        }
        if (t.contains("{plus}")) {
            find("literal {plus}", t);
        }
        for (String sym : new String[] {"©", "®", "™"}) {
            if (t.contains(sym)) {
                find("(C), (R) or (TM) rendered as a symbol (" + sym + ")", t);
            }
        }
        if (t.contains("⇐") || t.contains("⇒")) {
            find("<= or => rendered as an arrow", t);
        }
        arrows(t);
        if (SHELL_BRACED.matcher(t).find() || code == 0 && SHELL_VAR.matcher(t).find()) {
            find("unexpanded shell variable", t);
        }
        if (code == 0 && ATTRIBUTE.matcher(t).find()) {
            find("unresolved attribute reference", t);
        }
    }

    /** An arrow → or ← in code, or glued to the text on either side, was -> or <- in the source. */
    private void arrows(String t) {
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch != '→' && ch != '←') {
                continue;
            }
            boolean glued = i > 0 && !Character.isWhitespace(t.charAt(i - 1)) && t.charAt(i - 1) != '('
                    || i + 1 < t.length() && !Character.isWhitespace(t.charAt(i + 1)) && t.charAt(i + 1) != ')';
            if (code > 0 || glued) {
                find("-> or <- rendered as an arrow where code was meant", t);
                return;
            }
        }
    }

    private void find(String what, String text) {
        String t = text.trim().replaceAll("\\s+", " ");
        findings.add(page + ": section \"" + section + "\": " + what + ": \""
                + (t.length() > 120 ? t.substring(0, 117) + "..." : t) + "\"");
    }

    /** @return the text with HTML's character references replaced by their characters. */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").matcher(s);
        int at = 0;
        while (m.find()) {
            b.append(s, at, m.start());
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                case "copy" -> "©";
                case "reg" -> "®";
                case "rarr" -> "→";
                case "larr" -> "←";
                case "rArr" -> "⇒";
                case "lArr" -> "⇐";
                default -> number(e, m.group());
            };
            b.append(r);
            at = m.end();
        }
        return b.append(s.substring(at)).toString();
    }

    /** @return the character of a numeric reference ({@code #65}, {@code #x41}), or {@code raw} when it is none. */
    private static String number(String e, String raw) {
        try {
            if (e.startsWith("#x") || e.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            }
            return e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : raw;
        } catch (IllegalArgumentException ex) { // too large for a code point
            return raw;
        }
    }
}
