package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The justice bureau's legal aid case register (法律援助案件登记, one row per case accepted, applicant's
 * sex as '男'/'女', age in years, town by name) and the court's register of juvenile offenders
 * (未成年人犯罪判决登记, one row per minor sentenced, sex by GB/T 2261.1 '1'/'2', town by 9-digit
 * code, counted in the year of the judgment).
 *
 * <p>Invented for the demo (no district figure was found): about 520 legal aid cases in 2015 rising to
 * 640, women 38% of applicants rising to 45%, minors one in twelve; juvenile offenders a Poisson
 * count with mean 5 falling to 3 a year, near the national 0.016% of minors.
 */
final class JusticeDemo {
    private static final String[] CASE_TYPES = {"民事", "民事", "民事", "刑事", "行政"};
    private static final String[] CRIMES = {"盗窃罪", "抢劫罪", "寻衅滋事罪", "故意伤害罪", "聚众斗殴罪", "帮助信息网络犯罪活动罪"};

    private JusticeDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable aid = db.table("FLYZ_AJ");
             DemoTable offender = db.table("WCN_FZ_PJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(13_000L + year);
                int t = year - DemoDistrict.FIRST_YEAR;
                int cases = 520 + 12 * t + r.nextInt(20);
                double women = 0.38 + 0.007 * t;
                for (int i = 1; i <= cases; i++) {
                    boolean female = r.nextDouble() < women;
                    int age = r.nextDouble() < 1.0 / 12 ? 8 + r.nextInt(10) : 18 + r.nextInt(60);
                    LocalDate born = SyntheticPeople.dayIn(r, year - age - 1);
                    aid.add(String.format("(%d)昭法援字第%04d号", year, i), Date.valueOf(SyntheticPeople.dayIn(r, year)),
                            SyntheticPeople.name(r), SyntheticPeople.idCard(r, born, female), female ? "女" : "男", age,
                            DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).nameZh(), CASE_TYPES[r.nextInt(CASE_TYPES.length)]);
                }
                int offenders = SyntheticPeople.poisson(r, 5.0 - 0.2 * t);
                for (int i = 1; i <= offenders; i++) {
                    boolean female = r.nextDouble() < 0.1;
                    LocalDate born = SyntheticPeople.dayIn(r, year - 15 - r.nextInt(3));
                    String town = DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code();
                    offender.add(String.format("(%d)川0811刑初%d号", year, 10 + 7 * i + r.nextInt(7)), 1,
                            SyntheticPeople.name(r), SyntheticPeople.idCard(r, born, female), female ? "2" : "1", Date.valueOf(born), town,
                            CRIMES[r.nextInt(CRIMES.length)], Date.valueOf(SyntheticPeople.dayIn(r, year)));
                }
            }
        }
    }
}
