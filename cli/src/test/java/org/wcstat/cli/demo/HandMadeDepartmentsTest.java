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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly run on tiny department databases written by hand, with the demo's own schemas and code
 * conventions, through the shipped configuration. Every expected value is worked out by hand below.
 */
class HandMadeDepartmentsTest {
    static final int YEAR = 2024;
    static final double EPS = HandWrittenYear.EPS;

    @TempDir
    static Path home;
    static SparkSession spark;
    static JobContext ctx;

    @BeforeAll
    static void runTheYear() throws Exception {
        Path dir = home.resolve("departments");
        Files.createDirectories(dir);
        // Births 2024. 卫子镇 (510811101): boys R,R,U; girls R,U. 昭化镇 (510811108): boys R,R,R; girls R,R,R;
        // and one R of sex code '9' (未说明: a birth, of no sex). So 6 boys, 5 girls, 12 live births (卫子镇 5,
        // 昭化镇 7); urban 1 boy 1 girl; rural 5 boys 4 girls and the one of unknown sex, 10. Urban and rural is
        // the mother's area of residence, as in the death report; every hukou is 农业 and must not count.
        // Also: one 2023 birth (outside the year) and one with sex code '3', which no code list knows (quarantined).
        db(dir, "health", DemoTables.ddl("BIRTH_REGISTER"), DemoTables.ddl("MCH_DEATH_REPORT"),
                birth(1, "1", "2024-01-05", "510811101", "乡村"),
                birth(2, "1", "2024-02-05", "510811101", "乡村"),
                birth(3, "1", "2024-03-05", "510811101", "城镇"),
                birth(4, "2", "2024-04-05", "510811101", "乡村"),
                birth(5, "2", "2024-05-05", "510811101", "城镇"),
                birth(6, "1", "2024-06-05", "510811108", "乡村"),
                birth(7, "1", "2024-07-05", "510811108", "乡村"),
                birth(8, "1", "2024-12-31", "510811108", "乡村"),
                birth(9, "2", "2024-08-05", "510811108", "乡村"),
                birth(10, "2", "2024-09-05", "510811108", "乡村"),
                birth(11, "2", "2024-10-05", "510811108", "乡村"),
                birth(12, "2", "2023-12-31", "510811108", "乡村"),
                birth(13, "9", "2024-11-05", "510811108", "乡村"),
                birth(14, "3", "2024-11-06", "510811108", "乡村"),
                // infant deaths: a rural boy in 卫子镇, a rural girl in 昭化镇 (2 in all);
                // under-5 deaths: those two plus a rural girl in 昭化镇 (3); one neonatal death, the boy;
                // one maternal death, rural 昭化镇; and a row for a town that does not exist (quarantined)
                death(YEAR, "卫子镇", "乡村", "INF_DEATH", "男", 1),
                death(YEAR, "昭化镇", "乡村", "INF_DEATH", "女", 1),
                death(YEAR, "卫子镇", "乡村", "U5_DEATH", "男", 1),
                death(YEAR, "昭化镇", "乡村", "U5_DEATH", "女", 2),
                death(YEAR, "卫子镇", "乡村", "NEO_DEATH", "男", 1),
                death(YEAR, "昭化镇", "乡村", "MAT_DEATH", "女", 1),
                death(YEAR, "不存在镇", "乡村", "INF_DEATH", "男", 4),
                death(2023, "卫子镇", "乡村", "INF_DEATH", "男", 7));
        // High school 2024-2025: 40 boys and 45 girls aged 16 (元坝镇); kindergarten: 10 boys aged 4 in
        // 卫子镇, 12 girls aged 4 in 昭化镇. The 2023-2024 school year must not count.
        db(dir, "education", DemoTables.ddl("EDU_ENROLMENT"),
                enrol("2024-2025", "510811100", "高中", 16, "M", 40),
                enrol("2024-2025", "510811100", "高中", 16, "F", 45),
                enrol("2024-2025", "510811101", "学前教育", 4, "M", 10),
                enrol("2024-2025", "510811108", "学前教育", 4, "F", 12),
                enrol("2023-2024", "510811100", "高中", 16, "F", 999));
        // Population 2024: boys 15-17: 20 aged 15 + 30 aged 16 = 50; girls 15-17: 40 aged 17.
        // Ages 3-5: 12 boys aged 3 in 卫子镇, 10 girls aged 5 in 昭化镇. A 14-year-old is outside both bands.
        db(dir, "public_security", DemoTables.ddl("HJ_RK_TJ"),
                pop(YEAR, "510811100000", "1", 15, "乡村", 20),
                pop(YEAR, "510811100000", "1", 16, "城镇", 30),
                pop(YEAR, "510811100000", "2", 17, "乡村", 40),
                pop(YEAR, "510811101000", "1", 3, "乡村", 12),
                pop(YEAR, "510811108000", "2", 5, "乡村", 10),
                pop(YEAR, "510811108000", "2", 14, "乡村", 500));
        // Village committees 2024: 卫子镇 director man, two women members; 昭化镇 director woman, three men.
        // Women 3 of 7; directors: 1 woman of 2.
        db(dir, "civil_affairs", DemoTables.ddl("VC_MEMBER"),
                member(1, "男", "卫子镇", "主任"),
                member(2, "女", "卫子镇", "委员"),
                member(3, "女", "卫子镇", "委员"),
                member(4, "女", "昭化镇", "主任"),
                member(5, "男", "昭化镇", "副主任"),
                member(6, "男", "昭化镇", "委员"),
                member(7, "男", "昭化镇", "委员"));
        // the other departments of the shipped configuration are there, with their tables empty
        db(dir, "hr_social_security", DemoTables.ddl("RS_TJ_NB"));
        db(dir, "medical_insurance", DemoTables.ddl("YB_CBRS_TJ"));
        db(dir, "justice", DemoTables.ddl("FLYZ_AJ"), DemoTables.ddl("WCN_FZ_PJ"));
        db(dir, "womens_federation", DemoTables.ddl("FL_JTJY_ZD"));
        db(dir, "agriculture_water", DemoTables.ddl("RURAL_INFRA_STAT"));
        db(dir, "disabled_federation", DemoTables.ddl("CJ_SLRX_AZ"), DemoTables.ddl("CJ_KFJZ"));
        db(dir, "organisation", DemoTables.ddl("GB_LDBZ_CY"));
        ctx = HandWrittenYear.run(home, YEAR);
        spark = ctx.warehouse().spark();
    }

