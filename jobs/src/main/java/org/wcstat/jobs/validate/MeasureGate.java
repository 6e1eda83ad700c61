package org.wcstat.jobs.validate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * A department's load before it is written, against its logical and statistical rules: the facts it would
 * write, year by year, with other departments' facts of the year as the warehouse holds them. Statistical
 * rules compare a year with the department's earlier years: those the warehouse holds, and, when one load
 * covers several years, the earlier years of the same load as they will be written (without the groups a
 * rule holds back, and not at all when a fail rule stops them), so that a load of several years judges
 * each as a load of that year alone, run after the earlier ones, would.
 */
public final class MeasureGate {
    /** Rows a quarantine rule holds back: those {@code hit} selects, in one year, and why. */
    public record Hold(Column hit, String rule, String reason) {
    }

    /** What the rules decided: the rows to hold back, and each year's breaches of fail rules, as text. */
    public record Verdict(List<Hold> holds, Map<Integer, List<String>> failures) {
        /** The rows, with those a rule holds back marked as quarantined, as {@link RowChecks} marks its own. */
        public Dataset<Row> mark(Dataset<Row> rows) {
            Dataset<Row> d = rows;
            for (Hold h : holds) {
                Column apply = h.hit().and(col(RowChecks.PROBLEM).equalTo(""));
                d = d.withColumn(RowChecks.RULES, when(apply, lit(h.rule())).otherwise(col(RowChecks.RULES)))
                        .withColumn(RowChecks.PROBLEM, when(apply, lit(h.reason())).otherwise(col(RowChecks.PROBLEM)));
            }
            return d;
        }

        public List<String> failures(int year) {
            return failures.getOrDefault(year, List.of());
        }
    }

    private static final Map<String, String> DIMENSION_COLUMNS = Map.of("region", "_region", "sex", "_sex", "age", "_age_band",
            "residence", "_residence");

    private final SparkSession spark;
    private final SourceConfig source;
    private final ValidationRules rules;
    private final Progress progress;

    public MeasureGate(SparkSession spark, SourceConfig source, ValidationRules rules, Progress progress) {
        this.spark = spark;
        this.source = source;
        this.rules = rules;
        this.progress = progress;
    }

    /** Whether any rule reads facts: only then does the load need its facts on the driver. */
    public boolean needed() {
        return !rules.measureRules().isEmpty();
    }

    /**
     * The facts the rules read, as the driver gets them: those of the rules' measures, summed over every
     * dimension no rule groups by or filters on (that dimension's column left empty). A rule's value in a
     * group is a sum of facts, so it is the same from these sums as from every fact, while a province's
     * population by town, sex, age and residence reaches the driver as one value per town and year.
     *
     * @param facts rows whose columns include measure, year, region, sex, age_band, residence and value
     * @return rows of those columns in that order, as {@link #fact(Row)} reads them
     */
    public Dataset<Row> narrow(Dataset<Row> facts) {
        Set<String> measures = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (ValidationRules.Rule r : rules.measureRules()) {
            measures.addAll(r.measures());
            read.addAll(r.dimensionsRead());
        }
        List<Column> keys = new ArrayList<>(List.of(col("measure"), col("year")));
        List<Column> out = new ArrayList<>(List.of(col("measure"), col("year")));
        // the dimensions in the order of fact(Row): region, sex, age_band, residence
        for (Dimension d : Dimension.values()) {
            if (read.contains(d.filterName())) keys.add(col(d.column()));
            out.add(read.contains(d.filterName()) ? col(d.column()) : lit(null).cast("string").as(d.column()));
        }
        out.add(col("value"));
        return facts.where(col("measure").isin(measures.toArray()))
                .groupBy(keys.toArray(Column[]::new)).agg(sum("value").as("value"))
                .select(out.toArray(Column[]::new));
    }

