package org.wcstat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.PlanGoals;
import org.wcstat.core.catalog.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "catalog", description = "The indicator catalog (conf/indicators): check it, or export it.",
        subcommands = {CatalogCommand.Check.class, CatalogCommand.Export.class})
final class CatalogCommand {

    @Command(name = "check", description = "Load and check the catalog; list its problems with file and indicator.")
    static final class Check implements Callable<Integer> {
        @Mixin
        HomeOptions home;

        @Override
        public Integer call() {
            // a problem throws a ConfigException listing every problem, reported by the command's handler
            Catalog catalog = home.load().catalog();
            long women = catalog.entries().stream().filter(e -> e.indicator().plan().equals("women")).count();
            System.out.printf("catalog OK: %d indicators (women's outline %d, children's outline %d), every formula and target checked%n",
                    catalog.entries().size(), women, catalog.entries().size() - women);
            if (!catalog.unmonitored().isEmpty()) {
                System.out.printf("not monitored: %d indicator(s) needing a department the configuration does not read"
                        + " (add a department's source to monitor its indicators):%n", catalog.unmonitored().size());
                catalog.unmonitored().forEach(u -> System.out.println("  " + u.code() + " " + u.nameZh() + ": " + u.why()));
            }
            var goals = PlanGoals.load(home.confDir());
            if (goals.isEmpty()) {
                return 0;
            }
            PlanGoals.Coverage c = goals.get().check(catalog);
            System.out.printf("plan goals (%s): %d with a number, %d of them in the catalog; %d direction-only, %d of them in the catalog%n",
                    goals.get().file(), c.covered(false) + c.missing(false) + c.omitted(false), c.covered(false),
                    c.covered(true) + c.missing(true) + c.omitted(true), c.covered(true));
            for (String plan : List.of("women", "children")) {
                System.out.printf("  %s's outline: %s; %s%n", plan, c.summary(plan, false), c.summary(plan, true));
            }
            if (!c.omitted().isEmpty()) {
                System.out.println("left out, with the reason (no department's data measure them):");
                c.omitted().forEach(g -> System.out.println("  " + g.label() + ": " + g.omitted()));
            }
            if (!c.missing().isEmpty()) {
                System.out.println("not yet in the catalog:");
                c.missing().forEach(g -> System.out.println("  " + g.label()));
            }
            if (!c.problems().isEmpty()) {
                System.err.println("the catalog disagrees with the plans in " + c.problems().size() + " place(s):");
                c.problems().forEach(p -> System.err.println("  " + p));
                return Wcstat.CONFIG_ERROR;
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Print the catalog, one object per indicator.")
    static final class Export implements Callable<Integer> {
        @Mixin
        HomeOptions home;

        @Option(names = "--format", defaultValue = "json", description = "Only json for now.")
        String format;

        @Override
        public Integer call() throws Exception {
            if (!format.equals("json")) {
                System.err.println("unknown format '" + format + "'; use --format json");
                return Wcstat.CONFIG_ERROR;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Catalog.Entry e : home.load().catalog().entries()) {
                out.add(json(e));
            }
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            return 0;
        }
    }

    static Map<String, Object> json(Catalog.Entry e) {
        Indicator i = e.indicator();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", i.code());
        m.put("plan", i.plan());
        m.put("area", i.area());
        m.put("name_zh", i.nameZh());
        m.put("name_en", i.nameEn());
        m.put("unit", i.unit());
        m.put("numerator", e.formula().numerator().toString());
        m.put("denominator", e.formula().denominator() == null ? null : e.formula().denominator().toString());
        m.put("factor", e.formula().factor());
        Formula minus = e.formula().minus();
        m.put("minus", minus == null ? null : Map.of("numerator", minus.numerator().toString(), "denominator", minus.denominator().toString()));
        m.put("by", i.disaggregations());
        m.put("target", target(e.target()));
        m.put("baseline", i.baseline() == null ? null : Map.of("year", i.baseline().year(), "value", i.baseline().value()));
        m.put("sources", i.sources());
        m.put("definition", i.definition());
        m.put("plan_text", i.planText());
        return m;
    }

    private static Map<String, Object> target(Target t) {
        if (t == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comparator", t.comparator());
        m.put("value", t.value());
        m.put("year", t.year());
        if (t.tolerance() != null) m.put("tolerance", t.tolerance());
        if (t.baseYear() != null) m.put("base_year", t.baseYear());
        if (t.everyTown()) m.put("every_town", true);
        return m;
    }
}
