package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The department tables the outlines' indicators read beyond the demo's first registers, for hand-written
 * years that have no rows for them: every extract of the shipped sources must find its table, even an empty one.
 */
final class OutlineTables {
    /** Each department's tables by name (their DDL in {@link DemoTables}). */
    static final Map<String, List<String>> BY_DEPARTMENT = Map.ofEntries(
            Map.entry("health", List.of("FY_ETBJ_NB", "MY_CGJZ_BB", "WS_JG_NB", "WZXSE_JD_BB", "XS_JKJC_NB", "JKSY_JC", "SW_DJ", "SH_JCBGK", "TY_JG_BA", "FY_FNBJ_NB", "FNJK_DC", "ZYB_BG")),
            Map.entry("education", List.of("JY_TJ_ZB", "YEY_JBQK", "DD_XXWSAQ_JC", "XSQL_SJ", "JY_XM_TZ", "JY_XJ_TJ")),
            Map.entry("public_security", List.of("JJ_ETCC_JC", "ZA_AJ_TJ")),
            Map.entry("civil_affairs", List.of("MZ_ETFL_TZ", "MZ_SQ_TZ")),
            Map.entry("justice", List.of("SF_QSNFZJD_TZ", "RMTJ_TJ")),
            Map.entry("womens_federation", List.of("FL_ETZJ_TZ", "FL_JTJY_TJ")),
            Map.entry("disabled_federation", List.of("CJ_ZFZ_DJ", "CJ_DTGX_TJ")),
            Map.entry("housing_construction", List.of("ZJ_JZQ_TYSS")),
            Map.entry("culture_sports", List.of("WL_ETHDCS_TZ", "TY_TZJC")),
            Map.entry("hr_social_security", List.of("RS_FZ_TJ")),
            Map.entry("organisation", List.of("FN_JC_TJ")),
            Map.entry("statistics", List.of("RK_CY_DC")),
            Map.entry("science_association", List.of("KX_SZ_DC")),
            Map.entry("trade_union", List.of("GH_TJ_NB")),
            Map.entry("ecology_environment", List.of("STHJ_YYS_JC")));

    private OutlineTables() {
    }

    /** Creates each of the tables that a department's database does not have yet, empty. */
    static void createMissing(Path dir) throws Exception {
        for (var d : BY_DEPARTMENT.entrySet()) {
            String[] ddl = d.getValue().stream().map(DemoTables::ddl).map(s -> s.replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")).toArray(String[]::new);
            HandWrittenYear.db(dir, d.getKey(), ddl);
        }
    }
}
