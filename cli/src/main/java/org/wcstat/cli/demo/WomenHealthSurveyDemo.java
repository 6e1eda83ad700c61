package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.WOMEN;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The maternal and child health centre's yearly survey of women aged 18-69 (妇女健康素养和心理健康监测):
 * women surveyed and those reaching health literacy (健康素养), mental health literacy (心理健康素养),
 * knowing the prevention of cervical and breast cancer (两癌防治核心知识), and screening positive for
 * anxiety (GAD-7 ≥ 10) and depression (PHQ-9 ≥ 10), in the long layout of {@link ItemReport}, by town.
 *
 * <p>Invented for the demo (no district figure was found): about 1,000 women a year; health literacy
 * 12% rising to 28%, mental health literacy 15% to 30%, cancer prevention knowledge 70% to 92%;
 * anxiety 4.0% and depression 5.0% in 2015, rising more slowly every year.
 */
final class WomenHealthSurveyDemo {
    static final String TABLE = "FNJK_DC";

    private WomenHealthSurveyDemo() {
    }

    /** A prevalence rising by a point and a half in the first year, each later year's rise 10% smaller. */
    static double slowingRise(int year, double in2015) {
        double p = in2015;
        for (int y = DemoDistrict.FIRST_YEAR + 1; y <= year; y++) p += 0.0015 * Math.pow(0.9, y - DemoDistrict.FIRST_YEAR - 1);
        return p;
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 42_000L, List.of(
                new ItemReport.Item("DCRS", TOWN, WOMEN, (y, t, f, r) -> Math.round(1000 * t.share()),
                        new ItemReport.Part("JKSY", (y, t, f) -> trend(y, 0.12, 0.28)),
                        new ItemReport.Part("XLSY", (y, t, f) -> trend(y, 0.15, 0.30)),
                        new ItemReport.Part("LAZS", (y, t, f) -> trend(y, 0.70, 0.92)),
                        new ItemReport.Part("JLYX", (y, t, f) -> slowingRise(y, 0.040)),
                        new ItemReport.Part("YYYX", (y, t, f) -> slowingRise(y, 0.050)))));
    }
}
