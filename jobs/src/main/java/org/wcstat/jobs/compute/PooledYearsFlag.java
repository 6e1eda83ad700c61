package org.wcstat.jobs.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flag {@code pooled_years=2019+2021-2022} a pooled value carries when it sums fewer years than its window: written
 * by compute, read by disclosure control, which groups the value with exactly those years.
 */
public final class PooledYearsFlag {
    private static final String PREFIX = "pooled_years=";

    private PooledYearsFlag() {
    }

    /** The flag for the years, in runs: 2019-2020, or 2018+2020 with a gap. */
    static String of(Set<Integer> years) {
        List<String> runs = new ArrayList<>();
        Integer start = null;
        Integer last = null;
        for (int y : new TreeSet<>(years)) {
            if (last != null && y == last + 1) {
                last = y;
                continue;
            }
            if (start != null) runs.add(run(start, last));
            start = y;
            last = y;
        }
        if (start != null) runs.add(run(start, last));
        return PREFIX + String.join("+", runs);
    }

    /** The years a value's comma-separated flags name; empty when it sums its whole window. */
    public static Optional<Set<Integer>> in(String flags) {
        if (flags == null) return Optional.empty();
        for (String flag : flags.split(",")) {
            if (!flag.startsWith(PREFIX)) continue;
            Set<Integer> years = new TreeSet<>();
            for (String run : flag.substring(PREFIX.length()).split("\\+")) {
                String[] ends = run.split("-");
                for (int y = Integer.parseInt(ends[0]); y <= Integer.parseInt(ends[ends.length - 1]); y++) years.add(y);
            }
            return Optional.of(years);
        }
        return Optional.empty();
    }

    private static String run(int from, int to) {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }
}
