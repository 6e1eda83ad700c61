package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The health commission's yearly child health care report (妇幼卫生年报 7岁以下儿童保健和健康情况年报表):
 * counts by town (9-digit code), sex ('男'/'女') and item code, one row each.
 *
 * <p>Invented for the demo (no district figure was found), moving in straight lines from 2015 to 2025:
 * newborn home visits 88% to 96%, health management of children under 7 85% to 94% and system
 * management under 3 86% to 93%, eye care and vision checks at 0-6 70% to 92%, myopia of children
 * under 6 1.5% to 3.2%, exclusive breastfeeding under 6 months 42% to 55%, anaemia under 5 12% to 7%,
 * stunting 5% to 2.5%, overweight 5% to 7% and obesity 1.5% to 2.2%.
 */
final class ChildHealthCareAnnualReportDemo {
    private ChildHealthCareAnnualReportDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("FY_ETBJ_NB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(21_000L + year);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        boolean female = f == 1;
                        String sex = DemoDistrict.SEXES_ZH[f];
                        int newborns = (int) Math.round(DemoDistrict.births(year) * town.share() * (female ? 0.48 : 0.52));
                        int under7 = DemoDistrict.residentsAged(year, town, female, 0, 6);
                        int under3 = DemoDistrict.residentsAged(year, town, female, 0, 2);
                        int under5 = DemoDistrict.residentsAged(year, town, female, 0, 4);
                        int under6 = DemoDistrict.residentsAged(year, town, female, 0, 5);
                        int screened6 = SyntheticPeople.draw(r, under6, 0.8);
                        int infants = newborns / 2;
                        int tested = SyntheticPeople.draw(r, under5, 0.85);
                        int measured = SyntheticPeople.draw(r, under5, 0.9);
                        int overweight = SyntheticPeople.draw(r, measured, DemoDistrict.trend(year, 0.05, 0.07));
                        add(rows, year, town, sex, "XSE", newborns);
                        add(rows, year, town, sex, "XSEFS", SyntheticPeople.draw(r, newborns, DemoDistrict.trend(year, 0.88, 0.96)));
                        add(rows, year, town, sex, "SW7", under7);
                        add(rows, year, town, sex, "SW7GL", SyntheticPeople.draw(r, under7, DemoDistrict.trend(year, 0.85, 0.94)));
                        add(rows, year, town, sex, "SW3", under3);
                        add(rows, year, town, sex, "SW3GL", SyntheticPeople.draw(r, under3, DemoDistrict.trend(year, 0.86, 0.93)));
                        add(rows, year, town, sex, "YBJC", SyntheticPeople.draw(r, under7, DemoDistrict.trend(year, 0.70, 0.92)));
                        add(rows, year, town, sex, "SLSC6", screened6);
                        add(rows, year, town, sex, "JS6", SyntheticPeople.draw(r, screened6, DemoDistrict.trend(year, 0.015, 0.032)));
                        add(rows, year, town, sex, "MRDC", infants);
                        add(rows, year, town, sex, "CMRWY", SyntheticPeople.draw(r, infants, DemoDistrict.trend(year, 0.42, 0.55)));
                        add(rows, year, town, sex, "HBJC", tested);
                        add(rows, year, town, sex, "PX", SyntheticPeople.draw(r, tested, DemoDistrict.trend(year, 0.12, 0.07)));
                        add(rows, year, town, sex, "SGJC", measured);
                        add(rows, year, town, sex, "SCCH", SyntheticPeople.draw(r, measured, DemoDistrict.trend(year, 0.05, 0.025)));
                        add(rows, year, town, sex, "CZ", overweight);
                        add(rows, year, town, sex, "FP", SyntheticPeople.draw(r, measured, DemoDistrict.trend(year, 0.015, 0.022)));
                    }
                }
            }
        }
    }

    private static void add(DemoTable rows, int year, DemoDistrict.Town town, String sex, String item, int count) throws Exception {
        rows.add(year, town.code(), sex, item, count);
    }
}
