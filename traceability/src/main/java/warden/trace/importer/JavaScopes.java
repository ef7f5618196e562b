package warden.trace.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import warden.trace.importer.JavaLexer.Token;

/**
 * The classes and methods of one Java source file by line ranges, so that a tag can be given the
 * declaration it annotates (see {@link #annotated}) and a line of bytecode (a mutant, a covered
 * line) can be given the requirements whose tags are in scope there.
 *
 * [impl->dsn~trace.tags.scope~2]
 */
public final class JavaScopes {
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "do", "else", "return", "new", "throw", "case", "default");

    /** What {@link #annotated} returns for a tag that annotates no class or method. */
    public static final int NONE = -1;

    private final String pkg;
    private final List<Scope> scopes;
    private final List<Token> tokens;
    private final List<JavaLexer.Comment> comments;
    /** Brace blocks that are not class or method bodies (initializers, lambdas in fields): open, close. */
    private final List<int[]> blocks;

    private JavaScopes(String pkg, Parser p, JavaLexer.Lexed lexed) {
        this.pkg = pkg;
        this.scopes = p.out;
        this.blocks = p.blocks;
        this.tokens = lexed.tokens();
        this.comments = lexed.comments();
    }

    /** @return the scopes of the given source text. */
    public static JavaScopes parse(String source) {
        JavaLexer.Lexed lexed = JavaLexer.lex(source);
        Parser p = new Parser(lexed.tokens());
        p.run();
        return new JavaScopes(packageOf(lexed.tokens()), p, lexed);
    }

    /**
     * The class or method a tag at offset {@code o} annotates. Inside a method's body: that method.
     * Inside an initializer block of a class: that class. Elsewhere the tag must stand in a leading
     * comment of a declaration: the comment starts its line, and it is followed by the declaration of
     * a class or method (its first annotation or modifier) with only comments between, each starting
     * on the line where the one before ends or on the next (no blank line), and with no further
     * documentation comment after a tag's own documentation comment (a declaration has one: the last).
     * A comment trailing the opening brace of a class or method annotates that class or method.
     *
     * @return the scope index, or {@link #NONE} when the tag annotates nothing (an orphan)
     */
    public int annotated(int o) {
        int body = innermostBody(o);
        if (body >= 0 && (scopes.get(body).kind() == Scope.Kind.METHOD || inBlock(o, body))) {
            return body;
        }
        int c = commentAt(o);
        if (c < 0) {
            return NONE;
        }
        JavaLexer.Comment own = comments.get(c);
        int next = tokenAfter(own.end());
        if (own.trailing()) {
            return next > 0 ? scopeOpenedAt(next - 1) : NONE;
        }
        int last = c;
        while (last + 1 < comments.size()) { // bounded by the comments
            JavaLexer.Comment a = comments.get(last);
            JavaLexer.Comment b = comments.get(last + 1);
            boolean adjacent = b.line() <= a.endLine() + 1 && (next < 0 || tokens.get(next).offset() > b.start());
            if (!adjacent) {
                break;
            }
            if (own.doc() && b.doc()) {
                return NONE;
            }
            last++;
        }
        if (next < 0 || tokens.get(next).line() > comments.get(last).endLine() + 1) {
            return NONE;
        }
        return scopeStartingAt(tokens.get(next).offset());
    }

    /** @return a short reason why the tag at offset o annotates nothing (for the finding). */
    public String orphanReason(int o) {
        int c = commentAt(o);
        if (c < 0) {
            return "it stands outside any comment and any method";
        }
        if (comments.get(c).trailing()) {
            return "it trails a line of code that is not a class or method declaration";
        }
        return "its comment is not directly above a class or method declaration (a blank line, another"
                + " documentation comment, a field or the end of a class follows it)";
    }

    private int innermostBody(int o) {
        int best = -1;
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            if (scopes.get(i).inBody(o) && (best < 0 || scopes.get(i).open() > scopes.get(best).open())) {
                best = i;
            }
        }
        return best;
    }

    /** @return true when offset o lies in a non-member block directly or indirectly inside class scope s. */
    private boolean inBlock(int o, int s) {
        for (int[] b : blocks) { // bounded by the file's blocks
            if (o > b[0] && o < b[1] && b[0] > scopes.get(s).open()) {
                return true;
            }
        }
        return false;
    }

    private int commentAt(int o) {
        int lo = 0;
        int hi = comments.size() - 1;
        while (lo <= hi) { // binary search: bounded by log2 of the comments
            int mid = (lo + hi) >>> 1;
            JavaLexer.Comment c = comments.get(mid);
            if (o < c.start()) {
                hi = mid - 1;
            } else if (o >= c.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** @return the index of the first token at or after offset o, or -1. */
    private int tokenAfter(int o) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) { // binary search: bounded by log2 of the tokens
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).offset() < o) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < tokens.size() ? lo : -1;
    }

    private int scopeStartingAt(int offset) {
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            if (scopes.get(i).first() == offset) {
                return i;
            }
        }
        return NONE;
    }

    private int scopeOpenedAt(int token) {
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            if (scopes.get(i).open() == tokens.get(token).offset()) {
                return i;
            }
        }
        return NONE;
    }

    /** @return the package name, empty for the default package. */
    public String packageName() {
        return pkg;
    }

    /** @return every class and method, in order of their opening brace. */
    public List<Scope> scopes() {
        return scopes;
    }

    /** @return the binary class name of a class scope, or of the class around a method scope. */
    public String className(int scope) {
        Scope s = scopes.get(scope);
        while (s.kind() == Scope.Kind.METHOD && s.parent() >= 0) { // bounded by the nesting depth
            s = scopes.get(s.parent());
        }
        return pkg.isEmpty() ? s.name() : pkg + "." + s.name();
    }

    /** @return the innermost scope whose declaration..closing brace spans line n, or -1. */
    public int codeScope(int n) {
        int best = -1;
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            if (scopes.get(i).spans(n) && (best < 0 || scopes.get(i).declLine() >= scopes.get(best).declLine())) {
                best = i;
            }
        }
        return best;
    }

    private static String packageOf(List<Token> t) {
        for (int i = 0; i + 1 < t.size(); i++) { // bounded by the tokens
            if (t.get(i).is("package")) {
                StringBuilder b = new StringBuilder();
                for (int k = i + 1; k < t.size() && !t.get(k).is(";"); k++) { // bounded
                    b.append(t.get(k).text());
                }
                return b.toString();
            }
            if (t.get(i).is("class") || t.get(i).is("interface")) {
                break;
            }
        }
        return "";
    }

    /** Brace-matching over the tokens; one frame per open brace. */
    private static final class Parser {
        private record Frame(int scope, boolean classBody, String className) {
        }

        private final List<Token> t;
        private final List<Scope> out = new ArrayList<>();
        private final List<int[]> blocks = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Deque<Integer> opens = new ArrayDeque<>();
        private int stmtStart;
        private int boundaryLine;
        /** Parentheses open: braces and semicolons inside them (array values of annotations, lambdas in
         *  arguments) neither open a member nor end a statement. */
        private int parens;

        Parser(List<Token> t) {
            this.t = t;
        }

        void run() {
            for (int i = 0; i < t.size(); i++) { // bounded by the tokens
                Token k = t.get(i);
                if (k.is("(")) {
                    parens++;
                    continue;
                } else if (k.is(")")) {
                    parens = Math.max(0, parens - 1);
                    continue;
                } else if (parens > 0) {
                    continue;
                } else if (k.is("{")) {
                    open(i);
                } else if (k.is("}")) {
                    close(k);
                } else if (k.is(";")) {
                    stmtStart = i + 1;
                    boundaryLine = k.line();
                } else {
                    continue;
                }
                stmtStart = i + 1;
                boundaryLine = k.line();
            }
        }

        private void open(int i) {
            Frame top = stack.peek();
            boolean classLevel = top == null || top.classBody();
            int kw = typeKeyword(i);
            int firstLine = stmtStart < i ? t.get(stmtStart).line() : t.get(i).line();
            int own = Math.min(boundaryLine + 1, firstLine);
            int parent = top == null ? -1 : top.scope() >= 0 ? top.scope() : enclosing();
            int first = t.get(Math.min(stmtStart, i)).offset();
            int open = t.get(i).offset();
            opens.push(open);
            if (kw >= 0 && kw + 1 < i) {
                String outer = enclosingClass();
                String name = outer == null ? t.get(kw + 1).text() : outer + "$" + t.get(kw + 1).text();
                out.add(new Scope(Scope.Kind.CLASS, name, own, firstLine, -1, parent, first, open, -1));
                stack.push(new Frame(out.size() - 1, true, name));
            } else if (classLevel && top != null && methodName(i, top.className()) != null) {
                out.add(new Scope(Scope.Kind.METHOD, methodName(i, top.className()), own, firstLine, -1, parent,
                        first, open, -1));
                stack.push(new Frame(out.size() - 1, false, null));
            } else {
                stack.push(new Frame(-1, false, null));
            }
        }

        private void close(Token k) {
            Frame f = stack.poll();
            Integer open = opens.poll();
            if (f != null && f.scope() >= 0) {
                Scope s = out.get(f.scope());
                out.set(f.scope(), new Scope(s.kind(), s.name(), s.ownStart(), s.declLine(), k.line(), s.parent(),
                        s.first(), s.open(), k.offset()));
            } else if (f != null && open != null) {
                blocks.add(new int[] {open, k.offset()});
            }
        }

        private int enclosing() {
            for (Frame f : stack) {
                if (f.scope() >= 0) {
                    return f.scope();
                }
            }
            return -1;
        }

        private String enclosingClass() {
            for (Frame f : stack) {
                if (f.className() != null) {
                    return f.className();
                }
            }
            return null;
        }

        private int typeKeyword(int end) {
            for (int k = stmtStart; k < end; k = next(k, end)) { // bounded by the statement
                if (TYPE_KEYWORDS.contains(t.get(k).text()) && (k == 0 || !t.get(k - 1).is("."))
                        && k + 1 < end && t.get(k + 1).ident()) {
                    return k;
                }
                if (t.get(k).is("=") || t.get(k).is("new")) {
                    return -1;
                }
            }
            return -1;
        }

        /** @return the index after token k, skipping a whole annotation {@code @a.b.C(...)}. */
        private int next(int k, int end) {
            if (!t.get(k).is("@") || k + 1 >= end || t.get(k + 1).is("interface")) {
                return k + 1;
            }
            int i = k + 1;
            while (i + 1 < end && t.get(i + 1).is(".")) { // bounded by the statement
                i += 2;
            }
            i++;
            if (i < end && t.get(i).is("(")) {
                int depth = 0;
                for (; i < end; i++) { // bounded by the statement
                    depth += t.get(i).is("(") ? 1 : t.get(i).is(")") ? -1 : 0;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            }
            return i;
        }

        private String methodName(int end, String className) {
            int prev = -1;
            for (int k = stmtStart; k < end; prev = k, k = next(k, end)) { // bounded by the statement
                Token tok = t.get(k);
                if (tok.is("=")) {
                    return null;
                }
                if (!tok.is("(")) {
                    continue;
                }
                if (prev < 0 || !t.get(prev).ident() || NOT_METHODS.contains(t.get(prev).text())) {
                    return null;
                }
                String name = t.get(prev).text();
                Token type = prev > stmtStart ? t.get(prev - 1) : null;
                boolean typed = type != null && (type.ident() || type.is(">") || type.is("]"));
                boolean ctor = className.equals(name) || className.endsWith("$" + name);
                return typed || ctor ? name : null;
            }
            return null;
        }
    }
}
