package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The disabled persons' federation's register of disability certificates issued (残疾人证核发登记): one
 * row per first certificate, with the certificate number (the ID card number and the disability's
 * category and grade), name, sex ('M'/'F'), birth date, town (9-digit code), issue date, category and
 * the cause of the disability (致残原因: '先天/遗传', '疾病', '跌倒/跌落', '烧烫伤', '中毒', '溺水', '道路交通事故',
 * '其他伤害').
 *
 * <p>Invented for the demo (no district figure was found): only children's certificates, about 14 a
 * year, of which 2-3 caused by injury in 2015 falling to 1-2 in 2025, at least one injury to a child by
 * a fall, burn or poisoning every year, so that each series has a figure.
 */
final class DisabilityCertificateRegisterDemo {
    private static final String[] DISEASE = {"先天/遗传", "疾病"};
    private static final String[] INJURY = {"跌倒/跌落", "烧烫伤", "中毒", "溺水", "道路交通事故", "其他伤害"};

    private DisabilityCertificateRegisterDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("CJ_ZFZ_DJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(45_000L + year);
                int injured = SyntheticPeople.poisson(r, DemoDistrict.trend(year, 1.5, 0.6));
                int total = 12 + r.nextInt(5);
                for (int i = 0; i < total; i++) {
                    String cause = i == 0 ? INJURY[r.nextInt(3)] : i <= injured ? INJURY[r.nextInt(INJURY.length)] : DISEASE[r.nextInt(2)];
                    boolean female = r.nextDouble() >= 0.58;
                    LocalDate issued = SyntheticPeople.dayIn(r, year);
                    LocalDate born = issued.minusYears(1 + r.nextInt(16)).minusDays(r.nextInt(300));
                    int category = cause.equals("烧烫伤") || cause.equals("跌倒/跌落") ? 3 : r.nextInt(DisabledFederationDemo.CATEGORIES.length);
                    rows.add(SyntheticPeople.idCard(r, born, female) + (category + 1) + (1 + r.nextInt(4)),
                            SyntheticPeople.name(r), female ? "F" : "M", Date.valueOf(born), DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code(),
                            Date.valueOf(issued), DisabledFederationDemo.CATEGORIES[category], cause);
                }
            }
        }
    }
}
