package warden.verification.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import warden.kernel.api.rules.BootPhase;

/**
 * Java sources parsed and attributed by javac through its public tree API ({@code com.sun.source},
 * {@code javax.tools}): the trees, their types and elements, and every method body by element.
 * The restricted-Java rules and the loop-bound analysis read this model; nothing is generated.
 */
final class JavaModel {
    static final String BOOT_PHASE = BootPhase.class.getName();

    /** A method or constructor with a body in the analysed sources. */
    record Method(ExecutableElement element, MethodTree tree, TreePath path, CompilationUnitTree unit) {
    }

    final Path base;
    final List<CompilationUnitTree> units = new ArrayList<>();
    final Trees trees;
    final Types types;
    final Elements elements;
    final Map<ExecutableElement, Method> methods = new LinkedHashMap<>();

    private JavaModel(Path base, JavacTask task) throws IOException {
        this.base = base;
        for (CompilationUnitTree u : task.parse()) {
            units.add(u);
        }
        task.analyze();
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        this.elements = task.getElements();
        for (CompilationUnitTree u : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree m, Void v) {
                    Element e = trees.getElement(getCurrentPath());
                    if (e instanceof ExecutableElement ee) {
                        methods.put(ee, new Method(ee, m, getCurrentPath(), u));
                    }
                    return super.visitMethod(m, v);
                }
            }.scan(u, null);
        }
    }

    /**
     * Parses and attributes {@code files}; messages name files relative to {@code base}.
     * The classpath holds the kernel's classes (for {@code @BootPhase} and the port SPI).
     * @throws AssertionError when the sources do not compile
     */
    static JavaModel of(Path base, List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-Xlint:none", "--release", "17",
                    "-classpath", kernelClasses().toString());
            JavacTask task = (JavacTask) javac.getTask(null, fm, diags, options, null,
                    fm.getJavaFileObjectsFromPaths(files));
            JavaModel model = new JavaModel(base, task);
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.toString());
                }
            }
            if (!errors.isEmpty()) {
                throw new AssertionError("sources do not compile:\n" + String.join("\n", errors));
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the directory or jar the kernel's classes were loaded from. */
    static Path kernelClasses() {
        String other = System.getProperty("warden.kernel.classes"); // a scratch copy's target/classes
        if (other != null) {
            return Path.of(other);
        }
        try {
            return Path.of(BootPhase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** @return every {@code .java} file under dir but the module descriptor (no code), sorted. */
    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String file(CompilationUnitTree unit) {
        Path p = Path.of(unit.getSourceFile().toUri());
        return base.relativize(p).toString().replace(File.separatorChar, '/');
    }

    long line(CompilationUnitTree unit, Tree t) {
        long pos = trees.getSourcePositions().getStartPosition(unit, t);
        return unit.getLineMap().getLineNumber(pos);
    }

    /** @return "file:line: " for a tree, the prefix of every message. */
    String where(CompilationUnitTree unit, Tree t) {
        return file(unit) + ":" + line(unit, t) + ": ";
    }

    /** @return true when e, or a type that encloses it, carries {@code @BootPhase}. */
    static boolean bootPhase(Element e) {
        for (Element x = e; x != null; x = x.getEnclosingElement()) {
            for (AnnotationMirror a : x.getAnnotationMirrors()) {
                if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(BOOT_PHASE)) {
                    return true;
                }
            }
            if (x.getKind() == ElementKind.PACKAGE) {
                break;
            }
        }
        return false;
    }

    /** @return "Kernel.onTimer(int)" for a method, for messages. */
    static String name(ExecutableElement m) {
        StringBuilder b = new StringBuilder();
        b.append(m.getEnclosingElement().getSimpleName()).append('.');
        b.append(m.getKind() == ElementKind.CONSTRUCTOR ? m.getEnclosingElement().getSimpleName() : m.getSimpleName());
        b.append('(');
        for (int i = 0; i < m.getParameters().size(); i++) {
            b.append(i > 0 ? "," : "").append(m.getParameters().get(i).asType());
        }
        return b.append(')').toString().replaceAll("\\b(?:[a-z]\\w*\\.)+(?=[A-Z])", "");
    }

    /** @return the qualified name of the top-level or nested type that declares e. */
    static String owner(Element e) {
        Element x = e;
        while (x != null && !(x instanceof TypeElement)) {
            x = x.getEnclosingElement();
        }
        return x == null ? "" : ((TypeElement) x).getQualifiedName().toString();
    }

    /** @return the methods in the model that override m (virtual dispatch inside the sources). */
    List<Method> overriders(ExecutableElement m) {
        List<Method> out = new ArrayList<>();
        for (Method c : methods.values()) {
            if (c.element() != m && c.element().getSimpleName().equals(m.getSimpleName())
                    && elements.overrides(c.element(), m, (TypeElement) c.element().getEnclosingElement())) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the class tree enclosing a path, or null. */
    static ClassTree enclosingClass(TreePath p) {
        for (TreePath x = p; x != null; x = x.getParentPath()) {
            if (x.getLeaf() instanceof ClassTree c) {
                return c;
            }
        }
        return null;
    }
}
