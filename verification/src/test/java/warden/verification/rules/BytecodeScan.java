package warden.verification.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bytecode scan of the built kernel classes (ASM). Mission-phase methods (reachable from the
 * entry points through calls inside the kernel) contain no NEW, NEWARRAY, ANEWARRAY,
 * MULTIANEWARRAY or INVOKEDYNAMIC, and call outside the kernel only the allow-listed JDK methods;
 * anywhere: no INVOKEDYNAMIC, allocation only in {@code <init>}, {@code <clinit>} and
 * {@code @BootPhase} code, no reference to reflection, {@code java.lang.invoke}, {@code java.util}
 * (but {@code Locale}), threads, I/O or anything outside {@code java/} and the kernel; no cycle in
 * the call graph (calls into the port SPI, which no kernel class implements, are leaves).
 * Findings are {@code file:line: [rule] message}, the file as the kernel's source path.
 *
 * [impl->dsn~rj.bytecode-scan~1]
 * [impl->dsn~rj.no-alloc~1]
 * [impl->dsn~rj.no-reflection~1]
 * [impl->dsn~rj.no-recursion~1]
 * [impl->dsn~rj.java-base-only~1]
 */
final class BytecodeScan {
    static final String BOOT = "L" + JavaModel.BOOT_PHASE.replace('.', '/') + ";";

    /** A call or a reference at a line. */
    record Site(String target, int line) {
    }

    /** One method: where it is, what it allocates and calls. */
    static final class Method {
        final String cls;
        final String key;
        final String file;
        final int access;
        boolean boot;
        final List<Site> alloc = new ArrayList<>();
        final List<Site> indy = new ArrayList<>();
        final List<Site> calls = new ArrayList<>();
        final List<Site> refs = new ArrayList<>();

        Method(String cls, String key, String file, int access) {
            this.access = access;
            this.cls = cls;
            this.key = key;
            this.file = file;
        }

        String name() {
            return cls.substring(cls.lastIndexOf('/') + 1) + "." + key.substring(key.indexOf('.') + 1,
                    key.indexOf('('));
        }
    }

    /** One class: its super types and whether it is boot-phase as a whole. */
    record Cls(String name, String superName, List<String> interfaces, boolean iface, boolean boot, String file) {
    }

    final Map<String, Cls> classes = new LinkedHashMap<>();
    final Map<String, Method> methods = new LinkedHashMap<>();
    final Set<String> mission = new LinkedHashSet<>();
    private final String sourcePrefix;
    private final String kernelPrefix;

    /**
     * @param sourcePrefix prefix of file names in messages (e.g. "monitor-kernel/src/main/java/")
     * @param kernelPrefix internal-name prefix of the classes under scan ("warden/kernel/")
     */
    BytecodeScan(Path classes, String sourcePrefix, String kernelPrefix) {
        this.sourcePrefix = sourcePrefix;
        this.kernelPrefix = kernelPrefix;
        for (byte[] b : read(classes)) {
            new ClassReader(b).accept(new Reader(), 0);
        }
    }

