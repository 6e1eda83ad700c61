package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The health commission's register of childcare institutions for children under 3 (托育机构备案信息), one
 * row per institution operating at the end of the year: its code, name, town (9-digit code), whether
 * it is an inclusive (普惠) institution and its places (托位数).
 *
 * <p>Invented for the demo (no district figure was found): 2 institutions with 60 places in 2015,
 * one or two more most years after 2019, 15-20 institutions and about 600 places in 2025.
 */
final class ChildcareInstitutionRegisterDemo {
    private ChildcareInstitutionRegisterDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        Random r = new Random(28_000L);
        int[] opened = new int[20];
        int[] places = new int[opened.length];
        int[] town = new int[opened.length];
        for (int i = 0; i < opened.length; i++) {
            opened[i] = i < 2 ? 2015 : i < 5 ? 2016 + r.nextInt(4) : 2019 + (i - 5) * 7 / 15 + r.nextInt(2);
            places[i] = 20 + 5 * r.nextInt(8);
            town[i] = i < 6 ? 0 : HealthDemo.pickTown(r);
        }
        try (DemoTable rows = db.table("TY_JG_BA")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                for (int i = 0; i < opened.length; i++) {
                    if (opened[i] > year) continue;
                    DemoDistrict.Town t = DemoDistrict.TOWNS.get(town[i]);
                    rows.add(year, String.format("52510811TY%04d", i + 1), t.nameZh() + "托育园" + (i + 1),
                            t.code(), i % 3 == 2 ? "否" : "是", places[i]);
                }
            }
        }
    }
}
