package org.wcstat.cli.demo;

import java.sql.Date;
import java.util.Random;

/**
 * The injury surveillance report cards of the district's sentinel hospitals (全国伤害监测系统 伤害监测
 * 报告卡): one card per outpatient or emergency visit for an injury, with sex ('男'/'女'), age, town of
 * residence (9-digit code), the visit date and the cause ('跌倒/跌落', '烧烫伤', '中毒', '溺水', '道路交通伤害',
 * '钝器伤', '动物伤', '其他').
 *
 * <p>Invented for the demo (no district figure was found): children's visits for falls, burns and
 * poisoning about 9 per 1,000 children in 2015 falling to 7 in 2025, other causes alongside, and a
 * share of adults' cards, which the children's indicator leaves out.
 */
final class InjurySurveillanceDemo {
    private static final String[] FALL_BURN_POISON = {"跌倒/跌落", "跌倒/跌落", "跌倒/跌落", "烧烫伤", "中毒"};
    private static final String[] OTHER = {"道路交通伤害", "钝器伤", "动物伤", "溺水", "其他"};

    private InjurySurveillanceDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("SH_JCBGK")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(27_000L + year);
                int n = 0;
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        int children = DemoDistrict.residentsAged(year, town, f == 1, 0, 17);
                        int fbp = SyntheticPeople.draw(r, children, DemoDistrict.trend(year, 0.009, 0.007) * (f == 1 ? 0.85 : 1.15));
                        int other = SyntheticPeople.draw(r, children, 0.006);
                        int adults = 20 + r.nextInt(20);
                        for (int i = 0; i < fbp + other + adults; i++) {
                            String cause = i < fbp ? FALL_BURN_POISON[r.nextInt(FALL_BURN_POISON.length)]
                                    : i < fbp + other ? OTHER[r.nextInt(OTHER.length)] : FALL_BURN_POISON[r.nextInt(FALL_BURN_POISON.length)];
                            int age = i < fbp + other ? r.nextInt(18) : 18 + r.nextInt(70);
                            rows.add(String.format("SH%d%05d", year, ++n), DemoDistrict.SEXES_ZH[f], age, town.code(),
                                    Date.valueOf(SyntheticPeople.dayIn(r, year)), cause);
                        }
                    }
                }
            }
        }
    }
}
