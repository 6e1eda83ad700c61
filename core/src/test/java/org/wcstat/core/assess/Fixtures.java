package org.wcstat.core.assess;

import org.wcstat.core.TestRepo;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Vocabulary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made catalog entries and observations for the assessment tests. */
final class Fixtures {
    static final String DISTRICT = "510811";
    static final String YUANBA = "510811100";
    static final CellKey TOTAL = CellKey.total(DISTRICT);
    static final AssessmentSettings SETTINGS = AssessmentSettings.DEFAULTS;

    private Fixtures() {
    }

    static Vocabulary vocabulary() {
        return new Vocabulary(Yaml.read(TestRepo.root().resolve("conf/regions.yaml"), Regions.class),
                Yaml.read(TestRepo.root().resolve("conf/dimensions.yaml"), AgeBands.class));
    }

    /** A rate "a per 100 b" (or a count when unit is a count) with the given target. */
    static Catalog.Entry entry(String code, String unit, String target, Integer pooledYears) {
        boolean rate = !unit.equals("人次");
        double factor = unit.equals("‰") ? 1000 : 100;
        Indicator ind = new Indicator(code, "children", "health", "测试率", "Test rate", unit, "a", rate ? "b" : null,
                rate ? factor : null, null, List.of("sex", "residence", "town"), null, pooledYears, target, null,
                List.of("health"), null, null, null);
        Formula f = new Formula(Formula.parseExpr("a"), rate ? Formula.parseExpr("b") : null, rate ? factor : 1);
        return new Catalog.Entry(ind, f, target == null ? null : Target.parse(target), Path.of("test.yaml"));
    }

    /** The entry with the plan's own 2020 baseline, as the catalog's baseline field gives it. */
    static Catalog.Entry withBaseline(Catalog.Entry e, double value) {
        Indicator i = e.indicator();
        Indicator ind = new Indicator(i.code(), i.plan(), i.area(), i.nameZh(), i.nameEn(), i.unit(), i.numerator(), i.denominator(),
                i.factor(), i.minus(), i.by(), i.interval(), i.pooledYears(), i.target(), new Indicator.Baseline(2020, value, "纲要"),
                i.sources(), i.definition(), i.planText(), i.counts());
        return new Catalog.Entry(ind, e.formula(), e.target(), e.file());
    }

    /** A gap "rural less urban", a/b less c/d per 1000, as the catalog's minus writes it. */
    static Catalog.Entry gap(String code, String target) {
        Indicator ind = new Indicator(code, "children", "health", "测试差距", "Test gap", "‰", "a", "b", 1000.0,
                new Indicator.Ratio("c", "d"), List.of("town"), null, null, target, null, List.of("health"), null, null, null);
        Formula f = new Formula(Formula.parseExpr("a"), Formula.parseExpr("b"), 1000,
                new Formula(Formula.parseExpr("c"), Formula.parseExpr("d"), 1000));
        return new Catalog.Entry(ind, f, Target.parse(target), Path.of("test.yaml"));
    }

    /** A count of facilities by town, e.g. vaccination clinics. */
    static Catalog.Entry facilities(String code, String target) {
        Indicator ind = new Indicator(code, "children", "health", "预防接种门诊", "Vaccination clinics", "个", "clinics", null, null,
                null, List.of("town"), null, null, target, null, List.of("health"), null, null, Indicator.FACILITIES);
        return new Catalog.Entry(ind, new Formula(Formula.parseExpr("clinics"), null, 1), Target.parse(target), Path.of("test.yaml"));
    }

    static Catalog.Entry entry(String target) {
        return entry("C-T-01", "%", target, null);
    }

    /** Alternating year, value pairs, as published values with no interval or flag. */
    static List<Observation> values(double... yearValues) {
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < yearValues.length; i += 2) {
            obs.add(new Observation((int) yearValues[i], yearValues[i + 1], yearValues[i + 1], 100.0, null, null, ""));
        }
        return obs;
    }

    static BreakdownAssessment.Result assess(String target, int year, double... yearValues) {
        return BreakdownAssessment.assess(entry(target), TOTAL, values(yearValues), year, SETTINGS, vocabulary(), true);
    }

    static List<Warning> of(BreakdownAssessment.Result r, WarningKind kind) {
        return r.warnings().stream().filter(w -> w.kind() == kind).toList();
    }
}
