package org.wcstat.cli.demo;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly run on tiny hand-written databases for indicators of the children's outline from four
 * departments (health, education, civil affairs, public security for the population), in the demo's
 * schemas and codes, through the shipped configuration. Every expected value is worked out by hand below.
 */
class ChildrenIndicatorsByHandTest {
    static final int YEAR = 2024;
    static final double EPS = HandWrittenYear.EPS;

    @TempDir
    static Path home;
    static SparkSession spark;

    @BeforeAll
    static void runTheYear() throws Exception {
        Path dir = home.resolve("departments");
        Files.createDirectories(dir);
        // Population 2024. 卫子镇: boys aged 5 600, girls aged 5 400. 昭化镇: boys and girls aged 10 500
        // each, men aged 40 3,000. Children under 18 (and 0-14): 2,000, boys 1,100, girls 900.
        db(dir, "public_security", DemoTables.ddl("HJ_RK_TJ"),
                pop("510811101000", "1", 5, 600),
                pop("510811101000", "2", 5, 400),
                pop("510811108000", "1", 10, 500),
                pop("510811108000", "2", 10, 500),
                pop("510811108000", "1", 40, 3000));
        // Immunisation 2024. 卫子镇: hepatitis B 95 of 100 doses due, MMR 40 of 50; 昭化镇: hepatitis B
        // 196 of 200. A 2023 row, and a row of catch-up doses, a figure the extract does not know
        // (quarantined).
        // Health resources 2024: paediatric doctors 2 at the hospital (卫子镇) and 1 at the MCH hospital
        // (昭化镇). Child-care GPs / child health doctors: 卫子镇卫生院 1 / 1, 昭化镇卫生院 0 / 2, 卫子镇社区
        // 卫生服务中心 2 / 3; the hospital's 5 GPs are no primary care centre's.
        // Deaths 2024: a boy of 10 drowned (卫子镇), a girl of 5 burned (昭化镇), a man of 44 in a road
        // accident, a boy of 12 of pneumonia (not read), and a boy's road death under 510812101, a town
        // of another district (quarantined).
        db(dir, "health", DemoTables.ddl("BIRTH_REGISTER"), DemoTables.ddl("MCH_DEATH_REPORT"), DemoTables.ddl("MY_CGJZ_BB"),
                DemoTables.ddl("WS_JG_NB"), DemoTables.ddl("SW_DJ"),
                dose(YEAR, "510811101", "乙肝疫苗", "应种剂次", 100),
                dose(YEAR, "510811101", "乙肝疫苗", "实种剂次", 95),
                dose(YEAR, "510811101", "麻腮风疫苗", "应种剂次", 50),
                dose(YEAR, "510811101", "麻腮风疫苗", "实种剂次", 40),
                dose(YEAR, "510811108", "乙肝疫苗", "应种剂次", 200),
                dose(YEAR, "510811108", "乙肝疫苗", "实种剂次", 196),
                dose(2023, "510811108", "乙肝疫苗", "实种剂次", 999),
                dose(YEAR, "510811108", "乙肝疫苗", "补种剂次", 7),
                resource("H1", "综合医院", "510811101", "EKYS", 2),
                resource("H1", "综合医院", "510811101", "ETQK", 5),
                resource("H2", "妇幼保健院", "510811108", "EKYS", 1),
                resource("T1", "乡镇卫生院", "510811101", "ETQK", 1),
                resource("T1", "乡镇卫生院", "510811101", "ETBJ", 1),
                resource("T2", "乡镇卫生院", "510811108", "ETQK", 0),
                resource("T2", "乡镇卫生院", "510811108", "ETBJ", 2),
                resource("C1", "社区卫生服务中心", "510811101", "ETQK", 2),
                resource("C1", "社区卫生服务中心", "510811101", "ETBJ", 3),
                death("D1", "1", "2014-03-01", "2024-07-01", "510811101", "W69", "溺水"),
                death("D2", "2", "2019-05-01", "2024-02-01", "510811108", "X00", "烧烫伤"),
                death("D3", "1", "1980-04-01", "2024-09-01", "510811108", "V43", "道路交通伤害"),
                death("D4", "1", "2012-01-01", "2024-03-01", "510811101", "J18", "疾病"),
                death("D5", "1", "2015-01-01", "2024-08-01", "510812101", "V43", "道路交通伤害"));
        // School inspection 2024. 卫子镇 school A: counselling room and monthly drills met. 昭化镇 school B:
        // room not met, drills met; school C: room met, drills not. 卫子镇 kindergarten K: quarterly drills
        // met. An item code the extract does not know (quarantined).
        db(dir, "education", DemoTables.ddl("EDU_ENROLMENT"), DemoTables.ddl("DD_XXWSAQ_JC"),
                inspection("A", "小学", "510811101", "XLFDS", "达标"),
                inspection("A", "小学", "510811101", "SSYL", "达标"),
                inspection("B", "初中", "510811108", "XLFDS", "未达标"),
                inspection("B", "初中", "510811108", "SSYL", "达标"),
                inspection("C", "小学", "510811108", "XLFDS", "达标"),
                inspection("C", "小学", "510811108", "SSYL", "未达标"),
                inspection("K", "幼儿园", "510811101", "YEYL", "达标"),
                inspection("C", "小学", "510811108", "XYZ", "未达标"));
        // Child welfare ledger 2024. Supervisors: 卫子镇 1, 昭化镇 2. Child directors: 卫子1村 yes, 卫子2村
        // no, 昭化1村 yes, 昭化1社区 yes. Protection bodies: the district's centre and 卫子镇's workstation
        // in place, 昭化镇's not.
        db(dir, "civil_affairs", DemoTables.ddl("VC_MEMBER"), DemoTables.ddl("MZ_ETFL_TZ"),
                welfare("卫子镇", "镇", "510811101", "儿童督导员", null, 1),
                welfare("昭化镇", "镇", "510811108", "儿童督导员", null, 2),
                welfare("卫子1村", "村", "510811101", "儿童主任", "是", null),
                welfare("卫子2村", "村", "510811101", "儿童主任", "否", null),
                welfare("昭化1村", "村", "510811108", "儿童主任", "是", null),
                welfare("昭化1社区", "社区", "510811108", "儿童主任", "是", null),
                welfare("昭化区未成年人救助保护中心", "区", "510811", "未成年人保护机构", "是", null),
                welfare("卫子镇未成年人保护工作站", "镇", "510811101", "未成年人保护机构", "是", null),
                welfare("昭化镇未成年人保护工作站", "镇", "510811108", "未成年人保护机构", "否", null));
        // the other departments' tables, empty
        db(dir, "hr_social_security", DemoTables.ddl("RS_TJ_NB"));
        db(dir, "medical_insurance", DemoTables.ddl("YB_CBRS_TJ"));
        db(dir, "justice", DemoTables.ddl("FLYZ_AJ"), DemoTables.ddl("WCN_FZ_PJ"));
        db(dir, "womens_federation", DemoTables.ddl("FL_JTJY_ZD"));
        db(dir, "agriculture_water", DemoTables.ddl("RURAL_INFRA_STAT"));
        db(dir, "disabled_federation", DemoTables.ddl("CJ_SLRX_AZ"), DemoTables.ddl("CJ_KFJZ"));
        db(dir, "organisation", DemoTables.ddl("GB_LDBZ_CY"));

        JobContext ctx = HandWrittenYear.run(home, YEAR);
        spark = ctx.warehouse().spark();
    }

