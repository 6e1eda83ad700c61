package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The health commission's occupational disease report (职业病报告): new cases diagnosed in the year by
 * the town of the employer and sex, in the long layout of {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): new cases per urban-unit employee 12 per
 * 10,000 for women falling to 6, 20 per 10,000 for men falling to 12 — a few cases a year.
 */
final class OccupationalDiseaseReportDemo {
    static final String TABLE = "ZYB_BG";

    private OccupationalDiseaseReportDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 43_000L, List.of(
                new ItemReport.Item("XFBL", TOWN, BOTH, (y, t, f, r) -> SyntheticPeople.poisson(r,
                        HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * (f ? trend(y, 0.0012, 0.0006) : trend(y, 0.0020, 0.0012))))));
    }
}
