package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The statistics bureau's yearly population sample survey (人口变动情况抽样调查), as tabulated for the
 * district: persons aged 15 and over surveyed, the illiterate among them (不识字或识字很少), their total
 * years of schooling (by the national conversion of the highest level attended) and the employed, by
 * town (12-digit code), sex ('1'/'2') and the age bands of conf/dimensions.yaml.
 *
 * <p>Invented for the demo (no district figure was found): 2% of residents surveyed; illiteracy
 * rising with age (0.2% of women aged 15-24, 25% of women 65 and over in 2015, men at two fifths of
 * that), falling by 40% over the decade as cohorts age; schooling from 12 years at 18-24 to 4.5 at 65
 * and over for women in 2015, a year more for men, 0.08 years more every year; employment peaking at
 * 88% of men and 78% of women aged 35-44.
 */
final class PopulationSampleSurveyDemo {
    private static final String[] BANDS = {"15-17", "18-24", "25-34", "35-44", "45-49", "50-59", "60-64", "65+"};
    private static final int[][] AGES = {{15, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 49}, {50, 59}, {60, 64}, {65, DemoDistrict.MAX_AGE}};
    private static final double[] WOMEN_ILLITERATE = {0.002, 0.002, 0.004, 0.010, 0.020, 0.050, 0.100, 0.250};
    private static final double[] WOMEN_SCHOOLING = {9.5, 12.0, 11.0, 9.5, 8.5, 7.5, 6.5, 4.5};
    private static final double[] MEN_EMPLOYED = {0.05, 0.55, 0.85, 0.88, 0.85, 0.75, 0.50, 0.15};
    private static final double[] WOMEN_EMPLOYED = {0.05, 0.52, 0.76, 0.78, 0.72, 0.55, 0.35, 0.10};

    private PopulationSampleSurveyDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("RK_CY_DC")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(46_000L + year);
                double fading = DemoDistrict.trend(year, 1.0, 0.6);
                double gained = 0.08 * (year - DemoDistrict.FIRST_YEAR);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    String area = town.code() + "000";
                    for (int f = 0; f < 2; f++) {
                        boolean female = f == 1;
                        String sex = female ? "2" : "1";
                        for (int b = 0; b < BANDS.length; b++) {
                            int n = (int) Math.round(0.02 * DemoDistrict.residentsAged(year, town, female, AGES[b][0], AGES[b][1]));
                            double illiterate = WOMEN_ILLITERATE[b] * fading * (female ? 1 : 0.4);
                            double schooling = WOMEN_SCHOOLING[b] + gained + (female ? 0 : 1);
                            double employed = female ? WOMEN_EMPLOYED[b] : MEN_EMPLOYED[b];
                            rows.add(year, area, sex, BANDS[b], "DCRS", n);
                            rows.add(year, area, sex, BANDS[b], "WMRS", SyntheticPeople.draw(r, n, illiterate));
                            rows.add(year, area, sex, BANDS[b], "SJNX", Math.round(n * (schooling + 0.3 * r.nextGaussian())));
                            rows.add(year, area, sex, BANDS[b], "JYRS", SyntheticPeople.draw(r, n, employed));
                        }
                    }
                }
            }
        }
    }
}
