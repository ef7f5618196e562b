package warden.verification.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The restricted-Java source checker (javac tree API). Mission-phase code is every method
 * reachable from the entry points through calls into the analysed sources (overriders included);
 * it may not allocate ({@code new}, array creation), concatenate strings, box or unbox, use
 * lambdas or method references, iterate an {@code Iterable}, call varargs methods, call
 * {@code @BootPhase} code, or call outside the sources except the {@link #ALLOWED} JDK methods.
 * Everywhere in the sources: no reference to reflection, {@code java.lang.invoke}, {@code java.util}
 * (but {@code Locale}), threads or I/O; allocation only in boot-phase code (constructors,
 * initializers, {@code @BootPhase}); every loop bounded ({@link LoopBounds}). Each finding is
 * {@code file:line: [rule] message}.
 *
 * [impl->dsn~rj.source-checker~1]
 * [impl->dsn~rj.no-alloc~1]
 * [impl->dsn~rj.no-reflection~1]
 * [impl->dsn~rj.phases~1]
 */
final class SourceRules {
    /** JDK methods mission code may call: pure, allocation-free, intrinsic or trivially bounded. */
    static final Set<String> ALLOWED = Set.of(
            "java.lang.Math.min", "java.lang.Math.max", "java.lang.Math.abs", "java.lang.Math.floorMod",
            "java.lang.System.arraycopy", "java.lang.Integer.numberOfTrailingZeros",
            "java.lang.Long.numberOfTrailingZeros", "java.lang.Integer.bitCount", "java.lang.Long.bitCount",
            "java.lang.Long.compareUnsigned", "java.lang.Integer.compareUnsigned");

    /** Packages and types no kernel source may name. */
    static final List<String> FORBIDDEN = List.of("java.lang.reflect.", "java.lang.invoke.", "java.util.",
            "java.io.", "java.nio.", "java.net.", "java.lang.Thread", "java.lang.ThreadGroup",
            "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal", "java.lang.Runnable",
            "java.lang.Class", "java.lang.ClassLoader", "java.lang.Runtime", "java.lang.ProcessBuilder",
            "java.lang.Process", "java.lang.ref.");
    static final Set<String> FORBIDDEN_EXCEPT = Set.of("java.util.Locale");

    private final JavaModel model;
    private final Predicate<ExecutableElement> root;
    private final Set<String> out = new LinkedHashSet<>();
    final Set<ExecutableElement> mission = new LinkedHashSet<>();

    SourceRules(JavaModel model, Predicate<ExecutableElement> root) {
        this.model = model;
        this.root = root;
    }

    /**
     * The kernel's entry points: every public method of Kernel (the implementation of the api's
     * Monitor: trap, interrupt and timer entries, start, the read-only queries) but boot.
     */
    static boolean kernelRoot(ExecutableElement m) {
        return JavaModel.owner(m).equals("warden.kernel.core.Kernel") && m.getKind() == ElementKind.METHOD
                && m.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC) && !JavaModel.bootPhase(m);
    }

    /** @return every finding, in source order per rule pass. */
    List<String> check() {
        Deque<JavaModel.Method> work = new ArrayDeque<>();
        for (JavaModel.Method m : model.methods.values()) {
            if (root.test(m.element())) {
                if (JavaModel.bootPhase(m.element())) {
                    out.add(model.where(m.unit(), m.tree()) + "[entry-point] mission entry point "
                            + JavaModel.name(m.element()) + " is marked @BootPhase");
                } else if (mission.add(m.element())) {
                    work.add(m);
                }
            }
        }
        while (!work.isEmpty()) {
            JavaModel.Method m = work.poll();
            if (m.tree().getBody() == null) {
                continue;
            }
            new MissionScan(m, work).scan(new TreePath(m.path(), m.tree().getBody()), null);
        }
        for (CompilationUnitTree u : model.units) {
            new EverywhereScan(u).scan(u, null);
        }
        out.addAll(new LoopBounds(model).check());
        return new ArrayList<>(out);
    }

    private void report(CompilationUnitTree u, Tree t, String rule, String text) {
        out.add(model.where(u, t) + "[" + rule + "] " + text);
    }

    /** Checks one mission-phase method body and queues the kernel methods it calls. */
    private final class MissionScan extends TreePathScanner<Void, Void> {
        private final JavaModel.Method method;
        private final Deque<JavaModel.Method> work;
        private final String in;

        MissionScan(JavaModel.Method method, Deque<JavaModel.Method> work) {
            this.method = method;
            this.work = work;
            this.in = " in mission-phase method " + JavaModel.name(method.element());
        }

        private void report(Tree t, String rule, String text) {
            SourceRules.this.report(method.unit(), t, rule, text + in);
        }

        @Override
        public Void visitNewClass(NewClassTree t, Void v) {
            report(t, "no-alloc", "object creation 'new " + t.getIdentifier() + "'");
            return super.visitNewClass(t, v);
        }

        @Override
        public Void visitNewArray(NewArrayTree t, Void v) {
            report(t, "no-alloc", "array creation");
            return super.visitNewArray(t, v);
        }

        @Override
        public Void visitBinary(BinaryTree t, Void v) {
            if (t.getKind() == Tree.Kind.PLUS && isString(type(getCurrentPath())) && !constant(t)) {
                report(t, "no-concat", "string concatenation");
            }
            unboxedOperand(t.getLeftOperand());
            unboxedOperand(t.getRightOperand());
            return super.visitBinary(t, v);
        }

        @Override
        public Void visitUnary(UnaryTree t, Void v) {
            unboxedOperand(t.getExpression());
            return super.visitUnary(t, v);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree t, Void v) {
            if (t.getKind() == Tree.Kind.PLUS_ASSIGNMENT && isString(type(getCurrentPath()))) {
                report(t, "no-concat", "string concatenation");
            }
            return super.visitCompoundAssignment(t, v);
        }

        @Override
        public Void visitAssignment(AssignmentTree t, Void v) {
            boxing(t.getExpression(), type(new TreePath(getCurrentPath(), t.getVariable())));
            return super.visitAssignment(t, v);
        }

        @Override
        public Void visitVariable(VariableTree t, Void v) {
            if (t.getInitializer() != null) {
                boxing(t.getInitializer(), model.trees.getElement(getCurrentPath()).asType());
            }
            return super.visitVariable(t, v);
        }

        @Override
        public Void visitReturn(ReturnTree t, Void v) {
            if (t.getExpression() != null) {
                boxing(t.getExpression(), method.element().getReturnType());
            }
            return super.visitReturn(t, v);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
            report(t, "no-lambda", "lambda expression");
            return super.visitLambdaExpression(t, v);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree t, Void v) {
            report(t, "no-lambda", "method reference");
            return super.visitMemberReference(t, v);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree t, Void v) {
            TypeMirror it = type(new TreePath(getCurrentPath(), t.getExpression()));
            if (it.getKind() != TypeKind.ARRAY) {
                report(t, "no-iterable-for", "enhanced for over an Iterable (allocates an Iterator)");
            }
            return super.visitEnhancedForLoop(t, v);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree t, Void v) {
            Element e = model.trees.getElement(getCurrentPath());
            if (e instanceof ExecutableElement callee) {
                String target = JavaModel.owner(callee) + "." + callee.getSimpleName();
                if (callee.isVarArgs()) {
                    report(t, "no-varargs", "call to varargs method " + JavaModel.name(callee));
                }
                for (int i = 0; !callee.isVarArgs() && i < t.getArguments().size(); i++) {
                    boxing(t.getArguments().get(i), callee.getParameters().get(i).asType());
                }
                JavaModel.Method body = model.methods.get(callee);
                if (JavaModel.bootPhase(callee)) {
                    report(t, "call-allowed", "call to boot-phase method " + JavaModel.name(callee));
                } else if (body != null) {
                    enqueue(body);
                    for (JavaModel.Method o : model.overriders(callee)) {
                        enqueue(o);
                    }
                } else if (!JavaModel.owner(callee).startsWith("warden.kernel.") && !ALLOWED.contains(target)) {
                    report(t, "call-allowed", "call to " + target + ", which is not on the mission allow-list");
                }
            }
            return super.visitMethodInvocation(t, v);
        }

        private void enqueue(JavaModel.Method m) {
            if (JavaModel.bootPhase(m.element())) {
                return; // reported at the call site
            }
            if (mission.add(m.element())) {
                work.add(m);
            }
        }

        private TypeMirror type(TreePath p) {
            return model.trees.getTypeMirror(p);
        }

        /** Reports boxing when a primitive meets a reference target, unboxing the other way round. */
        private void boxing(ExpressionTree expr, TypeMirror target) {
            TypeMirror from = type(new TreePath(getCurrentPath(), expr));
            if (from == null || target == null || from.getKind() == TypeKind.NULL) {
                return;
            }
            if (from.getKind().isPrimitive() && !target.getKind().isPrimitive()
                    && target.getKind() != TypeKind.TYPEVAR && target.getKind() != TypeKind.ERROR) {
                report(expr, "no-boxing", "boxing of " + from + " to " + target);
            } else if (!from.getKind().isPrimitive() && target.getKind().isPrimitive() && boxed(from)) {
                report(expr, "no-boxing", "unboxing of " + from);
            }
        }

        private void unboxedOperand(ExpressionTree expr) {
            TypeMirror from = type(new TreePath(getCurrentPath(), expr));
            if (from != null && from.getKind() == TypeKind.DECLARED && boxed(from)) {
                report(expr, "no-boxing", "unboxing of " + from);
            }
        }

        private boolean boxed(TypeMirror t) {
            try {
                model.types.unboxedType(t);
                return true;
            } catch (IllegalArgumentException notBoxed) {
                return false;
            }
        }

        private boolean isString(TypeMirror t) {
            return t != null && t.toString().equals("java.lang.String");
        }

        /** @return true for a compile-time constant expression (folded by javac, no allocation). */
        private boolean constant(ExpressionTree t) {
            if (t instanceof com.sun.source.tree.LiteralTree) {
                return true;
            }
            if (t instanceof BinaryTree b) {
                return constant(b.getLeftOperand()) && constant(b.getRightOperand());
            }
            if (t instanceof com.sun.source.tree.ParenthesizedTree p) {
                return constant(p.getExpression());
            }
            if (t instanceof IdentifierTree || t instanceof MemberSelectTree) {
                Element e = model.trees.getElement(new TreePath(getCurrentPath(), t));
                return e instanceof VariableElement ve && ve.getConstantValue() != null;
            }
            return false;
        }
    }

    /** Rules that hold in every line of the sources, boot code included. */
    private final class EverywhereScan extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final Set<String> seen = new LinkedHashSet<>();

        EverywhereScan(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitIdentifier(IdentifierTree t, Void v) {
            forbidden(t);
            return super.visitIdentifier(t, v);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree t, Void v) {
            forbidden(t);
            return super.visitMemberSelect(t, v);
        }

        @Override
        public Void visitNewClass(NewClassTree t, Void v) {
            bootOnly(t, "object creation 'new " + t.getIdentifier() + "'");
            return super.visitNewClass(t, v);
        }

        @Override
        public Void visitNewArray(NewArrayTree t, Void v) {
            bootOnly(t, "array creation");
            return super.visitNewArray(t, v);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree t, Void v) {
            bootOnly(t, "lambda expression");
            return super.visitLambdaExpression(t, v);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree t, Void v) {
            report(unit, t, "loop-bound", "while loop: write a for loop whose index is bounded by a constant or a"
                    + " boot-time table size");
            return super.visitWhileLoop(t, v);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree t, Void v) {
            report(unit, t, "loop-bound", "do-while loop: write a for loop whose index is bounded by a constant or a"
                    + " boot-time table size");
            return super.visitDoWhileLoop(t, v);
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree t, Void v) {
            report(unit, t, "loop-bound", "enhanced for loop: write an indexed for loop with a stated bound");
            return super.visitEnhancedForLoop(t, v);
        }

        /**
         * Allocation is allowed only in constructors, initializers and @BootPhase code (mission code is reported
         * apart).
         */
        private void bootOnly(Tree t, String what) {
            ExecutableElement m = enclosingMethod(getCurrentPath());
            if (m == null || m.getKind() == ElementKind.CONSTRUCTOR || JavaModel.bootPhase(m) || mission.contains(m)) {
                return;
            }
            report(unit, t, "boot-mark", what + " outside boot-phase code: mark " + JavaModel.name(m)
                    + " @BootPhase or remove it");
        }

        private ExecutableElement enclosingMethod(TreePath p) {
            for (TreePath x = p; x != null; x = x.getParentPath()) {
                if (x.getLeaf() instanceof MethodTree) {
                    return (ExecutableElement) model.trees.getElement(x);
                }
                if (x.getLeaf() instanceof LambdaExpressionTree
                        || x.getLeaf() instanceof com.sun.source.tree.ClassTree) {
                    if (x.getLeaf() instanceof com.sun.source.tree.ClassTree) {
                        return null; // a field or static initializer: boot by construction
                    }
                }
            }
            return null;
        }

        private void forbidden(Tree t) {
            Element e = model.trees.getElement(getCurrentPath());
            if (e == null || e.getKind() == ElementKind.PACKAGE) {
                return;
            }
            String type = e instanceof javax.lang.model.element.TypeElement te
                    ? te.getQualifiedName().toString() : JavaModel.owner(e);
            if (FORBIDDEN_EXCEPT.contains(type)) {
                return;
            }
            for (String f : FORBIDDEN) {
                if (type.startsWith(f) && (f.endsWith(".") || type.equals(f))) {
                    String key = model.line(unit, t) + type;
                    if (seen.add(key)) {
                        report(unit, t, "forbidden-api", "reference to " + type
                                + ": the kernel may not use reflection, java.lang.invoke, java.util, threads or I/O");
                    }
                    return;
                }
            }
        }
    }
}
