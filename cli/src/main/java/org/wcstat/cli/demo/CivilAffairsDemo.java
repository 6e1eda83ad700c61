package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The civil affairs bureau's roster of village committee members (村委会成员名册), one row per member
 * per year, towns by name, sex as '男'/'女'. Committees are elected for five-year terms (the 2016
 * and 2021 elections), so the women's share changes in steps.
 */
final class CivilAffairsDemo {
    private static final int[] TERM_STARTS = {2013, 2016, 2021};
    private static final double[] WOMEN_SHARE = {0.21, 0.26, 0.32};
    private static final double[] WOMEN_DIRECTOR_SHARE = {0.06, 0.09, 0.13};

    private CivilAffairsDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        long id = 1;
        try (DemoTable rows = db.table("VC_MEMBER")) {
            for (int term = 0; term < TERM_STARTS.length; term++) {
                int from = Math.max(TERM_STARTS[term], DemoDistrict.FIRST_YEAR);
                int to = term + 1 < TERM_STARTS.length ? TERM_STARTS[term + 1] - 1 : DemoDistrict.LAST_YEAR;
                Random r = new Random(7_000L + TERM_STARTS[term]);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    int villages = (int) Math.round(town.share() * 190);
                    for (int v = 0; v < villages; v++) {
                        String village = DemoDistrict.villageName(v);
                        int size = 3 + v % 3;
                        for (int m = 0; m < size; m++) {
                            boolean director = m == 0;
                            boolean female = r.nextDouble() < (director ? WOMEN_DIRECTOR_SHARE[term] : WOMEN_SHARE[term] * size / (size - 1.0) - WOMEN_DIRECTOR_SHARE[term] / (size - 1.0));
                            LocalDate born = SyntheticPeople.dayIn(r, TERM_STARTS[term] - 28 - r.nextInt(30));
                            String name = SyntheticPeople.name(r);
                            String idCard = SyntheticPeople.idCard(r, born, female);
                            String post = director ? "主任" : m == 1 ? "副主任" : "委员";
                            for (int year = from; year <= to; year++) {
                                rows.add(id++, year, name, idCard, female ? "女" : "男", Date.valueOf(born),
                                        town.nameZh(), village, post);
                            }
                        }
                    }
                }
            }
        }
    }
}
