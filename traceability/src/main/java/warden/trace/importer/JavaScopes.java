package warden.trace.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import warden.trace.importer.JavaLexer.Token;

/**
 * The classes and methods of one Java source file by line ranges, so that a tag can be given its
 * scope (the method it stands in or just above, else its class) and a line of bytecode (a mutant,
 * a covered line) can be given the requirements whose tags are in scope there.
 *
 * [impl->dsn~trace.tags.scope~1]
 */
public final class JavaScopes {
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "do", "else", "return", "new", "throw", "case", "default");

    private final String pkg;
    private final List<Scope> scopes;

    private JavaScopes(String pkg, List<Scope> scopes) {
        this.pkg = pkg;
        this.scopes = scopes;
    }

    /** @return the scopes of the given source text. */
    public static JavaScopes parse(String source) {
        List<Token> t = JavaLexer.tokens(source);
        return new JavaScopes(packageOf(t), new Parser(t).run());
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

    /** @return the method owning line n (comment above included), else the innermost class, else -1. */
    public int tagScope(int n) {
        int best = -1;
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            Scope s = scopes.get(i);
            if (s.owns(n) && (best < 0 || rank(s) >= rank(scopes.get(best)))) {
                best = i;
            }
        }
        return best;
    }

    private static int rank(Scope s) {
        return s.kind() == Scope.Kind.METHOD ? s.ownStart() + 1_000_000 : s.ownStart();
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
        private final Deque<Frame> stack = new ArrayDeque<>();
        private int stmtStart;
        private int boundaryLine;

        Parser(List<Token> t) {
            this.t = t;
        }

        List<Scope> run() {
            for (int i = 0; i < t.size(); i++) { // bounded by the tokens
                Token k = t.get(i);
                if (k.is("{")) {
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
            return out;
        }

        private void open(int i) {
            Frame top = stack.peek();
            boolean classLevel = top == null || top.classBody();
            int kw = typeKeyword(i);
            int firstLine = stmtStart < i ? t.get(stmtStart).line() : t.get(i).line();
            int own = Math.min(boundaryLine + 1, firstLine);
            int parent = top == null ? -1 : top.scope() >= 0 ? top.scope() : enclosing();
            if (kw >= 0 && kw + 1 < i) {
                String outer = enclosingClass();
                String name = outer == null ? t.get(kw + 1).text() : outer + "$" + t.get(kw + 1).text();
                out.add(new Scope(Scope.Kind.CLASS, name, own, firstLine, -1, parent));
                stack.push(new Frame(out.size() - 1, true, name));
            } else if (classLevel && top != null && methodName(i, top.className()) != null) {
                out.add(new Scope(Scope.Kind.METHOD, methodName(i, top.className()), own, firstLine, -1, parent));
                stack.push(new Frame(out.size() - 1, false, null));
            } else {
                stack.push(new Frame(-1, false, null));
            }
        }

        private void close(Token k) {
            Frame f = stack.poll();
            if (f != null && f.scope() >= 0) {
                Scope s = out.get(f.scope());
                out.set(f.scope(), new Scope(s.kind(), s.name(), s.ownStart(), s.declLine(), k.line(), s.parent()));
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
