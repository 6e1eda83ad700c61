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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly run on tiny hand-written databases of the departments beyond health, education, public
 * security and civil affairs, in the demo's schemas and code conventions, through the shipped
 * configuration. Every expected value is worked out by hand below.
 */
class MoreDepartmentsByHandTest {
    static final int YEAR = 2024;
    static final double EPS = HandWrittenYear.EPS;

    @TempDir
    static Path home;
    static SparkSession spark;

    @BeforeAll
    static void runTheYear() throws Exception {
        Path dir = home.resolve("departments");
        Files.createDirectories(dir);
        // the departments this test has no rows for are there, with their tables empty
        db(dir, "health", DemoTables.ddl("BIRTH_REGISTER"), DemoTables.ddl("MCH_DEATH_REPORT"));
        db(dir, "education", DemoTables.ddl("EDU_ENROLMENT"));
        db(dir, "civil_affairs", DemoTables.ddl("VC_MEMBER"));
        // Population 2024, the denominators. 卫子镇: women aged 30 100, girls aged 10 20.
        // 昭化镇: women aged 70 80, boys aged 16 30, men aged 40 90.
        // Women 200 (卫子镇 120, 昭化镇 80); women 18+ 180 (卫子镇 100, 昭化镇 80);
        // minors 50 (boys 30, girls 20).
        db(dir, "public_security", DemoTables.ddl("HJ_RK_TJ"),
                pop("510811101000", "2", 30, "乡村", 100),
                pop("510811101000", "2", 10, "乡村", 20),
                pop("510811108000", "2", 70, "城镇", 80),
                pop("510811108000", "1", 16, "乡村", 30),
                pop("510811108000", "1", 40, "乡村", 90));
        // Urban-unit employees: 卫子镇 40 women + 60 men, 昭化镇 20 women + 40 men.
        // Pension, women: 卫子镇 20 + 70 = 90, 昭化镇 10 + 66 = 76. A man's row, a 2023 row that
        // must not count, and a row for a division code that is no town (quarantined).
        db(dir, "hr_social_security", DemoTables.ddl("RS_TJ_NB"),
                hr(YEAR, "510811101000", "2", "A0101", 40),
                hr(YEAR, "510811101000", "1", "A0101", 60),
                hr(YEAR, "510811108000", "2", "A0101", 20),
                hr(YEAR, "510811108000", "1", "A0101", 40),
                hr(YEAR, "510811101000", "2", "B0201", 20),
                hr(YEAR, "510811101000", "2", "B0301", 70),
                hr(YEAR, "510811108000", "2", "B0201", 10),
                hr(YEAR, "510811108000", "2", "B0301", 66),
                hr(YEAR, "510811108000", "1", "B0301", 85),
                hr(2023, "510811101000", "2", "A0101", 999),
                hr(YEAR, "510811199000", "2", "A0101", 5));
        // Medical insurance, women: 卫子镇 10 + 108 = 118, 昭化镇 5 + 70 = 75. Maternity: women 36 in
        // 卫子镇, 19 in 昭化镇; 50 men in 卫子镇. A scheme the extract does not know (quarantined).
        db(dir, "medical_insurance", DemoTables.ddl("YB_CBRS_TJ"),
                yb("卫子镇", "女", "职工基本医疗保险", 10),
                yb("卫子镇", "女", "城乡居民基本医疗保险", 108),
                yb("昭化镇", "女", "职工基本医疗保险", 5),
                yb("昭化镇", "女", "城乡居民基本医疗保险", 70),
                yb("昭化镇", "男", "城乡居民基本医疗保险", 100),
                yb("卫子镇", "女", "生育保险", 36),
                yb("昭化镇", "女", "生育保险", 19),
                yb("卫子镇", "男", "生育保险", 50),
                yb("卫子镇", "女", "大病保险", 118));
        // Legal aid 2024: women aged 35 (卫子镇), 16 and 52 (昭化镇); a man aged 40 (卫子镇). A woman's case
        // accepted on 2023-12-30 (not 2024) and one from 元坝乡, no town of the district (quarantined).
        // Juvenile offenders sentenced in 2024: boys from 卫子镇 and 昭化镇, a girl from 昭化镇, and a boy
        // whose town code 510811999 is no town (quarantined).
        db(dir, "justice", DemoTables.ddl("FLYZ_AJ"), DemoTables.ddl("WCN_FZ_PJ"),
                aid(1, "2024-03-01", "女", 35, "卫子镇"),
                aid(2, "2024-05-01", "女", 16, "昭化镇"),
                aid(3, "2024-07-01", "女", 52, "昭化镇"),
                aid(4, "2024-08-01", "男", 40, "卫子镇"),
                aid(5, "2023-12-30", "女", 30, "卫子镇"),
                aid(6, "2024-09-01", "女", 28, "元坝乡"),
                offender("(2024)川0811刑初12号", 1, "1", "2008-05-01", "510811101", "2024-06-01"),
                offender("(2024)川0811刑初12号", 2, "1", "2007-09-01", "510811108", "2024-06-01"),
                offender("(2024)川0811刑初30号", 1, "2", "2008-02-01", "510811108", "2024-10-01"),
                offender("(2023)川0811刑初40号", 1, "1", "2007-03-01", "510811108", "2023-12-20"),
                offender("(2024)川0811刑初31号", 1, "1", "2008-01-01", "510811999", "2024-11-01"));
        // Parent schools 2024. 卫子镇: its community has one; villages 2 of 3. 昭化镇: its community has
        // none; villages 1 of 2. A village under code 510811199 (quarantined), and a 2023 row.
        db(dir, "womens_federation", DemoTables.ddl("FL_JTJY_ZD"),
                point(YEAR, "510811101", "卫子1社区", "社区", "是", 2018),
                point(YEAR, "510811101", "柏村", "行政村", "是", 2020),
                point(YEAR, "510811101", "杨村", "行政村", "否", null),
                point(YEAR, "510811101", "松村", "行政村", "是", 2016),
                point(YEAR, "510811108", "昭化1社区", "社区", "否", null),
                point(YEAR, "510811108", "桃村", "行政村", "是", 2021),
                point(YEAR, "510811108", "李村", "行政村", "否", null),
                point(2023, "510811108", "李村", "行政村", "是", 2019),
                point(YEAR, "510811199", "竹村", "行政村", "是", 2019));
        // Rural infrastructure 2024. 卫子镇: 1,000 residents, 950 on tap water; 400 households, 300 with
        // a sanitary toilet. 昭化镇: 600 and 540; 250 and 150. A rate row, which is no count and no code
        // of the extract (quarantined).
        db(dir, "agriculture_water", DemoTables.ddl("RURAL_INFRA_STAT"),
                infra("510811101000", "农村常住人口", 1000),
                infra("510811101000", "农村自来水受益人口", 950),
                infra("510811101000", "农村常住户数", 400),
                infra("510811101000", "卫生厕所户数", 300),
                infra("510811108000", "农村常住人口", 600),
                infra("510811108000", "农村自来水受益人口", 540),
                infra("510811108000", "农村常住户数", 250),
                infra("510811108000", "卫生厕所户数", 150),
                infra("510811108000", "自来水普及率", 90));
        // School placement 2024-2025: boys in a regular class, not enrolled, in a special school;
        // girls schooled at home and in a special school. So 4 of 5 enrolled: boys 2 of 3, girls 2 of 2.
        // The 2023-2024 row must not count; a placement the extract does not know (休学) is quarantined.
        // Rehabilitation 2024: boys 1 of 2 assisted, girls 2 of 2; a child under 510812101, a town of
        // another district (quarantined).
        db(dir, "disabled_federation", DemoTables.ddl("CJ_SLRX_AZ"), DemoTables.ddl("CJ_KFJZ"),
                placement("2024-2025", "C1", "M", "2014-03-01", "510811101", "随班就读"),
                placement("2024-2025", "C2", "F", "2012-06-01", "510811101", "送教上门"),
                placement("2024-2025", "C3", "M", "2016-01-01", "510811108", "未入学"),
                placement("2024-2025", "C4", "F", "2010-05-01", "510811108", "特殊教育学校"),
                placement("2024-2025", "C5", "M", "2013-02-01", "510811108", "特殊教育学校"),
                placement("2023-2024", "C3", "M", "2016-01-01", "510811108", "随班就读"),
                placement("2024-2025", "C6", "F", "2011-04-01", "510811108", "休学"),
                rehab("K1", "M", "510811101", "已救助"),
                rehab("K2", "M", "510811101", "未救助"),
                rehab("K3", "F", "510811108", "已救助"),
                rehab("K4", "F", "510811108", "已救助"),
                rehab("K5", "F", "510812101", "已救助"));
        // Leadership teams on 2024-12-31. Department heads: 1 woman of 3; deputies: 2 women of 4.
        // Institutions: a woman head and three men deputies. A woman whose post class the extract does
        // not know (quarantined), and a 2023 roster row.
        db(dir, "organisation", DemoTables.ddl("GB_LDBZ_CY"),
                cadre("2024-12-31", "GB1", "男", "部门正职"),
                cadre("2024-12-31", "GB2", "女", "部门正职"),
                cadre("2024-12-31", "GB3", "男", "部门正职"),
                cadre("2024-12-31", "GB4", "女", "部门副职"),
                cadre("2024-12-31", "GB5", "男", "部门副职"),
                cadre("2024-12-31", "GB6", "男", "部门副职"),
                cadre("2024-12-31", "GB7", "女", "部门副职"),
                cadre("2024-12-31", "GB8", "女", "事业单位正职"),
                cadre("2024-12-31", "GB9", "男", "事业单位副职"),
                cadre("2024-12-31", "GB10", "男", "事业单位副职"),
                cadre("2024-12-31", "GB11", "男", "事业单位副职"),
                cadre("2024-12-31", "GB12", "女", "乡镇党委书记"),
                cadre("2023-12-31", "GB2", "女", "部门正职"));
        JobContext ctx = HandWrittenYear.run(home, YEAR);
        spark = ctx.warehouse().spark();
    }

