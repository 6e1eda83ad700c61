package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceConfigTest {

    @TempDir
    Path dir;

    /** A valid source with one extract; the tests replace one line of it. */
    private static final String GOOD = """
            department: health
            name_zh: 区卫生健康局
            name_en: Health Commission
            jdbc:
              url: "jdbc:h2:mem:health"
              driver: org.h2.Driver
              user: {env: WCSTAT_HEALTH_USER, default: sa}
            extracts:
              - name: births
                table: BIRTHS
                year: {column: Y}
                measure: live_births
                region: {code: TOWN}
                sex: {column: SEX, codes: {"1": M, "2": F}}
            """;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("health.yaml"), text);
    }

    private static String replace(String line, String with) {
        assertTrue(GOOD.contains(line), line);
        return GOOD.replace(line, with);
    }

    private String error(String text) throws IOException {
        Path f = write(text);
        return assertThrows(ConfigException.class, () -> Yaml.read(f, SourceConfig.class)).getMessage();
    }

    /** "file:line:column: extract 'births'" of {@code token} on the first line of {@code yaml} holding it after {@code after}. */
    private String where(String yaml, String after, String token) {
        return dir.resolve("health.yaml") + ":" + position(yaml, after, token) + ": extract 'births'";
    }

    private static String position(String yaml, String after, String token) {
        List<String> lines = yaml.lines().toList();
        int line = 0;
        while (!lines.get(line).contains(after)) line++;
        while (!lines.get(line).contains(token)) line++;
        return (line + 1) + ":" + (lines.get(line).indexOf(token) + 1);
    }

    @Test
    void aGoodSource() throws IOException {
        SourceConfig s = Yaml.read(write(GOOD), SourceConfig.class);
        assertEquals("health", s.department());
        assertEquals(new Secret("WCSTAT_HEALTH_USER", null, "sa"), s.jdbc().user());
        assertNull(s.jdbc().password());
        SourceConfig.Extract e = s.extracts().get(0);
        assertEquals("live_births", e.measure().fixed());
        assertEquals(SourceConfig.YearMapping.Kind.YEAR, e.year().kind());
        assertEquals(Map.of("1", "M", "2", "F"), e.sex().codes());
        // year, then region, then sex; a fixed measure reads no column
        assertEquals(List.of("Y", "TOWN", "SEX"), List.copyOf(e.mappingColumns()));
        assertEquals(List.of("Y", "TOWN", "SEX"), e.keyColumns());
    }

    @Test
    void theConfiguredKeyIdentifiesRows() throws IOException {
        SourceConfig s = Yaml.read(write(replace("    table: BIRTHS\n", "    table: BIRTHS\n    key: [CERT_NO]\n")),
                SourceConfig.class);
        assertEquals(List.of("CERT_NO"), s.extracts().get(0).keyColumns());
    }

    @Test
    void yearKinds() throws IOException {
        SourceConfig s = Yaml.read(write(replace("year: {column: Y}", "year: {school_year: XN}")), SourceConfig.class);
        assertEquals(SourceConfig.YearMapping.Kind.SCHOOL_YEAR, s.extracts().get(0).year().kind());
        assertEquals("XN", s.extracts().get(0).year().column());
        s = Yaml.read(write(replace("year: {column: Y}", "year: {date: BIRTH_DATE}")), SourceConfig.class);
        assertEquals(SourceConfig.YearMapping.Kind.DATE, s.extracts().get(0).year().kind());
    }

    @Test
    void bothTableAndQuery() throws IOException {
        String both = replace("    table: BIRTHS\n", "    table: BIRTHS\n    query: \"select * from BIRTHS\"\n");
        assertEquals(where(both, "query:", "\"select") + ": give exactly one of 'table' or 'query'", error(both));
    }

    @Test
    void neitherTableNorQuery() throws IOException {
        // neither is there to point at: the extract, whose mapping starts at its name
        String neither = replace("    table: BIRTHS\n", "");
        assertEquals(where(neither, "- name: births", "name") + ": give exactly one of 'table' or 'query'", error(neither));
    }

    @Test
    void aYearMappingWithTwoKinds() throws IOException {
        String two = replace("year: {column: Y}", "year: {column: Y, date: BIRTH_DATE}");
        assertEquals(where(two, "year:", "{") + ": 'year' needs exactly one of 'column', 'school_year' or 'date'", error(two));
    }

    @Test
    void aYearMappingWithNoKind() throws IOException {
        String none = replace("year: {column: Y}", "year: {}");
        assertEquals(where(none, "year:", "{") + ": 'year' needs exactly one of 'column', 'school_year' or 'date'", error(none));
    }

    @Test
    void aSexCodeMappedToANonCanonicalCode() throws IOException {
        String yaml = replace("{\"1\": M, \"2\": F}", "{\"1\": M, \"2\": W}");
        String m = error(yaml);
        // at the code itself, and with the source's value it stands for
        assertTrue(m.startsWith(where(yaml, "sex:", "W}") + ": sex: 'W' (for the source's '2') is not a canonical code; use one of ["), m);
        assertTrue(m.contains("F") && m.contains("M") && m.contains("_T"), m);
    }

    @Test
    void aFixedSexThatIsNotCanonical() throws IOException {
        String yaml = replace("sex: {column: SEX, codes: {\"1\": M, \"2\": F}}", "sex: female");
        String m = error(yaml);
        assertTrue(m.startsWith(where(yaml, "sex:", "female") + ": sex: 'female' is not a canonical code; use one of ["), m);
    }

    @Test
    void aResidenceCodeThatIsNotCanonical() throws IOException {
        String yaml = GOOD + "    residence: {column: HUKOU, codes: {城镇: U, 乡村: C}}\n";
        String m = error(yaml);
        assertTrue(m.startsWith(where(yaml, "residence:", "C}") + ": residence: 'C' (for the source's '乡村') is not a canonical code; use one of ["), m);
    }

    @Test
    void aCodeColumnWithoutCodes() throws IOException {
        String yaml = replace("measure: live_births", "measure: {column: ITEM}");
        assertEquals(where(yaml, "measure:", "ITEM") + ": measure: column ITEM needs 'codes' mapping its values", error(yaml));
    }

    @Test
    void aCodeMappingWithBothFixedAndColumn() throws IOException {
        String yaml = replace("sex: {column: SEX, codes: {\"1\": M, \"2\": F}}", "sex: {fixed: F, column: SEX, codes: {\"2\": F}}");
        assertEquals(where(yaml, "sex:", "{") + ": sex needs either a fixed code or a 'column' with 'codes'", error(yaml));
    }

    @Test
    void aBandAgeWithoutCodes() throws IOException {
        String yaml = GOOD + "    age: {band: AGE_GROUP}\n";
        assertEquals(where(yaml, "age:", "{") + ": an age 'band' column needs 'codes' mapping its values to configured age bands",
                error(yaml));
    }

    @Test
    void anAgeWithTwoKinds() throws IOException {
        String yaml = GOOD + "    age: {birth_date: BIRTHDAY, years: AGE}\n";
        assertEquals(where(yaml, "age:", "{") + ": 'age' needs exactly one of 'birth_date', 'years', 'months', 'days' or 'band'", error(yaml));
    }

    @Test
    void anEventDateNeedsABirthDate() throws IOException {
        String yaml = GOOD + "    age: {years: AGE, at: DEATH_DATE}\n";
        assertEquals(where(yaml, "at:", "DEATH_DATE") + ": age: 'at' names the event's date an age is computed on from a 'birth_date';"
                + " an age given in years, months, days or a band is already the age at the event", error(yaml));
    }

    @Test
    void aDateKeptAsTextHasAFormatBeginningWithTheYear() throws IOException {
        SourceConfig s = Yaml.read(write(replace("year: {column: Y}", "year: {date: CHECKED, format: yyyyMMdd}")
                + "    age: {birth_date: BORN, at: CHECKED, format: yyyy-MM-dd}\n"), SourceConfig.class);
        assertEquals("yyyyMMdd", s.extracts().get(0).year().format());
        assertEquals("yyyy-MM-dd", s.extracts().get(0).age().format());

        String dayFirst = replace("year: {column: Y}", "year: {date: CHECKED, format: dd/MM/yyyy}");
        assertTrue(error(dayFirst).startsWith(where(dayFirst, "year:", "dd/MM") + ": date format 'dd/MM/yyyy' must begin with the"
                + " four-digit year (yyyyMMdd, yyyy-MM-dd, yyyy/M/d ...)"), error(dayFirst));
        String onAYear = replace("year: {column: Y}", "year: {column: Y, format: yyyyMMdd}");
        assertEquals(where(onAYear, "year:", "yyyyMMdd") + ": 'format' says how a 'date' kept as text is written; a year column needs none",
                error(onAYear));
        String onYears = GOOD + "    age: {years: AGE, format: yyyyMMdd}\n";
        assertEquals(where(onYears, "age:", "yyyyMMdd") + ": 'format' says how a 'birth_date' (and 'at') kept as text is written",
                error(onYears));
        String notAPattern = replace("year: {column: Y}", "year: {date: CHECKED, format: yyyyMMddb}");
        assertTrue(error(notAPattern).contains("date format 'yyyyMMddb' is not a date pattern"), error(notAPattern));
    }

    @Test
    void anAgeLimitInDaysNeedsAnAgeFinerThanYears() throws IOException {
        String yaml = GOOD + "    age: {years: AGE}\n    age_under: {days: 28}\n";
        assertEquals(where(yaml, "age_under:", "{") + ": an age in whole years cannot tell 28 days; give the age as a 'birth_date',"
                + " 'months' or 'days', or the limit in years", error(yaml));
        String two = GOOD + "    age: {days: AGE_DAYS}\n    age_under: {days: 28, years: 1}\n";
        assertEquals(where(two, "age_under:", "{") + ": 'age_under' needs exactly one of 'days', 'months' or 'years', e.g. {days: 28}", error(two));
    }

    @Test
    void aSourceMapsACodeToUnknown() throws IOException {
        String yaml = replace("{\"1\": M, \"2\": F}", "{\"1\": M, \"2\": F, \"9\": _U, \"\": _U, \"0\": _T}");
        assertEquals(Map.of("1", "M", "2", "F", "9", "_U", "", "_U", "0", "_T"), Yaml.read(write(yaml), SourceConfig.class).extracts().get(0).sex().codes());
    }

    @Test
    void aRegionWithBothCodeAndName() throws IOException {
        String yaml = replace("region: {code: TOWN}", "region: {code: TOWN, name: TOWN_NAME}");
        assertEquals(where(yaml, "region:", "{") + ": 'region' needs exactly one of 'code' or 'name'", error(yaml));
    }

    @Test
    void aColumnBothKeptAndHashed() throws IOException {
        String yaml = GOOD + "    raw: {keep: [REG_ID, CERT_NO], hash: [CERT_NO]}\n";
        assertEquals(where(yaml, "raw:", "{") + ": raw column(s) [CERT_NO] are both kept and hashed; choose one", error(yaml));
    }

    @Test
    void aBadPartition() throws IOException {
        String upper = GOOD + "    partition: {column: REG_ID, lower: 10, upper: 1, partitions: 2}\n";
        assertEquals(where(upper, "partition:", "1, partitions") + ": partition needs partitions >= 1 and upper >= lower", error(upper));
        String partitions = GOOD + "    partition: {column: REG_ID, lower: 1, upper: 10, partitions: 0}\n";
        assertEquals(where(partitions, "partition:", "0}") + ": partition needs partitions >= 1 and upper >= lower", error(partitions));
    }

    @Test
    void anExtractDefinedTwice() throws IOException {
        String twice = GOOD + """
                  - name: births
                    table: BIRTHS2
                    year: {column: Y}
                    measure: live_births
                    region: {code: TOWN}
                """;
        // at the second one's name, line 15
        assertEquals(dir.resolve("health.yaml") + ":15:11: extract 'births' is defined twice", error(twice));
    }

    @Test
    void anExtractNameThatIsNotLowerCase() throws IOException {
        assertEquals(dir.resolve("health.yaml") + ":9:11: extract 'Births': the name must be lower-case letters, digits and _",
                error(replace("name: births", "name: Births")));
    }

    @Test
    void aDepartmentNameThatIsNotLowerCase() throws IOException {
        assertEquals(dir.resolve("health.yaml") + ":1:13: department 'Health' must be lower-case letters, digits and _",
                error(replace("department: health", "department: Health")));
    }

    @Test
    void measuresComeFromFixedCodesAndCodeMappings() throws IOException {
        SourceConfig fixed = Yaml.read(write(GOOD), SourceConfig.class);
        SourceConfig mapped = Yaml.read(write(replace("measure: live_births",
                "measure: {column: ITEM, codes: {MAT: maternal_deaths, INF: infant_deaths, INF2: infant_deaths}}")),
                SourceConfig.class);
        assertEquals(List.of("live_births", "maternal_deaths", "infant_deaths"),
                List.copyOf(Configuration.measures(List.of(fixed, mapped))));
    }

    /** A department without a database: its returns as files. */
    private static final String RETURNS = """
            department: health
            name_zh: 妇联
            name_en: Women's Federation
            file:
              path: returns/health/{year}/报表.xlsx
            extracts:
              - name: births
                sheet: 指导站
                header_row: 2
                measure: live_births
                region: {name: 乡镇}
                value: {column: 人数}
            """;

    @Test
    void aSourceOfReturnsNeedsNoYearAndReadsItsSheet() throws IOException {
        SourceConfig s = Yaml.read(write(RETURNS), SourceConfig.class);
        assertTrue(s.isFile());
        assertNull(s.jdbc());
        assertEquals("UTF-8", s.file().charset());
        SourceConfig.Extract e = s.extracts().get(0);
        assertEquals(2, e.header());
        // no year column: a return's year is its file's
        assertEquals(List.of("乡镇", "人数"), List.copyOf(e.mappingColumns()));
        assertEquals("returns/health/{year}/报表.xlsx", s.returnPath(e));
    }

    @Test
    void aSourceOfReturnsIsRefusedWhatOnlyADatabaseHas() throws IOException {
        assertTrue(error(RETURNS.replace("    sheet: 指导站", "    table: T\n    sheet: 指导站"))
                .contains("extract 'births': 'table', 'query', 'where' and 'partition' read a database; a return is read from its file"));
        assertTrue(error(RETURNS.replace("    sheet: 指导站", "    year: {column: Y}\n    sheet: 指导站"))
                .contains("a return's year is the year in its file's path ({year}); leave 'year' out"));
        assertTrue(error(RETURNS.replace("    sheet: 指导站\n", ""))
                .contains("an extract of an XLSX return names its 'sheet'"));
        assertTrue(error(RETURNS.replace("{year}/报表.xlsx", "2024/报表.xlsx"))
                .contains("file.path: 'returns/health/2024/报表.xlsx' has no {year}"));
        assertTrue(error(RETURNS.replace("报表.xlsx", "报表.xls")).contains("must be an .xlsx or .csv file"));
        assertTrue(error(RETURNS.replace("  path: returns", "  encoding: BIG-FIVE-ISH\n  path: returns"))
                .contains("file.encoding 'BIG-FIVE-ISH' is not an encoding Java knows; use UTF-8 or GBK"));
        assertTrue(error(RETURNS.replace("file:\n", "jdbc: {url: 'jdbc:h2:mem:x', driver: org.h2.Driver}\nfile:\n"))
                .contains("give exactly one of 'jdbc' (the department's database) or 'file' (the returns it sends as XLSX or CSV files)"));
    }
}
