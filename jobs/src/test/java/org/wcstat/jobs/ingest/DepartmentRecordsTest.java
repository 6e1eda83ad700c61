package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestRepo;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.assess.AssessJob;
import org.wcstat.jobs.compute.ComputeJob;
import org.wcstat.jobs.publish.PublishJob;
import org.wcstat.jobs.validate.ValidationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department's registers as they come, on a hand-made PostgreSQL database, through the real ingest and
 * compute: sex coded 9, a missing birth date, an empty residence, the district's and the 合计 rows beside
 * their parts, ages that need the date of death, and town names written without 镇, under an old name or
 * misspelt. Every expected value below is worked from these rows by hand.
 *
 * <p>Towns: 卫子镇 510811101 (aliases 卫子 as shipped, and 卫子乡 added
 * here), 昭化镇 510811108 (alias 昭化).
 * <pre>
 * birth_register, one row per live birth, 2023 (sex 1 M, 2 F, 9 未说明 → _U):
 *   1 M 卫子镇 城镇 · 2 F 卫子镇 城镇 · 3 F 卫子镇 乡村 · 4 sex 9 卫子镇 乡村 · 5 M 昭化镇 乡村
 *   6 M 昭化镇, area empty: nothing reads births by residence here, so kept, residence unknown
 *   7 sex empty, 昭化镇: infant mortality is published by sex, so quarantined
 *   live births 6 (rows 1-6): F 2 (2, 3), M 3 (1, 5, 6), unknown 1 (4)
 *
 * death_register, one row per death, 2023 (year of the date of death); age on the date of death:
 *   a M born 2023-01-10 died 2023-01-20 卫子镇   10 days
 *   b F born 2022-06-15 died 2023-03-01 卫子乡   259 days (8 months); on 31 December it would be 1
 *   c M born 2005-06-01 died 2023-03-01 昭化     17 (on 31 December 18: out of the under-18s)
 *   d F born (empty)    died 2023-05-05 昭化镇   age unknown
 *   e M born 2023-02-01 died 2023-02-10 昭花镇   a misspelling no alias names: quarantined in every extract
 *   f 9 born 2022-12-20 died 2023-01-10 昭化镇   21 days, sex unknown
 *   deaths (every age): a b c d f = 5; F b d 2, M a c 2, sex unknown f 1; age 0: a b f 3, 15-17: c 1, unknown: d 1
 *   infant deaths (age_under 1 year): a b f = 3 (卫子镇 a b, 昭化镇 f); d quarantined (age unknown), e (town)
 *   neonatal deaths (age_under 28 days): a f = 2 (M a, unknown f); d and e quarantined
 *
 * rc_report, committee members by town and sex (0 合计 → _T), 2023:
 *   卫子镇 M 10, F 10, 合计 20 · 昭化镇 M 30, F 30, 合计 60 · 昭化区 (510811) M 40, F 40, 合计 81
 *   the towns' F and M are the parts; every other row is a subtotal; the district's 合计 81 disagrees with its
 *   parts, 10 + 10 + 30 + 30 = 80
 *
 * injury_register, one row per injury, 2023, the age in years as the clerk typed it:
 *   1 '7' (6-11) · 2 '十二' (not a number) · 3 empty · 4 '150' (outside 0-130) · 5 '16' (15-17), all 卫子镇
 *   injuries 5; 6-11: 1, 15-17: 1, unknown: 2, 3, 4 = 3; none quarantined, rows 2 and 4 reported
 *
 * check_register, one row per health check, dates kept as text yyyyMMdd; the year is the check's:
 *   1 born 20180301 checked 20230315: 5 (3-5) · 2 born 20110701 checked 20230630: 11 (6-11; on 31 December 12)
 *   3 born 20230230 (no such day) checked 20230401: unknown · 4 checked 20221231 and 5 checked 20240101: not 2023's
 *   checks 3; 3-5: 1, 6-11: 1, unknown 1
 * </pre>
 */
class DepartmentRecordsTest {
    static final String D = "510811";
    static final String WEIZI = "510811101";
    static final String ZHAOHUA = "510811108";
    static final int Y = 2023;

    @TempDir
    static Path home;
    static TestDatabases.Postgres db;
    static SparkSession spark;

