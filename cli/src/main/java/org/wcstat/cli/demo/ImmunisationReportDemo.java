package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The disease control centre's monthly-summed report of routine immunisation under the national
 * programme (国家免疫规划疫苗常规接种情况报表): doses due (应种剂次) and doses given (实种剂次) by year,
 * town (9-digit code) and vaccine, one row per figure.
 *
 * <p>Invented for the demo (no district figure was found): doses due follow the children under 7 of
 * each town; coverage of the due doses 91-96% in 2015 rising to 96-99% in 2025, the remote towns lowest.
 */
final class ImmunisationReportDemo {
    /** The programme's vaccines and the doses a child receives of each by the age of 6. */
    private static final String[] VACCINES = {"乙肝疫苗", "卡介苗", "脊灰疫苗", "百白破疫苗", "白破疫苗", "麻腮风疫苗",
            "乙脑疫苗", "A群流脑多糖疫苗", "A群C群流脑多糖疫苗", "甲肝疫苗"};
    private static final int[] DOSES = {3, 1, 4, 4, 1, 2, 2, 2, 2, 1};

    private ImmunisationReportDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("MY_CGJZ_BB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(22_000L + year);
                for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(t);
                    int cohort = (DemoDistrict.residentsAged(year, town, false, 0, 6) + DemoDistrict.residentsAged(year, town, true, 0, 6)) / 7;
                    double coverage = DemoDistrict.trend(year, 0.96 - 0.005 * t, 0.99 - 0.003 * t);
                    for (int v = 0; v < VACCINES.length; v++) {
                        int due = cohort * DOSES[v];
                        rows.add(year, town.code(), VACCINES[v], "应种剂次", due);
                        rows.add(year, town.code(), VACCINES[v], "实种剂次", SyntheticPeople.draw(r, due, coverage));
                    }
                }
            }
        }
    }
}