    @Test
    void womenAmongUrbanUnitEmployees() {
        // 60 women of 160 = 37.5%; 卫子镇 40 of 100 = 40%; 昭化镇 20 of 60 = 33.33%
        assertValue("W-EC-03", "510811", "_T", "_T", 37.5, 60, 160);
        assertValue("W-EC-03", "510811101", "_T", "_T", 40.0, 40, 100);
        assertValue("W-EC-03", "510811108", "_T", "_T", 2000.0 / 60, 20, 60);
    }

    @Test
    void womensSocialInsurance() {
        // pension: (90 + 76) women / 180 women aged 18+ = 92.22%; 卫子镇 90/100 = 90%; 昭化镇 76/80 = 95%
        assertValue("W-S-04", "510811", "_T", "_T", 16600.0 / 180, 166, 180);
        assertValue("W-S-04", "510811101", "_T", "_T", 90.0, 90, 100);
        assertValue("W-S-04", "510811108", "_T", "_T", 95.0, 76, 80);
        // medical: (118 + 75) / 200 women = 96.5%; 卫子镇 118/120 = 98.33%; 昭化镇 75/80 = 93.75%
        assertValue("W-S-03", "510811", "_T", "_T", 96.5, 193, 200);
        assertValue("W-S-03", "510811101", "_T", "_T", 11800.0 / 120, 118, 120);
        assertValue("W-S-03", "510811108", "_T", "_T", 93.75, 75, 80);
        // maternity: (36 + 19) women / 60 women in urban units = 91.67%; 卫子镇 36/40 = 90%; 昭化镇 19/20 = 95%
        assertValue("W-S-02", "510811", "_T", "_T", 5500.0 / 60, 55, 60);
        assertValue("W-S-02", "510811101", "_T", "_T", 90.0, 36, 40);
        assertValue("W-S-02", "510811108", "_T", "_T", 95.0, 19, 20);
    }