    @Test
    void mortalityRatesPerLiveBirth() {
        // infant: 2 deaths / 12 births x 1000 = 166.67
        assertValue("C-H-03b", "510811", "_T", "_T", 2000.0 / 12, 2, 12);
        // by sex, still published beside the birth of unknown sex: boys 1/6 x 1000 = 166.67; girls 1/5 x 1000 = 200
        assertValue("C-H-03b", "510811", "M", "_T", 1000.0 / 6, 1, 6);
        assertValue("C-H-03b", "510811", "F", "_T", 200.0, 1, 5);
        // by residence: urban 0/2 = 0; rural 2/10 x 1000 = 200
        assertValue("C-H-03b", "510811", "_T", "U", 0.0, 0, 2);
        assertValue("C-H-03b", "510811", "_T", "R", 200.0, 2, 10);
        // by town: 卫子镇 1 death / 5 births = 200; 昭化镇 1/7 = 142.86
        assertValue("C-H-03b", "510811101", "_T", "_T", 200.0, 1, 5);
        assertValue("C-H-03b", "510811108", "_T", "_T", 1000.0 / 7, 1, 7);
        // under five: 3/12 x 1000 = 250; neonatal 1/12 x 1000 = 83.33
        assertValue("C-H-03c", "510811", "_T", "_T", 250.0, 3, 12);
        assertValue("C-H-03a", "510811", "_T", "_T", 1000.0 / 12, 1, 12);
        // maternal: 1 / 12 x 100000 = 8333.33
        assertValue("W-H-02", "510811", "_T", "_T", 100000.0 / 12, 1, 12);
    }

    @Test
    void sexRatioAtBirth() {
        // 6 boys / 5 girls x 100 = 120; urban 1/1 = 100; rural 5/4 = 125
        assertValue("C-F-08", "510811", "_T", "_T", 120.0, 6, 5);
        assertValue("C-F-08", "510811", "_T", "U", 100.0, 1, 1);
        assertValue("C-F-08", "510811", "_T", "R", 125.0, 5, 4);
    }

    @Test
    void grossEnrolmentOverThePopulationOfTheOfficialAgeBand() {
        // high school: 85 students / 90 aged 15-17 x 100 = 94.44; boys 40/50 = 80; girls 45/40 = 112.5
        assertValue("C-E-04", "510811", "_T", "_T", 8500.0 / 90, 85, 90);
        assertValue("C-E-04", "510811", "M", "_T", 80.0, 40, 50);
        assertValue("C-E-04", "510811", "F", "_T", 112.5, 45, 40);
        assertValue("W-E-05", "510811", "_T", "_T", 112.5, 45, 40);
        // preschool: 22 / 22 (ages 3-5) = 100; 卫子镇 10/12 = 83.33; 昭化镇 12/10 = 120
        assertValue("C-E-02", "510811", "_T", "_T", 100.0, 22, 22);
        assertValue("C-E-02", "510811101", "_T", "_T", 1000.0 / 12, 10, 12);
        assertValue("C-E-02", "510811108", "_T", "_T", 120.0, 12, 10);
    }

