package warden.trace.gate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import warden.trace.importer.JavaScopes;
import warden.trace.importer.ReviewedList;
import warden.trace.importer.Scope;
import warden.trace.importer.SourceFile;
import warden.trace.link.Trace;

/**
 * The gate on code that implements no requirement: in the configured kernel paths, every class
 * and method must have an {@code impl} tag in scope (its own, or its class's). Code waived in the
 * reviewed {@code untagged-code} list is reported there instead.
 *
 * [impl->dsn~trace.untagged-code~1]
 */
final class UntaggedCode {
    private UntaggedCode() {
    }

    static void check(Trace t) {
        Set<String> waived = new HashSet<>();
        for (ReviewedList.Entry e : t.waivers) {
            waived.add(e.keys().get(0));
        }
        Set<String> used = new HashSet<>();
        for (SourceFile f : t.sources) {
            if (f.java() && !f.test() && t.config.kernel(f.path())) {
                file(t, f, waived, used);
            }
        }
        for (ReviewedList.Entry e : t.waivers) {
            if (!used.contains(e.keys().get(0))) {
                t.warnings.add(e.file() + ":" + e.line() + ": waiver for " + e.keys().get(0)
                        + " is not needed (the code has a tag now, or is gone): remove it");
            }
        }
    }

    private static void file(Trace t, SourceFile f, Set<String> waived, Set<String> used) {
        JavaScopes s = f.scopes();
        List<Scope> scopes = s.scopes();
        for (int i = 0; i < scopes.size(); i++) { // bounded by the file's scopes
            Scope c = scopes.get(i);
            if (c.kind() != Scope.Kind.CLASS) {
                continue;
            }
            String cls = s.className(i);
            boolean classTagged = !f.implAt(c.declLine()).isEmpty();
            int methods = 0;
            int untagged = 0;
            for (int k = i + 1; k < scopes.size(); k++) { // bounded by the file's scopes
                Scope m = scopes.get(k);
                if (m.parent() == i && m.kind() == Scope.Kind.METHOD) {
                    methods++;
                    untagged += f.implAt(m.declLine()).isEmpty() ? 1 : 0;
                }
            }
            if (classTagged || untagged == 0 && methods > 0) {
                continue;
            }
            if (waived.contains(cls)) {
                used.add(cls);
                continue;
            }
            if (untagged == methods) {
                report(t, f, c, cls, "class " + cls + " implements no requirement: no [impl->...] tag on it or"
                        + " on any of its methods");
            } else {
                methods(t, f, i, cls, waived, used);
            }
        }
    }

    private static void methods(Trace t, SourceFile f, int cls, String name, Set<String> waived, Set<String> used) {
        List<Scope> scopes = f.scopes().scopes();
        for (int k = cls + 1; k < scopes.size(); k++) { // bounded by the file's scopes
            Scope m = scopes.get(k);
            if (m.parent() == cls && m.kind() == Scope.Kind.METHOD && f.implAt(m.declLine()).isEmpty()) {
                String key = name + "#" + m.name();
                if (waived.contains(key)) {
                    used.add(key);
                } else {
                    report(t, f, m, key, "method " + key + " implements no requirement: no [impl->...] tag in"
                            + " its scope or its class's");
                }
            }
        }
    }

    private static void report(Trace t, SourceFile f, Scope s, String what, String message) {
        t.find("untagged-code", f.path() + ":" + s.declLine(), what, message);
    }
}
