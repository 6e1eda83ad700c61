package org.wcstat.core.assess;

import org.wcstat.core.TestRepo;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AgeBands;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.config.Regions;
import org.wcstat.core.config.Yaml;
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
                List.of("health"), null, null);
        Formula f = new Formula(Formula.parseExpr("a"), rate ? Formula.parseExpr("b") : null, rate ? factor : 1);
        return new Catalog.Entry(ind, f, target == null ? null : Target.parse(target), Path.of("test.yaml"));
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