    @Test
    void legalAidAndJuvenileOffending() {
        // legal aid for women: 3 cases in 2024 (the 2023 case and the quarantined one do not count);
        // 卫子镇 1, 昭化镇 2; by age: one each in 15-17, 35-44 and 50-59
        assertCount("W-L-09", "510811", "_T", "_T", 3);
        assertCount("W-L-09", "510811101", "_T", "_T", 1);
        assertCount("W-L-09", "510811108", "_T", "_T", 2);
        assertCount("W-L-09", "510811", "_T", "15-17", 1);
        assertCount("W-L-09", "510811", "_T", "35-44", 1);
        // juvenile offenders, pooled 2022-2024 with only 2024 loaded: 3 / 50 minors x 100,000 = 6,000;
        // boys 2/30 x 100,000 = 6,666.67; girls 1/20 x 100,000 = 5,000
        assertValue("C-L-10", "510811", "_T", "_T", 6000.0, 3, 50);
        assertValue("C-L-10", "510811", "M", "_T", 200000.0 / 30, 2, 30);
        assertValue("C-L-10", "510811", "F", "_T", 5000.0, 1, 20);
        String flags = spark.sql("SELECT flags FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = 'C-L-10' AND year = "
                + YEAR + " AND region = '510811' AND sex = '_T' AND pooled_years = 3").first().getString(0);
        assertTrue(flags.contains("pooled_partial"), flags);
    }

