package org.wcstat.jobs.validate;

import org.wcstat.core.assess.CornerCase;
import org.wcstat.core.assess.Fluctuation;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.config.ValidationRules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Logical and statistical rules over measures, checked in groups (by town unless a rule says otherwise).
 * A side without any value in a group is not compared: a missing value is a gap, not a breach, and
 * empty extracts are reported on their own.
 */
public final class MeasureChecks {
    /** A breach in one group, with the group's codes by dimension. */
    public record Breach(ValidationRules.Rule rule, Map<String, String> group, String reason) {
        public String groupKey() {
            return group.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    private final int year;

    public MeasureChecks(int year) {
        this.year = year;
    }

    /**
     * @param current the year's values: the load's own, and other departments' as the warehouse holds them
     * @param history earlier years' values of the measures statistical rules read
     */
    public List<Breach> check(List<ValidationRules.Rule> rules, List<Fact> current, List<Fact> history) {
        List<Breach> breaches = new ArrayList<>();
        for (ValidationRules.Rule r : rules) {
            if (r.kindOf() == ValidationRules.Kind.LOGICAL) {
                logical(r, current, breaches);
            } else if (r.kindOf() == ValidationRules.Kind.STATISTICAL) {
                statistical(r, current, history, breaches);
            }
        }
        return breaches;
    }

    private void logical(ValidationRules.Rule r, List<Fact> current, List<Breach> out) {
        Formula.Expr left = Formula.parseExpr(r.left());
        Formula.Expr right = Formula.parseExpr(r.right());
        for (List<Fact> own : byGroup(r, current).values()) {
            Map<String, String> g = groupOf(r, own.get(0));
            Double l = value(left, own, g);
            Double rv = value(right, own, g);
            if (l == null || rv == null) continue;
            double bound = rv * r.toleranceOrOne();
            if (!holds(l, r.operator(), bound)) {
                String tol = r.tolerance() == null ? "" : " × " + RowChecks.fmt(r.tolerance()) + " = " + RowChecks.fmt(bound);
                out.add(new Breach(r, g, r.left() + " = " + RowChecks.fmt(l) + " is not " + r.operator() + " "
                        + r.right() + " = " + RowChecks.fmt(rv) + tol));
            }
        }
    }

    private void statistical(ValidationRules.Rule r, List<Fact> current, List<Fact> history, List<Breach> out) {
        Formula.Expr m = Formula.parseExpr(r.measure());
        List<Map<String, List<Fact>>> pastYears = new ArrayList<>();
        history.stream().filter(f -> f.year() < year)
                .collect(Collectors.groupingBy(Fact::year, java.util.TreeMap::new, Collectors.toList()))
                .values().forEach(y -> pastYears.add(byGroup(r, y)));
        for (List<Fact> own : byGroup(r, current).values()) {
            Map<String, String> g = groupOf(r, own.get(0));
            Double x = value(m, own, g);
            if (x == null) continue;
            if (r.check().equals("min_max")) {
                if ((r.min() != null && x < r.min()) || (r.max() != null && x > r.max())) {
                    out.add(new Breach(r, g, r.measure() + " = " + RowChecks.fmt(x) + " is outside "
                            + (r.min() == null ? "(no minimum)" : RowChecks.fmt(r.min())) + " to "
                            + (r.max() == null ? "(no maximum)" : RowChecks.fmt(r.max()))));
                }
                continue;
            }
            List<Double> past = new ArrayList<>();
            for (Map<String, List<Fact>> y : pastYears) {
                Double v = value(m, y.getOrDefault(g.toString(), List.of()), g);
                if (v != null) past.add(v);
            }
            if (past.size() < r.minHistoryOrDefault()) continue;
            double[] values = new double[past.size() + 1];
            for (int i = 0; i < past.size(); i++) values[i] = past.get(i);
            values[past.size()] = x;
            double z = Fluctuation.modifiedZ(x, values, EnumSet.noneOf(CornerCase.class));
            if (Math.abs(z) > r.thresholdOrDefault()) {
                out.add(new Breach(r, g, String.format("%s = %s departs from its %d earlier years %s: modified z-score %.2f beyond ±%s",
                        r.measure(), RowChecks.fmt(x), past.size(), past.stream().map(RowChecks::fmt).toList(), z,
                        RowChecks.fmt(r.thresholdOrDefault()))));
            }
        }
    }

    /**
     * The facts of the rule's measures by group, in a stable order of the groups: each group's value reads
     * its own facts, so a province's rule by town reads a few facts per town, not all of them.
     */
    private static Map<String, List<Fact>> byGroup(ValidationRules.Rule r, List<Fact> facts) {
        Set<String> measures = r.measures();
        Map<String, List<Fact>> byGroup = new java.util.TreeMap<>();
        for (Fact f : facts) {
            if (measures.contains(f.measure())) byGroup.computeIfAbsent(groupOf(r, f).toString(), k -> new ArrayList<>()).add(f);
        }
        return byGroup;
    }

    private static Map<String, String> groupOf(ValidationRules.Rule r, Fact f) {
        Map<String, String> g = new LinkedHashMap<>();
        r.groupBy().forEach(d -> g.put(d, f.dimension(d)));
        return g;
    }

    /** The expression's value in a group; null when none of its terms has a value there. */
    static Double value(Formula.Expr e, List<Fact> facts, Map<String, String> group) {
        double sum = 0;
        boolean any = false;
        for (Formula.SignedTerm t : e.terms()) {
            for (Fact f : facts) {
                if (f.measure().equals(t.term().measure()) && f.in(group) && matches(t.term(), f)) {
                    sum += t.sign() * f.value();
                    any = true;
                }
            }
        }
        return any ? sum : null;
    }

    private static boolean matches(Formula.Term t, Fact f) {
        return t.filter().entrySet().stream().allMatch(e -> e.getValue().contains(f.dimension(e.getKey())));
    }

    private static boolean holds(double l, String op, double r) {
        return switch (op) {
            case "<=" -> l <= r;
            case "<" -> l < r;
            case ">=" -> l >= r;
            case ">" -> l > r;
            case "==" -> Math.abs(l - r) < 1e-9;
            case "!=" -> Math.abs(l - r) >= 1e-9;
            default -> throw new IllegalStateException("unknown operator " + op);
        };
    }

    /** The measures of the rules that come from the given department, for holding its rows back. */
    public static Set<String> own(ValidationRules.Rule r, Set<String> departmentMeasures) {
        Set<String> s = new TreeSet<>(r.measures());
        s.retainAll(departmentMeasures);
        return s;
    }
}
