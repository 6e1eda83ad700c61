package org.wcstat.jobs.compute;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 * The one pass over the facts: every term of the catalog summed in the district total and in every group of
 * every one-way breakdown.
 * The facts join the list of terms on the measure (broadcast: a few hundred rows), so each fact row
 * adds to each term it falls in, and one aggregation with a grouping set per breakdown sums them.
 * The result is long — (term, group, sum) — and small: a few sums per group. A wide form, one
 * conditional sum per term, makes hundreds of aggregate columns, which Spark evaluates row by row
 * without generated code (more than {@code spark.sql.codegen.maxFields}); the join keeps the
 * aggregation narrow. Which measures have facts in each year, and which codes each breakdown has, come from
 * the same query's second part, the facts grouped by measure and year and by each dimension alone: as
 * terms of the join (one per measure and year, matching every fact) they had doubled the rows joined and
 * put a sum per measure and year in every group (a city's compute: Spark's tasks' CPU about a quarter less).
 */
final class TermSums {
    /** One group of a breakdown: the whole area, or one code of a dimension's column. */
    static final class Group {
        private final String code;
        /** Each term's sum, by the term's index ({@link TermColumns#index}); a term no fact fell in is not set. */
        private final double[] sums;
        private final BitSet set;

        private Group(String code, int terms) {
            this.code = code;
            this.sums = new double[terms];
            this.set = new BitSet(terms);
        }

        /** A group no fact falls in: every term sums to nothing there. */
        static Group empty(String code) {
            return new Group(code, 0);
        }

        /** The group's code in its dimension (a town, a sex ...); null for the whole area. */
        String code() {
            return code;
        }

        /** The sum of the term of this index in the group; null when no fact falls in it. */
        Double sum(int term) {
            return set.get(term) ? sums[term] : null;
        }

        private void put(int term, double sum) {
            sums[term] = sum;
            set.set(term);
        }
    }

    private final int terms;
    private final Group total;
    private final Map<Dimension, Map<String, Group>> groups = new EnumMap<>(Dimension.class);
    /** The measures and years with facts, as {@link TermColumns#presence} names them. */
    private final Set<String> present = new HashSet<>();

    private TermSums(int terms) {
        this.terms = terms;
        this.total = new Group(null, terms);
        for (Dimension d : Dimension.values()) groups.put(d, new LinkedHashMap<>());
    }

    static TermSums of(SparkSession spark, TermColumns terms) {
        String view = "wcstat_terms_" + UUID.randomUUID().toString().replace("-", "");
        spark.createDataFrame(terms.rows(), TermColumns.SCHEMA).createOrReplaceTempView(view);
        try {
            String years = terms.yearsRead().stream().map(String::valueOf).collect(Collectors.joining(", "));
            String measures = terms.measures().stream().map(m -> "'" + m.replace("'", "''") + "'").collect(Collectors.joining(", "));
            String sql = "SELECT /*+ BROADCAST(t) */ t.term, " + each("f.%1$s", ", ") + ",\n"
                    + "  " + each("grouping(f.%1$s) AS g_%1$s", ", ") + ", SUM(f.value) AS value\n"
                    + "FROM " + Warehouse.FACTS + " f JOIN " + view + " t\n"
                    + "  ON f.measure = t.measure AND f.year BETWEEN t.year_from AND t.year_to\n"
                    + "  AND " + each("(t.%2$s IS NULL OR array_contains(t.%2$s, f.%1$s))", "\n  AND ") + "\n"
                    + "WHERE f.year IN (" + years + ")\n"
                    + "GROUP BY GROUPING SETS ((t.term), " + each("(t.term, f.%1$s)", ", ") + ")\n"
                    // which measures have facts in which year, and which codes each dimension's facts carry: the
                    // facts grouped without the terms, so the join is not swollen by a term per measure and year
                    // that matches every fact, nor the aggregation by its sums in every group
                    + "UNION ALL\n"
                    + "SELECT CASE WHEN grouping(f.measure) = 0 THEN " + TermColumns.presenceSql("f.measure", "f.year") + " END, " + each("f.%1$s", ", ") + ",\n"
                    + "  " + each("grouping(f.%1$s) AS g_%1$s", ", ") + ", SUM(f.value)\n"
                    + "FROM " + Warehouse.FACTS + " f\n"
                    + "WHERE f.year IN (" + years + ") AND f.measure IN (" + measures + ")\n"
                    + "GROUP BY GROUPING SETS ((f.measure, f.year), " + each("(f.%1$s)", ", ") + ")";
            TermSums sums = new TermSums(terms.size());
            Dataset<Row> result = spark.sql(sql);
            // a province's result is millions of rows (every term in every town): read by position, each term by its index
            StructType schema = result.schema();
            int termAt = schema.fieldIndex("term");
            int valueAt = schema.fieldIndex("value");
            Dimension[] dimensions = Dimension.values();
            int[] codeAt = new int[dimensions.length];
            int[] groupedAt = new int[dimensions.length];
            for (Dimension d : dimensions) {
                codeAt[d.ordinal()] = schema.fieldIndex(d.column());
                groupedAt[d.ordinal()] = schema.fieldIndex("g_" + d.column());
            }
            // one query over every fact of the window: interpreted, it cost a city's compute 6 of its 9 s
            for (Row r : Spark.withGeneratedCode(spark, result::collectAsList)) {
                Dimension d = null;
                for (Dimension x : dimensions) {
                    // grouping() is 0 for the column grouped by; all are 1 for the total
                    if (((Number) r.get(groupedAt[x.ordinal()])).intValue() == 0) {
                        d = x;
                        break;
                    }
                }
                Group g = d == null ? sums.total
                        : sums.groups.get(d).computeIfAbsent(r.getString(codeAt[d.ordinal()]), c -> new Group(c, sums.terms));
                String term = r.getString(termAt);
                // a code of a dimension with no term: the group exists, as every term's facts are among these
                if (term == null) continue;
                if (TermColumns.isPresence(term)) sums.present.add(term);
                else g.put(TermColumns.index(term), r.getDouble(valueAt));
            }
            return sums;
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    /** One text per dimension, joined: %1$s is the dimension's column, %2$s its column of codes in the list of terms. */
    private static String each(String format, String separator) {
        return Arrays.stream(Dimension.values()).map(d -> String.format(format, d.column(), TermColumns.filterColumn(d)))
                .collect(Collectors.joining(separator));
    }

    /** The district total: every fact of the window, whatever its codes. */
    Group total() {
        return total;
    }

    /** The groups of one dimension's breakdown, one per code of its column. */
    List<Group> groups(Dimension d) {
        return new ArrayList<>(groups.get(d).values());
    }

    /** The group of a code in a dimension's breakdown; null when no fact has that code. */
    Group group(Dimension d, String code) {
        return groups.get(d).get(code);
    }

    /** The years read in which each of the catalog's measures has facts. */
    Map<String, Set<Integer>> presentMeasures(TermColumns terms) {
        Map<String, Set<Integer>> present = new HashMap<>();
        for (String m : terms.measures()) {
            for (int y : terms.yearsRead()) {
                if (this.present.contains(TermColumns.presence(m, y))) present.computeIfAbsent(m, k -> new HashSet<>()).add(y);
            }
        }
        return present;
    }
}