    @Test
    void parentSchoolsInCommunitiesAndVillages() {
        // communities: 1 of 2 = 50%; villages: 3 of 5 = 60%, 卫子镇 2 of 3 = 66.67%, 昭化镇 1 of 2 = 50%
        assertValue("C-F-06a", "510811", "_T", "_T", 50.0, 1, 2);
        assertValue("C-F-06b", "510811", "_T", "_T", 60.0, 3, 5);
        assertValue("C-F-06b", "510811101", "_T", "_T", 200.0 / 3, 2, 3);
        assertValue("C-F-06b", "510811108", "_T", "_T", 50.0, 1, 2);
    }

    @Test
    void ruralWaterAndToilets() {
        // tap water: (950 + 540) / 1,600 = 93.125%; 卫子镇 95%; 昭化镇 90%; the children's outline alike
        assertValue("W-EN-06", "510811", "_T", "_T", 93.125, 1490, 1600);
        assertValue("W-EN-06", "510811101", "_T", "_T", 95.0, 950, 1000);
        assertValue("W-EN-06", "510811108", "_T", "_T", 90.0, 540, 600);
        assertValue("C-EN-07", "510811", "_T", "_T", 93.125, 1490, 1600);
        // toilets: (300 + 150) / 650 = 69.23%; 卫子镇 300/400 = 75%; 昭化镇 150/250 = 60%
        assertValue("W-EN-07", "510811", "_T", "_T", 45000.0 / 650, 450, 650);
        assertValue("W-EN-07", "510811101", "_T", "_T", 75.0, 300, 400);
        assertValue("W-EN-07", "510811108", "_T", "_T", 60.0, 150, 250);
    }

    @Test
    void disabledChildrenAtSchoolAndInRehabilitation() {
        // enrolled 4 of 5 = 80%; boys 2 of 3 = 66.67%; girls 2 of 2 = 100%
        assertValue("C-E-05", "510811", "_T", "_T", 80.0, 4, 5);
        assertValue("C-E-05", "510811", "M", "_T", 200.0 / 3, 2, 3);
        assertValue("C-E-05", "510811", "F", "_T", 100.0, 2, 2);
        // assisted 3 of 4 = 75%; boys 1 of 2 = 50%; girls 2 of 2 = 100%
        assertValue("C-W-06", "510811", "_T", "_T", 75.0, 3, 4);
        assertValue("C-W-06", "510811", "M", "_T", 50.0, 1, 2);
        assertValue("C-W-06", "510811", "F", "_T", 100.0, 2, 2);
    }

    @Test
    void womenInLeadershipTeams() {
        // departments: (1 + 2) women of (3 + 4) = 42.86%; heads 1 of 3 = 33.33%; institutions 1 of 4 = 25%
        assertValue("W-D-04", "510811", "_T", "_T", 300.0 / 7, 3, 7);
        assertValue("W-D-04b", "510811", "_T", "_T", 100.0 / 3, 1, 3);
        assertValue("W-D-05", "510811", "_T", "_T", 25.0, 1, 4);
    }

