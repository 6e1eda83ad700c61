package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The civil affairs bureau's child welfare and minor protection work ledger (儿童福利和未成年人保护工作
 * 台账), one row per unit, year and item: the unit's name and level ('区', '镇', '社区', '村'), its division
 * code (the district's 6 digits or the town's 9), the item, and either a status ('是'/'否') or a number.
 * Status items: a child director in the village or community (儿童主任), the minor protection body in
 * place (未成年人保护机构: the district's centre, each town's workstation), the town running public-interest
 * community childcare or after-school care (公益性社区托育托管), drowning prevention and emergency rescue
 * teaching held in the community or village this year (防溺水教育). Numbers: the town's child welfare
 * supervisors (儿童督导员), and the district's registered social organisations serving children
 * (儿童服务类社会组织) and social workers serving children (儿童社会工作者).
 *
 * <p>Invented for the demo (no district figure was found): child directors in 70% of villages in 2015
 * and 98% in 2025; the district centre from 2019 and town workstations opening 2020-2024, one town
 * still without; community childcare in 2 towns in 2015 and 11 in 2025; supervisors in every town from
 * 2020 except 射箭镇 until 2023; organisations 1 rising to 6, social workers 3 to 20.
 */
final class ChildWelfareWorkLedgerDemo {
    private ChildWelfareWorkLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("MZ_ETFL_TZ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(43_000L + year);
                double progress = (year - DemoDistrict.FIRST_YEAR) / 10.0;
                rows.add(year, "昭化区未成年人救助保护中心", "区", "510811", "未成年人保护机构", year >= 2019 ? "是" : "否", null);
                rows.add(year, "昭化区", "区", "510811", "儿童服务类社会组织", null, 1 + (int) Math.round(5 * progress));
                rows.add(year, "昭化区", "区", "510811", "儿童社会工作者", null, 3 + (int) Math.round(17 * progress));
                for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(t);
                    rows.add(year, town.nameZh() + "未成年人保护工作站", "镇", town.code(), "未成年人保护机构",
                            t < 11 && year >= 2020 + t / 3 ? "是" : "否", null);
                    rows.add(year, town.nameZh(), "镇", town.code(), "公益性社区托育托管",
                            t < 2 + (year - DemoDistrict.FIRST_YEAR) * 9 / 10 ? "是" : "否", null);
                    rows.add(year, town.nameZh(), "镇", town.code(), "儿童督导员", null,
                            year < 2020 || (town.code().endsWith("109") && year < 2023) ? 0 : 1);
                    for (DemoDistrict.Community c : DemoDistrict.communities(town)) {
                        String level = c.urban() ? "社区" : "村";
                        rows.add(year, c.name(), level, town.code(), "儿童主任",
                                r.nextDouble() < DemoDistrict.trend(year, 0.70, 0.98) ? "是" : "否", null);
                        rows.add(year, c.name(), level, town.code(), "防溺水教育",
                                r.nextDouble() < DemoDistrict.trend(year, 0.60, 0.97) ? "是" : "否", null);
                    }
                }
            }
        }
    }
}
