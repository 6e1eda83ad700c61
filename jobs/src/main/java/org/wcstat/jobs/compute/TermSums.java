package org.wcstat.jobs.compute;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.Spark;

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
 * adds to each term it falls in, and one aggregation per breakdown sums them ({@link #sql}): by town from the
 * facts, the others from the facts summed over the towns.
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
        String id = UUID.randomUUID().toString().replace("-", "");
        String view = "wcstat_terms_" + id;
        String facts = "wcstat_facts_" + id;
        spark.createDataFrame(terms.rows(), TermColumns.SCHEMA).createOrReplaceTempView(view);
        FactsInTasks.read(spark, terms.yearsRead()).createOrReplaceTempView(facts);
        try {
            String years = terms.yearsRead().stream().map(String::valueOf).collect(Collectors.joining(", "));
            String measures = terms.measures().stream().map(m -> "'" + m.replace("'", "''") + "'").collect(Collectors.joining(", "));
            String sql = sql(view, facts, years, measures, terms.filtersOn(Dimension.TOWN));
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
            // a lambda, not a method reference: Spark names the pass's stages by this line
            for (Row r : Spark.withGeneratedCode(spark, () -> result.collectAsList())) {
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
            spark.catalog().dropTempView(facts);
        }
    }

    /**
     * The pass, in three parts over two reads of the facts. A term's sum in each town: the facts joined to the
     * terms of the indicators published by town, the only ones read town by town (a province's towns are thousands,
     * so each term summed by town is thousands of sums); a fact no such term takes (left joined) still makes its
     * town's group, with no term. A term's sum in the total and
     * in each group of sex, age and residence: the same join, of the facts summed over the towns first, which are
     * thousands of rows where the facts are millions, so the join and its grouping sets stay small; the towns are
     * kept in that sum only when a term filters on them. Which measures have facts in which year, and which codes
     * of sex, age and residence the facts carry: that sum grouped without the terms, so the join is not swollen by
     * a term per measure and year that matches every fact, nor the aggregation by its sums in every group. Every row
     * has the same columns: the term (or presence, or null for a code alone), a code per dimension, grouping() per
     * dimension (0 for the one grouped by, 1 for the others) and the sum.
     */
    static String sql(String terms, String facts, String years, String measures, boolean townsFiltered) {
        List<Dimension> notTown = Arrays.stream(Dimension.values()).filter(d -> d != Dimension.TOWN).toList();
        List<Dimension> summed = townsFiltered ? List.of(Dimension.values()) : notTown;
        String region = Dimension.TOWN.column();
        return "WITH f AS (SELECT measure, year, " + columns(List.of(Dimension.values()), "%1$s") + ", value FROM " + facts
                + " WHERE year IN (" + years + ") AND measure IN (" + measures + ")),\n"
                + "  a AS (SELECT measure, year, " + columns(summed, "%1$s") + ", SUM(value) AS value FROM f GROUP BY measure, year, "
                + columns(summed, "%1$s") + ")\n"
                + "SELECT /*+ BROADCAST(t) */ t.term, f." + region + ", " + columns(notTown, "CAST(NULL AS STRING) AS %1$s") + ",\n"
                + "  0 AS g_" + region + ", " + columns(notTown, "1 AS g_%1$s") + ", SUM(f.value) AS value\n"
                + "FROM f LEFT JOIN " + terms + " t ON t.by_town AND " + matches("f", List.of(Dimension.values())) + "\n"
                + "GROUP BY t.term, f." + region + "\n"
                + "UNION ALL\n"
                + "SELECT /*+ BROADCAST(t) */ t.term, NULL, " + columns(notTown, "a.%1$s") + ",\n"
                + "  1, " + columns(notTown, "grouping(a.%1$s)") + ", SUM(a.value)\n"
                + "FROM a JOIN " + terms + " t ON " + matches("a", summed) + "\n"
                + "GROUP BY GROUPING SETS ((t.term), " + columns(notTown, "(t.term, a.%1$s)") + ")\n"
                + "UNION ALL\n"
                + "SELECT CASE WHEN grouping(a.measure) = 0 THEN " + TermColumns.presenceSql("a.measure", "a.year") + " END, NULL, "
                + columns(notTown, "a.%1$s") + ",\n"
                + "  1, " + columns(notTown, "grouping(a.%1$s)") + ", SUM(a.value)\n"
                + "FROM a GROUP BY GROUPING SETS ((a.measure, a.year), " + columns(notTown, "(a.%1$s)") + ")";
    }

    /** A fact of {@code alias} in a term's measure, year and filter on the given dimensions. */
    private static String matches(String alias, List<Dimension> dimensions) {
        return alias + ".measure = t.measure AND " + alias + ".year BETWEEN t.year_from AND t.year_to"
                + dimensions.stream().map(d -> String.format(" AND (t.%2$s IS NULL OR array_contains(t.%2$s, %3$s.%1$s))",
                d.column(), TermColumns.filterColumn(d), alias)).collect(Collectors.joining());
    }

    /** One text per dimension, joined by commas: %1$s is the dimension's column. */
    private static String columns(List<Dimension> dimensions, String format) {
        return dimensions.stream().map(d -> String.format(format, d.column())).collect(Collectors.joining(", "));
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