    @Test
    void womensShareOfVillageCommittees() {
        // 3 women of 7 members = 42.86%; 卫子镇 2 of 3 = 66.67%; 昭化镇 1 of 4 = 25%; directors 1 of 2 = 50%
        assertValue("W-D-07", "510811", "_T", "_T", 300.0 / 7, 3, 7);
        assertValue("W-D-07", "510811101", "_T", "_T", 200.0 / 3, 2, 3);
        assertValue("W-D-07", "510811108", "_T", "_T", 25.0, 1, 4);
        assertValue("W-D-07b", "510811", "_T", "_T", 50.0, 1, 2);
    }

    @Test
    void badRowsAreQuarantinedWithTheReasonNotDropped() {
        List<Row> rejected = spark.sql("SELECT extract, row_key, reason FROM " + Warehouse.QUARANTINE
                + " WHERE year = " + YEAR + " ORDER BY extract").collectAsList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals("birth_register", rejected.get(0).getString(0));
        assertTrue(rejected.get(0).getString(2).contains("sex code '3' in BABY_SEX"), rejected.get(0).getString(2));
        // the certificate number is an identifier: the key shows its hash, never the number
        assertTrue(rejected.get(0).getString(1).startsWith("CERT_NO=sha256:"), rejected.get(0).getString(1));
        assertEquals("mch_death_report", rejected.get(1).getString(0));
        assertTrue(rejected.get(1).getString(2).contains("town '不存在镇' is not a town"), rejected.get(1).getString(2));
        // meta.load accounts for every row read: 13 births of 2024 read, 12 into facts, 1 quarantined
        Row load = spark.sql("SELECT rows_read, rows_written, rows_quarantined FROM " + Warehouse.LOADS
                + " WHERE source = 'health' AND extract = 'birth_register' AND year = " + YEAR).first();
        assertEquals(List.of(13L, 12L, 1L), List.of(load.getLong(0), load.getLong(1), load.getLong(2)));
    }

    @Test
    void directIdentifiersNeverReachTheWarehouse() {
        var columns = List.of(spark.table("wh.raw.health_birth_register").columns());
        assertFalse(columns.contains("MOTHER_NAME"), columns.toString());
        assertFalse(columns.contains("MOTHER_ID_CARD"), columns.toString());
        List<String> certs = spark.sql("SELECT CERT_NO FROM wh.raw.health_birth_register").collectAsList()
                .stream().map(r -> r.getString(0)).collect(Collectors.toList());
        // every birth of 2024 read (13), the quarantined one too
        assertEquals(13, certs.size());
        for (String c : certs) {
            assertTrue(c.matches("[0-9a-f]{64}"), "not hashed: " + c);
        }
        var roster = List.of(spark.table("wh.raw.civil_affairs_village_committee_members").columns());
        assertFalse(roster.contains("NAME") || roster.contains("ID_CARD") || roster.contains("BIRTHDAY"), roster.toString());
    }

    @Test
    void theYearbookIsPublished() {
        assertTrue(Files.isRegularFile(home.resolve("releases/2024/yearbook.xlsx")));
        assertTrue(Files.isRegularFile(home.resolve("releases/2024/data/indicator_values.csv")));
    }

    private static String birth(int id, String sex, String date, String town, String area) {
        return String.format("INSERT INTO BIRTH_REGISTER VALUES (%d, 'C%05d', '某母亲', '510811199001011234', '%s', DATE '%s', '%s', '农业', '%s', 3200, 39)",
                id, id, sex, date, town, area);
    }

    private static String death(int year, String town, String area, String item, String sex, int n) {
        return String.format("INSERT INTO MCH_DEATH_REPORT VALUES (%d, '%s', '%s', '%s', '%s', %d)", year, town, area, item, sex, n);
    }

    private static String enrol(String schoolYear, String town, String level, int age, String sex, int n) {
        return String.format("INSERT INTO EDU_ENROLMENT VALUES ('%s', '%s', '某学校', '%s', %d, '%s', %d)", schoolYear, town, level, age, sex, n);
    }

    private static String pop(int year, String code, String sex, int age, String residence, int n) {
        return String.format("INSERT INTO HJ_RK_TJ VALUES (%d, '%s', '%s', %d, '%s', %d)", year, code, sex, age, residence, n);
    }

    private static String member(int id, String sex, String town, String post) {
        return String.format("INSERT INTO VC_MEMBER VALUES (%d, %d, '某某', '510811198001011234', '%s', DATE '1980-01-01', '%s', '某村', '%s')",
                id, YEAR, sex, town, post);
    }

    private static void assertValue(String indicator, String region, String sex, String residence,
                                    double value, double numerator, double denominator) {
        HandWrittenYear.assertValue(spark, YEAR, indicator, region, sex, residence, value, numerator, denominator);
    }

    private static void db(Path dir, String name, String... ddlAndRows) throws Exception {
        HandWrittenYear.db(dir, name, ddlAndRows);
    }
}