    static List<byte[]> read(Path where) {
        List<byte[]> out = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> s = Files.walk(where)) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        out.add(Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (var e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private final class Reader extends ClassVisitor {
        private String cls;
        private String superName;
        private String[] interfaces;
        private boolean iface;
        private boolean boot;
        private String file;
        private final List<Method> own = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String sup, String[] ifs) {
            cls = name;
            superName = sup;
            interfaces = ifs;
            iface = (access & Opcodes.ACC_INTERFACE) != 0;
            file = sourcePrefix + name.replaceAll("\\$.*", "") + ".java";
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null) {
                file = sourcePrefix + cls.substring(0, cls.lastIndexOf('/') + 1) + source;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
            boot |= BOOT.equals(desc);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            Method m = new Method(cls, cls + "." + name + desc, file, access);
            own.add(m);
            methods.put(m.key, m);
            for (Type t : Type.getArgumentTypes(desc)) {
                ref(m, t, 0);
            }
            ref(m, Type.getReturnType(desc), 0);
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    m.boot |= BOOT.equals(d);
                    return null;
                }

                @Override
                public void visitLineNumber(int l, Label start) {
                    line = l;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW || opcode == Opcodes.ANEWARRAY) {
                        m.alloc.add(new Site((opcode == Opcodes.NEW ? "NEW " : "ANEWARRAY ") + type, line));
                    }
                    owner(m, type, line);
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    if (opcode == Opcodes.NEWARRAY) {
                        m.alloc.add(new Site("NEWARRAY", line));
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String d, int dims) {
                    m.alloc.add(new Site("MULTIANEWARRAY " + d, line));
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                    m.indy.add(new Site(bsm.getOwner() + "." + bsm.getName(), line));
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                    m.calls.add(new Site(owner + "." + n + d, line));
                    owner(m, owner, line);
                    for (Type t : Type.getArgumentTypes(d)) {
                        ref(m, t, line);
                    }
                    ref(m, Type.getReturnType(d), line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String n, String d) {
                    owner(m, owner, line);
                    ref(m, Type.getType(d), line);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t) {
                        ref(m, t, line);
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            classes.put(cls, new Cls(cls, superName, interfaces == null ? List.of() : List.of(interfaces), iface, boot,
                    file));
            for (Method m : own) {
                m.boot |= boot;
            }
        }
    }

    /** An owner or type operand: an internal name, or an array descriptor such as "[I". */
    private static void owner(Method m, String internal, int line) {
        if (internal.startsWith("[")) {
            ref(m, Type.getType(internal), line);
        } else {
            m.refs.add(new Site(internal, line));
        }
    }

    private static void ref(Method m, Type t, int line) {
        Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (e.getSort() == Type.OBJECT) {
            m.refs.add(new Site(e.getInternalName(), line));
        }
    }

    /**
     * @return the kernel methods a call may reach: the method in the class or a kernel super class, or every
     *         kernel implementor.
     */
    List<Method> targets(String call) {
        String owner = call.substring(0, call.indexOf('.'));
        String sig = call.substring(call.indexOf('.') + 1);
        List<Method> out = new ArrayList<>();
        for (String c = owner; c != null && classes.containsKey(c); c = classes.get(c).superName()) {
            Method m = methods.get(c + "." + sig);
            if (m != null) {
                out.add(m);
                break;
            }
        }
        Cls o = classes.get(owner);
        if (o != null && (o.iface() || out.isEmpty())) {
            for (Cls c : classes.values()) {
                if (c.interfaces().contains(owner)) {
                    Method m = methods.get(c.name() + "." + sig);
                    if (m != null) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** @return every finding. */
    List<String> check(Predicate<Method> root) {
        Set<String> out = new LinkedHashSet<>();
        Deque<Method> work = new ArrayDeque<>();
        for (Method m : methods.values()) {
            if (root.test(m) && !m.boot && mission.add(m.key)) {
                work.add(m);
            }
        }
        while (!work.isEmpty()) {
            Method m = work.poll();
            for (Site a : m.alloc) {
                out.add(m.file + ":" + a.line() + ": [bytecode-no-alloc] " + a.target() + " in mission-phase method "
                        + m.name());
            }
            for (Site c : m.calls) {
                List<Method> ts = targets(c.target());
                if (!c.target().startsWith(kernelPrefix) && !allowed(c.target()) && !c.target().contains(".<init>(")) {
                    out.add(m.file + ":" + c.line() + ": [bytecode-call-allowed] call to " + c.target()
                            + ", not on the mission allow-list, in mission-phase method " + m.name());
                }
                for (Method t : ts) {
                    if (t.boot) {
                        out.add(m.file + ":" + c.line() + ": [bytecode-call-allowed] call to boot-phase method "
                                + t.name() + " in mission-phase method " + m.name());
                    } else if (mission.add(t.key)) {
                        work.add(t);
                    }
                }
            }
        }
        for (Method m : methods.values()) {
            for (Site i : m.indy) {
                out.add(m.file + ":" + i.line() + ": [bytecode-no-indy] invokedynamic (" + i.target() + ") in "
                        + m.name());
            }
            boolean bootCode = m.boot || m.key.contains(".<init>(") || m.key.contains(".<clinit>(");
            if (!bootCode && !mission.contains(m.key)) {
                for (Site a : m.alloc) {
                    out.add(m.file + ":" + a.line() + ": [bytecode-boot-mark] " + a.target()
                            + " outside boot-phase code in " + m.name());
                }
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Site r : m.refs) {
                if (forbidden(r.target()) && seen.add(r.target() + r.line())) {
                    out.add(m.file + ":" + r.line() + ": [bytecode-forbidden-api] reference to "
                            + r.target().replace('/', '.') + " in " + m.name());
                }
            }
        }
        out.addAll(cycles());
        return new ArrayList<>(out);
    }

    private static boolean allowed(String call) {
        String owner = call.substring(0, call.indexOf('.')).replace('/', '.');
        String name = call.substring(call.indexOf('.') + 1, call.indexOf('('));
        return SourceRules.ALLOWED.contains(owner + "." + name);
    }

    private boolean forbidden(String internal) {
        String t = internal.replace('/', '.');
        if (t.startsWith(kernelPrefix.replace('/', '.')) || SourceRules.FORBIDDEN_EXCEPT.contains(t)) {
            return false;
        }
        if (!t.startsWith("java.")) {
            return true; // java.base only: nothing from outside the JDK's java.* packages
        }
        for (String f : SourceRules.FORBIDDEN) {
            if (t.startsWith(f) && (f.endsWith(".") || t.equals(f))) {
                return true;
            }
        }
        return false;
    }

    /** Tarjan's strongly connected components over the kernel call graph. */
    private List<String> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> on = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        int[] counter = {0};
        for (String m : methods.keySet()) {
            if (!index.containsKey(m)) {
                strong(m, index, low, stack, on, counter, out);
            }
        }
        return out;
    }

    private void strong(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                        Set<String> on, int[] counter, List<String> out) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        on.add(v);
        for (Site c : methods.get(v).calls) {
            for (Method t : targets(c.target())) {
                if (!index.containsKey(t.key)) {
                    strong(t.key, index, low, stack, on, counter, out);
                    low.put(v, Math.min(low.get(v), low.get(t.key)));
                } else if (on.contains(t.key)) {
                    low.put(v, Math.min(low.get(v), index.get(t.key)));
                }
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                on.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            Method m = methods.get(v);
            boolean self = m.calls.stream().anyMatch(c -> targets(c.target()).contains(m));
            if (scc.size() > 1 || self) {
                int line = m.calls.stream().filter(c -> targets(c.target()).stream().anyMatch(t -> scc.contains(t.key)))
                        .mapToInt(Site::line).findFirst().orElse(0);
                List<String> names = new ArrayList<>();
                scc.forEach(k -> names.add(methods.get(k).name()));
                out.add(m.file + ":" + line + ": [bytecode-no-recursion] call cycle through "
                        + String.join(" -> ", names));
            }
        }
    }
}
