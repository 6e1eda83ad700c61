package org.wcstat.core.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary and secondary suppression of one table of counts (docs/releases.md, "Disclosure control").
 *
 * <p>Primary: every cell the caller marks (a small count, or a rate resting on one) is withheld.
 *
 * <p>Secondary: a reader can subtract the published cells of an additive group from its total, so the
 * suppressed cells of a group are only safe when that difference tells nothing about any one of them.
 * A group is safe when it has no suppressed cell, or
 * <ul>
 *   <li>its total is published, at least two of its parts are withheld, and their sum (which the reader
 *       can work out) is not a small count itself; or</li>
 *   <li>its total is withheld together with at least one part (or it has no parts).</li>
 * </ul>
 * An unsafe group gets its smallest published part withheld as well (the smallest non-zero one when
 * there is one, since a zero adds nothing to the sum; ties go to the first in the group's order), or its
 * total when no part is left. Groups share cells (the district total is in every breakdown), so this is
 * repeated over all groups until none changes: every round withholds one more cell, so it ends. Groups safe one
 * by one can still fix a cell together (overlapping pooled windows), which {@link Determinacy} finds; a published
 * cell next to it is withheld and the rounds go on.
 */
public final class Suppression<K> {

    public enum Reason { PRIMARY, SECONDARY }

    private final Map<K, Double> counts;
    private final List<AdditiveGroup<K>> groups;
    private final SmallCounts rule;

    /**
     * @param counts the count every cell rests on (a rate's numerator), by cell; cells a group names
     *               but that are missing here count as not published (nothing to protect or subtract)
     */
    public Suppression(Map<K, Double> counts, List<AdditiveGroup<K>> groups, SmallCounts rule) {
        this.counts = counts;
        this.groups = groups;
        this.rule = rule;
    }

    /** The cells to withhold, each with why; cells not in the answer are published. */
    public Map<K, Reason> apply(Collection<K> primary) {
        Map<K, Reason> withheld = new LinkedHashMap<>();
        for (K k : primary) withheld.put(k, Reason.PRIMARY);
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (AdditiveGroup<K> g : groups) {
                    K next = nextToWithhold(g, withheld.keySet());
                    if (next != null) {
                        withheld.put(next, Reason.SECONDARY);
                        changed = true;
                    }
                }
            }
            K more = toUnfix(withheld.keySet());
            if (more == null) return withheld;
            withheld.put(more, Reason.SECONDARY);
        }
    }

    /**
     * Every group safe on its own may still leave a cell that the groups fix together ({@link Determinacy}): then
     * the smallest published cell of a group around it is withheld too, and the groups checked again.
     */
    private K toUnfix(Set<K> withheld) {
        Set<K> published = new HashSet<>(counts.keySet());
        published.removeAll(withheld);
        Set<K> fixed = new Determinacy<>(groups, published).determined(withheld);
        if (fixed.isEmpty()) return null;
        // the first fixed cell in the order cells were withheld, so that the choice is the same on every run
        K target = withheld.stream().filter(fixed::contains).findFirst().orElseThrow();
        K best = null;
        for (AdditiveGroup<K> g : groups) {
            if (!g.parts().contains(target) && !g.total().equals(target)) continue;
            List<K> cells = new ArrayList<>(g.parts());
            cells.add(g.total());
            for (K c : cells) {
                if (published.contains(c) && (best == null || better(counts.get(c), counts.get(best)))) best = c;
            }
        }
        return best;
    }

    /** The cell whose suppression makes the group safer, or null when it is safe. */
    private K nextToWithhold(AdditiveGroup<K> g, Set<K> withheld) {
        List<K> parts = new ArrayList<>();
        for (K p : g.parts()) if (counts.containsKey(p)) parts.add(p);
        boolean totalPublished = counts.containsKey(g.total()) && !withheld.contains(g.total());
        Set<K> withheldParts = new HashSet<>();
        double withheldSum = 0;
        for (K p : parts) {
            if (withheld.contains(p)) {
                withheldParts.add(p);
                withheldSum += counts.get(p);
            }
        }
        if (!totalPublished) {
            boolean totalWithheld = counts.containsKey(g.total());
            if (!totalWithheld || parts.isEmpty() || !withheldParts.isEmpty()) return null;
            return smallestPublished(parts, withheld);
        }
        if (withheldParts.isEmpty()) return null;
        if (withheldParts.size() >= 2 && !rule.suppress(withheldSum)) return null;
        K part = smallestPublished(parts, withheld);
        return part != null ? part : g.total();
    }

    private K smallestPublished(List<K> parts, Set<K> withheld) {
        K best = null;
        for (K p : parts) {
            if (withheld.contains(p)) continue;
            if (best == null || better(counts.get(p), counts.get(best))) best = p;
        }
        return best;
    }

    /** Smaller first, but any non-zero count before a zero. */
    private static boolean better(double candidate, double best) {
        if ((candidate == 0) != (best == 0)) return best == 0;
        return candidate < best;
    }
}
