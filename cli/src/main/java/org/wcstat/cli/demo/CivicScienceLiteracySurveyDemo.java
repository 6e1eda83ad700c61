package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The science and technology association's civic science literacy survey (公民科学素质调查, residents
 * aged 18-69): respondents and those with basic science literacy (具备基本科学素质), by town and sex, in
 * the long layout of {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): 50 respondents of each sex a town a year;
 * basic science literacy 5.5% of men and 3.0% of women in 2015, 14% and 12.5% in 2025 — a gap of 2.5
 * points closing to 1.5.
 */
final class CivicScienceLiteracySurveyDemo {
    static final String TABLE = "KX_SZ_DC";

    private CivicScienceLiteracySurveyDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 47_000L, List.of(
                new ItemReport.Item("DCRS", TOWN, BOTH, (y, t, f, r) -> 50,
                        new ItemReport.Part("JBSZ", (y, t, f) -> f ? trend(y, 0.030, 0.125) : trend(y, 0.055, 0.14)))));
    }
}
