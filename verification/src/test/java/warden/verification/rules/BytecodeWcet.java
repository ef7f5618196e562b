package warden.verification.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The kernel's worst-case execution cost per entry point in the kernel cost model's cycles: one
 * cycle per JVM bytecode instruction executed (a model of a compiled kernel on an in-order core,
 * not a measurement of any chip). It works on the built class files: each method's control-flow
 * graph of instructions, its loops found by their back edges and bounded by the source loop on the
 * same line ({@link LoopBounds}, for a configuration of table sizes), every loop charged
 * (iterations + 1) times its longest path through the body, and every call into a kernel method
 * charged that method's worst case (the largest over its overriders). A call into the port's
 * interfaces or java.base counts as its one invoke instruction: the port charges its own work in
 * its cost model. {@link #blocks} gives the basic blocks an instrumenting class loader counts, so
 * a run measures the same unit the bound is in.
 *
 * [impl->dsn~rj.wcet-cycles~1]
 */
final class BytecodeWcet {
    /** A kernel method by internal class name, name and descriptor. */
    record Key(String owner, String name, String desc) {
        @Override
        public String toString() {
            return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + desc;
        }
    }

    private final Map<String, ClassNode> classes = new TreeMap<>();
    private final Map<Key, MethodNode> methods = new LinkedHashMap<>();
    private final Map<String, List<LoopBounds.Loop>> loopsByFile = new HashMap<>();
    private final LoopBounds bounds;
    private final List<String> errors = new ArrayList<>();

    BytecodeWcet(Path classesOrJar, LoopBounds bounds) {
        this.bounds = bounds;
        for (byte[] b : BytecodeScan.read(classesOrJar)) {
            ClassNode c = new ClassNode();
            new ClassReader(b).accept(c, ClassReader.SKIP_FRAMES);
            if (c.name.endsWith("module-info")) {
                continue;
            }
            classes.put(c.name, c);
            for (MethodNode m : c.methods) {
                methods.put(new Key(c.name, m.name, m.desc), m);
            }
        }
        for (LoopBounds.Loop l : bounds.loops.values()) {
            String file = l.where().substring(0, l.where().indexOf(':'));
            loopsByFile.computeIfAbsent(file.substring(file.indexOf("warden/")), k -> new ArrayList<>()).add(l);
        }
    }

    /** @return the analysis' findings (a loop without a source bound, a cycle it cannot collapse). */
    List<String> errors() {
        return errors;
    }

    Set<Key> methods() {
        return methods.keySet();
    }

    /** @return the kernel method called {@code name} in class {@code owner} (internal name), the only one. */
    Key find(String owner, String name) {
        Key found = null;
        for (Key k : methods.keySet()) {
            if (k.owner().equals(owner) && k.name().equals(name)) {
                if (found != null) {
                    throw new AssertionError("two methods " + owner + "." + name);
                }
                found = k;
            }
        }
        if (found == null) {
            throw new AssertionError("no method " + owner + "." + name);
        }
        return found;
    }

    /** @return the worst-case cycles of m and all it calls in the kernel, for a configuration. */
    long worstCase(Key m, Map<String, Long> config) {
        return new Analysis(config).method(m, new LinkedHashSet<>());
    }

    /**
     * @return the basic blocks of m as (index of the first real instruction, real instructions in
     *     the block), in instruction order: a block starts at the first instruction, at a jump or
     *     switch target and after a jump, switch or return
     */
    static List<int[]> blocks(MethodNode m) {
        AbstractInsnNode[] insns = m.instructions.toArray();
        BitSet leader = new BitSet();
        boolean next = true;
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode n = insns[i];
            if (n instanceof LabelNode && isTarget(m, (LabelNode) n)) {
                next = true;
            }
            if (n.getOpcode() < 0) {
                continue;
            }
            if (next) {
                leader.set(i);
                next = false;
            }
            if (endsBlock(n)) {
                next = true;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = leader.nextSetBit(0); i >= 0; i = leader.nextSetBit(i + 1)) {
            int end = leader.nextSetBit(i + 1) < 0 ? insns.length : leader.nextSetBit(i + 1);
            int n = 0;
            for (int j = i; j < end; j++) {
                n += insns[j].getOpcode() >= 0 ? 1 : 0;
            }
            out.add(new int[] {i, n});
        }
        return out;
    }

    private static boolean isTarget(MethodNode m, LabelNode l) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof JumpInsnNode j && j.label == l) {
                return true;
            }
            if (n instanceof TableSwitchInsnNode t && (t.dflt == l || t.labels.contains(l))) {
                return true;
            }
            if (n instanceof LookupSwitchInsnNode t && (t.dflt == l || t.labels.contains(l))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsBlock(AbstractInsnNode n) {
        int op = n.getOpcode();
        return n instanceof JumpInsnNode || n instanceof TableSwitchInsnNode || n instanceof LookupSwitchInsnNode
                || op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW;
    }

    private final class Analysis {
        private final Map<String, Long> config;
        private final Map<Key, Long> memo = new HashMap<>();

        Analysis(Map<String, Long> config) {
            this.config = config;
        }

        long method(Key k, Set<Key> stack) {
            Long done = memo.get(k);
            if (done != null) {
                return done;
            }
            if (!stack.add(k)) {
                throw new AssertionError("recursion through " + k);
            }
            long c = new Graph(k, methods.get(k), stack).cost();
            stack.remove(k);
            memo.put(k, c);
            return c;
        }

        /** @return the largest worst case among the kernel methods a call to owner.name desc can reach. */
        long call(MethodInsnNode call, Set<Key> stack) {
            long best = 0;
            for (Key k : targets(call)) {
                best = Math.max(best, method(k, stack));
            }
            return best;
        }

        private List<Key> targets(MethodInsnNode call) {
            List<Key> out = new ArrayList<>();
            Key direct = new Key(call.owner, call.name, call.desc);
            if (methods.containsKey(direct) && (methods.get(direct).access & Opcodes.ACC_ABSTRACT) == 0) {
                out.add(direct);
            }
            if (call.getOpcode() == Opcodes.INVOKEVIRTUAL || call.getOpcode() == Opcodes.INVOKEINTERFACE) {
                for (ClassNode c : classes.values()) {
                    if (!c.name.equals(call.owner) && subtype(c, call.owner)) {
                        Key o = new Key(c.name, call.name, call.desc);
                        if (methods.containsKey(o) && (methods.get(o).access & Opcodes.ACC_ABSTRACT) == 0) {
                            out.add(o);
                        }
                    }
                }
            }
            return out;
        }

        private boolean subtype(ClassNode c, String of) {
            for (ClassNode x = c; x != null; x = x.superName == null ? null : classes.get(x.superName)) {
                if (of.equals(x.superName) || x.interfaces.contains(of)) {
                    return true;
                }
                for (String i : x.interfaces) {
                    ClassNode in = classes.get(i);
                    if (in != null && subtype(in, of)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** One method's graph of real instructions, its loops and their collapse into a DAG. */
        private final class Graph {
            private final Key key;
            private final MethodNode m;
            private final AbstractInsnNode[] insns;
            private final int[] line;
            private final List<List<Integer>> succ = new ArrayList<>();
            private final long[] own;
            /** Loop header -> the nodes of its loop (header included). */
            private final Map<Integer, BitSet> loops = new TreeMap<>();

            Graph(Key key, MethodNode m, Set<Key> stack) {
                this.key = key;
                this.m = m;
                this.insns = m.instructions.toArray();
                line = new int[insns.length];
                own = new long[insns.length];
                int ln = 0;
                for (int i = 0; i < insns.length; i++) {
                    if (insns[i] instanceof LineNumberNode l) {
                        ln = l.line;
                    }
                    line[i] = ln;
                    succ.add(new ArrayList<>());
                }
                for (int i = 0; i < insns.length; i++) {
                    AbstractInsnNode n = insns[i];
                    if (n.getOpcode() < 0) {
                        continue;
                    }
                    own[i] = plus(1, n instanceof MethodInsnNode call ? call(call, stack) : 0);
                    edges(i, n);
                }
                if (!m.tryCatchBlocks.isEmpty()) {
                    errors.add(key + ": exception handlers are not analysed");
                }
                findLoops();
            }

            private int real(int i) {
                int j = i;
                while (j < insns.length && insns[j].getOpcode() < 0) {
                    j++;
                }
                return j;
            }

            private int at(LabelNode l) {
                return real(m.instructions.indexOf(l));
            }

            private void edges(int i, AbstractInsnNode n) {
                List<Integer> s = succ.get(i);
                int op = n.getOpcode();
                if (n instanceof JumpInsnNode j) {
                    s.add(at(j.label));
                    if (op != Opcodes.GOTO) {
                        s.add(real(i + 1));
                    }
                } else if (n instanceof TableSwitchInsnNode t) {
                    s.add(at(t.dflt));
                    t.labels.forEach(l -> s.add(at(l)));
                } else if (n instanceof LookupSwitchInsnNode t) {
                    s.add(at(t.dflt));
                    t.labels.forEach(l -> s.add(at(l)));
                } else if (!(op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW)) {
                    s.add(real(i + 1));
                }
                s.removeIf(x -> x >= insns.length);
            }

            /** Back edges by depth-first search; the natural loop of each, merged per header. */
            private void findLoops() {
                int[] state = new int[insns.length];
                List<int[]> back = new ArrayList<>();
                dfs(real(0), state, back);
                for (int[] e : back) {
                    BitSet body = loops.computeIfAbsent(e[1], h -> new BitSet());
                    body.set(e[1]);
                    List<Integer> work = new ArrayList<>(List.of(e[0]));
                    while (!work.isEmpty()) {
                        int x = work.remove(work.size() - 1);
                        if (body.get(x)) {
                            continue;
                        }
                        body.set(x);
                        for (int p = 0; p < insns.length; p++) {
                            if (succ.get(p).contains(x)) {
                                work.add(p);
                            }
                        }
                    }
                }
            }

            private void dfs(int start, int[] state, List<int[]> back) {
                // iterative DFS: the analysed code has no recursion, the analysis keeps to that too
                List<int[]> stack = new ArrayList<>();
                stack.add(new int[] {start, 0});
                state[start] = 1;
                while (!stack.isEmpty()) {
                    int[] top = stack.get(stack.size() - 1);
                    List<Integer> s = succ.get(top[0]);
                    if (top[1] < s.size()) {
                        int n = s.get(top[1]++);
                        if (state[n] == 1) {
                            back.add(new int[] {top[0], n});
                        } else if (state[n] == 0) {
                            state[n] = 1;
                            stack.add(new int[] {n, 0});
                        }
                    } else {
                        state[top[0]] = 2;
                        stack.remove(stack.size() - 1);
                    }
                }
            }

            /** @return the source loop's iterations for the loop whose header is instruction h. */
            private long iterations(int h) {
                String file = key.owner().substring(0, key.owner().lastIndexOf('/') + 1)
                        + classes.get(key.owner()).sourceFile;
                LoopBounds.Loop best = null;
                int bestLine = -1;
                for (LoopBounds.Loop l : loopsByFile.getOrDefault(file, List.of())) {
                    String w = l.where();
                    int ln = Integer.parseInt(w.substring(w.indexOf(':') + 1, w.indexOf(':', w.indexOf(':') + 1)));
                    if (ln <= line[h] && ln > bestLine) {
                        best = l;
                        bestLine = ln;
                    }
                }
                if (best == null || line[h] - bestLine > 3) {
                    errors.add(key + ": the loop at line " + line[h] + " has no source loop bound");
                    return 0;
                }
                return bounds.iterations(best, config);
            }

            long cost() {
                Map<Integer, Long> total = new HashMap<>();
                // innermost loops first: a loop whose body holds fewer nodes cannot contain a larger one
                List<Integer> order = new ArrayList<>(loops.keySet());
                order.sort((a, b) -> Integer.compare(loops.get(a).cardinality(), loops.get(b).cardinality()));
                for (int h : order) {
                    BitSet body = loops.get(h);
                    long per = longest(h, body, h, total);
                    total.put(h, times(iterations(h) + 1, per));
                }
                BitSet all = new BitSet();
                all.set(0, insns.length);
                return longest(real(0), all, -1, total);
            }

            /**
             * @return the longest path from {@code from} inside {@code region}, never taking an edge
             *     back to {@code header}, with every inner loop (a header other than {@code header}
             *     in the region) collapsed into one node that costs its total and leaves by any of its
             *     nodes' exits
             */
            private long longest(int from, BitSet region, int header, Map<Integer, Long> total) {
                Map<Integer, Long> memoPath = new HashMap<>();
                Set<Integer> onPath = new HashSet<>();
                return path(from, region, header, total, memoPath, onPath);
            }

            private long path(int n, BitSet region, int header, Map<Integer, Long> total, Map<Integer, Long> memoPath,
                    Set<Integer> onPath) {
                Long done = memoPath.get(n);
                if (done != null) {
                    return done;
                }
                if (!onPath.add(n)) {
                    errors.add(key + ": a cycle through instruction " + n + " (line " + line[n] + ") is not a loop");
                    return 0;
                }
                long cost;
                List<Integer> exits = new ArrayList<>();
                BitSet inner = n != header ? loops.get(n) : null;
                if (inner != null && total.containsKey(n)) {
                    cost = total.get(n);
                    for (int x = inner.nextSetBit(0); x >= 0; x = inner.nextSetBit(x + 1)) {
                        for (int s : succ.get(x)) {
                            if (!inner.get(s)) {
                                exits.add(s);
                            }
                        }
                    }
                } else {
                    cost = own[n];
                    exits.addAll(succ.get(n));
                }
                long best = 0;
                for (int s : exits) {
                    if (s == header || !region.get(s)) {
                        continue;
                    }
                    best = Math.max(best, path(s, region, header, total, memoPath, onPath));
                }
                onPath.remove(n);
                long r = plus(cost, best);
                memoPath.put(n, r);
                return r;
            }
        }
    }

    /** Saturating sum: a bound too large for a long stays Long.MAX_VALUE (still an upper bound). */
    static long plus(long a, long b) {
        long r = a + b;
        return r < 0 || r < a ? Long.MAX_VALUE : r;
    }

    /** Saturating product of non-negative factors. */
    static long times(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
