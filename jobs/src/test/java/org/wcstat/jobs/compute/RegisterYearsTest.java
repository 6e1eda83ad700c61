package org.wcstat.jobs.compute;

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
import org.wcstat.jobs.ingest.IngestJob;
import org.wcstat.jobs.ingest.TestDatabases;
import org.wcstat.jobs.publish.PublishJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registers of events on a hand-made PostgreSQL department, loaded year by year, then computed, assessed and
 * published: a year a register loaded without a row is a zero for the district and every town; a pooled
 * ratio sums its deaths and its births over the same years; the year alone is kept beside the pooled value;
 * quarantined rows are counted on every value they touch.
 *
 * <p>The department's rows (卫子镇 510811101, 昭化镇 510811108; area 城镇 U, 乡村 R):
 * <pre>
 *   births   2020: 3 rows, never loaded (the register's 2020 was not ingested)
 *            2021: 卫子镇 U, U, R, R, and one with sex '9' (quarantined): 4 births, 2 U and 2 R
 *            2022: 卫子镇 U, U; 昭化镇 R, R, R, R: 6 births, 2 U and 4 R
 *   maternal deaths (one row per death), loaded 2020, 2021, 2022
 *            2020: 卫子镇 R
 *            2021: none
 *            2022: 昭化镇 R, and one in 510812101, outside the district (quarantined)
 * </pre>
 */
class RegisterYearsTest {
    static final String D = "510811";
    static final String WEIZI = "510811101";
    static final String ZHAOHUA = "510811108";

    @TempDir
    static Path home;
    static TestDatabases.Postgres db;
    static SparkSession spark;

    @BeforeAll
    static void loadComputeAssessPublish() throws Exception {
        db = new TestDatabases.Postgres();
        db.exec("CREATE TABLE birth_register (reg_id INT PRIMARY KEY, baby_sex CHAR(1), birth_date DATE, town_code VARCHAR(9), area VARCHAR(4))",
                "CREATE TABLE maternal_death_register (case_id INT PRIMARY KEY, death_date DATE, town_code VARCHAR(9), area VARCHAR(4))",
                "INSERT INTO birth_register VALUES"
                        + " (1, '1', '2020-03-01', '510811101', '城镇'), (2, '2', '2020-04-01', '510811101', '乡村'), (3, '1', '2020-05-01', '510811108', '乡村'),"
                        + " (4, '1', '2021-01-10', '510811101', '城镇'), (5, '2', '2021-02-10', '510811101', '城镇'),"
                        + " (6, '1', '2021-03-10', '510811101', '乡村'), (7, '2', '2021-04-10', '510811101', '乡村'),"
                        + " (8, '9', '2021-05-10', '510811101', '乡村'),"
                        + " (9, '1', '2022-01-20', '510811101', '城镇'), (10, '2', '2022-02-20', '510811101', '城镇'),"
                        + " (11, '1', '2022-03-20', '510811108', '乡村'), (12, '2', '2022-04-20', '510811108', '乡村'),"
                        + " (13, '1', '2022-05-20', '510811108', '乡村'), (14, '2', '2022-06-20', '510811108', '乡村')",
                "INSERT INTO maternal_death_register VALUES (1, '2020-08-01', '510811101', '乡村'),"
                        + " (2, '2022-09-01', '510811108', '乡村'), (3, '2022-10-01', '510812101', '乡村')");

        Path conf = home.resolve("conf");
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml")) {
            Files.copy(TestRepo.root().resolve("conf").resolve(f), conf.resolve(f));
        }
        String jdbc = "jdbc: {url: \"" + db.url() + "\", driver: org.postgresql.Driver, user: {default: postgres}, password: {default: \"\"}}";
        Files.writeString(conf.resolve("sources/registry.yaml"), """
                department: registry
                name_zh: 出生登记
                name_en: Birth registry
                %s
                extracts:
                  - name: births
                    table: birth_register
                    key: [REG_ID]
                    year: {date: BIRTH_DATE}
                    measure: live_births
                    region: {code: TOWN_CODE}
                    sex: {column: BABY_SEX, codes: {"1": M, "2": F}}
                    residence: {column: AREA, codes: {城镇: U, 乡村: R}, basis: area}
                """.formatted(jdbc));
        Files.writeString(conf.resolve("sources/mch.yaml"), """
                department: mch
                name_zh: 孕产妇死亡登记
                name_en: Maternal death register
                %s
                extracts:
                  - name: maternal_deaths
                    table: maternal_death_register
                    key: [CASE_ID]
                    year: {date: DEATH_DATE}
                    measure: maternal_deaths
                    region: {code: TOWN_CODE}
                    residence: {column: AREA, codes: {城镇: U, 乡村: R}, basis: area}
                """.formatted(jdbc));
        Files.writeString(conf.resolve("indicators/test.yaml"), """
                indicators:
                  - {code: MMR, plan: women, area: health, name_zh: 孕产妇死亡率, name_en: maternal mortality, unit: 1/100000,
                     numerator: maternal_deaths, denominator: live_births, factor: 100000, pooled_years: 3, by: [residence],
                     interval: poisson, target: "<= 12", sources: [mch, registry], definition: 三年合并。}
                  - {code: MMR_GAP, plan: women, area: health, name_zh: 城乡差距, name_en: rural less urban, unit: 1/100000,
                     numerator: "maternal_deaths{residence=R}", denominator: "live_births{residence=R}",
                     minus: {numerator: "maternal_deaths{residence=U}", denominator: "live_births{residence=U}"},
                     factor: 100000, pooled_years: 3, target: decrease, sources: [mch, registry]}
                  - {code: DEATHS, plan: women, area: health, name_zh: 孕产妇死亡人数, name_en: maternal deaths, unit: 人,
                     numerator: maternal_deaths, by: [town], target: decrease, sources: [mch]}
                """);
        Configuration config = Configuration.load(conf);
        spark = Spark.session(Spark.localWarehouse(home));
        JobContext ctx = new JobContext(config, home, new Warehouse(spark).ensureTables(), Progress.SILENT, Map.of());
        // the birth register's 2020 is never loaded; the death register's every year
        new IngestJob().run(ctx, 2020, Optional.of("mch"));
        new IngestJob().run(ctx, 2021, Optional.empty());
        new IngestJob().run(ctx, 2022, Optional.empty());
        for (int year = 2020; year <= 2022; year++) new ComputeJob().run(ctx, year, Optional.empty());
        new AssessJob().run(ctx, 2022, Optional.empty());
        new PublishJob().run(ctx, 2022, Optional.empty());
    }

    @AfterAll
    static void dropTheDepartment() throws Exception {
        db.close();
    }

    @Test
    void aYearTheRegisterLoadedWithoutARowIsAZeroInTheDistrictAndEveryTown() {
        // 2021: the death register loaded, no death: 0 in the district and in each of the 12 towns of regions.yaml
        List<Row> counts = rows("DEATHS", 2021, 1, "region <> '_'");
        assertEquals(13, counts.size(), counts.toString());
        counts.forEach(r -> assertEquals(0.0, r.<Double>getAs("value"), 1e-9, r.toString()));
        // 2020: 1 death in 卫子镇, 0 in the other 11 towns; 2022: 1 in 昭化镇 (the death outside the district is quarantined)
        assertEquals(13, rows("DEATHS", 2020, 1, "region <> '_'").size());
        assertEquals(1.0, value("DEATHS", 2020, 1, D, "_T"), 1e-9);
        assertEquals(1.0, value("DEATHS", 2020, 1, WEIZI, "_T"), 1e-9);
        assertEquals(0.0, value("DEATHS", 2020, 1, ZHAOHUA, "_T"), 1e-9);
        assertEquals(1.0, value("DEATHS", 2022, 1, ZHAOHUA, "_T"), 1e-9);
        assertEquals(0.0, value("DEATHS", 2022, 1, WEIZI, "_T"), 1e-9);
    }

    @Test
    void aRatioOfAYearWithoutDeathsIsZeroButAYearWithoutLoadedBirthsIsMissing() {
        // 2021 alone: 0 deaths / 4 births = 0 per 100,000, computed; 2020: births never loaded, so no MMR at all
        assertEquals(0.0, value("MMR", 2021, 1, D, "_T"), 1e-9);
        assertEquals(4.0, row("MMR", 2021, 1, D, "_T").<Double>getAs("denominator"), 1e-9);
        assertEquals(0, rows("MMR", 2020, 1, "true").size() + rows("MMR", 2020, 3, "true").size());
    }

    @Test
    void aPooledRatioSumsDeathsAndBirthsOfTheSameYears() {
        // 2022 pooled over 2020-2022: deaths are reported 2020, 2021 and 2022, births 2021 and 2022 only, so both
        // sum 2021-2022: deaths 0 + 1 = 1 over births 4 + 6 = 10, x 100,000 = 10,000 per 100,000 (not the
        // 1 + 0 + 1 = 2 deaths of three years over two years' births: 20,000)
        Row pooled = row("MMR", 2022, 3, D, "_T");
        assertEquals(1.0, pooled.<Double>getAs("numerator"), 1e-9);
        assertEquals(10.0, pooled.<Double>getAs("denominator"), 1e-9);
        assertEquals(10000.0, pooled.<Double>getAs("value"), 1e-9);
        // flags: pooled, short of years, the years used, under 20 events, and the quarantined rows of the years
        // used: births 2021 1 (sex '9') + deaths 2022 1 (outside the district) = 2
        assertEquals("pooled_3y,pooled_partial,pooled_years=2021-2022,unstable,quarantined=2", pooled.getAs("flags"));
        // rural: deaths 0 + 1 over births 2 + 4 = 16,666.67; urban: 0 over 2 + 2 = 0
        assertEquals(100000.0 / 6, value("MMR", 2022, 3, D, "R"), 1e-9);
        assertEquals(0.0, value("MMR", 2022, 3, D, "U"), 1e-9);
        // the gap, rural less urban, over the same years: 16,666.67 - 0; numerator and denominator the rural ratio's
        Row gap = row("MMR_GAP", 2022, 3, D, "_T");
        assertEquals(100000.0 / 6, gap.<Double>getAs("value"), 1e-9);
        assertEquals(List.of(1.0, 6.0), List.of(gap.<Double>getAs("numerator"), gap.<Double>getAs("denominator")));
        // 2021 pooled over 2019-2021: only 2021 has both: 0 / 4 = 0
        assertEquals(0.0, value("MMR", 2021, 3, D, "_T"), 1e-9);
        assertEquals("pooled_3y,pooled_partial,pooled_years=2021,unstable,quarantined=1", row("MMR", 2021, 3, D, "_T").getAs("flags"));
    }

    @Test
    void theYearAloneIsKeptBesideThePooledValue() {
        // 2022 alone: 1 death / 6 births x 100,000 = 16,666.67; its quarantined rows: deaths 2022, 1
        Row single = row("MMR", 2022, 1, D, "_T");
        assertEquals(100000.0 / 6, single.<Double>getAs("value"), 1e-9);
        assertEquals("unstable,quarantined=1", single.getAs("flags"));
        // a count is not pooled: one value a cell
        assertEquals(0, rows("DEATHS", 2022, 3, "true").size());
    }

    @Test
    void theCountIsAssessedFromItsFirstYearWithoutAMissingYear() {
        // DEATHS 1, 0, 1 in 2020-2022: the zero of 2021 is a value, so no missing_year warning and the baseline stays 2020
        long missing = spark.sql("SELECT count(*) FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2022 AND kind = 'missing_year'"
                + " AND indicator = 'DEATHS'").first().getLong(0);
        assertEquals(0, missing);
        Row a = spark.sql("SELECT baseline_year FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2022 AND indicator = 'DEATHS'"
                + " AND region = '" + D + "'").first();
        assertEquals(2020, a.getInt(0));
        // MMR is judged on its pooled values: 2021 0 and 2022 10,000 (its current value)
        Row mmr = spark.sql("SELECT current_value FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2022 AND indicator = 'MMR'"
                + " AND region = '" + D + "' AND sex = '_T' AND residence = '_T'").first();
        assertEquals(10000.0, mmr.getDouble(0), 1e-6);
    }

    @Test
    void theYearbookShowsTheSingleYearBesideThePooledValueAndTheQuarantinedRows() throws Exception {
        String report = Files.readString(home.resolve("releases/2022/report.html"));
        // MMR alone: 2021 0 of 4 births (published: a zero is no small count); 2022 1 death, withheld (under 3)
        assertTrue(report.contains("表中为3年合并值；单年值 / single year：2021年 0，2022年 …。"), report);
        // the pooled 2021 value rests on 1 quarantined birth row; the pooled 2022 value is withheld, its flags with it
        assertTrue(report.contains("所用数据中未通过校验而隔离、未计入的原始记录：2021年1条。 Rows quarantined and not counted: 1 for 2021."), report);
        // the data files carry both values, labelled by pooled_years
        List<String> csv = Files.readAllLines(home.resolve("releases/2022/data/indicator_values.csv"));
        assertTrue(csv.get(0).startsWith("indicator,year,region,sex,age_band,residence,pooled_years,value"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("MMR,2021,510811,_T,_T,_T,1,0,0,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("MMR,2021,510811,_T,_T,_T,3,0,0,")), csv.toString());
    }

    private static double value(String indicator, int year, int pooledYears, String region, String residence) {
        Row r = row(indicator, year, pooledYears, region, residence);
        assertTrue(!r.isNullAt(r.fieldIndex("value")), r.toString());
        return r.getAs("value");
    }

    private static Row row(String indicator, int year, int pooledYears, String region, String residence) {
        List<Row> rows = rows(indicator, year, pooledYears, "region = '" + region + "' AND sex = '_T' AND residence = '" + residence + "'");
        assertEquals(1, rows.size(), indicator + " " + year + " " + region + " " + residence + ": " + rows);
        return rows.get(0);
    }

    private static List<Row> rows(String indicator, int year, int pooledYears, String where) {
        return spark.sql("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator + "' AND year = " + year
                + " AND pooled_years = " + pooledYears + " AND " + where).collectAsList();
    }
}
