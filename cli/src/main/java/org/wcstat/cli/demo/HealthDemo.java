package org.wcstat.cli.demo;

import java.sql.Date;
import java.util.Random;

/**
 * The health commission: a person-level birth register (出生医学证明登记, sex coded by GB/T 2261.1
 * '1'/'2') and the yearly maternal and child health death report (妇幼卫生年报, by town name, sex as
 * '男'/'女'). Both say urban or rural by the area the mother or child lives in (城镇/乡村); the register
 * keeps the hukou type as well, which the mortality rates must not divide by.
 */
final class HealthDemo {
    /** Maternal deaths per live birth: about the national 15 per 100,000. */
    private static final double MATERNAL_MORTALITY = 15.0 / 100_000;

    private HealthDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        long regId = 1;
        try (DemoTable birth = db.table("BIRTH_REGISTER");
             DemoTable death = db.table("MCH_DEATH_REPORT")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(1_000L + year);
                // births[town][urban][female]
                int[][][] births = new int[DemoDistrict.TOWNS.size()][2][2];
                double pMale = DemoDistrict.sexRatioAtBirth(year) / (100 + DemoDistrict.sexRatioAtBirth(year));
                for (int i = 0; i < DemoDistrict.births(year); i++) {
                    int t = pickTown(r);
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(t);
                    boolean urban = r.nextDouble() < town.urbanShare();
                    boolean female = r.nextDouble() >= pMale;
                    births[t][urban ? 1 : 0][female ? 1 : 0]++;
                    int motherBorn = year - 20 - r.nextInt(18);
                    birth.add(regId, String.format("R%d%s%05d", year, town.code().substring(6), regId),
                            SyntheticPeople.name(r), SyntheticPeople.idCard(r, SyntheticPeople.dayIn(r, motherBorn), true),
                            sexCode(regId, female), Date.valueOf(SyntheticPeople.dayIn(r, year)), town.code(),
                            urban ? "非农业" : "农业", urban ? "城镇" : "乡村", 2500 + r.nextInt(1700), 36 + r.nextInt(6));
                    regId++;
                }
                for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
                    for (int u = 0; u < 2; u++) {
                        String town = DemoDistrict.TOWNS.get(t).nameZh();
                        String area = u == 1 ? "城镇" : "乡村";
                        for (int f = 0; f < 2; f++) {
                            int b = births[t][u][f];
                            // boys die in infancy a little more often than girls
                            double imr = DemoDistrict.infantMortality(year) * (f == 1 ? 0.9 : 1.1);
                            int infant = SyntheticPeople.poisson(r, b * imr);
                            int neonatal = SyntheticPeople.binomial(r, infant, 0.6);
                            int under5 = infant + SyntheticPeople.poisson(r, b * 0.0012);
                            String sex = f == 1 ? "女" : "男";
                            death.add(year, town, area, "NEO_DEATH", sex, neonatal);
                            death.add(year, town, area, "INF_DEATH", sex, infant);
                            death.add(year, town, area, "U5_DEATH", sex, under5);
                        }
                        int mothers = births[t][u][0] + births[t][u][1];
                        death.add(year, town, area, "MAT_DEATH", "女", SyntheticPeople.poisson(r, mothers * MATERNAL_MORTALITY));
                    }
                }
            }
        }
    }

    /** '1' boy, '2' girl; every 400th certificate '9' (未说明), as real registers have a few: counted in no sex. */
    private static String sexCode(long regId, boolean female) {
        return regId % 400 == 0 ? "9" : female ? "2" : "1";
    }

    static int pickTown(Random r) {
        double x = r.nextDouble();
        for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
            x -= DemoDistrict.TOWNS.get(t).share();
            if (x < 0) return t;
        }
        return DemoDistrict.TOWNS.size() - 1;
    }
}
