package org.wcstat.jobs.ingest;

import org.apache.spark.Partition;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCPartition;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCRelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mapping kind over the three kinds of database a department may run: the birth register on
 * PostgreSQL (date year, fixed measure, 12-digit town codes, sex '1'/'2', residence codes, one per
 * record, a where filter, a query extract with ages from birth dates, and a partitioned read), the
 * population on MariaDB (year column, 9-digit codes, 男/女, age band codes, counts) and enrolment on
 * H2 (school year, measure codes, town names, M/F, single years of age). Expected facts are worked
 * out by hand next to the rows.
 */
class JdbcMappingTest {
    static final int YEAR = 2024;

    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static TestDatabases.MariaDb maria;
    static JobContext ctx;

    @BeforeAll
    static void load() throws Exception {
        pg = new TestDatabases.Postgres();
        maria = new TestDatabases.MariaDb();
        // PostgreSQL folds the unquoted names to lower case; the configuration names them in upper
        // case, as the department's data dictionary does.
        pg.exec("CREATE TABLE birth_register (reg_id INT, cert_no VARCHAR(10), mother_id VARCHAR(10), baby_sex VARCHAR(1),"
                        + " birth_date DATE, town_code VARCHAR(12), hukou VARCHAR(4), live_birth INT)",
                "CREATE TABLE mother (id VARCHAR(10), id_card VARCHAR(18), birth_date DATE)",
                birth(1, "1", "2024-01-01", "510811101001", "农业", 1),   // M 卫子镇 R
                birth(2, "2", "2024-03-15", "510811101002", "非农业", 1), // F 卫子镇 U
                birth(3, "1", "2024-06-30", "510811108003", "农业", 1),   // M 昭化镇 R
                birth(4, "1", "2024-12-31", "510811108003", "农业", 1),   // M 昭化镇 R, last day of the year
                birth(5, "2", "2024-07-07", "510811108001", "农业", 1),   // F 昭化镇 R
                birth(6, "9", "2024-08-08", "510811101001", "农业", 1),   // sex 9: quarantined in births
                birth(7, "1", "2024-09-09", "510811101001", "农业", 0),   // stillbirth: the where filter drops it
                birth(8, "2", "2023-12-31", "510811101001", "农业", 1),   // 2023: not read
                birth(9, "1", "2025-01-01", "510811101001", "农业", 1),   // 2025: not read
                birth(10, "2", "2024-10-10", "510811999001", "农业", 1),  // town 510811999 does not exist: quarantined
                birth(25, "2", "2024-11-11", "510811101001", "非农业", 1), // F 卫子镇 U; above the partition bound
                // mothers' ages at 31 Dec 2024, in completed years
                mother(1, "2000-12-31"),  // 24 that very day: 18-24
                mother(2, "1999-12-31"),  // 25: 25-34
                mother(3, "2000-01-01"),  // 24: 18-24
                mother(4, "2007-01-01"),  // 17, 18 only on 1 Jan 2025: 15-17
                mother(5, "1990-06-15"),  // 34: 25-34
                mother(6, "1985-02-28"),  // 39: 35-44
                mother(7, "1980-01-01"),
                mother(8, "1980-01-01"),
                mother(9, "1980-01-01"),
                mother(10, "1995-05-05"), // the unknown town: quarantined
                mother(25, "2000-02-29")); // leap day, 24: 18-24
        maria.exec("CREATE TABLE HJ_RK_TJ (TJ_YEAR INT, XZQH CHAR(9), XB VARCHAR(2), NLD VARCHAR(10), CX VARCHAR(4), RS INT)",
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811100', '男', '3-5岁', '乡村', 120)",
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811100', '男', '3-5岁', '乡村', 5)",   // same cell: 125 in all
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811100', '女', '3-5岁', '乡村', 110)",
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811111', '女', '15-17岁', '城镇', 80)",
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811111', '男', '65岁及以上', '城镇', 40)",
                "INSERT INTO HJ_RK_TJ VALUES (2024, '510811111', '男', '百岁', '城镇', 2)",    // no such band code: quarantined
                "INSERT INTO HJ_RK_TJ VALUES (2023, '510811100', '男', '3-5岁', '乡村', 999)"); // 2023: not read
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", "h2-secret"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE EDU_ENROLMENT (XN VARCHAR(9), XZMC VARCHAR(20), XXMC VARCHAR(40), XD VARCHAR(10), NL INT, XB CHAR(1), ZXS INT)");
            s.execute(enrol("2024-2025", "卫子镇", "学前教育", 4, "M", 10)); // preschool 卫子镇 M 3-5: 10 + 3 = 13
            s.execute(enrol("2024-2025", "卫子镇", "学前教育", 5, "M", 3));
            s.execute(enrol("2024-2025", "昭化镇", "高中", 16, "F", 45));   // high school 昭化镇 F 15-17: 45
            s.execute(enrol("2024-2025", "昭化镇", "高中", 18, "F", 2));    // high school 昭化镇 F 18-24: 2
            s.execute(enrol("2024-2025", "某某镇", "高中", 16, "M", 7));    // no such town: quarantined
            s.execute(enrol("2024-2025", "昭化镇", "职高", 16, "M", 9));    // no such level code: quarantined
            s.execute(enrol("2023-2024", "卫子镇", "学前教育", 4, "M", 999)); // counts for 2023: not read
            s.execute(enrol("2025-2026", "卫子镇", "学前教育", 4, "M", 888)); // counts for 2025: not read
        }
        Path conf = ItWarehouse.conf(dir, Map.of(
                "health", """
                        department: health
                        name_zh: 区卫生健康局
                        name_en: Health Commission
                        jdbc:
                          url: "%s"
                          driver: org.postgresql.Driver
                          user: {env: IT_HEALTH_USER}
                          password: {env: IT_HEALTH_PASSWORD}
                        extracts:
                          - name: births
                            table: BIRTH_REGISTER
                            where: "LIVE_BIRTH = 1"
                            key: [CERT_NO]
                            year: {date: BIRTH_DATE}
                            measure: live_births
                            region: {code: TOWN_CODE}
                            sex: {column: BABY_SEX, codes: {"1": M, "2": F}}
                            residence: {column: HUKOU, codes: {非农业: U, 农业: R}}
                            raw:
                              keep: [REG_ID, BABY_SEX, BIRTH_DATE, TOWN_CODE]
                              hash: [CERT_NO]
                          - name: births_parallel
                            table: BIRTH_REGISTER
                            where: "LIVE_BIRTH = 1"
                            key: [CERT_NO]
                            year: {date: BIRTH_DATE}
                            measure: live_births
                            region: {code: TOWN_CODE}
                            sex: {column: BABY_SEX, codes: {"1": M, "2": F}}
                            residence: {column: HUKOU, codes: {非农业: U, 农业: R}}
                            raw:
                              keep: [REG_ID, BABY_SEX, BIRTH_DATE, TOWN_CODE]
                              hash: [CERT_NO]
                            partition: {column: REG_ID, lower: 1, upper: 12, partitions: 3}
                          - name: mothers
                            query: >-
                              SELECT b.CERT_NO, b.BIRTH_DATE, b.TOWN_CODE, m.ID_CARD, m.BIRTH_DATE AS MOTHER_BIRTH
                              FROM BIRTH_REGISTER b JOIN MOTHER m ON m.ID = b.MOTHER_ID WHERE b.LIVE_BIRTH = 1
                            key: [ID_CARD]
                            year: {date: BIRTH_DATE}
                            measure: births_by_mother_age
                            region: {code: TOWN_CODE}
                            sex: F
                            age: {birth_date: MOTHER_BIRTH}
                            raw:
                              keep: [MOTHER_BIRTH, TOWN_CODE]
                              hash: [ID_CARD]
                        """.formatted(pg.url()),
                "public_security", """
                        department: public_security
                        name_zh: 公安分局
                        name_en: Public Security Bureau
                        jdbc:
                          url: "%s"
                          driver: org.mariadb.jdbc.Driver
                          user: {env: IT_PS_USER}
                          password: {env: IT_PS_PASSWORD}
                        extracts:
                          - name: population
                            table: HJ_RK_TJ
                            year: {column: TJ_YEAR}
                            measure: population
                            region: {code: XZQH}
                            sex: {column: XB, codes: {男: M, 女: F}}
                            age: {band: NLD, codes: {"3-5岁": "3-5", "15-17岁": "15-17", "65岁及以上": "65+"}}
                            residence: {column: CX, codes: {城镇: U, 乡村: R}}
                            value: {column: RS}
                            raw:
                              keep: [TJ_YEAR, XZQH, XB, NLD, CX, RS]
                        """.formatted(maria.url()),
                "education", """
                        department: education
                        name_zh: 区教育局
                        name_en: Education Bureau
                        jdbc:
                          url: "%s"
                          driver: org.h2.Driver
                          user: {env: IT_EDU_USER}
                          password: {env: IT_EDU_PASSWORD}
                        extracts:
                          - name: enrolment
                            table: EDU_ENROLMENT
                            key: [XN, XZMC, XD, NL, XB]
                            year: {school_year: XN}
                            measure: {column: XD, codes: {学前教育: preschool_pupils, 高中: high_school_students}}
                            region: {name: XZMC}
                            sex: {column: XB, codes: {M: M, F: F}}
                            age: {years: NL}
                            value: {column: ZXS}
                            raw:
                              keep: [XN, XZMC, XD, NL, XB, ZXS]
                        """.formatted(h2Url())));
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of(
                "IT_HEALTH_USER", "postgres", "IT_HEALTH_PASSWORD", "",
                "IT_PS_USER", "root", "IT_PS_PASSWORD", "",
                "IT_EDU_USER", "sa", "IT_EDU_PASSWORD", "h2-secret"));
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        try (var a = pg; var b = maria) {
            // closing drops them
        }
    }

    @Test
    void birthsFromPostgresByDateTwelveDigitCodesAndSexDigits() {
        // rows 1-5 and 25 map; 6 (sex 9) and 10 (town 999) are quarantined; 7 is filtered out at the
        // source, 8 and 9 fall outside 2024. 卫子镇: boy 1 rural; girls 2 and 25 urban. 昭化镇: boys 3 and 4
        // rural; girl 5 rural.
        assertEquals(List.of(
                "live_births 510811101 F _T U 2",
                "live_births 510811101 M _T R 1",
                "live_births 510811108 F _T R 1",
                "live_births 510811108 M _T R 2"), ItWarehouse.facts("health", YEAR, "births"));
    }

    @Test
    void aPartitionedReadGivesTheSameFactsAsAPlainOne() {
        assertEquals(ItWarehouse.facts("health", YEAR, "births"), ItWarehouse.facts("health", YEAR, "births_parallel"));
        // and it really reads in parallel: three slices of REG_ID that meet without gap or overlap, split
        // inside the configured bounds [1, 12], the first taking nulls and the last anything above (25)
        SourceReader reader = new SourceReader(ctx.warehouse().spark(), ctx.config().source("health"), ctx.home(), ctx.env());
        List<String> slices = slices(reader.read(extract("health", "births_parallel"), YEAR));
        assertEquals(3, slices.size(), slices.toString());
        Matcher first = Pattern.compile("(?i)\"reg_id\" < (\\d+) or \"reg_id\" is null").matcher(slices.get(0));
        Matcher middle = Pattern.compile("(?i)\"reg_id\" >= (\\d+) AND \"reg_id\" < (\\d+)").matcher(slices.get(1));
        Matcher last = Pattern.compile("(?i)\"reg_id\" >= (\\d+)").matcher(slices.get(2));
        assertTrue(first.matches() && middle.matches() && last.matches(), slices.toString());
        assertEquals(first.group(1), middle.group(1), slices.toString());
        assertEquals(middle.group(2), last.group(1), slices.toString());
        int low = Integer.parseInt(middle.group(1));
        int high = Integer.parseInt(middle.group(2));
        assertTrue(1 < low && low < high && high <= 12, slices.toString());
        assertEquals(List.of("(whole table)"), slices(reader.read(extract("health", "births"), YEAR)));
        assertEquals(List.of("8 8"), ItWarehouse.strings("SELECT rows_read, rows_read FROM " + Warehouse.LOADS
                + " WHERE source = 'health' AND extract = 'births_parallel' AND year = " + YEAR));
    }

    @Test
    void aQueryExtractWithAgesFromBirthDates() {
        // completed years on 31 Dec 2024 (see the mothers above): 卫子镇 mothers of births 1 and 25 are
        // 24, of 2 is 25, of 6 is 39 (the sex code does not matter here: sex is fixed F); 昭化镇 mothers
        // of 3 is 24, of 4 is 17, of 5 is 34; birth 10's town is unknown.
        assertEquals(List.of(
                "births_by_mother_age 510811101 F 18-24 _T 2",
                "births_by_mother_age 510811101 F 25-34 _T 1",
                "births_by_mother_age 510811101 F 35-44 _T 1",
                "births_by_mother_age 510811108 F 15-17 _T 1",
                "births_by_mother_age 510811108 F 18-24 _T 1",
                "births_by_mother_age 510811108 F 25-34 _T 1"), ItWarehouse.facts("health", YEAR, "mothers"));
    }

    @Test
    void populationFromMariaDbByYearColumnAndAgeBandCodes() {
        assertEquals(List.of(
                "population 510811100 F 3-5 R 110",
                "population 510811100 M 3-5 R 125",
                "population 510811111 F 15-17 U 80",
                "population 510811111 M 65+ U 40"), ItWarehouse.facts("public_security", YEAR));
    }

    @Test
    void enrolmentFromH2BySchoolYearTownNamesAndSingleYears() {
        assertEquals(List.of(
                "high_school_students 510811108 F 15-17 _T 45",
                "high_school_students 510811108 F 18-24 _T 2",
                "preschool_pupils 510811101 M 3-5 _T 13"), ItWarehouse.facts("education", YEAR));
    }

    @Test
    void unmappableRowsAreQuarantinedWithTheirReason() {
        List<String> reasons = ItWarehouse.strings("SELECT source, extract, reason FROM " + Warehouse.QUARANTINE
                + " WHERE source IN ('health', 'public_security', 'education') AND year = " + YEAR);
        assertEquals(8, reasons.size(), reasons.toString());
        assertQuarantined(reasons, "education enrolment measure code '职高' in XD");
        assertQuarantined(reasons, "education enrolment town '某某镇' is not a town");
        assertQuarantined(reasons, "health births sex code '9' in BABY_SEX");
        assertQuarantined(reasons, "health births town '510811999001' is not a town");
        assertQuarantined(reasons, "health births_parallel sex code '9' in BABY_SEX");
        assertQuarantined(reasons, "health births_parallel town '510811999001' is not a town");
        assertQuarantined(reasons, "health mothers town '510811999001' is not a town");
        assertQuarantined(reasons, "public_security population age band '百岁' in NLD");
        // every row read is accounted for: read = into facts + quarantined
        assertEquals(List.of(
                "education enrolment 6 4 2",
                "health births 8 6 2",
                "health births_parallel 8 6 2",
                "health mothers 8 7 1",
                "public_security population 6 5 1"), ItWarehouse.strings("SELECT source, extract, rows_read, rows_written,"
                + " rows_quarantined FROM " + Warehouse.LOADS + " WHERE source IN ('health', 'public_security', 'education')"
                + " AND year = " + YEAR));
    }

    @Test
    void rawHoldsTheAllowListOfTheYearsRowsOnly() {
        assertRaw("wh.raw.health_births", List.of("REG_ID", "BABY_SEX", "BIRTH_DATE", "TOWN_CODE", "CERT_NO"), 8);
        assertRaw("wh.raw.health_births_parallel", List.of("REG_ID", "BABY_SEX", "BIRTH_DATE", "TOWN_CODE", "CERT_NO"), 8);
        assertRaw("wh.raw.health_mothers", List.of("MOTHER_BIRTH", "TOWN_CODE", "ID_CARD"), 8);
        assertRaw("wh.raw.public_security_population", List.of("TJ_YEAR", "XZQH", "XB", "NLD", "CX", "RS"), 6);
        assertRaw("wh.raw.education_enrolment", List.of("XN", "XZMC", "XD", "NL", "XB", "ZXS"), 6);
        // the year's rows and no others: births 1-6, 10 and 25 (7 is a stillbirth); people 120 + 5 + 110
        // + 80 + 40 + 2; pupils 10 + 3 + 45 + 2 + 7 + 9
        assertEquals(List.of("1", "10", "2", "25", "3", "4", "5", "6"), ItWarehouse.strings("SELECT REG_ID FROM wh.raw.health_births"));
        assertEquals(List.of("2024-01-01 2024-12-31"), ItWarehouse.strings("SELECT min(BIRTH_DATE), max(BIRTH_DATE) FROM wh.raw.health_births"));
        assertEquals(List.of("2024 357"), ItWarehouse.strings("SELECT min(TJ_YEAR), sum(RS) FROM wh.raw.public_security_population"));
        assertEquals(List.of("2024-2025 76"), ItWarehouse.strings("SELECT min(XN), sum(ZXS) FROM wh.raw.education_enrolment"));
    }

    @Test
    void identifiersAreHashed() {
        List<String> certs = ItWarehouse.strings("SELECT CERT_NO FROM wh.raw.health_births");
        assertEquals(8, certs.size());
        assertEquals(8, certs.stream().distinct().count(), "distinct certificates, distinct hashes: " + certs);
        for (String c : certs) {
            assertTrue(c.matches("[0-9a-f]{64}"), "not hashed: " + c);
        }
        // the same certificate hashes the same in another extract, so raw rows can still be joined
        assertEquals(certs, ItWarehouse.strings("SELECT CERT_NO FROM wh.raw.health_births_parallel"));
        List<String> ids = ItWarehouse.strings("SELECT ID_CARD FROM wh.raw.health_mothers");
        for (String id : ids) {
            assertTrue(id.matches("[0-9a-f]{64}"), "not hashed: " + id);
            assertFalse(id.contains("5108111990"), id);
        }
        // the key in quarantine shows a hash prefix, never the certificate or ID card number
        List<String> keys = ItWarehouse.strings("SELECT row_key FROM " + Warehouse.QUARANTINE + " WHERE source = 'health'");
        assertEquals(5, keys.size(), keys.toString());
        for (String key : keys) {
            assertTrue(key.matches("(CERT_NO|ID_CARD)=sha256:[0-9a-f]{16}"), key);
        }
    }

    /** The WHERE clause of each slice a JDBC read is split into, as Spark planned it. */
    private static List<String> slices(Dataset<Row> read) {
        LogicalRelation relation = (LogicalRelation) read.queryExecution().analyzed().collectLeaves().head();
        List<String> clauses = new ArrayList<>();
        for (Partition p : ((JDBCRelation) relation.relation()).parts()) {
            String where = ((JDBCPartition) p).whereClause();
            clauses.add(where == null ? "(whole table)" : where);
        }
        return clauses;
    }

    private static void assertRaw(String table, List<String> allowList, long rows) {
        List<String> expected = new ArrayList<>(allowList);
        expected.addAll(List.of("wc_year", "load_id", "extracted_at"));
        assertEquals(expected, List.of(ItWarehouse.spark().table(table).columns()), table);
        assertEquals(List.of(rows + " " + YEAR), ItWarehouse.strings("SELECT count(*), min(wc_year) FROM " + table), table);
    }

    private static void assertQuarantined(List<String> reasons, String start) {
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(start)), start + " not in " + reasons);
    }

    static SourceConfig.Extract extract(String source, String name) {
        return ctx.config().source(source).extracts().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("education").toAbsolutePath();
    }

    private static String birth(int id, String sex, String date, String town, String hukou, int live) {
        return String.format("INSERT INTO birth_register VALUES (%d, 'C%03d', 'M%d', '%s', DATE '%s', '%s', '%s', %d)",
                id, id, id, sex, date, town, hukou, live);
    }

    private static String mother(int id, String born) {
        return String.format("INSERT INTO mother VALUES ('M%d', '5108111990%08d', DATE '%s')", id, id, born);
    }

    private static String enrol(String schoolYear, String town, String level, int age, String sex, int n) {
        return String.format("INSERT INTO EDU_ENROLMENT VALUES ('%s', '%s', '某学校', '%s', %d, '%s', %d)", schoolYear, town, level, age, sex, n);
    }
}
