package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.core.dimension.Regions;
import org.wcstat.jobs.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department without a database (the women's federation) sends its returns as files: an XLSX workbook
 * with a sheet of family education points, and a CSV in GBK of parent school attendance by sex. They load
 * through the same ingest as a database: mapping, quarantine, subtotal checks, the commit and meta.load.
 *
 * <p>2024, written with Apache POI as a department fills it in: a title merged over A1:C1; the headings over
 * two rows, 序号 and 乡镇 merged down A2:A3 and B2:B3, 指导站 over 指导站数 in C3; then
 * <pre>
 *   row 4  1  卫子镇  12        a number
 *   row 5  2  昭化镇  "1,234"   text, with a thousands separator: 1234
 *   row 6  3  元坝    " 7"      元坝镇 by its alias, the count text with a space: 7
 *   row 7  合计 (A7:B7) 1253   the district: 12 + 1234 + 7 = 1253, a check, not a value
 *   row 9  填表人 …            a note, not data
 * </pre>
 * and a blank Sheet2. The CSV (GBK): 卫子镇 男 "1,020", 女 980; 昭化镇 男 15, 女 16; 合计 合计 "2,031"
 * = 1020 + 980 + 15 + 16.
 *
 * <p>2023, a CSV converted to XLSX by LibreOffice headless: 卫子镇 10, 昭化镇 "1,100", 青牛镇 5, 新华镇 3
 * (no town of 昭化区: quarantined), 合计 1118. The towns that load sum to 10 + 1100 + 5 = 1115, so the 合计
 * disagrees by 1115 - 1118 = -3 and is named; the facts are the towns'. The CSV: 青牛 女 40, 男 38.
 */
class ReturnSourceTest {
    static final String DEPT = "ret_fed";
    static final String BAD = "ret_bad";
    static final String POINTS = "家庭教育指导站";

    @TempDir
    static Path dir;
    static JobContext ctx;
    static CollectingProgress progress = new CollectingProgress();
    static Path home;

    @BeforeAll
    static void setUp() throws Exception {
        String fed = """
                department: ret_fed
                name_zh: 区妇联
                name_en: Women's Federation
                file:
                  path: returns/ret_fed/{year}/家庭教育.xlsx
                  encoding: GBK
                extracts:
                  - name: points
                    sheet: 家庭教育指导站
                    header_row: 3
                    measure: family_education_points
                    region: {name: 乡镇}
                    value: {column: 指导站数}
                    raw: {keep: [乡镇, 指导站数]}
                  - name: parents
                    file: returns/ret_fed/{year}/家长学校.csv
                    measure: parent_school_attendees
                    region: {name: 乡镇}
                    sex: {column: 性别, codes: {男: M, 女: F, 合计: _T}}
                    value: {column: 人数}
                    raw: {keep: [乡镇, 性别, 人数]}
                """;
        String bad = """
                department: ret_bad
                name_zh: 妇联
                name_en: Women's Federation
                file:
                  path: returns/ret_bad/{year}/报表.xlsx
                extracts:
                  - name: points
                    sheet: 家庭教育指导站
                    header_row: 2
                    measure: family_education_points
                    region: {name: 乡镇}
                    value: {column: 指导站数}
                  - name: parents
                    file: returns/ret_bad/{year}/家长学校.csv
                    measure: parent_school_attendees
                    region: {name: 乡镇}
                    sex: {column: 性别, codes: {男: M, 女: F}}
                    value: {column: 人数}
                """;
        ctx = ItWarehouse.context(ItWarehouse.conf(dir, Map.of(DEPT, fed, BAD, bad)), progress, Map.of());
        home = ctx.home();
        Returns.xlsx(home.resolve("returns/ret_fed/2024/家庭教育.xlsx"), POINTS, new Object[][]{
                {"2024年家庭教育指导站统计表"},
                {"序号", "乡镇", "指导站"},
                {null, null, "指导站数"},
                {1, "卫子镇", 12},
                {2, "昭化镇", "1,234"},
                {3, "元坝", " 7"},
                {"合计", null, 1253},
                {},
                {"填表人：李梅    填报日期：2025年1月10日"}}, new String[]{"A1:C1", "A2:A3", "B2:B3", "A7:B7"}, "Sheet2");
        Returns.csv(home.resolve("returns/ret_fed/2024/家长学校.csv"),
                "乡镇,性别,人数\r\n卫子镇,男,\"1,020\"\r\n卫子镇,女,980\r\n昭化镇,男,15\r\n昭化镇,女,16\r\n合计,合计,\"2,031\"\r\n", "GBK");
        Path csv = Returns.csv(dir.resolve("lo").resolve(POINTS + ".csv"), "2023年家庭教育指导站统计表,,\n,,指导站\n序号,乡镇,指导站数\n"
                + "1,卫子镇,10\n2,昭化镇,\"1,100\"\n3,青牛镇,5\n4,新华镇,3\n合计,,1118\n", "UTF-8");
        Path converted = libreOffice(csv);
        Files.createDirectories(home.resolve("returns/ret_fed/2023"));
        Files.copy(converted, home.resolve("returns/ret_fed/2023/家庭教育.xlsx"));
        Returns.csv(home.resolve("returns/ret_fed/2023/家长学校.csv"), "乡镇,性别,人数\n青牛,女,40\n青牛,男,38\n", "GBK");
        // both years in one load: each year's own file, one commit
        new IngestJob(0).run(ctx, List.of(2023, 2024), Optional.of(DEPT));
    }

    /** The CSV as an XLSX by LibreOffice, headless, with a fresh profile; its one sheet is named after the file. */
    static Path libreOffice(Path csv) throws Exception {
        // comma-separated, quoted with ", UTF-8 (76), from line 1
        return libreOffice(csv, "--infilter=CSV:44,34,76,1", POINTS + ".xlsx");
    }

    /** A file saved again as XLSX by LibreOffice, headless, with a fresh profile, as {@code name} in a folder of its own. */
    static Path libreOffice(Path in, String filter, String name) throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assertTrue(Files.isExecutable(soffice), soffice + " is missing: install Debian's libreoffice-calc-nogui");
        Path work = Files.createTempDirectory(dir, "lo");
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = work.resolve("soffice.log");
        List<String> command = new java.util.ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + work.resolve("profile").toUri(),
                "--headless", "--norestore"));
        if (filter != null) command.add(filter);
        command.addAll(List.of("--convert-to", "xlsx", "--outdir", out.toString(), in.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not convert within 180 s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        Path xlsx = out.resolve(name);
        assertTrue(Files.exists(xlsx), "no XLSX; soffice said: " + Files.readString(log, StandardCharsets.UTF_8));
        return xlsx;
    }

    @Test
    void aReturnWrittenByPoiLoadsTheTownsAndChecksTheTotal() {
        // 合计 1253 = 12 + 1234 + 7 is left out; "1,234" and " 7" are numbers; 元坝 is 元坝镇
        assertEquals(List.of("family_education_points 510811100 _T _T _T 7", "family_education_points 510811101 _T _T _T 12",
                "family_education_points 510811108 _T _T _T 1234"), ItWarehouse.facts(DEPT, 2024, "points"));
        // the GBK CSV: "1,020" is 1020; the 合计 row of 合计 sex, 2031 = 1020 + 980 + 15 + 16, is the check
        assertEquals(List.of("parent_school_attendees 510811101 F _T _T 980", "parent_school_attendees 510811101 M _T _T 1020",
                "parent_school_attendees 510811108 F _T _T 16", "parent_school_attendees 510811108 M _T _T 15"),
                ItWarehouse.facts(DEPT, 2024, "parents"));
        assertTrue(progress.all().contains("step: ret_fed · points: 2 subtotal row(s) checked against their parts and not added to them")
                || progress.all().stream().anyMatch(s -> s.contains("ret_fed · points") && s.contains("subtotal row(s) checked")),
                String.join("\n", progress.all()));
    }

    @Test
    void aReturnConvertedByLibreOfficeLoadsAndItsDisagreeingTotalIsNamed() {
        assertEquals(List.of("family_education_points 510811101 _T _T _T 10", "family_education_points 510811108 _T _T _T 1100",
                "family_education_points 510811111 _T _T _T 5"), ItWarehouse.facts(DEPT, 2023, "points"));
        assertEquals(List.of("parent_school_attendees 510811111 F _T _T 40", "parent_school_attendees 510811111 M _T _T 38"),
                ItWarehouse.facts(DEPT, 2023, "parents"));
        // 新华镇 is quarantined, its place in the return in the key
        List<String> q = ItWarehouse.strings("SELECT row_key, reason FROM " + Warehouse.QUARANTINE + " WHERE source = '" + DEPT + "'");
        assertEquals(1, q.size(), q.toString());
        assertTrue(q.get(0).startsWith("row 家庭教育指导站!7, 乡镇=新华镇"), q.get(0));
        assertTrue(q.get(0).contains("town '新华镇' is not a town of 昭化区"), q.get(0));
        // 1118 against 10 + 1100 + 5 = 1115
        assertTrue(progress.warnings().stream().anyMatch(w -> w.startsWith("ret_fed · points: region=昭化区 510811")
                && w.contains("it gives 1118, its 3 part row(s) under it sum to 1115 (a difference of -3)")),
                String.join("\n", progress.warnings()));
    }

    @Test
    void theLoadRecordNamesEachFileAndItsSha256() throws Exception {
        Path xlsx = home.resolve("returns/ret_fed/2024/家庭教育.xlsx");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(xlsx)));
        assertEquals(List.of("points ok returns/ret_fed/2024/家庭教育.xlsx sha256:" + sha), ItWarehouse.strings(
                "SELECT extract, status, origin FROM " + Warehouse.LOADS + " WHERE source = '" + DEPT + "' AND year = 2024 AND extract = 'points'"));
    }

    @Test
    void loadingAYearAgainReplacesItsFacts() {
        new IngestJob(0).run(ctx, List.of(2024), Optional.of(DEPT));
        assertEquals(3, ItWarehouse.facts(DEPT, 2024, "points").size());
        assertEquals(4, ItWarehouse.facts(DEPT, 2024, "parents").size());
    }

    /**
     * The blank return of 2025 from the configuration, filled in (the twelve towns of conf/regions.yaml are
     * written in, in its order; each gets its place in the list as its count: 元坝镇 1, 卫子镇 2, ... 青牛镇 12)
     * and saved again by LibreOffice, loads those values.
     */
    @Test
    void theTemplateFilledInAndSavedByLibreOfficeLoadsItsValues() throws Exception {
        Path blank = dir.resolve("ret_fed-2025-return.xlsx");
        new ReturnTemplate(ctx.config().source(DEPT), ctx.config().regions()).write(2025, blank);
        Path filled = dir.resolve("filled").resolve(POINTS + ".xlsx");
        Files.createDirectories(filled.getParent());
        try (var in = Files.newInputStream(blank); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertEquals(List.of(ReturnTemplate.INSTRUCTIONS, ReturnTemplate.CODES, POINTS, "家长学校"),
                    java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            var sheet = wb.getSheet(POINTS);
            // header_row 3: the headings there, the towns below
            assertEquals("乡镇", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("指导站数", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("元坝镇", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals("青牛镇", sheet.getRow(14).getCell(0).getStringCellValue());
            assertEquals("#,##0", sheet.getRow(3).getCell(1).getCellStyle().getDataFormatString());
            List<String> validations = sheet.getDataValidations().stream().map(v -> v.getValidationConstraint().getFormula1()).toList();
            assertEquals(List.of("'代码表'!$A$2:$A$13", "0"), validations);
            // the sex codes of 家长学校 are the CSV's codes
            var codes = wb.getSheet(ReturnTemplate.CODES);
            assertEquals("性别", codes.getRow(0).getCell(1).getStringCellValue());
            assertEquals(List.of("男", "女", "合计"), List.of(codes.getRow(1).getCell(1).getStringCellValue(),
                    codes.getRow(2).getCell(1).getStringCellValue(), codes.getRow(3).getCell(1).getStringCellValue()));
            for (int i = 0; i < 12; i++) sheet.getRow(3 + i).getCell(1).setCellValue(i + 1);
            try (var out = Files.newOutputStream(filled)) {
                wb.write(out);
            }
        }
        Path saved = libreOffice(filled, null, POINTS + ".xlsx");
        Files.createDirectories(home.resolve("returns/ret_fed/2025"));
        Files.copy(saved, home.resolve("returns/ret_fed/2025/家庭教育.xlsx"));
        Returns.csv(home.resolve("returns/ret_fed/2025/家长学校.csv"), "乡镇,性别,人数\n卫子镇,女,3\n", "GBK");
        new IngestJob(0).run(ctx, List.of(2025), Optional.of(DEPT));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) expected.add("family_education_points 5108111" + String.format("%02d", i) + " _T _T _T " + (i + 1));
        assertEquals(expected, ItWarehouse.facts(DEPT, 2025, "points"));
    }

    /**
     * A province has a 城关镇 in 甲县 (listed in regions.yaml) and one in 510102 (not listed): a template read by town name
     * writes each with its county, as no other town bears it, and the load reads those names back as the two towns.
     */
    @Test
    void aTemplateWritesANameTownsOfOtherCountiesBearWithItsCounty() throws Exception {
        Regions province = new Regions(new Regions.Region("51", "四川省", "Sichuan", false), List.of(
                new Regions.Region("510101101", "城关镇", "Chengguan", false), new Regions.Region("510102101", "城关镇", "Chengguan", false),
                new Regions.Region("510102102", "卫子镇", "Weizi", false)), null,
                List.of(new Regions.Region("510101", "甲县", "Jiaxian", false)));
        Path blank = dir.resolve("province-return.xlsx");
        new ReturnTemplate(ctx.config().source(DEPT), province).write(2025, blank);
        List<String> expected = List.of("城关镇（甲县）", "城关镇（510102）", "卫子镇");
        try (var in = Files.newInputStream(blank); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = wb.getSheet(POINTS);
            var codes = wb.getSheet(ReturnTemplate.CODES);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), sheet.getRow(3 + i).getCell(0).getStringCellValue(), "the towns written in");
                assertEquals(expected.get(i), codes.getRow(1 + i).getCell(0).getStringCellValue(), "the towns' drop-down list");
            }
        }
        Map<String, String> read = province.codesByName();
        assertEquals(List.of("510101101", "510102101", "510102102"), expected.stream().map(read::get).toList());
        assertFalse(read.containsKey("城关镇"), "the bare name is still no one town");
    }

    // ---- what departments send that cannot be taken as meant: the load stops naming the cell ----

    private static Object[][] points(Object count) {
        return new Object[][]{{"2031年家庭教育指导站统计表"}, {"序号", "乡镇", "指导站数"}, {1, "卫子镇", count}, {2, "昭化镇", 4}};
    }

    private static void goodCsv(int year) throws Exception {
        Returns.csv(home.resolve("returns/ret_bad/" + year + "/家长学校.csv"), "乡镇,性别,人数\n卫子镇,女,3\n", "UTF-8");
    }

    private static String failure(int year) {
        IngestFailedException e = assertThrows(IngestFailedException.class, () -> new IngestJob(0).run(ctx, List.of(year), Optional.of(BAD)));
        assertEquals(List.of(), ItWarehouse.facts(BAD, year), "nothing of a stopped load is written");
        assertEquals(1, ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE source = '" + BAD + "' AND year = " + year
                + " AND status = 'failed'"));
        return e.getMessage();
    }

    @Test
    void aCountInWordsStopsTheLoadNamingItsCell() throws Exception {
        Returns.xlsx(home.resolve("returns/ret_bad/2031/报表.xlsx"), POINTS, points("十二"), new String[0]);
        goodCsv(2031);
        assertTrue(failure(2031).contains("ret_bad · points: returns/ret_bad/2031/报表.xlsx, sheet 家庭教育指导站, cell C3: '十二' is not a"
                + " number: enter the count in digits (e.g. 1234 or 1,234), without units or words"));
    }

    @Test
    void anEmptyCountBesideATownStopsTheLoad() throws Exception {
        Returns.xlsx(home.resolve("returns/ret_bad/2032/报表.xlsx"), POINTS, points(""), new String[0]);
        goodCsv(2032);
        assertTrue(failure(2032).contains("returns/ret_bad/2032/报表.xlsx, sheet 家庭教育指导站, cell C3: the count is empty: enter 0"
                + " if there were none, or the number"));
    }

    @Test
    void aRenamedHeadingStopsTheLoadNamingTheNearestHeading() throws Exception {
        Object[][] rows = points(5);
        rows[1] = new Object[]{"序号", "乡镇", "指导站数量"};
        Returns.xlsx(home.resolve("returns/ret_bad/2033/报表.xlsx"), POINTS, rows, new String[0]);
        goodCsv(2033);
        String m = failure(2033);
        assertTrue(m.contains("returns/ret_bad/2033/报表.xlsx, sheet 家庭教育指导站, row 2: no column headed '指导站数' (extract points"
                + " reads it); the headings are [序号, 乡镇, 指导站数量]; the nearest is '指导站数量' in C2: rename the heading back to '指导站数'"
                + " in the return, or, if the department renamed it for good, change it in " + badSource()), m);
    }

    @Test
    void aRenamedSheetStopsTheLoadListingTheSheets() throws Exception {
        Returns.xlsx(home.resolve("returns/ret_bad/2034/报表.xlsx"), "Sheet1", points(5), new String[0], "Sheet2");
        goodCsv(2034);
        String m = failure(2034);
        assertTrue(m.contains("returns/ret_bad/2034/报表.xlsx has no sheet '家庭教育指导站'; its sheets are [Sheet1, Sheet2]: rename the"
                + " department's sheet back to '家庭教育指导站', or set the extract's sheet in " + badSource()), m);
    }

    @Test
    void aCsvInGbkWhereUtf8IsConfiguredStopsTheLoadSayingWhatToSet() throws Exception {
        Returns.xlsx(home.resolve("returns/ret_bad/2035/报表.xlsx"), POINTS, points(5), new String[0]);
        Returns.csv(home.resolve("returns/ret_bad/2035/家长学校.csv"), "乡镇,性别,人数\n卫子镇,女,3\n", "GBK");
        String m = failure(2035);
        assertTrue(m.contains("ret_bad · parents: returns/ret_bad/2035/家长学校.csv is not UTF-8 text"), m);
        assertTrue(m.contains("a CSV saved by Excel on a Chinese Windows is usually GBK: set file.encoding: GBK in " + badSource() + ","
                + " or ask the department to save it as CSV UTF-8"), m);
    }

    @Test
    void aMissingReturnStopsTheLoadSayingWhereToPutIt() {
        String m = failure(2036);
        assertTrue(m.contains("the 2036 return of ret_bad (妇联) is not at " + home.resolve("returns/ret_bad/2036/报表.xlsx")
                + ": put the department's file there, or correct the path (returns/ret_bad/{year}/报表.xlsx) in " + badSource()), m);
    }

    @Test
    void aCountWithoutATownStopsTheLoad() throws Exception {
        Object[][] rows = {{"2037年"}, {"序号", "乡镇", "指导站数"}, {1, "卫子镇", 3}, {2, null, 12}};
        Returns.xlsx(home.resolve("returns/ret_bad/2037/报表.xlsx"), POINTS, rows, new String[0]);
        goodCsv(2037);
        String m = failure(2037);
        assertTrue(m.contains("returns/ret_bad/2037/报表.xlsx, sheet 家庭教育指导站, cell B4: no town beside the count 12 in C4: write the"
                + " town, or write 合计 if the row is the total"), m);
    }

    @Test
    void twoColumnsHeadedAlikeStopTheLoad() throws Exception {
        Object[][] rows = {{"2038年"}, {"乡镇", "指导站数", "乡镇"}, {"卫子镇", 3, "昭化镇"}};
        Returns.xlsx(home.resolve("returns/ret_bad/2038/报表.xlsx"), POINTS, rows, new String[0]);
        goodCsv(2038);
        String m = failure(2038);
        assertTrue(m.contains("returns/ret_bad/2038/报表.xlsx, sheet 家庭教育指导站, cells A2 and C2: two columns are headed '乡镇':"
                + " rename one, so wcstat knows which to read"), m);
    }

    /** The file the messages name to change: the one the configuration read. */
    private static String badSource() {
        return dir.resolve("conf/sources/ret_bad.yaml").toString();
    }
}