    @Test
    void rowsThatCannotBeMappedAreQuarantinedOnePerExtract() {
        Map<String, String> reasons = new TreeMap<>();
        for (Row r : spark.sql("SELECT source, extract, reason FROM " + Warehouse.QUARANTINE + " WHERE year = " + YEAR).collectAsList()) {
            String was = reasons.put(r.getString(0) + "." + r.getString(1), r.getString(2));
            assertEquals(null, was, "a second row quarantined in " + r.getString(0) + "." + r.getString(1) + ": " + r.getString(2));
        }
        assertEquals(List.of("agriculture_water.rural_infrastructure", "disabled_federation.rehabilitation_assistance",
                "disabled_federation.school_placement", "hr_social_security.statistical_report", "justice.juvenile_offenders",
                "justice.legal_aid_cases", "medical_insurance.participants", "organisation.leadership_teams",
                "womens_federation.family_education_points"), List.copyOf(reasons.keySet()));
        assertContains(reasons.get("hr_social_security.statistical_report"), "town '510811199000' is not a town");
        assertContains(reasons.get("medical_insurance.participants"), "measure code '大病保险' in XZ");
        assertContains(reasons.get("justice.legal_aid_cases"), "town '元坝乡' is not a town");
        assertContains(reasons.get("justice.juvenile_offenders"), "town '510811999' is not a town");
        assertContains(reasons.get("womens_federation.family_education_points"), "town '510811199' is not a town");
        assertContains(reasons.get("agriculture_water.rural_infrastructure"), "measure code '自来水普及率' in INDICATOR");
        assertContains(reasons.get("disabled_federation.school_placement"), "measure code '休学' in AZFS");
        assertContains(reasons.get("disabled_federation.rehabilitation_assistance"), "town '510812101' is not a town");
        assertContains(reasons.get("organisation.leadership_teams"), "measure code '乡镇党委书记' in ZWLB");
        // the count of quarantined rows is in the audit too: 11 hr rows of which 10 are 2024, 9 into facts
        Row load = spark.sql("SELECT rows_read, rows_written, rows_quarantined FROM " + Warehouse.LOADS
                + " WHERE source = 'hr_social_security' AND year = " + YEAR).first();
        assertEquals(List.of(10L, 9L, 1L), List.of(load.getLong(0), load.getLong(1), load.getLong(2)));
    }

    @Test
    void namesAndIdNumbersNeverReachTheWarehouse() {
        Map<String, List<String>> never = Map.of(
                "wh.raw.justice_legal_aid_cases", List.of("SQRXM", "SQRSFZH"),
                "wh.raw.justice_juvenile_offenders", List.of("BGRXM", "BGRSFZH", "CSRQ"),
                "wh.raw.disabled_federation_school_placement", List.of("XM", "CSRQ"),
                "wh.raw.disabled_federation_rehabilitation_assistance", List.of("XM", "JHRSFZH", "CSRQ"),
                "wh.raw.organisation_leadership_teams", List.of("XM", "SFZH", "CSRQ"));
        never.forEach((table, columns) -> {
            List<String> has = List.of(spark.table(table).columns());
            for (String c : columns) {
                assertFalse(has.contains(c), table + " has " + c + ": " + has);
            }
        });
        // identifiers that stay, to link a year's rows, stay only as keyed hashes
        for (String[] t : new String[][] {{"wh.raw.justice_juvenile_offenders", "AH"}, {"wh.raw.disabled_federation_school_placement", "CJZH"},
                {"wh.raw.disabled_federation_rehabilitation_assistance", "ETBH"}, {"wh.raw.organisation_leadership_teams", "RYBH"}}) {
            List<Row> values = spark.sql("SELECT " + t[1] + " FROM " + t[0]).collectAsList();
            assertFalse(values.isEmpty(), t[0]);
            for (Row v : values) {
                assertTrue(v.getString(0).matches("[0-9a-f]{64}"), t[0] + "." + t[1] + " not hashed: " + v.getString(0));
            }
        }
    }

