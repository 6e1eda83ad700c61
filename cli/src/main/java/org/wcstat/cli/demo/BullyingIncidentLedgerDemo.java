package org.wcstat.cli.demo;

import java.sql.Date;
import java.util.List;
import java.util.Random;

/**
 * The education bureau's ledger of student bullying incidents (学生欺凌事件台账), one row per incident
 * confirmed by the school's bullying committee: its number, school code, the school's town (9-digit
 * code), the date and how it was handled.
 *
 * <p>Invented for the demo (no district figure was found): about 9 incidents a year in 2015 falling to
 * about 4 in 2025, at least one every year.
 */
final class BullyingIncidentLedgerDemo {
    private static final String[] HANDLING = {"教育批评", "训诫", "家校共同教育", "移交公安机关"};

    private BullyingIncidentLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        List<SchoolHealthSafetyInspectionDemo.School> schools = SchoolHealthSafetyInspectionDemo.schools().stream()
                .filter(s -> !s.kind().equals("幼儿园")).toList();
        try (DemoTable rows = db.table("XSQL_SJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(34_000L + year);
                int incidents = 1 + SyntheticPeople.poisson(r, DemoDistrict.trend(year, 8, 3));
                for (int i = 1; i <= incidents; i++) {
                    SchoolHealthSafetyInspectionDemo.School s = schools.get(r.nextInt(schools.size()));
                    rows.add(String.format("QL%d%03d", year, i), s.code(), s.town(),
                            Date.valueOf(SyntheticPeople.dayIn(r, year)), HANDLING[r.nextInt(HANDLING.length)]);
                }
            }
        }
    }
}
