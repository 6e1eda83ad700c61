package org.wcstat.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.core.yaml.YamlLocator;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wcstat.core.yaml.ConfFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outlines' monitorable goals (conf/plan-goals.yaml), each with the catalog indicator that
 * measures it, if any: the check that the catalog covers the plans and agrees with their targets.
 */
public record PlanGoals(List<Goal> goals, Path file) {

    /** The file as written: its goals. */
    record GoalsFile(@JsonProperty(value = "goals", required = true) List<Goal> goals) {
    }

    public record Goal(
            @JsonProperty(value = "plan", required = true) String plan,
            @JsonProperty(value = "area", required = true) String area,
            @JsonProperty(value = "goal", required = true) String goal,
            @JsonProperty(value = "quantity", required = true) String quantity,
            @JsonProperty(value = "text", required = true) String text,
            @JsonProperty(value = "target", required = true) String target,
            @JsonProperty("baseline") Indicator.Baseline baseline,
            @JsonProperty("indicator") String indicator,
            @JsonProperty("omitted") String omitted) {

        public boolean directionOnly() {
            return target.equals("increase") || target.equals("decrease");
        }

        public String label() {
            return plan + " " + area + " " + goal + " " + quantity + " (" + target + ")";
        }
    }

    /**
     * What the catalog covers of the goals, the goals left out on purpose (no department records
     * the quantity), and where the two disagree.
     */
    public record Coverage(List<Goal> covered, List<Goal> missing, List<Goal> omitted, List<String> problems) {
        public long covered(boolean directionOnly) {
            return covered.stream().filter(g -> g.directionOnly() == directionOnly).count();
        }

        public long omitted(boolean directionOnly) {
            return omitted.stream().filter(g -> g.directionOnly() == directionOnly).count();
        }

        public long missing(boolean directionOnly) {
            return missing.stream().filter(g -> g.directionOnly() == directionOnly).count();
        }

        /** Counts of one plan's goals: with a number or direction-only, and how many are covered, left out or missing. */
        public String summary(String plan, boolean directionOnly) {
            long c = count(covered, plan, directionOnly);
            long o = count(omitted, plan, directionOnly);
            long m = count(missing, plan, directionOnly);
            return (c + o + m) + (directionOnly ? " direction-only" : " with a number") + ": " + c + " in the catalog, "
                    + o + " left out, " + m + " missing";
        }

        private static long count(List<Goal> goals, String plan, boolean directionOnly) {
            return goals.stream().filter(g -> g.plan().equals(plan) && g.directionOnly() == directionOnly).count();
        }
    }

    public static Optional<PlanGoals> load(Path confDir) {
        Path file = ConfFolder.open(confDir).file("plan-goals.yaml");
        return Files.exists(file) ? Optional.of(new PlanGoals(Yaml.read(file, GoalsFile.class).goals(), file)) : Optional.empty();
    }

    /** Each problem names the goal's line in plan-goals.yaml, and the catalog's file where the indicator disagrees. */
    public Coverage check(Catalog catalog) {
        List<Goal> covered = new ArrayList<>();
        List<Goal> missing = new ArrayList<>();
        List<Goal> omitted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        YamlLocator locator = YamlLocator.of(file);
        List<String> codes = catalog.entries().stream().map(Catalog.Entry::code).toList();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            Target wanted;
            try {
                wanted = Target.parse(g.target());
            } catch (IllegalArgumentException e) {
                problems.add(at(locator, i, "target", g) + e.getMessage());
                continue;
            }
            if (g.omitted() != null) {
                if (g.indicator() != null) {
                    problems.add(at(locator, i, "omitted", g) + "is both measured by " + g.indicator() + " and omitted; drop one of the two");
                } else if (g.omitted().isBlank()) {
                    problems.add(at(locator, i, "omitted", g) + "is omitted without a reason; say why no department's data can measure it");
                } else {
                    omitted.add(g);
                }
                continue;
            }
            if (g.indicator() == null) {
                missing.add(g);
                continue;
            }
            Optional<Catalog.Unmonitored> notRead = catalog.unmonitored(g.indicator());
            if (notRead.isPresent()) {
                omitted.add(new Goal(g.plan(), g.area(), g.goal(), g.quantity(), g.text(), g.target(), g.baseline(), null,
                        "indicator " + g.indicator() + " is " + notRead.get().why()));
                continue;
            }
            Catalog.Entry e;
            try {
                e = catalog.get(g.indicator());
            } catch (IllegalArgumentException ex) {
                problems.add(at(locator, i, "indicator", g) + "names indicator " + g.indicator() + ", which the catalog does not have"
                        + DidYouMean.hint(g.indicator(), codes) + "; add it to conf/indicators, or, where no department of the county"
                        + " measures the goal, replace 'indicator: " + g.indicator() + "' with 'omitted: <why>'");
                continue;
            }
            if (!e.indicator().plan().equals(g.plan()) || !e.indicator().area().equals(g.area())) {
                problems.add(at(locator, i, "indicator", g) + "indicator " + e.code() + " is filed under " + e.indicator().plan() + " "
                        + e.indicator().area() + ", not the goal's " + g.plan() + " " + g.area());
            }
            if (!wanted.equals(e.target())) {
                problems.add(at(locator, i, "target", g) + "the plan says '" + wanted + "' but indicator " + e.code() + " in " + e.file()
                        + " has '" + e.target() + "'");
            }
            if (g.baseline() != null && (e.indicator().baseline() == null
                    || e.indicator().baseline().year() != g.baseline().year()
                    || Double.compare(e.indicator().baseline().value(), g.baseline().value()) != 0)) {
                problems.add(at(locator, i, "baseline", g) + "the plan's baseline " + g.baseline().value() + " (" + g.baseline().year()
                        + ") is not indicator " + e.code() + "'s");
            }
            covered.add(g);
        }
        return new Coverage(covered, missing, omitted, problems);
    }

    /** "file:line:column: label: " of a goal's field, to start a problem with. */
    private static String at(YamlLocator locator, int goal, String field, Goal g) {
        return locator.at(List.of("goals", goal, field)) + ": " + g.label() + ": ";
    }
}
