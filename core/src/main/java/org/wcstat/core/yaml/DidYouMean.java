package org.wcstat.core.yaml;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The allowed name a wrong one was probably meant to be: a misspelt field, measure or department is
 * usually one or two keystrokes away from the right one ('regoin' for 'region'), or cut short ('pooled'
 * for 'pooled_years').
 */
public final class DidYouMean {
    private static final LevenshteinDistance WITHIN_TWO = new LevenshteinDistance(2);
    private static final int SHORTEST_PREFIX = 4;
    /** A longer list of names drowns the message it ends. */
    private static final int LONGEST_LIST = 30;

    private DidYouMean() {
    }

    /** The nearest allowed name, if one is near enough to be a likely intent. */
    public static Optional<String> nearest(String wrong, Collection<String> allowed) {
        if (wrong == null || wrong.isEmpty()) {
            return Optional.empty();
        }
        // a short name is one or two edits from almost anything: allow one edit only (distances are in tenths)
        int most = wrong.length() <= 3 ? 10 : 20;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : new TreeSet<>(allowed)) {
            int d = distance(wrong.toLowerCase(), name.toLowerCase());
            if (d >= 0 && d <= most && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        List<String> extending = new TreeSet<>(allowed).stream()
                .filter(name -> sharePrefix(wrong.toLowerCase(), name.toLowerCase())).toList();
        return extending.size() == 1 ? Optional.of(extending.get(0)) : Optional.empty();
    }

    /** " (did you mean 'x'?)" to follow the wrong name in a message, or nothing when no allowed name is near. */
    public static String hint(String wrong, Collection<String> allowed) {
        return nearest(wrong, allowed).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    /** "; the measures are [a, b]" to end a message with, when the list is short enough to read. */
    public static String listed(String what, Collection<String> names) {
        return names.size() > LONGEST_LIST ? "" : "; the " + what + " are " + new TreeSet<>(names);
    }

    /**
     * Edits from one name to the other, in tenths so that two letters typed in the wrong order ('=<'
     * for '<=', 'tabel' for 'table') come before any single letter added, left out or replaced: it is
     * the commonest slip. -1 beyond two edits.
     */
    private static int distance(String a, String b) {
        if (swapsTwoAdjacent(a, b)) {
            return 9;
        }
        int d = WITHIN_TWO.apply(a, b);
        return d < 0 ? -1 : d * 10;
    }

    private static boolean swapsTwoAdjacent(String a, String b) {
        if (a.length() != b.length()) return false;
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) i++;
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    private static boolean sharePrefix(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= SHORTEST_PREFIX && longer.startsWith(shorter);
    }
}