    private static void assertContains(String text, String part) {
        assertTrue(text != null && text.contains(part), "expected '" + part + "' in: " + text);
    }

    /** An indicator that is a count: the value is the numerator, and there is no denominator. */
    private static void assertCount(String indicator, String region, String sex, String ageBand, double count) {
        List<Row> rows = HandWrittenYear.values(spark, YEAR, indicator, region, sex, ageBand, "_T");
        String what = indicator + " " + region + "/" + sex + "/" + ageBand;
        assertEquals(1, rows.size(), what + ": " + rows);
        assertEquals(count, rows.get(0).getDouble(0), EPS, what + " value");
        assertEquals(count, rows.get(0).getDouble(1), EPS, what + " numerator");
        assertTrue(rows.get(0).isNullAt(2), what + " has a denominator");
    }

    private static String pop(String code, String sex, int age, String residence, int n) {
        return String.format("INSERT INTO HJ_RK_TJ VALUES (%d, '%s', '%s', %d, '%s', %d)", YEAR, code, sex, age, residence, n);
    }

    private static String hr(int year, String code, String sex, String item, int n) {
        return String.format("INSERT INTO RS_TJ_NB VALUES (%d, '%s', '%s', '%s', %d)", year, code, sex, item, n);
    }

    private static String yb(String town, String sex, String scheme, int n) {
        return String.format("INSERT INTO YB_CBRS_TJ VALUES (%d, '%s', '%s', '%s', %d)", YEAR, town, sex, scheme, n);
    }

    private static String aid(int no, String date, String sex, int age, String town) {
        return String.format("INSERT INTO FLYZ_AJ VALUES ('(%s)昭法援字第%04d号', DATE '%s', '某申请人', '510811199001011234', '%s', %d, '%s', '民事')",
                date.substring(0, 4), no, date, sex, age, town);
    }

    private static String offender(String caseNo, int seq, String sex, String born, String town, String judged) {
        return String.format("INSERT INTO WCN_FZ_PJ VALUES ('%s', %d, '某被告人', '510811200801011234', '%s', DATE '%s', '%s', '盗窃罪', DATE '%s')",
                caseNo, seq, sex, born, town, judged);
    }

    private static String point(int year, String town, String name, String kind, String has, Integer opened) {
        return String.format("INSERT INTO FL_JTJY_ZD VALUES (%d, '%s', '%s', '%s', '%s', %s)", year, town, name, kind, has, opened);
    }

    private static String infra(String code, String item, int n) {
        return String.format("INSERT INTO RURAL_INFRA_STAT VALUES (%d, '%s', '%s', %d)", YEAR, code, item, n);
    }

    private static String placement(String schoolYear, String cert, String sex, String born, String town, String placement) {
        return String.format("INSERT INTO CJ_SLRX_AZ VALUES ('%s', '%s', '某儿童', '%s', DATE '%s', '%s', '肢体', '%s')",
                schoolYear, cert, sex, born, town, placement);
    }

    private static String rehab(String id, String sex, String town, String status) {
        return String.format("INSERT INTO CJ_KFJZ VALUES (%d, '%s', '某儿童', '510811199001011234', '%s', DATE '2021-06-01', '%s', '康复训练', '%s')",
                YEAR, id, sex, town, status);
    }

    private static String cadre(String date, String id, String sex, String postClass) {
        return String.format("INSERT INTO GB_LDBZ_CY VALUES (DATE '%s', '%s', '某干部', '510811197501011234', '%s', DATE '1975-01-01', '510811', '某单位', '%s', DATE '2021-01-01')",
                date, id, sex, postClass);
    }

    private static void assertValue(String indicator, String region, String sex, String residence,
                                    double value, double numerator, double denominator) {
        HandWrittenYear.assertValue(spark, YEAR, indicator, region, sex, residence, value, numerator, denominator);
    }

    private static void db(Path dir, String name, String... ddlAndRows) throws Exception {
        HandWrittenYear.db(dir, name, ddlAndRows);
    }
}
