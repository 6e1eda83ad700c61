package org.wcstat.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.config.AgeBands;
import org.wcstat.core.config.ConfigException;
import org.wcstat.core.config.Yaml;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.stats.RateInterval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The indicator catalog: every indicator with its formula and target parsed and checked at load. */
public final class Catalog {

    public record Entry(Indicator indicator, Formula formula, Target target, Path file) {
        public String code() {
            return indicator.code();
        }
    }

    record CatalogFile(@JsonProperty(value = "indicators", required = true) List<Indicator> indicators) {
    }

    private final Map<String, Entry> entries;

    private Catalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Entry get(String code) {
        Entry e = entries.get(code);
        if (e == null) {
            throw new IllegalArgumentException("no indicator '" + code + "' in the catalog");
        }
        return e;
    }

    /**
     * Loads every *.yaml under dir, failing with all problems listed.
     *
     * @param measures the measures the configured sources produce; a formula naming another is an error
     */
    public static Catalog load(Path dir, Set<String> measures, AgeBands ageBands) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list the indicator catalog (" + e.getMessage() + ")");
        }
        for (Path file : files) {
            CatalogFile cf = Yaml.read(file, CatalogFile.class);
            for (Indicator ind : cf.indicators()) {
                try {
                    Entry e = check(ind, file, measures, ageBands);
                    if (entries.put(ind.code(), e) != null) {
                        problems.add(file + ": indicator " + ind.code() + " is defined twice");
                    }
                } catch (IllegalArgumentException ex) {
                    problems.add(file + ": indicator " + ind.code() + ": " + ex.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the indicator catalog has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new Catalog(entries);
    }

    static Entry check(Indicator ind, Path file, Set<String> measures, AgeBands ageBands) {
        if (ind.plan() == null || !Indicator.PLANS.contains(ind.plan())) {
            throw new IllegalArgumentException("plan must be one of " + new java.util.TreeSet<>(Indicator.PLANS) + ", not '" + ind.plan() + "'");
        }
        Formula.Expr num = parse("numerator", ind.numerator());
        Formula.Expr den = ind.denominator() == null ? null : parse("denominator", ind.denominator());
        if (den != null && den.canBeZero()) {
            throw new IllegalArgumentException("the denominator '" + den + "' can be zero or negative; divide by a sum of measures");
        }
        if (den != null && ind.factor() == null) {
            throw new IllegalArgumentException("a ratio needs a factor (100 for %, 1000 for ‰, 100000 per 100,000)");
        }
        Formula minus = null;
        if (ind.minus() != null) {
            if (den == null) {
                throw new IllegalArgumentException("'minus' subtracts a second ratio from the first; give the first a denominator");
            }
            Formula.Expr minusDen = parse("minus denominator", ind.minus().denominator());
            if (minusDen.canBeZero()) {
                throw new IllegalArgumentException("the minus denominator '" + minusDen + "' can be zero or negative; divide by a sum of measures");
            }
            minus = new Formula(parse("minus numerator", ind.minus().numerator()), minusDen, ind.factorOrOne());
        }
        Formula formula = new Formula(num, den, ind.factorOrOne(), minus);
        Set<String> unknown = new HashSet<>();
        for (Formula.Term t : formula.terms()) {
            if (!measures.contains(t.measure())) {
                unknown.add(t.measure());
            }
            Set<String> ages = t.filter().get(Dimension.AGE.filterName());
            if (ages != null) {
                for (String a : ages) {
                    if (ageBands.band(a).isEmpty()) {
                        throw new IllegalArgumentException("age band '" + a + "' in " + t + " is not configured in conf/dimensions.yaml");
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown measure(s) " + unknown + ": no extract in conf/sources produces them");
        }
        for (String d : ind.disaggregations()) {
            Dimension dim = Dimension.ofCatalogName(d).orElseThrow(() -> new IllegalArgumentException(
                    "cannot be published by '" + d + "'; use " + new java.util.TreeSet<>(Indicator.DISAGGREGATIONS)));
            if (formula.fixedDimensions().contains(dim.filterName())) {
                throw new IllegalArgumentException("is published by " + d + " but its formula fixes " + dim.filterName() + "; drop one of the two");
            }
        }
        RateInterval.of(ind.interval());
        if (ind.interval() != null && den == null) {
            throw new IllegalArgumentException("has an interval (" + ind.interval() + ") but no denominator; intervals are for rates");
        }
        if (ind.interval() != null && minus != null) {
            throw new IllegalArgumentException("has an interval (" + ind.interval() + ") but is a difference of two ratios; intervals are for a single rate");
        }
        if (ind.pooledYears() != null && (ind.pooledYears() < 2 || ind.pooledYears() > 5)) {
            throw new IllegalArgumentException("pooled_years must be 2 to 5 (pooling is for rates on small numbers), not " + ind.pooledYears());
        }
        Target target = ind.target() == null ? null : Target.parse(ind.target());
        if (target != null && target.everyTown() && !ind.disaggregations().contains(Dimension.TOWN.catalogName())) {
            throw new IllegalArgumentException("target '" + target + "' is for every town, so the indicator must be published by town: add town to 'by'");
        }
        return new Entry(ind, formula, target, file);
    }

    private static Formula.Expr parse(String what, String text) {
        try {
            return Formula.parseExpr(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }
}