    @Test
    void immunisationCoverageInEveryTown() {
        // (95 + 40 + 196) / (100 + 50 + 200) = 331/350 = 94.571%; 卫子镇 135/150 = 90%; 昭化镇 196/200 = 98%
        assertValue("C-H-06", "510811", "_T", 33100.0 / 350, 331, 350);
        assertValue("C-H-06", "510811101", "_T", 90.0, 135, 150);
        assertValue("C-H-06", "510811108", "_T", 98.0, 196, 200);
    }

    @Test
    void paediatricDoctorsAndPrimaryCareStaffing() {
        // 3 paediatric doctors per 2,000 children aged 0-14, x 1,000 = 1.5
        assertValue("C-H-M2a", "510811", "_T", 1.5, 3, 2000);
        // three primary care centres (the hospital is none): a child-care GP in 卫子镇卫生院 and the
        // community centre, 2 of 3; two or more child health doctors in 昭化镇卫生院 and the community
        // centre, 2 of 3
        assertValue("C-H-M2c", "510811", "_T", 200.0 / 3, 2, 3);
        assertValue("C-H-M2d", "510811", "_T", 200.0 / 3, 2, 3);
    }

    @Test
    void injuryDeathsOfChildrenArePooledAndFlagged() {
        // children's injury deaths: the boy drowned and the girl burned; the man's road death is no
        // child's, the pneumonia death no injury. Pooled 2022-2024 with only 2024 loaded: 2 / 2,000
        // x 100,000 = 100; boys 1/1,100 x 100,000 = 90.909; girls 1/900 x 100,000 = 111.111
        assertValue("C-S-01a", "510811", "_T", 100.0, 2, 2000);
        assertValue("C-S-01a", "510811", "M", 100000.0 / 1100, 1, 1100);
        assertValue("C-S-01a", "510811", "F", 100000.0 / 900, 1, 900);
        // drowning 1/2,000 and burn, fall or poisoning 1/2,000, x 100,000 = 50 each
        assertValue("C-S-02", "510811", "_T", 50.0, 1, 2000);
        assertValue("C-S-04c", "510811", "_T", 50.0, 1, 2000);
        // exact Poisson interval for 2 events: chi2(0.025; 4)/2 = 0.24221 and chi2(0.975; 6)/2 = 7.22468,
        // over 2,000 x 100,000: 12.110 to 361.234; 2 events are far too few for a stable rate. The window has
        // 2024 alone (pooled_years=2024), and the death in 510812101, outside the district, was quarantined from
        // the cause-of-death register the rate reads: quarantined=1
        Row r = spark.sql("SELECT ci_low, ci_high, flags FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = 'C-S-01a' AND year = "
                + YEAR + " AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T' AND pooled_years = 3").first();
        assertEquals(12.110, r.getDouble(0), 0.001);
        assertEquals(361.234, r.getDouble(1), 0.001);
        assertEquals(List.of("pooled_3y", "pooled_partial", "pooled_years=2024", "unstable", "quarantined=1"), List.of(r.getString(2).split(",")));
    }

