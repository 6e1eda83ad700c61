package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The housing and urban-rural development bureau's ledger of childcare facilities in residential areas
 * (居住区婴幼儿照护服务设施配建台账), one row per residential area and year: the area's name, town
 * (9-digit code), whether it is newly built (新建, planned after the outline) or already built (已建成),
 * its residents and the childcare places (托位) its facilities provide.
 *
 * <p>Invented for the demo (no district figure was found): 16 existing areas of 2,000-6,000 residents in
 * the three larger towns, retrofitting places from 2019, about 6 places per 1,000 residents by 2025;
 * new areas from 2021, one or two a year, built with 9-12 places per 1,000 residents.
 */
final class ResidentialChildcareFacilityLedgerDemo {
    private ResidentialChildcareFacilityLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        Random r = new Random(46_000L);
        int[] residents = new int[16];
        int[] retrofit = new int[residents.length];
        for (int i = 0; i < residents.length; i++) {
            residents[i] = 2000 + 250 * r.nextInt(17);
            retrofit[i] = 2019 + r.nextInt(9);
        }
        int[] newResidents = {3200, 4100, 2600, 3800, 2900, 3500, 4400};
        int[] newBuilt = {2021, 2022, 2022, 2023, 2024, 2025, 2025};
        double[] newRate = {0.009, 0.0105, 0.012, 0.01, 0.0095, 0.011, 0.0115};
        try (DemoTable rows = db.table("ZJ_JZQ_TYSS")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                for (int i = 0; i < residents.length; i++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(i % 3 == 2 ? 8 : i % 3);
                    int places = year >= retrofit[i] ? (int) Math.round(residents[i] * 0.008 / 5) * 5 : 0;
                    rows.add(year, town.nameZh() + "第" + (i + 1) + "小区", town.code(), "已建成", residents[i], places);
                }
                for (int i = 0; i < newResidents.length; i++) {
                    if (newBuilt[i] > year) continue;
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(i % 2);
                    rows.add(year, town.nameZh() + "新区" + (i + 1) + "号地块", town.code(), "新建", newResidents[i],
                            (int) Math.round(newResidents[i] * newRate[i]));
                }
            }
        }
    }
}