    /**
     * @param years  ascending
     * @param loaded the facts the load would write, of all its years
     * @param reports each year's validation report, which gets the breaches
     */
    public Verdict check(List<Integer> years, List<Fact> loaded, Map<Integer, ValidationReport> reports) {
        List<ValidationRules.Rule> measureRules = rules.measureRules();
        if (measureRules.isEmpty()) {
            return new Verdict(List.of(), Map.of());
        }
        Set<String> own = Configuration.measures(List.of(source));
        Map<Integer, List<Fact>> current = byYear(loaded);
        Map<Integer, List<Fact>> mine = byYear(loaded);
        // the department's own measures come from this load; others' as the warehouse holds them
        Set<String> others = new TreeSet<>();
        measureRules.forEach(r -> others.addAll(r.measures()));
        others.removeAll(own);
        if (!others.isEmpty()) {
            narrow(spark.table(Warehouse.FACTS).where(expr(yearIn(years) + " AND source <> '" + source.department() + "' AND measure IN ('"
                    + String.join("', '", others) + "')"))).collectAsList()
                    .forEach(r -> current.computeIfAbsent(r.getInt(1), y -> new ArrayList<>()).add(fact(r)));
        }
        TreeMap<Integer, List<Fact>> history = new TreeMap<>();
        if (measureRules.stream().anyMatch(r -> r.kindOf() == ValidationRules.Kind.STATISTICAL)) {
            narrow(spark.table(Warehouse.FACTS).where(expr("year < " + years.get(years.size() - 1) + " AND source = '" + source.department() + "'")))
                    .collectAsList().forEach(r -> history.computeIfAbsent(r.getInt(1), y -> new ArrayList<>()).add(fact(r)));
        }
        Map<String, String> extractOf = extractsByMeasure();
        List<Hold> holds = new ArrayList<>();
        Map<Integer, List<String>> failures = new TreeMap<>();
        for (int year : years) {
            List<Fact> past = new ArrayList<>();
            history.headMap(year).values().forEach(past::addAll);
            List<MeasureChecks.Breach> breaches = new MeasureChecks(year).check(measureRules, current.getOrDefault(year, List.of()), past);
            Predicate<Fact> heldBack = f -> false;
            String who = years.size() == 1 ? source.department() : source.department() + " " + year;
            for (MeasureChecks.Breach b : breaches) {
                Set<String> ownMeasures = MeasureChecks.own(b.rule(), own);
                String extracts = String.join(", ", ownMeasures.stream().map(extractOf::get).distinct().toList());
                reports.get(year).add(Finding.of(b.rule(), extracts, b.groupKey(), b.reason()));
                switch (b.rule().actionOf()) {
                    case WARN -> progress.warn(who + " · " + extracts + ": rule " + b.rule().id() + " at " + b.groupKey() + ": " + b.reason());
                    case FAIL -> failures.computeIfAbsent(year, y -> new ArrayList<>())
                            .add(extracts + " at " + b.groupKey() + ": rule " + b.rule().id() + ": " + b.reason());
                    case QUARANTINE -> {
                        Column hit = col(RowChecks.YEAR).equalTo(year).and(col("_measure").isin(ownMeasures.toArray()));
                        for (var g : b.group().entrySet()) {
                            hit = hit.and(col(DIMENSION_COLUMNS.get(g.getKey())).equalTo(g.getValue()));
                        }
                        holds.add(new Hold(hit, b.rule().id(), "rule " + b.rule().id() + " at " + b.groupKey() + ": " + b.reason()));
                        // the facts a row group sums are those of its codes: holding the rows back drops these facts
                        heldBack = heldBack.or(f -> ownMeasures.contains(f.measure()) && f.in(b.group()));
                    }
                }
            }
            if (!failures.containsKey(year)) {
                // what the warehouse will hold for the year once this load is written, for the later years' rules
                history.put(year, new ArrayList<>(mine.getOrDefault(year, List.of()).stream().filter(heldBack.negate()).toList()));
            }
        }
        return new Verdict(holds, failures);
    }

    private static String yearIn(List<Integer> years) {
        return years.size() == 1 ? "year = " + years.get(0)
                : "year IN (" + String.join(", ", years.stream().map(String::valueOf).toList()) + ")";
    }

    private static Map<Integer, List<Fact>> byYear(List<Fact> facts) {
        Map<Integer, List<Fact>> m = new TreeMap<>();
        facts.forEach(f -> m.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(f));
        return m;
    }

    private Map<String, String> extractsByMeasure() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SourceConfig.Extract e : source.extracts()) {
            Configuration.measures(List.of(new SourceConfig(source.department(), source.nameZh(), source.nameEn(), source.jdbc(),
                    List.of(e), source.file()))).forEach(x -> m.putIfAbsent(x, e.name()));
        }
        return m;
    }

    /** A fact from a row whose first columns are measure, year, region, sex, age_band, residence, value. */
    public static Fact fact(Row r) {
        return new Fact(r.getString(0), r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getDouble(6));
    }
}
