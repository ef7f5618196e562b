package warden.verification.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Bounded loops, checked: every loop of the sources is a {@code for} loop whose single index
 * starts at a non-negative constant (or an enclosing loop's index), steps by one towards a bound,
 * is compared in the condition with that bound (one {@code &&} conjunct suffices), and is never
 * written in the body. A bound is a compile-time constant or a boot-time table size named in
 * {@link #FACTS} (each fact says which boot check makes it true). From the bounds and the call
 * graph, {@link #worstCase} computes the worst-case number of loop-body executions of a method,
 * for a configuration that gives each table size a value.
 *
 * [impl->dsn~rj.bounded-loops~1]
 * [impl->dsn~rj.wcet-iterations~1]
 */
final class LoopBounds {
    /** A boot-time table size: its symbol and the boot check or construction that fixes it. */
    record Fact(String symbol, String why) {
    }

    /** Table sizes fixed at boot, by "Owner.member" (a method, a final field, or an array field read). */
    static final Map<String, Fact> FACTS = Map.ofEntries(
            Map.entry("warden.kernel.api.SystemImage.partitionCount", new Fact("partitions",
                    "1..PARTITIONS_MAX, ImageCheck.checkShape")),
            Map.entry("warden.kernel.api.SystemImage.coreCount", new Fact("cores",
                    "<= CORES_MAX, ImageCheck.checkShape")),
            Map.entry("warden.kernel.api.SystemImage.regionCount", new Fact("regionsPerPartition",
                    "<= REGIONS_PER_PARTITION_MAX, SystemImageBuilder.region")),
            Map.entry("warden.kernel.api.SystemImage.regionTotal", new Fact("regions",
                    "<= REGIONS_MAX, SystemImageBuilder.region")),
            Map.entry("warden.kernel.api.SystemImage.deviceTotal", new Fact("devices",
                    "<= DEVICES_MAX, SystemImageBuilder.device")),
            Map.entry("warden.kernel.api.SystemImage.channelTotal", new Fact("channels",
                    "<= CHANNELS_MAX, SystemImageBuilder.channel")),
            Map.entry("warden.kernel.api.SystemImage.aclTotal", new Fact("aclEntries",
                    "<= DeviceAcl.ENTRIES_MAX, SystemImageBuilder.aclEntry")),
            Map.entry("warden.kernel.api.SystemImage.imageSize", new Fact("imageBytes",
                    "<= IMAGE_BYTES_MAX, ImageCheck (a partition's golden image size)")),
            Map.entry("warden.kernel.boot.GoldenImages.slotSize", new Fact("imageBytes",
                    "a slot holds the golden image (imageSize) or an update UPDATE_BEGIN bounded by slotMax")),
            Map.entry("warden.kernel.port.InterruptController.lineCount", new Fact("portLines",
                    "the port's interrupt controller, fixed when the board is built")),
            Map.entry("warden.kernel.sched.Vcpus.cores", new Fact("cores", "final, = img.coreCount()")),
            Map.entry("warden.kernel.sched.Vcpus.partitions", new Fact("partitions",
                    "final, = img.partitionCount()")),
            Map.entry("warden.kernel.sched.VirtualTimers.cores", new Fact("cores", "final, = Vcpus.cores()")),
            Map.entry("warden.kernel.sched.Vcpus.slotCount", new Fact("partitionsPerCore",
                    "<= PARTITIONS_PER_CORE_MAX, written only by Vcpus.fillSlots at boot")),
            Map.entry("warden.kernel.sched.WorldSwitch.ctxWords", new Fact("contextWords",
                    "final, = CpuContext.contextWords(), a constant of the port")),
            Map.entry("warden.kernel.sched.ContextCheck.rounds", new Fact("contextWords",
                    "final, = contextWords / 4 <= contextWords, set in WorldSwitch's constructor")),
            Map.entry("warden.kernel.sched.HeldInterrupts.pendCount", new Fact("pending",
                    "<= PENDING_MAX, HeldInterrupts.hold refuses beyond it")),
            Map.entry("warden.kernel.health.RestorePoints.pages", new Fact("snapshotPages",
                    "<= RestorePoint.PAGES_MAX, SnapshotCheck at boot; written only by RestorePoints' constructor")));

    /** One loop: where it is, its method, its bound (a symbol or a constant) and the lowest start. */
    record Loop(String where, String method, List<String> bounds, long start, boolean inclusive, String error) {
    }

    private final JavaModel model;
    final Map<ForLoopTree, Loop> loops = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    LoopBounds(JavaModel model) {
        this.model = model;
        for (JavaModel.Method m : model.methods.values()) {
            if (m.tree().getBody() != null) {
                scanMethod(m);
            }
        }
    }

    /** @return every loop that is not provably bounded, as "file:line: [loop-bound] ...". */
    List<String> check() {
        return errors;
    }

    private void scanMethod(JavaModel.Method m) {
        new TreePathScanner<Void, List<VariableElement>>() {
            @Override
            public Void visitForLoop(ForLoopTree t, List<VariableElement> outer) {
                Loop l = analyse(m, t, outer);
                loops.put(t, l);
                if (l.error() != null) {
                    errors.add(l.where() + "[loop-bound] " + l.error() + " in " + l.method());
                }
                List<VariableElement> inner = new ArrayList<>(outer);
                if (t.getInitializer().size() == 1 && t.getInitializer().get(0) instanceof VariableTree v) {
                    inner.add((VariableElement) model.trees.getElement(new TreePath(getCurrentPath(), v)));
                }
                return super.visitForLoop(t, inner);
            }
        }.scan(new TreePath(m.path(), m.tree().getBody()), new ArrayList<>());
    }

    private Loop analyse(JavaModel.Method m, ForLoopTree t, List<VariableElement> outer) {
        String where = model.where(m.unit(), t);
        String method = JavaModel.name(m.element());
        if (t.getInitializer().size() != 1 || !(t.getInitializer().get(0) instanceof VariableTree init)
                || init.getInitializer() == null || t.getUpdate().size() != 1 || t.getCondition() == null) {
            return new Loop(where, method, List.of(), 0, false,
                    "for loop without exactly one index declaration, one update and a condition");
        }
        VariableElement index = (VariableElement) model.trees.getElement(TreePath.getPath(m.unit(), init));
        int step = step(t.getUpdate().get(0), index);
        if (step == 0) {
            return new Loop(where, method, List.of(), 0, false, "the index '" + index
                    + "' must step by one (i++, i--, i += 1, i -= 1)");
        }
        if (writes(t.getStatement(), index)) {
            return new Loop(where, method, List.of(), 0, false, "the body writes the index '" + index + "'");
        }
        List<String> bounds = new ArrayList<>();
        boolean inclusive = false;
        for (ExpressionTree c : conjuncts(t.getCondition())) {
            if (!(c instanceof BinaryTree b)) {
                continue;
            }
            ExpressionTree bound = null;
            Tree.Kind k = b.getKind();
            if (isVar(b.getLeftOperand(), index)) {
                bound = b.getRightOperand();
            } else if (isVar(b.getRightOperand(), index)) {
                bound = b.getLeftOperand();
                k = flip(k);
            }
            boolean up = step > 0 && (k == Tree.Kind.LESS_THAN || k == Tree.Kind.LESS_THAN_EQUAL);
            boolean down = step < 0 && (k == Tree.Kind.GREATER_THAN || k == Tree.Kind.GREATER_THAN_EQUAL);
            if (bound == null || !(up || down)) {
                continue;
            }
            if (up) {
                String s = resolve(m, bound, 0);
                if (s != null) {
                    bounds.add(s);
                    inclusive = k == Tree.Kind.LESS_THAN_EQUAL;
                }
            } else {
                Long floor = constant(bound);
                String s = resolve(m, init.getInitializer(), 0);
                if (floor != null && floor >= 0 && s != null) {
                    return new Loop(where, method, List.of(s), floor, k == Tree.Kind.GREATER_THAN_EQUAL, null);
                }
            }
        }
        if (bounds.isEmpty()) {
            return new Loop(where, method, List.of(), 0, false, "the condition does not compare the index '" + index
                    + "' with a constant or a boot-time table size (LoopBounds.FACTS)");
        }
        Long start = constant(init.getInitializer());
        if (start == null && !startsAtOuterIndex(init.getInitializer(), outer)) {
            return new Loop(where, method, List.of(), 0, false, "the index '" + index
                    + "' must start at a non-negative constant or at an enclosing loop's index");
        }
        return new Loop(where, method, bounds, start == null ? 0 : start, inclusive, null);
    }

    /** @return a bound symbol ("partitions", or "=128" for a constant) for an expression, or null. */
    private String resolve(JavaModel.Method m, ExpressionTree e, int depth) {
        if (depth > 8) {
            return null;
        }
        Long c = constant(e);
        if (c != null) {
            return "=" + c;
        }
        if (e instanceof ParenthesizedTree p) {
            return resolve(m, p.getExpression(), depth + 1);
        }
        if (e instanceof TypeCastTree tc) {
            return resolve(m, tc.getExpression(), depth + 1);
        }
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.MULTIPLY) {
            // a table size times a positive constant (either side)
            Long byRight = constant(b.getRightOperand());
            Long byLeft = constant(b.getLeftOperand());
            Long by = byRight != null ? byRight : byLeft;
            String of = resolve(m, byRight != null ? b.getLeftOperand() : b.getRightOperand(), depth + 1);
            if (by == null || by <= 0 || of == null || of.contains("/") || of.contains("*")) {
                return null;
            }
            return of.startsWith("=") ? "=" + Long.parseLong(of.substring(1)) * by : of + "*" + by;
        }
        if (e instanceof BinaryTree b && (b.getKind() == Tree.Kind.UNSIGNED_RIGHT_SHIFT
                || b.getKind() == Tree.Kind.RIGHT_SHIFT || b.getKind() == Tree.Kind.DIVIDE)) {
            // a table size divided by a positive constant (sizes are never negative, so a shift divides)
            Long by = constant(b.getRightOperand());
            String of = resolve(m, b.getLeftOperand(), depth + 1);
            if (by == null || by <= 0 || by > 62 && b.getKind() != Tree.Kind.DIVIDE || of == null || of.contains("/")
                    || of.contains("*")) {
                return null;
            }
            long den = b.getKind() == Tree.Kind.DIVIDE ? by : 1L << by;
            return of.startsWith("=") ? "=" + Long.parseLong(of.substring(1)) / den : of + "/" + den;
        }
        if (e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("length")) {
            return arrayLength(element(m, ms.getExpression()));
        }
        Element el = element(m, e);
        if (e instanceof ArrayAccessTree a) {
            el = element(m, a.getExpression());
        }
        if (el == null) {
            return null;
        }
        if (el.getKind() == ElementKind.LOCAL_VARIABLE && !(e instanceof ArrayAccessTree)) {
            VariableTree decl = declaration(m, (VariableElement) el);
            if (decl == null || decl.getInitializer() == null || writes(m.tree().getBody(), (VariableElement) el)) {
                return null;
            }
            return resolve(m, decl.getInitializer(), depth + 1);
        }
        if (el.getKind() == ElementKind.PARAMETER && !(e instanceof ArrayAccessTree)) {
            return parameter(m, (VariableElement) el, depth);
        }
        Fact f = FACTS.get(JavaModel.owner(el) + "." + el.getSimpleName());
        boolean fieldOk = el.getKind() != ElementKind.FIELD || el.getModifiers().contains(Modifier.FINAL);
        return f != null && fieldOk ? f.symbol() : null;
    }

    /**
     * @return the symbol every call site in the sources passes for parameter v of m, when m is not
     *     public or protected (so no caller outside the sources exists), m never writes v, and all
     *     its call sites agree; else null
     */
    private String parameter(JavaModel.Method m, VariableElement v, int depth) {
        Set<Modifier> mods = m.element().getModifiers();
        int index = m.element().getParameters().indexOf(v);
        if (mods.contains(Modifier.PUBLIC) || mods.contains(Modifier.PROTECTED) || index < 0
                || writes(m.tree().getBody(), v)) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (JavaModel.Method caller : model.methods.values()) {
            if (caller.tree().getBody() == null) {
                continue;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree mi, Void x) {
                    if (model.trees.getElement(getCurrentPath()) == m.element()) {
                        String s = resolve(caller, mi.getArguments().get(index), depth + 1);
                        seen.add(s == null ? "?" : s);
                    }
                    return super.visitMethodInvocation(mi, x);
                }
            }.scan(new TreePath(caller.path(), caller.tree().getBody()), null);
        }
        return seen.size() == 1 && !seen.contains("?") ? seen.iterator().next() : null;
    }

    /** @return "=n" for a final array field created with a constant size or n initializers, or null. */
    private String arrayLength(Element field) {
        if (field == null || field.getKind() != ElementKind.FIELD || !field.getModifiers().contains(Modifier.FINAL)) {
            return null;
        }
        for (CompilationUnitTree u : model.units) {
            String[] found = new String[1];
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree t, Void x) {
                    if (t.getInitializer() instanceof com.sun.source.tree.NewArrayTree na
                            && model.trees.getElement(getCurrentPath()) == field) {
                        if (na.getInitializers() != null) {
                            found[0] = "=" + na.getInitializers().size();
                        } else if (na.getDimensions().size() == 1 && constant(na.getDimensions().get(0)) != null) {
                            found[0] = "=" + constant(na.getDimensions().get(0));
                        }
                    }
                    return super.visitVariable(t, x);
                }
            }.scan(u, null);
            if (found[0] != null) {
                return found[0];
            }
        }
        return null;
    }

    private Element element(JavaModel.Method m, ExpressionTree e) {
        TreePath p = TreePath.getPath(m.unit(), e);
        return p == null ? null : model.trees.getElement(p);
    }

    private VariableTree declaration(JavaModel.Method m, VariableElement v) {
        VariableTree[] found = new VariableTree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree t, Void x) {
                if (model.trees.getElement(getCurrentPath()) == v) {
                    found[0] = t;
                }
                return super.visitVariable(t, x);
            }
        }.scan(m.path(), null);
        return found[0];
    }

    /** @return the value of a compile-time constant int/long expression, or null. */
    private Long constant(ExpressionTree e) {
        if (e instanceof LiteralTree l && l.getValue() instanceof Number n) {
            return n.longValue();
        }
        if (e instanceof ParenthesizedTree p) {
            return constant(p.getExpression());
        }
        if (e instanceof BinaryTree b) {
            Long l = constant(b.getLeftOperand());
            Long r = constant(b.getRightOperand());
            if (l != null && r != null) {
                switch (b.getKind()) {
                    case DIVIDE: return r == 0 ? null : l / r;
                    case MULTIPLY: return l * r;
                    case PLUS: return l + r;
                    case MINUS: return l - r;
                    case LEFT_SHIFT: return l << r;
                    case RIGHT_SHIFT: return l >> r;
                    default: return null;
                }
            }
            return null;
        }
        if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
            for (CompilationUnitTree u : model.units) {
                TreePath p = TreePath.getPath(u, e);
                if (p != null && model.trees.getElement(p) instanceof VariableElement v
                        && v.getConstantValue() instanceof Number n) {
                    return n.longValue();
                }
            }
        }
        return null;
    }

    private static List<ExpressionTree> conjuncts(ExpressionTree e) {
        List<ExpressionTree> out = new ArrayList<>();
        if (e instanceof ParenthesizedTree p) {
            return conjuncts(p.getExpression());
        }
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_AND) {
            out.addAll(conjuncts(b.getLeftOperand()));
            out.addAll(conjuncts(b.getRightOperand()));
        } else {
            out.add(e);
        }
        return out;
    }

    private static Tree.Kind flip(Tree.Kind k) {
        return switch (k) {
            case LESS_THAN -> Tree.Kind.GREATER_THAN;
            case LESS_THAN_EQUAL -> Tree.Kind.GREATER_THAN_EQUAL;
            case GREATER_THAN -> Tree.Kind.LESS_THAN;
            case GREATER_THAN_EQUAL -> Tree.Kind.LESS_THAN_EQUAL;
            default -> k;
        };
    }

    private boolean isVar(ExpressionTree e, VariableElement v) {
        return e instanceof IdentifierTree id && id.getName().contentEquals(v.getSimpleName());
    }

    private boolean startsAtOuterIndex(ExpressionTree e, List<VariableElement> outer) {
        ExpressionTree x = e;
        if (x instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS && constant(b.getRightOperand()) != null
                && constant(b.getRightOperand()) >= 0) {
            x = b.getLeftOperand();
        }
        for (VariableElement o : outer) {
            if (isVar(x, o)) {
                return true;
            }
        }
        return false;
    }

    /** @return +1 or -1 for i++, ++i, i += 1 / i--, --i, i -= 1 on v; 0 otherwise. */
    private int step(ExpressionStatementTree s, VariableElement v) {
        ExpressionTree e = s.getExpression();
        if (e instanceof UnaryTree u && isVar(u.getExpression(), v)) {
            return switch (u.getKind()) {
                case POSTFIX_INCREMENT, PREFIX_INCREMENT -> 1;
                case POSTFIX_DECREMENT, PREFIX_DECREMENT -> -1;
                default -> 0;
            };
        }
        if (e instanceof CompoundAssignmentTree c && isVar(c.getVariable(), v)
                && Long.valueOf(1).equals(constant(c.getExpression()))) {
            return c.getKind() == Tree.Kind.PLUS_ASSIGNMENT ? 1 : c.getKind() == Tree.Kind.MINUS_ASSIGNMENT ? -1 : 0;
        }
        return 0;
    }

    /** @return true when tree assigns, increments or decrements a variable named like v. */
    private boolean writes(Tree tree, VariableElement v) {
        boolean[] w = new boolean[1];
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree t, Void x) {
                w[0] |= isVar(t.getVariable(), v);
                return super.visitAssignment(t, x);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree t, Void x) {
                w[0] |= isVar(t.getVariable(), v);
                return super.visitCompoundAssignment(t, x);
            }

            @Override
            public Void visitUnary(UnaryTree t, Void x) {
                w[0] |= t.getKind().name().contains("CREMENT") && isVar(t.getExpression(), v);
                return super.visitUnary(t, x);
            }
        }.scan(tree, null);
        return w[0];
    }

    // ---- worst-case iteration counts ----

    /** @return the iterations of one loop for a configuration (symbol -> table size). */
    long iterations(Loop l, Map<String, Long> config) {
        long best = Long.MAX_VALUE;
        for (String s : l.bounds()) {
            int slash = s.indexOf('/');
            int star = s.indexOf('*');
            long b = s.startsWith("=") ? Long.parseLong(s.substring(1))
                    : slash > 0 ? config.get(s.substring(0, slash)) / Long.parseLong(s.substring(slash + 1))
                    : star > 0 ? config.get(s.substring(0, star)) * Long.parseLong(s.substring(star + 1))
                    : config.get(s);
            best = Math.min(best, b);
        }
        return Math.max(0, best - l.start() + (l.inclusive() ? 1 : 0));
    }

    /**
     * @return the worst-case number of loop-body executions of m and everything it calls in the
     *         sources (calls into the port SPI count 0: they are the port's), taking the larger
     *         branch of every if, switch and conditional.
     */
    long worstCase(ExecutableElement m, Map<String, Long> config) {
        return new Cost(config).method(m, new HashSet<>());
    }

    private final class Cost {
        private final Map<String, Long> config;
        private final Map<ExecutableElement, Long> memo = new HashMap<>();

        Cost(Map<String, Long> config) {
            this.config = config;
        }

        long method(ExecutableElement m, Set<ExecutableElement> stack) {
            Long done = memo.get(m);
            if (done != null) {
                return done;
            }
            JavaModel.Method body = model.methods.get(m);
            long c = 0;
            if (!stack.add(m)) {
                throw new AssertionError("recursion through " + JavaModel.name(m));
            }
            if (body != null && body.tree().getBody() != null) {
                c = tree(body.tree().getBody(), body, stack);
            }
            for (JavaModel.Method o : model.overriders(m)) {
                c = Math.max(c, method(o.element(), stack));
            }
            stack.remove(m);
            memo.put(m, c);
            return c;
        }

        long tree(Tree t, JavaModel.Method in, Set<ExecutableElement> stack) {
            if (t == null) {
                return 0;
            }
            Long r = new TreeScanner<Long, Void>() {
                @Override
                public Long reduce(Long a, Long b) {
                    return (a == null ? 0 : a) + (b == null ? 0 : b);
                }

                @Override
                public Long visitForLoop(ForLoopTree f, Void v) {
                    long n = iterations(loops.get(f), config);
                    long per = 1 + tree(f.getStatement(), in, stack) + tree(f.getCondition(), in, stack);
                    for (StatementTree s : f.getUpdate()) {
                        per += tree(s, in, stack);
                    }
                    long init = 0;
                    for (StatementTree s : f.getInitializer()) {
                        init += tree(s, in, stack);
                    }
                    return init + n * per;
                }

                @Override
                public Long visitIf(IfTree i, Void v) {
                    return tree(i.getCondition(), in, stack)
                            + Math.max(tree(i.getThenStatement(), in, stack), tree(i.getElseStatement(), in, stack));
                }

                @Override
                public Long visitConditionalExpression(ConditionalExpressionTree c, Void v) {
                    return tree(c.getCondition(), in, stack)
                            + Math.max(tree(c.getTrueExpression(), in, stack), tree(c.getFalseExpression(), in, stack));
                }

                @Override
                public Long visitSwitch(SwitchTree s, Void v) {
                    long max = 0;
                    for (CaseTree c : s.getCases()) {
                        long sum = 0;
                        for (StatementTree st : c.getStatements() == null ? List.<StatementTree>of()
                                : c.getStatements()) {
                            sum += tree(st, in, stack);
                        }
                        max = Math.max(max, sum);
                    }
                    return tree(s.getExpression(), in, stack) + max;
                }

                @Override
                public Long visitMethodInvocation(MethodInvocationTree mi, Void v) {
                    long args = reduce(scan(mi.getMethodSelect(), v), scan(mi.getArguments(), v));
                    TreePath p = TreePath.getPath(in.unit(), mi);
                    Element e = p == null ? null : model.trees.getElement(p);
                    return args + (e instanceof ExecutableElement callee ? method(callee, stack) : 0);
                }

                @Override
                public Long visitBlock(BlockTree b, Void v) {
                    return super.visitBlock(b, v);
                }
            }.scan(t, null);
            return r == null ? 0 : r;
        }
    }
}