    @Test
    void schoolInspectionShares() {
        // counselling rooms: A and C of A, B, C = 66.67%; monthly drills: A and B of three = 66.67%;
        // 昭化镇 has no publication by town for these, the district only. Kindergartens: 1 of 1 = 100%
        assertValue("C-H-11a", "510811", "_T", 200.0 / 3, 2, 3);
        assertValue("C-S-M15a", "510811", "_T", 200.0 / 3, 2, 3);
        assertValue("C-S-M15b", "510811", "_T", 100.0, 1, 1);
    }

    @Test
    void childWelfareWorkforceAndBodies() {
        // supervisors: 卫子镇 1, 昭化镇 2, district 3
        assertCount("C-W-11b", "510811", 3);
        assertCount("C-W-11b", "510811101", 1);
        assertCount("C-W-11b", "510811108", 2);
        // child directors: 3 of 4 = 75%; 卫子镇 1 of 2 = 50%; 昭化镇 2 of 2 = 100%
        assertValue("C-W-11c", "510811", "_T", 75.0, 3, 4);
        assertValue("C-W-11c", "510811101", "_T", 50.0, 1, 2);
        assertValue("C-W-11c", "510811108", "_T", 100.0, 2, 2);
        // protection bodies: the centre and one of two workstations, 2 of 3 = 66.67%
        assertValue("C-W-11a", "510811", "_T", 200.0 / 3, 2, 3);
    }

