package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.WOMEN;
import static org.wcstat.cli.demo.ItemReport.residents;
import static org.wcstat.cli.demo.ItemReport.share;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The women's health sections of the maternal and child health annual report (妇幼卫生年报 · 孕产妇保健
 * 和健康情况, 预防艾滋病梅毒乙肝母婴传播, 妇女常见病筛查), in the long layout of {@link ItemReport}, by town,
 * women only.
 *
 * <p>Invented for the demo (no district figure was found): women delivered about the births of the
 * year; systematic management 86% rising to 94%; HIV, syphilis and hepatitis B testing 97% to 99.5%;
 * one HIV-infected pregnant woman every other year, about 3 syphilis infections and 50 HBsAg-positive
 * mothers a year; anaemia among women tested 20% falling to 13%; 35-64-year-old women screened for
 * cervical cancer in the last five years 45% to 74%, for breast cancer in the last two years 25% to 50%;
 * 35-44-year-olds screened with an HPV test 30% to 70%; about 12 cervical cancers found a year;
 * induced abortions 12 to 8 per 1,000 women aged 15-49.
 */
final class WomenHealthAnnualReportDemo {
    static final String TABLE = "FY_FNBJ_NB";

    private WomenHealthAnnualReportDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.Rate testing = (y, t, f) -> trend(y, 0.97, 0.995);
        ItemReport.write(db, TABLE, 41_000L, List.of(
                new ItemReport.Item("CFS", TOWN, WOMEN, (y, t, f, r) -> Math.round(DemoDistrict.births(y) * share(t) * (1 + 0.03 * r.nextGaussian())),
                        new ItemReport.Part("XTGL", (y, t, f) -> trend(y, 0.86, 0.94)),
                        new ItemReport.Part("HIVJC", testing),
                        new ItemReport.Part("MDJC", testing),
                        new ItemReport.Part("YGJC", testing),
                        new ItemReport.Part("HBJC", (y, t, f) -> 0.96,
                                new ItemReport.Part("PX", (y, t, f) -> trend(y, 0.20, 0.13)))),
                // the district's few HIV-infected mothers live in the largest town; their infants are followed up
                new ItemReport.Item("HIVGR", TOWN, WOMEN, (y, t, f, r) -> t == DemoDistrict.TOWNS.get(0) && y % 2 == 0 ? 1 : 0,
                        new ItemReport.Part("HIVZL", (y, t, f) -> 0.95)),
                new ItemReport.Item("HIVBL", TOWN, WOMEN, (y, t, f, r) -> t == DemoDistrict.TOWNS.get(0) && y % 2 == 0 ? 1 : 0,
                        new ItemReport.Part("HIVCB", (y, t, f) -> 0.02)),
                new ItemReport.Item("MDGR", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 3.0 * share(t)),
                        new ItemReport.Part("MDZL", (y, t, f) -> trend(y, 0.90, 0.97))),
                new ItemReport.Item("MDBL", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 3.0 * share(t)),
                        new ItemReport.Part("XTMD", (y, t, f) -> 0.02)),
                new ItemReport.Item("YGBL", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 50.0 * share(t)),
                        new ItemReport.Part("YGCB", (y, t, f) -> trend(y, 0.02, 0.008))),
                new ItemReport.Item("GJSC5", TOWN, WOMEN, (y, t, f, r) -> ItemReport.draw(r, residents(y, t, true, 35, 64), trend(y, 0.45, 0.74))),
                new ItemReport.Item("RXSC2", TOWN, WOMEN, (y, t, f, r) -> ItemReport.draw(r, residents(y, t, true, 35, 64), trend(y, 0.25, 0.50))),
                new ItemReport.Item("HPV3544", TOWN, WOMEN, (y, t, f, r) -> ItemReport.draw(r, residents(y, t, true, 35, 44), trend(y, 0.30, 0.70))),
                new ItemReport.Item("GJA", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 12.0 * share(t)),
                        new ItemReport.Part("GJAZL", (y, t, f) -> trend(y, 0.88, 0.97))),
                new ItemReport.Item("RGLC", TOWN, WOMEN, (y, t, f, r) -> ItemReport.draw(r, residents(y, t, true, 15, 49), trend(y, 0.012, 0.008)))));
    }
}