    @BeforeAll
    static void loadAndCompute() throws Exception {
        db = new TestDatabases.Postgres();
        db.exec("CREATE TABLE birth_register (reg_id INT PRIMARY KEY, baby_sex CHAR(1), birth_date DATE, town_code VARCHAR(9), area VARCHAR(4))",
                "CREATE TABLE death_register (case_id CHAR(1) PRIMARY KEY, sex CHAR(1), birth_date DATE, death_date DATE, town_name VARCHAR(10))",
                "CREATE TABLE rc_report (nd INT, xzdm VARCHAR(12), xb CHAR(1), sl INT)",
                "CREATE TABLE injury_register (case_no INT PRIMARY KEY, report_year INT, town_code VARCHAR(9), age_text VARCHAR(8))",
                "CREATE TABLE check_register (check_no INT PRIMARY KEY, born VARCHAR(8), checked VARCHAR(8), town_code VARCHAR(9))",
                "INSERT INTO check_register VALUES (1, '20180301', '20230315', '510811101'), (2, '20110701', '20230630', '510811101'),"
                        + " (3, '20230230', '20230401', '510811101'), (4, '20150101', '20221231', '510811101'),"
                        + " (5, '20150101', '20240101', '510811101')",
                "INSERT INTO injury_register VALUES (1, 2023, '510811101', '7'), (2, 2023, '510811101', '十二'),"
                        + " (3, 2023, '510811101', ''), (4, 2023, '510811101', '150'), (5, 2023, '510811101', '16')",
                "INSERT INTO birth_register VALUES"
                        + " (1, '1', '2023-01-05', '510811101', '城镇'), (2, '2', '2023-02-05', '510811101', '城镇'),"
                        + " (3, '2', '2023-03-05', '510811101', '乡村'), (4, '9', '2023-04-05', '510811101', '乡村'),"
                        + " (5, '1', '2023-05-05', '510811108', '乡村'), (6, '1', '2023-06-05', '510811108', NULL),"
                        + " (7, NULL, '2023-07-05', '510811108', '乡村')",
                "INSERT INTO death_register VALUES"
                        + " ('a', '1', '2023-01-10', '2023-01-20', '卫子镇'), ('b', '2', '2022-06-15', '2023-03-01', '卫子乡'),"
                        + " ('c', '1', '2005-06-01', '2023-03-01', '昭化'), ('d', '2', NULL, '2023-05-05', '昭化镇'),"
                        + " ('e', '1', '2023-02-01', '2023-02-10', '昭花镇'), ('f', '9', '2022-12-20', '2023-01-10', '昭化镇')",
                "INSERT INTO rc_report VALUES (2023, '510811101', '1', 10), (2023, '510811101', '2', 10), (2023, '510811101', '0', 20),"
                        + " (2023, '510811108', '1', 30), (2023, '510811108', '2', 30), (2023, '510811108', '0', 60),"
                        + " (2023, '510811', '1', 40), (2023, '510811', '2', 40), (2023, '510811', '0', 81)");

        Path conf = home.resolve("conf");
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("dimensions.yaml", "yearbook.yaml")) {
            Files.copy(TestRepo.root().resolve("conf").resolve(f), conf.resolve(f));
        }
        // an old name before a merger, beside the names without 镇
        Files.writeString(conf.resolve("regions.yaml"), Files.readString(TestRepo.root().resolve("conf/regions.yaml"))
                .replace("aliases: [卫子]", "aliases: [卫子, 卫子乡]"));
        String jdbc = "jdbc: {url: \"" + db.url() + "\", driver: org.postgresql.Driver, user: {default: postgres}, password: {default: \"\"}}";
        String death = """
                    table: death_register
                    key: [CASE_ID]
                    year: {date: DEATH_DATE}
                    region: {name: TOWN_NAME}
                    sex: {column: SEX, codes: {"1": M, "2": F, "9": _U}}
                    age: {birth_date: BIRTH_DATE, at: DEATH_DATE}
                """;
        Files.writeString(conf.resolve("sources/health.yaml"), """
                department: health
                name_zh: 卫生健康局
                name_en: Health
                %s
                extracts:
                  - name: births
                    table: birth_register
                    key: [REG_ID]
                    year: {date: BIRTH_DATE}
                    measure: live_births
                    region: {code: TOWN_CODE}
                    sex: {column: BABY_SEX, codes: {"1": M, "2": F, "9": _U}}
                    residence: {column: AREA, codes: {城镇: U, 乡村: R}, basis: area}
                  - name: deaths
                    measure: deaths
                %s
                  - name: infant_deaths
                    measure: infant_deaths
                    age_under: {years: 1}
                %s
                  - name: neonatal_deaths
                    measure: neonatal_deaths
                    age_under: {days: 28}
                %s
                  - name: rc_report
                    table: rc_report
                    key: [ND, XZDM, XB]
                    year: {column: ND}
                    measure: rc_members
                    region: {code: XZDM}
                    sex: {column: XB, codes: {"1": M, "2": F, "0": _T}}
                    value: {column: SL}
                  - name: injuries
                    table: injury_register
                    key: [CASE_NO]
                    year: {column: REPORT_YEAR}
                    measure: injuries
                    region: {code: TOWN_CODE}
                    age: {years: AGE_TEXT}
                  - name: checks
                    table: check_register
                    key: [CHECK_NO]
                    year: {date: CHECKED, format: yyyyMMdd}
                    measure: health_checks
                    region: {code: TOWN_CODE}
                    age: {birth_date: BORN, at: CHECKED, format: yyyyMMdd}
                """.formatted(jdbc, death, death, death));
        Files.writeString(conf.resolve("indicators/test.yaml"), """
                indicators:
                  - {code: IMR, plan: children, area: health, name_zh: 婴儿死亡率, name_en: infant mortality, unit: "‰",
                     numerator: infant_deaths, denominator: live_births, factor: 1000, by: [sex], target: "<= 5", sources: [health]}
                  - {code: NMR, plan: children, area: health, name_zh: 新生儿死亡率, name_en: neonatal mortality, unit: "‰",
                     numerator: neonatal_deaths, denominator: live_births, factor: 1000, by: [sex], target: "<= 3", sources: [health]}
                  - {code: INF, plan: children, area: health, name_zh: 婴儿死亡数, name_en: infant deaths, unit: 人,
                     numerator: infant_deaths, by: [town], target: decrease, sources: [health]}
                  - {code: DEATHS, plan: children, area: health, name_zh: 死亡数, name_en: deaths, unit: 人,
                     numerator: deaths, by: [sex, age], target: decrease, sources: [health]}
                  - {code: U18, plan: children, area: health, name_zh: 未成年人死亡数, name_en: deaths under 18, unit: 人,
                     numerator: "deaths{age=0|1-2|3-5|6-11|12-14|15-17}", target: decrease, sources: [health]}
                  - {code: INJ, plan: children, area: safety, name_zh: 伤害数, name_en: injuries, unit: 人,
                     numerator: injuries, by: [age], target: decrease, sources: [health]}
                  - {code: CHK, plan: children, area: health, name_zh: 体检人次, name_en: health checks, unit: 人次,
                     numerator: health_checks, by: [age], target: increase, sources: [health]}
                  - {code: RC_F, plan: women, area: health, name_zh: 委员中女性比例, name_en: women members, unit: "%%",
                     numerator: "rc_members{sex=F}", denominator: rc_members, factor: 100, by: [town], target: ">= 50", sources: [health]}
                """);
        Configuration config = Configuration.load(conf);
        spark = Spark.session(Spark.localWarehouse(home));
        JobContext ctx = new JobContext(config, home, new Warehouse(spark).ensureTables(), Progress.SILENT, Map.of());
        new IngestJob().run(ctx, Y, Optional.empty());
        new ComputeJob().run(ctx, Y, Optional.empty());
        new AssessJob().run(ctx, Y, Optional.empty());
        new PublishJob().run(ctx, Y, Optional.empty());
    }

    @AfterAll
    static void dropTheDepartment() throws Exception {
        db.close();
    }

    @Test
    void aBirthOfUnknownSexCountsInTheTotalAndTheBySexValuesAreStillPublished() {
        // infant deaths a b f = 3 over births 6: 500‰; F: b 1 over births 2, 3: 500‰; M: a 1 over births 1, 5, 6: 333.3‰
        Row total = row("IMR", D, "_T", "_T");
        assertEquals(List.of(3.0, 6.0, 500.0), List.of(total.<Double>getAs("numerator"), total.<Double>getAs("denominator"), total.<Double>getAs("value")));
        assertEquals(500.0, value("IMR", D, "F", "_T"), 1e-9);
        assertEquals(1000.0 / 3, value("IMR", D, "M", "_T"), 1e-9);
        assertEquals(0, rows("IMR", "sex = '_U'").size(), "an unknown sex is no group of the breakdown");
        // quarantined: birth 7 (sex empty) and infant deaths d (age unknown) and e (town) = 3; the death f of unknown sex
        assertEquals("quarantined=3,unknown_sex=1", total.getAs("flags"));
        assertEquals("quarantined=3,unknown_sex=1", row("IMR", D, "F", "_T").getAs("flags"));
        // neonatal a f = 2 over 6: 333.3‰; F 0 of 2; M a 1 of 3
        assertEquals(1000.0 / 3, value("NMR", D, "_T", "_T"), 1e-9);
        assertEquals(0.0, value("NMR", D, "F", "_T"), 1e-9);
        assertEquals(1000.0 / 3, value("NMR", D, "M", "_T"), 1e-9);
    }

    @Test
    void aMissingBirthDateIsAnUnknownAgeNotAQuarantinedRow() {
        // deaths a b c d f = 5; d has no birth date and counts in the total and in no age band
        Row total = row("DEATHS", D, "_T", "_T");
        assertEquals(5.0, total.<Double>getAs("value"), 1e-9);
        assertEquals("quarantined=1,unknown_sex=1,unknown_age=1", total.getAs("flags"));
        assertEquals(3.0, value("DEATHS", D, "_T", "0"), 1e-9);
        assertEquals(1.0, value("DEATHS", D, "_T", "15-17"), 1e-9);
        assertEquals(2.0, value("DEATHS", D, "F", "_T"), 1e-9);
        assertEquals(2.0, value("DEATHS", D, "M", "_T"), 1e-9);
        assertEquals("quarantined=1,unknown_age=1", row("DEATHS", D, "_T", "0").getAs("flags"));
        assertEquals("quarantined=1,unknown_sex=1", row("DEATHS", D, "M", "_T").getAs("flags"));
    }

    @Test
    void theYearbookSaysHowManyCountInTheTotalOnly() throws Exception {
        // DEATHS 2023: f of unknown sex and d of unknown age, each 1, in the indicator's footnote
        String report = Files.readString(home.resolve("releases/" + Y + "/report.html"));
        assertTrue(report.contains("性别不详、只计入合计的：2023年1。 Of unknown sex, counted in the total only: 1 for 2023."
                + " 年龄组不详、只计入合计的：2023年1。 Of unknown age, counted in the total only: 1 for 2023."), report);
    }

    @Test
    void anAgeThatCannotBeReadCountsInTheTotalAndIsReported() throws Exception {
        // injuries 1-5 = 5; ages 7 → 6-11 and 16 → 15-17; 十二, empty and 150 unknown: 3, in no band
        Row total = row("INJ", D, "_T", "_T");
        assertEquals(5.0, total.<Double>getAs("value"), 1e-9);
        assertEquals("unknown_age=3", total.getAs("flags"));
        assertEquals(1.0, value("INJ", D, "_T", "6-11"), 1e-9);
        assertEquals(1.0, value("INJ", D, "_T", "15-17"), 1e-9);
        assertEquals(0.0, value("INJ", D, "_T", "0"), 1e-9);
        assertEquals(0, rows("INJ", "age_band = '_U'").size(), "an unknown age is no group of the breakdown");
        assertEquals(List.of(), reasons("injuries"));
        // the two ages that are there but cannot be read are findings of the department's report; the empty one is not
        List<String> found = Files.readString(ValidationReport.csv(home, Y, "health")).lines()
                .filter(l -> l.contains(",injuries,")).sorted().toList();
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().allMatch(l -> l.contains(",mapping,structural,medium,warn,")), found.toString());
        String said = String.join("\n", found);
        assertTrue(said.contains("age '十二' is not a valid whole number of years, so the row counts in the total and in no age band (_U)"), said);
        assertTrue(said.contains("age 150 is outside 0-130, so the row counts in the total and in no age band (_U)"), said);
    }

    @Test
    void datesKeptAsTextAreReadByTheirFormat() {
        // checks 1, 2, 3 of 2023 (4 is 2022's, 5 2024's); born 2011-07-01 is 11 on 2023-06-30; 2023-02-30 is no day
        Row total = row("CHK", D, "_T", "_T");
        assertEquals(3.0, total.<Double>getAs("value"), 1e-9);
        assertEquals("unknown_age=1", total.getAs("flags"));
        assertEquals(1.0, value("CHK", D, "_T", "3-5"), 1e-9);
        assertEquals(1.0, value("CHK", D, "_T", "6-11"), 1e-9);
        // on 31 December check 2's child would have been 12: no check is counted there
        assertEquals(List.of(), rows("CHK", "age_band = '12-14' AND value > 0"));
        assertEquals(List.of(), reasons("checks"));
    }

    @Test
    void anAgeIsTakenOnTheDateOfDeath() {
        // c, born 2005-06-01, died 2023-03-01 aged 17: one of the 4 under-18 deaths (a b f aged 0, c 17), not 18
        assertEquals(4.0, value("U18", D, "_T", "_T"), 1e-9);
        // b died at 259 days: an infant death (on 31 December 2023 she would have been 1), not a neonatal one
        assertEquals(1.0, row("IMR", D, "F", "_T").<Double>getAs("numerator"), 1e-9);
        assertEquals(0.0, row("NMR", D, "F", "_T").<Double>getAs("numerator"), 1e-9);
        // the infant death whose age cannot be known is quarantined with why
        List<String> reasons = reasons("infant_deaths");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("age unknown (BIRTH_DATE or DEATH_DATE is empty): cannot tell whether it is under 1 year (age_under)")), reasons.toString());
    }

    @Test
    void townsWrittenWithoutZhenOrUnderAnOldNameMapThroughTheirAliases() {
        // infant deaths: 卫子镇 a (卫子镇) and b (卫子乡) = 2; 昭化镇 f = 1; a town without one 0
        assertEquals(2.0, value("INF", WEIZI, "_T", "_T"), 1e-9);
        assertEquals(1.0, value("INF", ZHAOHUA, "_T", "_T"), 1e-9);
        assertEquals(0.0, value("INF", "510811100", "_T", "_T"), 1e-9);
        // c wrote 昭化: counted in 昭化镇's under-18 deaths through the alias (the total 4 above); e's 昭花镇 is no town
        List<String> reasons = reasons("deaths");
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("town '昭花镇' is not a town of 昭化区 in conf/regions.yaml (nearest known names: 昭化镇"), reasons.get(0));
    }

    @Test
    void anEmptyCodeNothingReadsIsKeptAndOneAnIndicatorReadsIsQuarantined() {
        // birth 6 (residence empty) counts among the 6 births; birth 7 (sex empty) is quarantined, as births are read by sex
        assertEquals(6.0, row("IMR", D, "_T", "_T").<Double>getAs("denominator"), 1e-9);
        List<String> reasons = reasons("births");
        assertEquals(List.of("sex code '(empty)' in BABY_SEX is not in the extract's codes"), reasons);
    }

    @Test
    void subtotalRowsCheckTheirPartsAndAreNeverAddedToThem() throws Exception {
        // women 10 + 30 = 40 of 10 + 10 + 30 + 30 = 80 members: 50%, not 40 + 40 + 10 + 30 / (all nine rows) 321
        Row total = row("RC_F", D, "_T", "_T");
        assertEquals(List.of(40.0, 80.0, 50.0), List.of(total.<Double>getAs("numerator"), total.<Double>getAs("denominator"), total.<Double>getAs("value")));
        // by town, published although the district wrote rows of its own: 10 / 20 and 30 / 60
        assertEquals(50.0, value("RC_F", WEIZI, "_T", "_T"), 1e-9);
        assertEquals(50.0, value("RC_F", ZHAOHUA, "_T", "_T"), 1e-9);
        // the district's 合计 81 disagrees with its parts' 80: a finding in the department's report; the rows that agree are not
        String report = Files.readString(ValidationReport.csv(home, Y, "health"));
        List<String> subtotal = report.lines().filter(l -> l.contains(",subtotal,")).toList();
        assertEquals(1, subtotal.size(), report);
        assertTrue(subtotal.get(0).contains("rc_report") && subtotal.get(0).contains("region=昭化区 510811, sex=_T")
                && subtotal.get(0).contains("it gives 81, its 4 part row(s) under it sum to 80"), subtotal.get(0));
    }

    private static List<String> reasons(String extract) {
        return spark.sql("SELECT reason FROM " + Warehouse.QUARANTINE + " WHERE extract = '" + extract + "' ORDER BY row_key")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static double value(String indicator, String region, String sex, String age) {
        Row r = row(indicator, region, sex, age);
        assertTrue(!r.isNullAt(r.fieldIndex("value")), r.toString());
        return r.getAs("value");
    }

    private static Row row(String indicator, String region, String sex, String age) {
        List<Row> rows = rows(indicator, "region = '" + region + "' AND sex = '" + sex + "' AND age_band = '" + age + "' AND residence = '_T'");
        assertEquals(1, rows.size(), indicator + " " + region + " " + sex + " " + age + ": " + rows);
        return rows.get(0);
    }

    private static List<Row> rows(String indicator, String where) {
        return spark.sql("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator + "' AND year = " + Y
                + " AND " + where).collectAsList();
    }
}
