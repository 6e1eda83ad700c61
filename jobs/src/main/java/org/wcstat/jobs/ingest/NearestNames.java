package org.wcstat.jobs.ingest;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.wcstat.core.yaml.DidYouMean;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.udf;

/**
 * For a town name regions.yaml does not know, the nearest names it does, as a message's end: " (nearest known
 * names: 元坝镇, 卫子镇)". A name one or two characters off is usually a misspelling or a dropped 镇, which
 * an alias fixes. Runs on the executors; only rows whose name did not map call it.
 */
final class NearestNames implements UDF1<String, String> {
    private static final int SHOWN = 3;
    private final List<String> names;

    private NearestNames(Collection<String> names) {
        this.names = new ArrayList<>(names);
    }

    static UserDefinedFunction of(Collection<String> names) {
        return udf(new NearestNames(names), DataTypes.StringType);
    }

    @Override
    public String call(String wrong) {
        if (wrong == null || wrong.isEmpty()) return "";
        // by edit distance, the nearest first; DidYouMean's best match leads when it has one
        TreeMap<Integer, List<String>> byDistance = new TreeMap<>();
        for (String n : names) {
            byDistance.computeIfAbsent(distance(wrong, n), k -> new ArrayList<>()).add(n);
        }
        List<String> nearest = new ArrayList<>();
        DidYouMean.nearest(wrong, names).ifPresent(nearest::add);
        for (List<String> same : byDistance.values()) {
            for (String n : same) {
                if (nearest.size() < SHOWN && !nearest.contains(n)) nearest.add(n);
            }
        }
        return " (nearest known names: " + String.join(", ", nearest) + ")";
    }

    private static int distance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
