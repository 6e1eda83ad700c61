package org.wcstat.cli.demo;


/**
 * The public security bureau's household-register population table (户籍人口统计): 12-digit
 * statistical division codes, sex coded '1'/'2', single years of age, residence as '城镇'/'乡村'.
 */
final class PublicSecurityDemo {
    private PublicSecurityDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("HJ_RK_TJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        for (int age = 0; age <= DemoDistrict.MAX_AGE; age++) {
                            for (int u = 0; u < 2; u++) {
                                rows.add(year, town.code() + "000", f == 1 ? "2" : "1", age, u == 1 ? "城镇" : "乡村",
                                        DemoDistrict.residents(year, town, f == 1, age, u == 1));
                            }
                        }
                    }
                }
            }
        }
    }
}
