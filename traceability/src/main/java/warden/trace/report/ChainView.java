package warden.trace.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;

/**
 * The chains of a trace as the chain view shows them: the roots (each hazard, then every item no
 * hazard reaches that covers nothing, then whatever a cycle left out), each item's verdict and
 * worst figures rolled up from everything below it, and the page that holds each item's first
 * appearance. Rejected items are left out of the roll-up: they claim nothing.
 *
 * <p>Roll-up: an item is verified only if it and every item below it are. Its own verdict counts
 * when it has verifying tests or nothing below it (an item with neither is unverified); the rolled
 * verdict is the worst of its own and its children's rolled verdicts (failed, missing, skipped,
 * unverified, verified, from worst). The worst line, branch and own mutation score below an item
 * are the lowest of its own and of every item below it that has the figure.
 *
 * [impl->dsn~trace.report.chains~1]
 */
final class ChainView {
    /** Verdicts from best to worst; rolled verdicts take the worst. */
    private static final List<String> RANK = List.of("passed", "none", "skipped", "missing", "failed");

    final Trace trace;
    /** Root item ids, hazards first, in the order of the requirement files. */
    final List<String> roots = new ArrayList<>();
    /** Rolled verdict by item id (a value of {@link #RANK}). */
    final Map<String, String> rolled = new HashMap<>();
    /** Lowest line coverage, branch coverage and own mutation score at or below an item (-1: none). */
    final Map<String, double[]> worst = new HashMap<>();
    /** The page file name holding each item's first appearance. */
    final Map<String, String> home = new HashMap<>();

    private ChainView(Trace trace) {
        this.trace = trace;
    }

    /** @return the chain view of a finished trace. */
    static ChainView of(Trace t) {
        ChainView v = new ChainView(t);
        v.rollUp();
        v.findRoots();
        return v;
    }

    /** @return the file name of the page of a root. */
    static String page(String root) {
        return slug(root) + ".html";
    }

    /**
     * @return {@code s} as a file name and fragment: letters, digits, '.' and '-' kept, every other
     *     character written {@code _xx} (its code in hex), so distinct texts give distinct slugs
     */
    static String slug(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) { // bounded by the text
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
                b.append(c);
            } else {
                b.append('_').append(Integer.toHexString(c));
                if (c > 0xff) {
                    b.append('_');
                }
            }
        }
        return b.toString();
    }

    /** @return the children of an item the view follows: existing, not rejected. */
    List<ItemTrace> children(ItemTrace it) {
        List<ItemTrace> out = new ArrayList<>(it.down.size());
        for (String d : it.down) {
            ItemTrace c = trace.items.get(d);
            if (c != null && !c.item.status().equals("rejected")) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return true when the rolled verdict says the item and everything below it passed. */
    boolean verified(String id) {
        return "passed".equals(rolled.get(id));
    }

    /**
     * Computes {@link #rolled} and {@link #worst} for every item in one post-order walk (a cycle's back
     * edge is skipped).
     */
    private void rollUp() {
        Set<String> onPath = new HashSet<>();
        for (ItemTrace start : trace.items.values()) {
            if (rolled.containsKey(start.id())) {
                continue;
            }
            List<ItemTrace> stack = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            stack.add(start);
            next.add(0);
            onPath.add(start.id());
            while (!stack.isEmpty()) { // each item is pushed once: bounded by the item count
                int top = stack.size() - 1;
                ItemTrace it = stack.get(top);
                List<ItemTrace> kids = children(it);
                int i = next.get(top);
                if (i < kids.size()) {
                    next.set(top, i + 1);
                    ItemTrace c = kids.get(i);
                    if (!rolled.containsKey(c.id()) && !onPath.contains(c.id())) {
                        stack.add(c);
                        next.add(0);
                        onPath.add(c.id());
                    }
                    continue;
                }
                combine(it, kids);
                onPath.remove(it.id());
                stack.remove(top);
                next.remove(top);
            }
        }
    }

    private void combine(ItemTrace it, List<ItemTrace> kids) {
        String own = it.verdict();
        int r = own.equals("none") && !kids.isEmpty() ? 0 : rank(own);
        double[] w = {it.lineCoverage(), it.branchCoverage(), it.mutationScore()};
        for (ItemTrace c : kids) {
            String cr = rolled.get(c.id());
            if (cr == null) { // a cycle's back edge: the item on the path is not finished
                continue;
            }
            r = Math.max(r, rank(cr));
            double[] cw = worst.get(c.id());
            for (int k = 0; k < 3; k++) {
                if (cw[k] >= 0 && (w[k] < 0 || cw[k] < w[k])) {
                    w[k] = cw[k];
                }
            }
        }
        rolled.put(it.id(), RANK.get(r));
        worst.put(it.id(), w);
    }

    private static int rank(String verdict) {
        int r = RANK.indexOf(verdict);
        return r < 0 ? RANK.indexOf("skipped") : r;
    }

    /** Picks the roots and each item's home page: the first page, in root order, that shows it. */
    private void findRoots() {
        List<String> hazards = new ArrayList<>();
        List<String> tops = new ArrayList<>();
        for (ItemTrace it : trace.items.values()) {
            if (it.item.type().equals("haz")) {
                hazards.add(it.id());
            } else if (it.up.isEmpty()) {
                tops.add(it.id());
            }
        }
        Map<String, Boolean> underHazard = new LinkedHashMap<>();
        for (String h : hazards) {
            claim(h, underHazard);
        }
        roots.addAll(hazards);
        for (String id : tops) {
            if (!underHazard.containsKey(id)) {
                roots.add(id);
                claim(id, underHazard);
            }
        }
        for (ItemTrace it : trace.items.values()) { // items only a cycle reaches
            if (!underHazard.containsKey(it.id())) {
                roots.add(it.id());
                claim(it.id(), underHazard);
            }
        }
    }

    /** Marks every item reachable from {@code root} and makes the root's page the home of those without one. */
    private void claim(String root, Map<String, Boolean> seen) {
        String page = page(root);
        List<String> todo = new ArrayList<>();
        Set<String> here = new HashSet<>();
        todo.add(root);
        here.add(root);
        for (int i = 0; i < todo.size(); i++) { // each item queued once per root
            String id = todo.get(i);
            seen.put(id, Boolean.TRUE);
            home.putIfAbsent(id, page);
            ItemTrace it = trace.items.get(id);
            if (it == null) {
                continue;
            }
            for (ItemTrace c : children(it)) {
                if (here.add(c.id())) {
                    todo.add(c.id());
                }
            }
        }
    }
}
