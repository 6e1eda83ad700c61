package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.DriverRows;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import org.wcstat.core.stats.RateInterval;

import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Computes every indicator of the catalog for a year in one pass over the facts ({@link TermSums}): the
 * sum of every filtered measure in the district total and in every group of every one-way breakdown. The
 * indicators are then assembled from that small result on the driver.
 */
public final class ComputeJob implements Job {

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        ctx.warehouse().ensureTables();
        SparkSession spark = ctx.warehouse().spark();
        Catalog catalog = ctx.config().catalog();
        TermColumns terms = new TermColumns(catalog);
        ctx.progress().step("computing " + catalog.entries().size() + " indicator(s) over " + terms.size()
                + " filtered measure(s) in one pass over the " + year + " facts");

        String district = ctx.config().regions().district().code();
        CellKey total = CellKey.total(district);
        TermSums sums = TermSums.of(spark, terms, year);
        Map<String, Set<Integer>> present = sums.presentMeasures(terms, year);

        List<Row> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            Set<String> missing = new java.util.TreeSet<>();
            boolean partialPool = false;
            for (Formula.Term t : e.formula().terms()) {
                Set<Integer> years = present.getOrDefault(t.measure(), Set.of());
                if (!years.contains(t.yearFor(year))) missing.add(t.measure() + (t.yearFor(year) != year ? " in " + t.yearFor(year) : ""));
                for (int y : TermColumns.window(t, e.indicator().poolYears(), year)) {
                    if (!years.contains(y)) partialPool = true;
                }
            }
            if (!missing.isEmpty()) {
                skipped.add(e.code() + " (no " + year + " data for " + missing + ")");
                continue;
            }
            if (anyTermPresent(e, terms, sums.total())) out.add(value(e, year, total, sums.total(), terms, partialPool));
            for (String by : e.indicator().disaggregations()) {
                Dimension d = Dimension.ofCatalogName(by).orElseThrow();
                List<TermSums.Group> groups = sums.groups(d);
                // facts kept only at a coarser level (no sex, no town ...) group under the "total" code
                String notBrokenDown = d.totalCode(district);
                TermSums.Group unbroken = groups.stream().filter(g -> notBrokenDown.equals(g.code())).findFirst().orElse(null);
                if (unbroken != null && anyTermHasData(e, terms, unbroken)) {
                    ctx.progress().warn(e.code() + ": not published by " + d.catalogName()
                            + " for " + year + ": some of its data are not broken down that way");
                    continue;
                }
                for (TermSums.Group g : groups) {
                    CellKey cell = total.with(d, g.code());
                    // the unbroken group is the total; an unknown code counts in the total and in no breakdown
                    if (cell.breakdown(district) != Breakdown.by(d)) continue;
                    // a group seen only in other years of the window (a town with no 2024 rows) has nothing to say
                    if (!anyTermPresent(e, terms, g)) continue;
                    out.add(value(e, year, cell, g, terms, partialPool));
                }
            }
        }
        var schema = spark.table(Warehouse.INDICATOR_VALUES).schema();
        try (DriverRows d = DriverRows.of(spark, out, schema)) {
            ctx.warehouse().replace(d.dataset(), Warehouse.INDICATOR_VALUES, col("year").equalTo(year));
        }
        skipped.forEach(s -> ctx.progress().warn("not computed: " + s));
        return String.format("computed %d indicator value(s) for %d; %d indicator(s) without data",
                out.size(), year, skipped.size());
    }

    private static boolean anyTermPresent(Catalog.Entry e, TermColumns terms, TermSums.Group g) {
        return e.formula().terms().stream().anyMatch(t -> g.sum(terms.name(t, e.indicator().poolYears())) != null);
    }

    private static boolean anyTermHasData(Catalog.Entry e, TermColumns terms, TermSums.Group g) {
        for (Formula.Term t : e.formula().terms()) {
            Double v = g.sum(terms.name(t, e.indicator().poolYears()));
            if (v != null && v != 0) return true;
        }
        return false;
    }

    private static Row value(Catalog.Entry e, int year, CellKey cell, TermSums.Group g, TermColumns terms, boolean partialPool) {
        Indicator ind = e.indicator();
        int pool = ind.poolYears();
        double num = sum(e.formula().numerator(), terms, g, pool);
        Double den = e.formula().denominator() == null ? null : sum(e.formula().denominator(), terms, g, pool);
        RateInterval interval = RateInterval.of(ind.interval());
        Double value;
        double[] ci = null;
        List<String> flags = new ArrayList<>();
        if (pool > 1) flags.add("pooled_" + pool + "y");
        if (pool > 1 && partialPool) flags.add("pooled_partial");
        Formula minus = e.formula().minus();
        if (den == null) {
            value = num;
        } else if (den <= 0) {
            value = null;
            flags.add("zero_denominator");
        } else if (minus != null) {
            // a gap: the first ratio less the second, both with the indicator's factor; numerator and
            // denominator are the first ratio's, whose counts disclosure control judges
            double minusDen = sum(minus.denominator(), terms, g, pool);
            if (minusDen <= 0) {
                value = null;
                flags.add("zero_denominator");
            } else {
                value = (num / den - sum(minus.numerator(), terms, g, pool) / minusDen) * ind.factorOrOne();
            }
            flags.add("difference");
        } else {
            value = num / den * ind.factorOrOne();
            ci = interval.interval(num, den, ind.factorOrOne());
            if (interval.unstable(num)) flags.add("unstable");
        }
        return RowFactory.create(ind.code(), year, cell.region(), cell.sex(), cell.ageBand(), cell.residence(), num, den, value,
                ci == null ? null : ci[0], ci == null ? null : ci[1], String.join(",", flags));
    }

    /** A measure with no fact in a group counts zero there: it was reported for the year, just not here. */
    private static double sum(Formula.Expr expr, TermColumns terms, TermSums.Group g, int pool) {
        double s = 0;
        for (Formula.SignedTerm t : expr.terms()) {
            Double v = g.sum(terms.name(t.term(), pool));
            s += t.sign() * (v == null ? 0 : v);
        }
        return s;
    }

}
