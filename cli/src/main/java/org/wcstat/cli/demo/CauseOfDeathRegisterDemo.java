package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The health commission's register of deaths with their cause (人口死亡信息登记管理系统, 死因监测): one row
 * per death, with the deceased's name and ID card, sex ('1'/'2'), birth and death dates, town (9-digit
 * code), the underlying cause's ICD-10 code and its injury class (伤害类别: '溺水', '跌倒/跌落', '烧烫伤',
 * '中毒', '道路交通伤害', '其他伤害', or '疾病' for deaths from disease).
 *
 * <p>Invented for the demo (no district figure was found): the injury deaths of children under 18
 * only, about 2-4 a year falling to 1-3, at least one drowning and one fall, burn or poisoning in
 * every year so that each series has a figure; and a few adult injury deaths and children's deaths
 * from disease, which the children's injury indicators must leave out. In 2023 a boy drowned at 17, three
 * months before his 18th birthday: an under-18 death only when his age is taken on the day he died.
 */
final class CauseOfDeathRegisterDemo {
    private static final String[] CLASSES = {"溺水", "跌倒/跌落", "烧烫伤", "中毒", "道路交通伤害", "其他伤害"};
    private static final String[] ICD = {"W69", "W10", "X00", "X49", "V43", "W84"};

    private CauseOfDeathRegisterDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("SW_DJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(26_000L + year);
                int n = 0;
                // a drowning and a fall, burn or poisoning every year, then the rest by chance
                death(rows, r, year, ++n, 0, 3 + r.nextInt(14));
                death(rows, r, year, ++n, 1 + r.nextInt(3), r.nextInt(12));
                int more = SyntheticPeople.poisson(r, DemoDistrict.trend(year, 1.5, 0.6));
                for (int i = 0; i < more; i++) death(rows, r, year, ++n, r.nextInt(CLASSES.length), r.nextInt(18));
                // adults, and a child dying of disease: not children's injury deaths
                death(rows, r, year, ++n, 4, 20 + r.nextInt(50));
                death(rows, r, year, ++n, 0, 40 + r.nextInt(30));
                add(rows, r, year, ++n, "J18", "疾病", 2);
                if (year == DemoDistrict.LAST_YEAR - 2) seventeenOnTheDayOfDeath(rows, r, year, ++n);
            }
        }
    }

    /**
     * A boy born 1 June who drowned on 1 March, aged 17: an under-18 injury death, which an age taken on 31
     * December (18) would leave out.
     */
    private static void seventeenOnTheDayOfDeath(DemoTable rows, Random r, int year, int n) throws Exception {
        LocalDate died = LocalDate.of(year, 3, 1);
        LocalDate born = LocalDate.of(year - 18, 6, 1);
        rows.add(String.format("SW%d%04d", year, n), SyntheticPeople.name(r), SyntheticPeople.idCard(r, born, false),
                "1", Date.valueOf(born), Date.valueOf(died), DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code(), ICD[0], CLASSES[0]);
    }

    private static void death(DemoTable rows, Random r, int year, int n, int cls, int age) throws Exception {
        add(rows, r, year, n, ICD[cls], CLASSES[cls], age);
    }

    private static void add(DemoTable rows, Random r, int year, int n, String icd, String cls, int age) throws Exception {
        LocalDate died = SyntheticPeople.dayIn(r, year);
        LocalDate born = died.minusYears(age).minusDays(1 + r.nextInt(300));
        boolean female = r.nextDouble() < 0.4;
        rows.add(String.format("SW%d%04d", year, n), SyntheticPeople.name(r), SyntheticPeople.idCard(r, born, female),
                female ? "2" : "1", Date.valueOf(born), Date.valueOf(died), DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code(), icd, cls);
    }
}
