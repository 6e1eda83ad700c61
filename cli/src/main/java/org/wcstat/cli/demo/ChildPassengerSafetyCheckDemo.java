package org.wcstat.cli.demo;

import java.sql.Date;
import java.util.Random;

/**
 * The traffic police's roadside checks of child passengers (儿童乘车安全路面检查记录), one row per check
 * point and day: the date, the town (9-digit code), children under 12 seen in cars and how many sat in a
 * child safety seat, and children seen riding on electric bicycles and motorcycles and how many wore
 * a helmet.
 *
 * <p>Invented for the demo (no district figure was found): 24 check days a year; safety seats 12% in
 * 2015 rising to 38% in 2025, helmets 20% to 72% (the helmet campaign of 2020 lifting them fastest).
 */
final class ChildPassengerSafetyCheckDemo {
    private ChildPassengerSafetyCheckDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("JJ_ETCC_JC")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(44_000L + year);
                double seats = DemoDistrict.trend(year, 0.12, 0.38);
                double helmets = year < 2020 ? 0.20 + 0.02 * (year - 2015) : 0.45 + 0.054 * (year - 2020);
                for (int day = 0; day < 24; day++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(HealthDemo.pickTown(r));
                    int cars = 20 + r.nextInt(40);
                    int riders = 15 + r.nextInt(30);
                    rows.add(Date.valueOf(java.time.LocalDate.of(year, 1 + day / 2, 5 + 12 * (day % 2))), town.code(),
                            cars, SyntheticPeople.draw(r, cars, seats), riders, SyntheticPeople.draw(r, riders, helmets));
                }
            }
        }
    }
}
