package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one pass over the facts: every term of the catalog summed in every group of every breakdown.
 * The facts join the list of terms on the measure (broadcast: a few hundred rows), so each fact row
 * adds to each term it falls in, and one aggregation with a grouping set per breakdown sums them.
 * The result is long — (term, group, sum) — and small: a few sums per group. A wide form, one
 * conditional sum per term, makes hundreds of aggregate columns, which Spark evaluates row by row
 * without generated code (more than {@code spark.sql.codegen.maxFields}); the join keeps the
 * aggregation narrow.
 */
final class TermSums {
    /** One group of a breakdown: the whole area, or one code of the breakdown's column. */
    static final class Group {
        private final String code;
        private final Map<String, Double> sums = new HashMap<>();

        private Group(String code) {
            this.code = code;
        }

        /** The breakdown's code (a town, a sex ...); null for the whole area. */
        String code() {
            return code;
        }

        /** The term's sum in the group; null when no fact falls in it. */
        Double sum(String term) {
            return sums.get(term);
        }
    }

    private final Map<ComputeJob.Breakdown, Map<String, Group>> groups = new EnumMap<>(ComputeJob.Breakdown.class);

    private TermSums() {
        for (ComputeJob.Breakdown b : ComputeJob.Breakdown.values()) groups.put(b, new LinkedHashMap<>());
    }

    static TermSums of(SparkSession spark, TermColumns terms, int year) {
        String view = "wcstat_terms_" + UUID.randomUUID().toString().replace("-", "");
        spark.createDataFrame(terms.rows(year), TermColumns.SCHEMA).createOrReplaceTempView(view);
        try {
            String years = terms.yearsRead(year).stream().map(String::valueOf).collect(Collectors.joining(", "));
            String sql = "SELECT /*+ BROADCAST(t) */ t.term, f.region, f.sex, f.age_band, f.residence,\n"
                    + "  grouping(f.region) AS g_region, grouping(f.sex) AS g_sex, grouping(f.age_band) AS g_age_band,"
                    + " grouping(f.residence) AS g_residence, SUM(f.value) AS value\n"
                    + "FROM " + Warehouse.FACTS + " f JOIN " + view + " t\n"
                    + "  ON f.measure = t.measure AND f.year BETWEEN t.year_from AND t.year_to\n"
                    + "  AND (t.sexes IS NULL OR array_contains(t.sexes, f.sex))\n"
                    + "  AND (t.age_bands IS NULL OR array_contains(t.age_bands, f.age_band))\n"
                    + "  AND (t.residences IS NULL OR array_contains(t.residences, f.residence))\n"
                    + "  AND (t.regions IS NULL OR array_contains(t.regions, f.region))\n"
                    + "WHERE f.year IN (" + years + ")\n"
                    + "GROUP BY GROUPING SETS ((t.term), (t.term, f.region), (t.term, f.sex), (t.term, f.age_band), (t.term, f.residence))";
            TermSums sums = new TermSums();
            for (Row r : withGeneratedCode(spark, () -> spark.sql(sql).collectAsList())) {
                ComputeJob.Breakdown b = breakdown(r);
                String code = b.column == null ? null : r.getAs(b.column);
                Group g = sums.groups.get(b).computeIfAbsent(code == null ? "" : code, k -> new Group(code));
                g.sums.put(r.getString(0), r.isNullAt(9) ? null : r.getDouble(9));
            }
            return sums;
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    private static final Map<String, String> CODEGEN = Map.of("spark.sql.codegen.factoryMode", "FALLBACK",
            "spark.sql.codegen.wholeStage", "true");

    /**
     * Runs the pass with Spark's generated code, where local mode otherwise interprets expressions
     * ({@link org.wcstat.jobs.Spark}): a load's hundreds of small queries do not repay compiling, but this
     * one query reads every fact of the window, and interpreted it cost a city's compute 6 of its 9 s.
     * The session's settings are put back after; compute runs alone.
     */
    private static List<Row> withGeneratedCode(SparkSession spark, java.util.function.Supplier<List<Row>> query) {
        Map<String, String> before = new HashMap<>();
        CODEGEN.keySet().forEach(k -> before.put(k, spark.conf().get(k, null)));
        CODEGEN.forEach((k, v) -> spark.conf().set(k, v));
        try {
            return query.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) spark.conf().unset(k);
                else spark.conf().set(k, v);
            });
        }
    }

    private static ComputeJob.Breakdown breakdown(Row r) {
        if (grouped(r, 5)) return ComputeJob.Breakdown.TOWN;
        if (grouped(r, 6)) return ComputeJob.Breakdown.SEX;
        if (grouped(r, 7)) return ComputeJob.Breakdown.AGE;
        if (grouped(r, 8)) return ComputeJob.Breakdown.RESIDENCE;
        return ComputeJob.Breakdown.TOTAL;
    }

    private static boolean grouped(Row r, int flag) {
        return ((Number) r.get(flag)).intValue() == 0;
    }

    /** The groups of one breakdown. */
    List<Group> groups(ComputeJob.Breakdown b) {
        return new ArrayList<>(groups.get(b).values());
    }

    /** The years of the window in which each of the catalog's measures has facts. */
    Map<String, Set<Integer>> presentMeasures(TermColumns terms, int year) {
        Map<String, Set<Integer>> present = new HashMap<>();
        Group total = groups.get(ComputeJob.Breakdown.TOTAL).get("");
        if (total == null) return present;
        for (String m : terms.measures()) {
            for (int y : terms.yearsRead(year)) {
                if (total.sums.containsKey(TermColumns.presence(m, y))) present.computeIfAbsent(m, k -> new HashSet<>()).add(y);
            }
        }
        return present;
    }
}