    @Test
    void rowsThatCannotBeMappedAreQuarantinedNamingTheRule() {
        Map<String, String> reasons = new TreeMap<>();
        for (Row r : spark.sql("SELECT source, extract, reason FROM " + Warehouse.QUARANTINE + " WHERE year = " + YEAR).collectAsList()) {
            String was = reasons.put(r.getString(0) + "." + r.getString(1), r.getString(2));
            assertEquals(null, was, "a second row quarantined in " + r.getString(0) + "." + r.getString(1) + ": " + r.getString(2));
        }
        assertEquals(List.of("education.school_health_safety_inspection", "health.immunisation_report", "health.injury_deaths"),
                List.copyOf(reasons.keySet()));
        assertContains(reasons.get("health.immunisation_report"), "measure code '补种剂次' in ZB");
        assertContains(reasons.get("health.injury_deaths"), "town '510812101' is not a town");
        assertContains(reasons.get("education.school_health_safety_inspection"), "measure code 'XYZ:受检' in XMJG");
    }

    private static void assertContains(String text, String part) {
        assertTrue(text != null && text.contains(part), "expected '" + part + "' in: " + text);
    }

    private static void assertValue(String indicator, String region, String sex, double value, double numerator, double denominator) {
        HandWrittenYear.assertValue(spark, YEAR, indicator, region, sex, "_T", value, numerator, denominator);
    }

    private static void assertCount(String indicator, String region, double count) {
        List<Row> rows = HandWrittenYear.values(spark, YEAR, indicator, region, "_T", "_T", "_T");
        assertEquals(1, rows.size(), indicator + " " + region + ": " + rows);
        assertEquals(count, rows.get(0).getDouble(0), EPS, indicator + " " + region + " value");
        assertTrue(rows.get(0).isNullAt(2), indicator + " has a denominator");
    }

    private static String pop(String code, String sex, int age, int n) {
        return String.format("INSERT INTO HJ_RK_TJ VALUES (%d, '%s', '%s', %d, '乡村', %d)", YEAR, code, sex, age, n);
    }

    private static String dose(int year, String town, String vaccine, String figure, int n) {
        return String.format("INSERT INTO MY_CGJZ_BB VALUES (%d, '%s', '%s', '%s', %d)", year, town, vaccine, figure, n);
    }

    private static String resource(String id, String kind, String town, String item, int n) {
        return String.format("INSERT INTO WS_JG_NB VALUES (%d, '%s', '某机构', '%s', '%s', '%s', %d)", YEAR, id, kind, town, item, n);
    }

    private static String death(String id, String sex, String born, String died, String town, String icd, String cls) {
        return String.format("INSERT INTO SW_DJ VALUES ('%s', '某人', '510811199001011234', '%s', DATE '%s', DATE '%s', '%s', '%s', '%s')",
                id, sex, born, died, town, icd, cls);
    }

    private static String inspection(String school, String kind, String town, String item, String result) {
        return String.format("INSERT INTO DD_XXWSAQ_JC VALUES (%d, '%s', '某学校', '%s', '%s', '%s', '%s')", YEAR, school, kind, town, item, result);
    }

    private static String welfare(String unit, String level, String code, String item, String status, Integer n) {
        return String.format("INSERT INTO MZ_ETFL_TZ VALUES (%d, '%s', '%s', '%s', '%s', %s, %s)", YEAR, unit, level, code, item,
                status == null ? "NULL" : "'" + status + "'", n);
    }

    private static void db(Path dir, String name, String... ddlAndRows) throws Exception {
        HandWrittenYear.db(dir, name, ddlAndRows);
    }
}
