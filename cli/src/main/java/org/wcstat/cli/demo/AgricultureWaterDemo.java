package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The agriculture and rural affairs and water resources bureau's rural infrastructure statistics
 * (农村基础设施统计): a long report of amounts by year, town (12-digit statistical division code) and
 * indicator name — rural residents and those served by tap water (农村供水), rural households and
 * those with a sanitary toilet (农村改厕). Columns carry the English names of the bureau's software.
 *
 * <p>Invented for the demo (no district figure was found): rural residents are the registered rural
 * population less the 20% who live elsewhere; 2.7 residents a household; tap water reaching 86% of
 * rural residents in 2015 and 95.5% in 2025, towns spread 3 points around the district; sanitary
 * toilets in 52% of rural households in 2015 and 81% in 2025.
 */
final class AgricultureWaterDemo {
    private AgricultureWaterDemo() {
    }

    static double tapWater(int year) {
        return 0.86 + 0.0095 * (year - DemoDistrict.FIRST_YEAR);
    }

    static double sanitaryToilets(int year) {
        return 0.52 + 0.029 * (year - DemoDistrict.FIRST_YEAR);
    }

    static void write(DemoDatabase db) throws Exception {
        Random towns = new Random(15_000L);
        double[] offset = new double[DemoDistrict.TOWNS.size()];
        for (int i = 0; i < offset.length; i++) offset[i] = 0.03 * (2 * towns.nextDouble() - 1);
        try (DemoTable rows = db.table("RURAL_INFRA_STAT")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(15_000L + year);
                for (int i = 0; i < DemoDistrict.TOWNS.size(); i++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(i);
                    double rural = 0;
                    for (int f = 0; f < 2; f++) {
                        for (int age = 0; age <= DemoDistrict.MAX_AGE; age++) {
                            rural += DemoDistrict.residents(year, town, f == 1, age, false);
                        }
                    }
                    int residents = (int) Math.round(rural * 0.8);
                    int households = (int) Math.round(residents / 2.7);
                    double tap = Math.min(0.995, tapWater(year) + offset[i] + 0.004 * (r.nextDouble() - 0.5));
                    double toilets = Math.min(0.98, sanitaryToilets(year) + 1.5 * offset[i] + 0.01 * (r.nextDouble() - 0.5));
                    String code = town.code() + "000";
                    rows.add(year, code, "农村常住人口", residents);
                    rows.add(year, code, "农村自来水受益人口", (int) Math.round(residents * tap));
                    rows.add(year, code, "农村常住户数", households);
                    rows.add(year, code, "卫生厕所户数", (int) Math.round(households * toilets));
                }
            }
        }
    }
}
