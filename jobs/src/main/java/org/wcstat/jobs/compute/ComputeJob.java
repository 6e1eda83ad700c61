package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Computes every indicator of the catalog for a year in one pass over the facts: one aggregation with
 * a grouping set per breakdown, a conditional sum per filtered measure. The indicators are then
 * assembled from that small result on the driver.
 */
public final class ComputeJob implements Job {

    /** A breakdown and the facts column it groups by. */
    enum Breakdown {
        TOTAL(null), SEX("sex"), AGE("age_band"), RESIDENCE("residence"), TOWN("region");

        final String column;

        Breakdown(String column) {
            this.column = column;
        }

        static Breakdown of(String disaggregation) {
            return switch (disaggregation) {
                case "sex" -> SEX;
                case "age" -> AGE;
                case "residence" -> RESIDENCE;
                case "town" -> TOWN;
                default -> throw new IllegalArgumentException(disaggregation);
            };
        }
    }

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        ctx.warehouse().ensureTables();
        SparkSession spark = ctx.warehouse().spark();
        Catalog catalog = ctx.config().catalog();
        TermColumns terms = new TermColumns(catalog);
        ctx.progress().step("computing " + catalog.entries().size() + " indicator(s) over " + terms.size()
                + " filtered measure(s) in one pass over the " + year + " facts");

        String district = ctx.config().regions().district().code();
        String sql = "SELECT region, sex, age_band, residence,\n"
                + "  grouping(region) AS g_region, grouping(sex) AS g_sex, grouping(age_band) AS g_age_band, grouping(residence) AS g_residence,\n  "
                + terms.selectList() + "\nFROM " + Warehouse.FACTS + " WHERE year = " + year
                + "\nGROUP BY GROUPING SETS ((), (region), (sex), (age_band), (residence))";
        List<Row> groups = spark.sql(sql).collectAsList();
        Set<String> present = presentMeasures(spark, year);

        List<Row> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            Set<String> missing = new HashSet<>();
            e.formula().terms().forEach(t -> {
                if (!present.contains(t.measure())) missing.add(t.measure());
            });
            if (!missing.isEmpty()) {
                skipped.add(e.code() + " (no " + year + " data for " + missing + ")");
                continue;
            }
            List<Breakdown> breakdowns = new ArrayList<>(List.of(Breakdown.TOTAL));
            e.indicator().disaggregations().forEach(d -> breakdowns.add(Breakdown.of(d)));
            for (Breakdown b : breakdowns) {
                List<Row> rows = rowsOf(groups, b);
                // facts kept only at a coarser level (no sex, no town ...) group under the "total" code
                String notBrokenDown = b == Breakdown.TOWN ? district : "_T";
                Row unbroken = b == Breakdown.TOTAL ? null
                        : rows.stream().filter(r -> notBrokenDown.equals(r.getAs(b.column))).findFirst().orElse(null);
                if (unbroken != null && anyTermHasData(e.formula(), terms, unbroken)) {
                    ctx.progress().warn(e.code() + ": not published by " + b.name().toLowerCase()
                            + " for " + year + ": some of its data are not broken down that way");
                    continue;
                }
                for (Row g : rows) {
                    if (b != Breakdown.TOTAL && notBrokenDown.equals(g.getAs(b.column))) continue;
                    out.add(value(e, year, b, g, terms, district));
                }
            }
        }
        var schema = spark.table(Warehouse.INDICATOR_VALUES).schema();
        ctx.warehouse().replace(spark.createDataFrame(out, schema), Warehouse.INDICATOR_VALUES, col("year").equalTo(year));
        skipped.forEach(s -> ctx.progress().warn("not computed: " + s));
        return String.format("computed %d indicator value(s) for %d; %d indicator(s) without data",
                out.size(), year, skipped.size());
    }

    private static Set<String> presentMeasures(SparkSession spark, int year) {
        Set<String> m = new HashSet<>();
        spark.sql("SELECT DISTINCT measure FROM " + Warehouse.FACTS + " WHERE year = " + year)
                .collectAsList().forEach(r -> m.add(r.getString(0)));
        return m;
    }

    /** The rows of one grouping set: grouped by exactly its column. */
    private static List<Row> rowsOf(List<Row> groups, Breakdown b) {
        List<Row> rows = new ArrayList<>();
        for (Row r : groups) {
            boolean match = true;
            for (String c : List.of("region", "sex", "age_band", "residence")) {
                boolean grouped = ((Number) r.getAs("g_" + c)).intValue() == 0;
                if (grouped != c.equals(b.column)) match = false;
            }
            if (match) rows.add(r);
        }
        return rows;
    }

    private static boolean anyTermHasData(Formula f, TermColumns terms, Row r) {
        for (Formula.Term t : f.terms()) {
            Object v = r.get(r.fieldIndex("t" + terms.indexOf(t)));
            if (v != null && ((Number) v).doubleValue() != 0) return true;
        }
        return false;
    }

    private static Row value(Catalog.Entry e, int year, Breakdown b, Row g, TermColumns terms, String district) {
        double num = sum(e.formula().numerator(), terms, g);
        Double den = e.formula().denominator() == null ? null : sum(e.formula().denominator(), terms, g);
        Indicator ind = e.indicator();
        Double value;
        String flags = "";
        if (den == null) {
            value = num;
        } else if (den <= 0) {
            value = null;
            flags = "zero_denominator";
        } else {
            value = num / den * ind.factorOrOne();
        }
        String region = b == Breakdown.TOWN ? g.getAs("region") : district;
        String sex = b == Breakdown.SEX ? g.getAs("sex") : "_T";
        String age = b == Breakdown.AGE ? g.getAs("age_band") : "_T";
        String residence = b == Breakdown.RESIDENCE ? g.getAs("residence") : "_T";
        return RowFactory.create(ind.code(), year, region, sex, age, residence, num, den, value, null, null, flags);
    }

    /** A measure with no fact in a group counts zero there: it was reported for the year, just not here. */
    private static double sum(Formula.Expr expr, TermColumns terms, Row g) {
        double s = 0;
        for (Formula.SignedTerm t : expr.terms()) {
            Object v = g.get(g.fieldIndex("t" + terms.indexOf(t.term())));
            s += t.sign() * (v == null ? 0 : ((Number) v).doubleValue());
        }
        return s;
    }

}
