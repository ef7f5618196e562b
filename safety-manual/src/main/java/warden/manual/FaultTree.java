package warden.manual;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fault trees of the safety analysis: gates (OR, AND) over gates and FMEA rows (the basic
 * events), their minimal cut sets computed top-down (MOCUS: an OR gate unites its inputs' cut sets,
 * an AND gate combines one cut set of each input; supersets are then removed), and each tree drawn
 * as an SVG picture. The trees are checked first: unknown inputs, cycles and unreachable gates are
 * findings of the analysis file.
 *
 * [impl->dsn~manual.fault-trees~1]
 */
final class FaultTree {
    /** One gate: its id, OR or AND, the event it stands for, its inputs and its line. */
    record Gate(String id, String type, String event, List<String> inputs, int line) {
    }

    /** The most cut sets one gate may have before the tree is refused as too large to print. */
    static final int MAX_CUT_SETS = 4096;

    private final AnalysisFile a;
    final Map<String, Gate> gates = new LinkedHashMap<>();
    final Map<String, AnalysisFile.Row> basic = new LinkedHashMap<>();
    private boolean sound = true;

    private FaultTree(AnalysisFile a) {
        this.a = a;
    }

    static FaultTree of(AnalysisFile a) {
        FaultTree t = new FaultTree(a);
        for (AnalysisFile.Row r : a.rows(AnalysisFile.FMEA, 0)) {
            t.basic.put(r.cell(0), r);
        }
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 1)) {
            t.gates.putIfAbsent(r.cell(0), new Gate(r.cell(0), r.cell(1), r.cell(2), AnalysisFile.refs(r.cell(3)),
                    r.line()));
        }
        return t;
    }

    /** Adds a finding for every malformed gate, unknown input, cycle and unreachable gate. */
    void check() {
        Set<String> ids = new HashSet<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 1)) {
            if (!r.cell(0).matches("G-[A-Z0-9-]+") || !ids.add(r.cell(0)) || basic.containsKey(r.cell(0))) {
                fail(r.line(), "gate id \"" + r.cell(0) + "\" must be G-<NAME> and unique");
            }
        }
        for (Gate g : gates.values()) {
            if (!g.type().equals("OR") && !g.type().equals("AND")) {
                fail(g.line(), "gate " + g.id() + " has type \"" + g.type() + "\"; it must be OR or AND");
            }
            if (g.inputs().size() < (g.type().equals("AND") ? 2 : 1)) {
                fail(g.line(), "gate " + g.id() + " has too few inputs");
            }
            for (String in : g.inputs()) {
                if (!gates.containsKey(in) && !basic.containsKey(in)) {
                    fail(g.line(), "input " + in + " of gate " + g.id() + " is neither a gate nor an FMEA row");
                }
            }
        }
        Set<String> reached = new HashSet<>();
        for (AnalysisFile.Row r : a.rows(AnalysisFile.TREES, 0)) {
            if (!gates.containsKey(r.cell(1))) {
                fail(r.line(), "top gate " + r.cell(1) + " of " + r.cell(0) + " is no gate");
            } else {
                walk(r.cell(1), reached);
            }
        }
        for (Gate g : gates.values()) {
            if (!reached.contains(g.id())) {
                fail(g.line(), "gate " + g.id() + " is reached from no top event");
            }
        }
    }

    /** @return false once a check found the trees malformed (their cut sets are then not computed). */
    boolean sound() {
        return sound;
    }

    private void fail(int line, String message) {
        sound = false;
        a.error(line, message);
    }

    /** Marks every gate below {@code top}; a gate that is its own input (directly or not) is a finding. */
    private void walk(String top, Set<String> reached) {
        Deque<String[]> stack = new ArrayDeque<>(); // {gate, path of gates from the top, ','-separated}
        stack.push(new String[] {top, "," + top + ","});
        int steps = 0;
        while (!stack.isEmpty() && steps++ < 100_000) { // bounded: a tree larger than this is refused below
            String[] s = stack.pop();
            reached.add(s[0]);
            for (String in : gates.get(s[0]).inputs()) {
                if (!gates.containsKey(in)) {
                    continue;
                }
                if (s[1].contains("," + in + ",")) {
                    fail(gates.get(s[0]).line(), "gate " + in + " is its own input (cycle " + s[1] + in + ")");
                } else {
                    stack.push(new String[] {in, s[1] + in + ","});
                }
            }
        }
        if (!stack.isEmpty()) {
            fail(gates.get(top).line(), "the tree under " + top + " is too large to expand");
        }
    }

    /** @return the FMEA rows reached from the gate (none when the trees are not sound). */
    Set<String> basicEvents(String top) {
        Set<String> out = new TreeSet<>();
        for (List<String> cut : cutSets(top)) {
            out.addAll(cut);
        }
        if (sound && gates.containsKey(top)) { // events that only occur in non-minimal cut sets
            Deque<String> stack = new ArrayDeque<>(List.of(top));
            while (!stack.isEmpty()) { // bounded: the trees were checked to be acyclic
                for (String in : gates.get(stack.pop()).inputs()) {
                    if (gates.containsKey(in)) {
                        stack.push(in);
                    } else {
                        out.add(in);
                    }
                }
            }
        }
        return out;
    }

    /** @return the minimal cut sets of the gate, smallest first, each sorted; none when the trees are unsound. */
    List<List<String>> cutSets(String top) {
        if (!sound || !gates.containsKey(top)) {
            return List.of();
        }
        Map<String, List<Set<String>>> memo = new HashMap<>();
        List<String> order = new ArrayList<>();
        postOrder(top, order);
        try {
            for (String g : order) {
                memo.put(g, gateCuts(gates.get(g), memo));
            }
        } catch (IllegalStateException e) {
            fail(gates.get(top).line(), e.getMessage());
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        for (Set<String> s : memo.get(top)) {
            out.add(new ArrayList<>(new TreeSet<>(s)));
        }
        out.sort((x, y) -> x.size() != y.size() ? Integer.compare(x.size(), y.size())
                : String.join(",", x).compareTo(String.join(",", y)));
        return out;
    }

    private void postOrder(String top, List<String> order) {
        Deque<String[]> stack = new ArrayDeque<>();
        stack.push(new String[] {top, "in"});
        Set<String> done = new HashSet<>();
        while (!stack.isEmpty()) { // bounded: each gate is entered and left once
            String[] s = stack.pop();
            if (s[1].equals("out")) {
                order.add(s[0]);
            } else if (done.add(s[0])) {
                stack.push(new String[] {s[0], "out"});
                for (String in : gates.get(s[0]).inputs()) {
                    if (gates.containsKey(in) && !done.contains(in)) {
                        stack.push(new String[] {in, "in"});
                    }
                }
            }
        }
    }

    private List<Set<String>> gateCuts(Gate g, Map<String, List<Set<String>>> memo) {
        List<Set<String>> acc = null;
        for (String in : g.inputs()) {
            List<Set<String>> cuts = gates.containsKey(in) ? memo.get(in) : List.of(Set.of(in));
            if (acc == null) {
                acc = new ArrayList<>(cuts);
            } else if (g.type().equals("OR")) {
                acc.addAll(cuts);
            } else {
                List<Set<String>> product = new ArrayList<>();
                for (Set<String> x : acc) {
                    for (Set<String> y : cuts) {
                        Set<String> u = new TreeSet<>(x);
                        u.addAll(y);
                        product.add(u);
                    }
                }
                acc = product;
            }
            acc = minimal(acc);
            if (acc.size() > MAX_CUT_SETS) {
                throw new IllegalStateException("gate " + g.id() + " has more than " + MAX_CUT_SETS + " cut sets");
            }
        }
        return acc;
    }

    /** @return the sets none of which contains another (duplicates once). */
    static List<Set<String>> minimal(List<Set<String>> sets) {
        List<Set<String>> sorted = new ArrayList<>(sets);
        sorted.sort((x, y) -> Integer.compare(x.size(), y.size()));
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> s : sorted) {
            boolean covered = false;
            for (Set<String> kept : out) {
                covered |= s.containsAll(kept);
            }
            if (!covered) {
                out.add(s);
            }
        }
        return out;
    }
}
