package org.wcstat.cli.demo;


/**
 * The justice bureau's ledger of youth legal education practice bases (青少年法治宣传教育实践基地台账),
 * one row per base and year while it is recognised: its name, town (9-digit code), level and the year
 * it was recognised.
 *
 * <p>Invented for the demo (no district figure was found): the district's first base in 2018 at the
 * court, a second at a town school in 2023.
 */
final class YouthLegalEducationBaseLedgerDemo {
    private YouthLegalEducationBaseLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("SF_QSNFZJD_TZ")) {
            for (int year = 2018; year <= DemoDistrict.LAST_YEAR; year++) {
                rows.add(year, "昭化区人民法院青少年法治教育基地", "510811100", "区级", 2018);
                if (year >= 2023) rows.add(year, "卫子镇中心小学法治教育实践基地", "510811101", "市级", 2023);
            }
        }
    }
}
