package org.wcstat.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.InvalidField;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.stats.RateInterval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The indicator catalog: every indicator with its formula and target parsed and checked at load. */
public final class Catalog {

    public record Entry(Indicator indicator, Formula formula, Target target, Path file) {
        public String code() {
            return indicator.code();
        }
    }

    /**
     * An indicator the county does not monitor: it does not read a department the indicator's data come from (no
     * file of theirs in sources/), so it is neither computed nor published, and its plan goals count as left out.
     */
    public record Unmonitored(Indicator indicator, List<String> departments, Path file) {
        public String code() {
            return indicator.code();
        }

        public String nameZh() {
            return indicator.nameZh();
        }

        public String why() {
            return "not monitored: the configuration reads no source of " + (departments.size() == 1 ? "department " : "departments ")
                    + String.join(", ", departments);
        }
    }

    record CatalogFile(@JsonProperty(value = "indicators", required = true) List<Indicator> indicators) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, Unmonitored> unmonitored;

    private Catalog(Map<String, Entry> entries, Map<String, Unmonitored> unmonitored) {
        this.entries = entries;
        this.unmonitored = unmonitored;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The indicators left out because the configuration reads none of their departments, in the catalog's order. */
    public List<Unmonitored> unmonitored() {
        return List.copyOf(unmonitored.values());
    }

    /** The indicators of one plan area the configuration does not monitor, as a chapter of the yearbook lists them. */
    public List<Unmonitored> unmonitored(String plan, String area) {
        return unmonitored.values().stream().filter(u -> u.indicator().plan().equals(plan) && u.indicator().area().equals(area)).toList();
    }

    public Optional<Unmonitored> unmonitored(String code) {
        return Optional.ofNullable(unmonitored.get(code));
    }

    public Entry get(String code) {
        Entry e = entries.get(code);
        if (e == null) {
            throw new IllegalArgumentException("no indicator '" + code + "' in the catalog");
        }
        return e;
    }

    /**
     * Loads every *.yaml under dir, failing with all problems listed, each at its file:line:column.
     *
     * @param measures the measures the configured sources produce; a formula naming another is an error
     */
    public static Catalog load(Path dir, Set<String> measures, AgeBands ageBands) {
        return load(dir, measures, ageBands, MeasureHistory.NONE);
    }

    /**
     * @param formerly where each measure came from before the sources changed ("conf/sources/health.yaml (extract
     *                 mch_death_report)"), so a measure no source produces any more is named with the file that used to
     */
    public static Catalog load(Path dir, Set<String> measures, AgeBands ageBands, MeasureHistory formerly) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list the indicator catalog (" + e.getMessage() + ")");
        }
        return load(files, dir.resolveSibling("sources"), dir.resolveSibling("dimensions.yaml"), null, measures, ageBands, formerly);
    }

    /**
     * @param files      the catalog's files, in the order their indicators are listed
     * @param sources    the sources' folder, and dimensions the file of the age bands, named where a formula names
     *                   something they do not define
     * @param departments the departments the configuration reads: an indicator whose departments are all others is not
     *                   monitored ({@link Unmonitored}); null to check every indicator
     */
    public static Catalog load(List<Path> files, Path sources, Path dimensions, Set<String> departments, Set<String> measures,
                               AgeBands ageBands, MeasureHistory formerly) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Unmonitored> unmonitored = new LinkedHashMap<>();
        Names names = new Names(measures, ageBands, sources, dimensions, formerly);
        for (Path file : files) {
            CatalogFile cf = Yaml.read(file, CatalogFile.class);
            YamlLocator locator = null;
            for (int i = 0; i < cf.indicators().size(); i++) {
                Indicator ind = cf.indicators().get(i);
                List<String> notRead = notRead(ind, departments);
                if (!notRead.isEmpty()) {
                    unmonitored.put(ind.code(), new Unmonitored(ind, notRead, file));
                    continue;
                }
                try {
                    Entry e = check(ind, file, names);
                    if (entries.putIfAbsent(ind.code(), e) != null) {
                        throw new InvalidField("is defined twice (first in " + entries.get(ind.code()).file() + ")", "code");
                    }
                } catch (IllegalArgumentException ex) {
                    locator = locator == null ? YamlLocator.of(file) : locator;
                    List<Object> path = new ArrayList<>(List.of("indicators", i));
                    if (ex instanceof InvalidField f) path.addAll(f.path());
                    problems.add(locator.at(path) + ": indicator " + ind.code() + ": " + ex.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the indicator catalog has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        return new Catalog(entries, unmonitored);
    }

    /**
     * The indicator's departments the configuration does not read, and reads none by a name a letter or two away
     * from: a department misspelt in sources/ is reported as the mistake it is, not taken for one not read.
     */
    private static List<String> notRead(Indicator ind, Set<String> departments) {
        if (departments == null || ind.sources() == null) return List.of();
        return ind.sources().stream().filter(d -> !departments.contains(d) && DidYouMean.nearest(d, departments).isEmpty()).toList();
    }

    /** What a formula may name: the sources' measures and the configured age bands, and the files that define them. */
    private record Names(Set<String> measures, AgeBands ageBands, Path sources, Path dimensions, MeasureHistory formerly) {
    }

    /** The formula's parts as the indicator writes them, by the fields that hold them. */
    private record Part(List<Object> field, Formula.Expr expr) {
    }

    private static Entry check(Indicator ind, Path file, Names names) {
        if (ind.plan() == null || !Indicator.PLANS.contains(ind.plan())) {
            throw new InvalidField("plan must be one of " + new TreeSet<>(Indicator.PLANS) + ", not '" + ind.plan() + "'", "plan");
        }
        List<Part> parts = new ArrayList<>();
        Formula.Expr num = parse(parts, ind.numerator(), "numerator");
        Formula.Expr den = ind.denominator() == null ? null : parse(parts, ind.denominator(), "denominator");
        if (den != null && den.canBeZero()) {
            throw new InvalidField("the denominator '" + den + "' can be zero or negative; divide by a sum of measures", "denominator");
        }
        if (den != null && ind.factor() == null) {
            throw new InvalidField("a ratio needs a factor (100 for %, 1000 for ‰, 100000 per 100,000)");
        }
        Formula minus = null;
        if (ind.minus() != null) {
            if (den == null) {
                throw new InvalidField("'minus' subtracts a second ratio from the first; give the first a denominator", "minus");
            }
            Formula.Expr minusNum = parse(parts, ind.minus().numerator(), "minus", "numerator");
            Formula.Expr minusDen = parse(parts, ind.minus().denominator(), "minus", "denominator");
            if (minusDen.canBeZero()) {
                throw new InvalidField("the minus denominator '" + minusDen + "' can be zero or negative; divide by a sum of measures",
                        "minus", "denominator");
            }
            minus = new Formula(minusNum, minusDen, ind.factorOrOne());
        }
        Formula formula = new Formula(num, den, ind.factorOrOne(), minus);
        for (Part part : parts) {
            for (Formula.SignedTerm st : part.expr().terms()) {
                checkTerm(st.term(), part.field(), names);
            }
        }
        for (int j = 0; j < ind.disaggregations().size(); j++) {
            String d = ind.disaggregations().get(j);
            if (!Indicator.DISAGGREGATIONS.contains(d)) {
                throw new InvalidField("cannot be published by '" + d + "'" + DidYouMean.hint(d, Indicator.DISAGGREGATIONS)
                        + "; use " + new TreeSet<>(Indicator.DISAGGREGATIONS), "by", j);
            }
            String dim = Dimension.ofCatalogName(d).orElseThrow().filterName();
            if (formula.fixedDimensions().contains(dim)) {
                throw new InvalidField("is published by " + d + " but its formula fixes " + dim + "; drop one of the two", "by", j);
            }
        }
        try {
            RateInterval.of(ind.interval());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(e.getMessage(), "interval");
        }
        if (ind.interval() != null && den == null) {
            throw new InvalidField("has an interval (" + ind.interval() + ") but no denominator; intervals are for rates", "interval");
        }
        if (ind.interval() != null && minus != null) {
            throw new InvalidField("has an interval (" + ind.interval() + ") but is a difference of two ratios; intervals are for a single rate",
                    "interval");
        }
        if (ind.pooledYears() != null && (ind.pooledYears() < 2 || ind.pooledYears() > 5)) {
            throw new InvalidField("pooled_years must be 2 to 5 (pooling is for rates on small numbers), not " + ind.pooledYears(), "pooled_years");
        }
        if (ind.counts() != null && !Indicator.COUNTS.contains(ind.counts())) {
            throw new InvalidField("counts must be one of " + new TreeSet<>(Indicator.COUNTS) + ", not '" + ind.counts()
                    + "'; facilities (clinics, kindergartens, venues) are published however few, people are not", "counts");
        }
        Target target;
        try {
            target = ind.target() == null ? null : Target.parse(ind.target());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(e.getMessage(), "target");
        }
        if (target != null && target.everyTown() && !ind.disaggregations().contains(Dimension.TOWN.catalogName())) {
            throw new InvalidField("target '" + target + "' is for every town, so the indicator must be published by town: add town to 'by'", "target");
        }
        return new Entry(ind, formula, target, file);
    }

    private static void checkTerm(Formula.Term t, List<Object> field, Names names) {
        if (!names.measures().contains(t.measure())) {
            throw new InvalidField("unknown measure '" + t.measure() + "' in " + String.join(" ", field.stream().map(String::valueOf).toList())
                    + ": no extract in " + names.sources() + " produces it" + DidYouMean.hint(t.measure(), names.measures())
                    + formerly(t.measure(), names), field.toArray());
        }
        Set<String> ages = t.filter().get("age");
        if (ages != null) {
            List<String> bands = names.ageBands().bands().stream().map(AgeBands.Band::code).toList();
            for (String a : ages) {
                if (names.ageBands().band(a).isEmpty()) {
                    throw new InvalidField("age band '" + a + "' in " + t + " is not configured in " + names.dimensions()
                            + DidYouMean.hint(a, bands) + "; the bands are " + bands, field.toArray());
                }
            }
        }
    }

    /** Which file used to produce a measure, and what to add so that one does again. */
    private static String formerly(String measure, Names names) {
        return names.formerly().producer(measure).map(was -> "; " + was + " produced it: add an extract with 'measure: " + measure + "' (or a code mapped to it) to a file of "
                + names.sources() + ", or remove the indicator").orElse("");
    }

    private static Formula.Expr parse(List<Part> parts, String text, Object... field) {
        try {
            Formula.Expr e = Formula.parseExpr(text);
            parts.add(new Part(List.of(field), e));
            return e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(String.join(" ", java.util.Arrays.stream(field).map(String::valueOf).toList()) + ": " + e.getMessage(), field);
        }
    }
}
