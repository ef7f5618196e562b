package warden.trace.gate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import warden.trace.link.ItemTrace;
import warden.trace.link.Trace;
import warden.trace.model.Asil;

/**
 * ASIL inheritance and decomposition (ISO 26262-9, clause 5). An item without a written ASIL
 * inherits the highest of its parents'. An item with a written ASIL must not be below a parent's
 * unless it is one half of a valid decomposition: both halves carry the parent's level in brackets
 * ({@code ASIL-B(C)} + {@code ASIL-A(C)}, or {@code ASIL-C(C)} + {@code QM(C)}), both cover that
 * parent, and each names the other in its {@code Decomposition:} field.
 *
 * [impl->dsn~trace.asil~1]
 */
public final class AsilRules {
    private final Trace t;
    private final Set<String> visiting = new HashSet<>();
    private final Set<String> done = new HashSet<>();

    private AsilRules(Trace t) {
        this.t = t;
    }

    /** Gives every item its effective ASIL, then checks each written ASIL against its parents. */
    public static void apply(Trace t) {
        AsilRules r = new AsilRules(t);
        for (ItemTrace it : t.items.values()) {
            r.effective(it);
        }
        for (ItemTrace it : t.items.values()) {
            r.check(it);
        }
    }

    private Asil effective(ItemTrace it) {
        if (done.contains(it.id())) {
            return it.asil;
        }
        if (!visiting.add(it.id())) {
            t.find("cycle", it.item.location(), it.id(), it.id() + " covers itself through its parents");
            return Asil.QM;
        }
        Asil best = null;
        for (String up : it.up) {
            Asil a = effective(t.items.get(up));
            best = best == null || a.level() > best.level() ? a : best;
        }
        it.asilInherited = it.item.asil() == null;
        it.asil = it.item.asil() != null ? it.item.asil() : best == null ? Asil.QM : best;
        visiting.remove(it.id());
        done.add(it.id());
        return it.asil;
    }

    private void check(ItemTrace it) {
        Asil a = it.item.asil();
        if (a == null) {
            return;
        }
        if (!a.decomposed() && !it.item.decomposition().isEmpty()) {
            error(it, "names a decomposition partner but its " + a + " is not decomposed (write it as X(Y))");
        }
        for (String up : it.up) {
            Asil p = t.items.get(up).asil;
            if (a.decomposed() && (a.level() != p.level() || a.of() != p.origin())) {
                decomposition(it, a, up, p);
            } else if (!a.decomposed() && a.level() < p.level()) {
                error(it, "has " + a + ", below " + p + " of its parent " + up
                        + ", and is not part of a decomposition (ISO 26262-9: write ASIL-X(" + p.letter()
                        + ") and name the partner in Decomposition:)");
            }
        }
    }

    private void decomposition(ItemTrace it, Asil a, String up, Asil p) {
        if (a.of() != p.origin()) {
            error(it, "is decomposed from " + letter(a.of()) + " but its parent " + up + " has " + p);
            return;
        }
        List<String> partners = it.item.decomposition();
        if (partners.size() != 1) {
            error(it, "has " + a + " under " + up + " (" + p + ") and must name exactly one decomposition partner");
            return;
        }
        ItemTrace partner = t.items.get(partners.get(0));
        if (partner == null) {
            error(it, "names decomposition partner " + partners.get(0) + ", which names no spec item");
        } else if (!partner.up.contains(up)) {
            error(it, "its decomposition partner " + partner.id() + " does not cover " + up);
        } else if (!partner.item.decomposition().contains(it.id())) {
            error(it, "its decomposition partner " + partner.id() + " does not name it back in Decomposition:");
        } else if (!Asil.validPair(a, partner.asil, p.level(), p.origin())) {
            error(it, a + " + " + partner.asil + " (" + partner.id() + ") is not a valid decomposition of " + p
                    + " (ISO 26262-9: e.g. C = B(C)+A(C) = C(C)+QM(C))");
        }
    }

    private static String letter(int level) {
        return new Asil(level, -1).toString();
    }

    private void error(ItemTrace it, String message) {
        t.find("asil", it.item.location(), it.id(), it.id() + " " + message);
    }
}
