package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.DriverRows;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * Computes every indicator of the catalog for a year in one pass over the facts ({@link TermSums}): the
 * sum of every filtered measure, year by year, in the district total and in every group of every one-way
 * breakdown. The indicators are then assembled from that small result on the driver: a measure reported
 * for a year without facts in a group is zero there ({@link ReportedYears}); a pooled indicator has its
 * single-year value and its pooled value ({@link Pooling}).
 */
public final class ComputeJob implements Job {

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        ctx.warehouse().ensureTables();
        SparkSession spark = ctx.warehouse().spark();
        Catalog catalog = ctx.config().catalog();
        TermColumns terms = new TermColumns(catalog, year);
        ctx.progress().step("computing " + catalog.entries().size() + " indicator(s) over " + terms.size()
                + " filtered measure(s) by year in one pass over the facts of " + terms.yearsRead());

        Regions regions = ctx.config().regions();
        TermSums sums = TermSums.of(spark, terms);
        ReportedYears reported = ReportedYears.read(spark, ctx.config().sources(), terms.yearsRead(), sums.presentMeasures(terms));

        // the indicators are assembled side by side: a province's half a million values keep the driver busy
        // while Spark waits, and each indicator reads only the sums
        List<Assembled> assembled = catalog.entries().parallelStream()
                .map(e -> assemble(e, year, terms, sums, reported, regions)).toList();
        List<Row> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Assembled a : assembled) {
            out.addAll(a.rows());
            a.warnings().forEach(ctx.progress()::warn);
            if (a.skipped() != null) skipped.add(a.skipped());
        }
        var schema = spark.table(Warehouse.INDICATOR_VALUES).schema();
        try (DriverRows d = DriverRows.of(spark, out, schema)) {
            ctx.warehouse().replace(d.dataset(), Warehouse.INDICATOR_VALUES, col("year").equalTo(year));
        }
        skipped.forEach(s -> ctx.progress().warn("not computed: " + s));
        return String.format("computed %d indicator value(s) for %d; %d indicator(s) without data",
                out.size(), year, skipped.size());
    }

    /** An indicator's values, what it warns of, or why it was not computed. */
    private record Assembled(List<Row> rows, List<String> warnings, String skipped) {
    }

    private static Assembled assemble(Catalog.Entry e, int year, TermColumns terms, TermSums sums, ReportedYears reported, Regions regions) {
        Set<String> missing = new TreeSet<>();
        for (Formula.Term t : e.formula().terms()) {
            if (!reported.reported(t.measure(), t.yearFor(year))) {
                missing.add(t.measure() + (t.yearFor(year) != year ? " in " + t.yearFor(year) : ""));
            }
        }
        if (!missing.isEmpty()) return new Assembled(List.of(), List.of(), e.code() + " (no " + year + " data for " + missing + ")");
        String district = regions.district().code();
        CellKey total = CellKey.total(district);
        List<Row> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Pooling> poolings = Pooling.of(e, year, reported);
        Pooling widest = poolings.get(poolings.size() - 1);
        Map<Pooling, Long> quarantined = new LinkedHashMap<>();
        poolings.forEach(p -> quarantined.put(p, reported.quarantined(p.measureYears(e, year))));
        boolean count = e.formula().denominator() == null;
        Indicated values = new Indicated(e, year, terms, quarantined);

        // a count is a zero where nothing happened; a ratio with no facts at all has nothing to say
        for (Pooling p : poolings) {
            if (count || values.anyTermPresent(sums.total(), p)) {
                out.add(values.row(total, sums.total(), p, UnknownCodes.flags(e, sums, p, values::sum)));
            }
        }
        for (String by : e.indicator().disaggregations()) {
            Dimension d = Dimension.ofCatalogName(by).orElseThrow();
            Map<String, TermSums.Group> groups = new LinkedHashMap<>();
            sums.groups(d).forEach(g -> groups.put(g.code(), g));
            // facts kept only at a coarser level (no sex, no town ...) group under the "total" code
            TermSums.Group unbroken = groups.get(d.totalCode(district));
            if (unbroken != null && values.anyTermHasData(unbroken, widest)) {
                warnings.add(e.code() + ": not published by " + d.catalogName() + " for " + year
                        + ": some of its data are not broken down that way");
                continue;
            }
            // a town without an event has a zero count, not no row
            if (count && d == Dimension.TOWN) regions.towns().forEach(t -> groups.putIfAbsent(t.code(), TermSums.Group.empty(t.code())));
            // the flag of unknown codes is the breakdown's, the same on every group: worked out once, not per town
            Map<Pooling, List<String>> unknownFlags = new LinkedHashMap<>();
            for (Pooling p : poolings) unknownFlags.put(p, UnknownCodes.flag(d, e, sums, p, values::sum));
            for (TermSums.Group g : groups.values()) {
                CellKey cell = total.with(d, g.code());
                // the unbroken group is the total; an unknown code counts in the total and in no breakdown
                if (cell.breakdown(district) != Breakdown.by(d)) continue;
                for (Pooling p : poolings) {
                    // a group seen only in years the value does not sum (a town with no 2024 rows) has nothing to say
                    if (count || values.anyTermPresent(g, p)) out.add(values.row(cell, g, p, unknownFlags.get(p)));
                }
            }
        }
        return new Assembled(out, warnings, null);
    }

    /** One indicator's values for the year, assembled from the sums of its terms. */
    private record Indicated(Catalog.Entry e, int year, TermColumns terms, Map<Pooling, Long> quarantined) {

        boolean anyTermPresent(TermSums.Group g, Pooling p) {
            for (Formula.Term t : e.formula().terms()) {
                for (int i : p.offsets()) {
                    if (g.sum(terms.index(t, Pooling.yearRead(t, year, i))) != null) return true;
                }
            }
            return false;
        }

        boolean anyTermHasData(TermSums.Group g, Pooling p) {
            for (Formula.Term t : e.formula().terms()) {
                for (int i : p.offsets()) {
                    Double v = g.sum(terms.index(t, Pooling.yearRead(t, year, i)));
                    if (v != null && v != 0) return true;
                }
            }
            return false;
        }

        /** A measure with no fact in a group counts zero there: it was reported for the year, just not here. */
        double sum(Formula.Expr expr, TermSums.Group g, Pooling p) {
            double s = 0;
            for (Formula.SignedTerm t : expr.terms()) {
                for (int i : p.offsets()) {
                    Double v = g.sum(terms.index(t.term(), Pooling.yearRead(t.term(), year, i)));
                    s += t.sign() * (v == null ? 0 : v);
                }
            }
            return s;
        }

        /** @param unknown the flags of the codes the source did not know (unknown_sex=N), counted in no group of the breakdown */
        Row row(CellKey cell, TermSums.Group g, Pooling p, List<String> unknown) {
            Indicator ind = e.indicator();
            double num = sum(e.formula().numerator(), g, p);
            Double den = e.formula().denominator() == null ? null : sum(e.formula().denominator(), g, p);
            List<String> flags = new ArrayList<>();
            if (p.pooled()) {
                flags.add("pooled_" + p.pooledYears() + "y");
                if (p.partial()) {
                    flags.add("pooled_partial");
                    flags.add(p.yearsFlag(year));
                }
            }
            Formula minus = e.formula().minus();
            RatioValue ratio = RatioValue.of(ind, num, den);
            Double value = ratio.value();
            if (minus != null && value != null) {
                // a gap: the first ratio less the second, both with the indicator's factor; numerator and
                // denominator are the first ratio's, whose counts disclosure control judges
                double minusDen = sum(minus.denominator(), g, p);
                value = minusDen <= 0 ? null : (num / den - sum(minus.numerator(), g, p) / minusDen) * ind.factorOrOne();
                if (minusDen <= 0) flags.add(RatioValue.ZERO_DENOMINATOR);
                flags.add("difference");
                ratio = new RatioValue(value, null, null);
            } else {
                ratio.flagInto(flags);
            }
            long q = quarantined.getOrDefault(p, 0L);
            if (q > 0) flags.add("quarantined=" + q);
            flags.addAll(unknown);
            return RowFactory.create(ind.code(), year, cell.region(), cell.sex(), cell.ageBand(), cell.residence(), p.pooledYears(),
                    num, den, value, ratio.low(), ratio.high(), String.join(",", flags));
        }
    }
}
