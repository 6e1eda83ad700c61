package org.wcstat.jobs.publish;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.jobs.Warehouse;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** yearbook.xlsx opened with Apache POI: its tables, values, statuses, breakdowns, charts and print setup. */
class YearbookWorkbookTest {
    static PublishedRelease release;
    static XSSFWorkbook wb;

    @BeforeAll
    static void open() throws Exception {
        release = PublishedRelease.get();
        try (InputStream in = Files.newInputStream(release.dir.resolve("yearbook.xlsx"))) {
            wb = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws Exception {
        wb.close();
    }

    @Test
    void theContentsListEveryTableAndTheCharts() {
        Sheet contents = wb.getSheet(YearbookWorkbook.CONTENTS);
        assertEquals("昭化区妇女儿童统计资料（2024）", text(contents.getRow(0).getCell(0)));
        Map<String, String> listed = new HashMap<>();
        for (int r = 4; r <= contents.getLastRowNum(); r++) listed.put(text(contents.getRow(r).getCell(0)), text(contents.getRow(r).getCell(1)));
        // every sheet after the contents is listed, and only those
        assertEquals(wb.getNumberOfSheets() - 1, listed.size());
        for (int i = 1; i < wb.getNumberOfSheets(); i++) assertTrue(listed.containsKey(wb.getSheetName(i)), wb.getSheetName(i));
        assertTrue(listed.containsValue("儿童与健康主要监测指标"), listed.toString());
        assertTrue(listed.containsValue("分性别主要监测指标"), listed.toString());
        assertTrue(listed.containsValue("分乡镇主要监测指标"), listed.toString());
        assertEquals("主要指标趋势图", listed.get(YearbookWorkbook.CHARTS));
    }

    @Test
    void everyDistrictTotalInTheChapterTablesIsTheWarehouseValue() {
        // the warehouse's district totals by indicator name and year
        Map<String, Map<Integer, Double>> warehouse = new HashMap<>();
        for (org.apache.spark.sql.Row r : release.spark().sql("SELECT indicator, year, value FROM " + Warehouse.INDICATOR_VALUES
                + " WHERE region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'").collectAsList()) {
            String name = release.config.catalog().get(r.getString(0)).indicator().nameZh();
            warehouse.computeIfAbsent(name, k -> new HashMap<>()).put(r.getInt(1), r.getDouble(2));
        }
        int compared = 0;
        for (Sheet s : chapterSheets()) {
            Map<String, Integer> cols = headings(s);
            for (int r = 2; r <= s.getLastRowNum() && s.getRow(r) != null && cols.containsKey("2020年"); r++) {
                Row row = s.getRow(r);
                String name = text(row.getCell(0));
                if (name.equals("注：")) break;
                if (name.isEmpty()) continue;
                for (int y = 2020; y <= 2024; y++) {
                    Cell c = row.getCell(cols.get(y + "年"));
                    Double expected = warehouse.getOrDefault(name, Map.of()).get(y);
                    if (expected == null) {
                        assertTrue(c == null || c.getCellType() == CellType.BLANK, name + " " + y + " has no value in the warehouse");
                    } else {
                        assertEquals(expected, c.getNumericCellValue(), 1e-9, name + " " + y);
                        compared++;
                    }
                }
            }
        }
        // C-H-03b 4 years + W-H-02 1 + C-E-02 2 + W-L-09 1 = 8 district totals
        assertEquals(8, compared);
    }

    @Test
    void theInfantMortalityRowHasUnitTargetValuesAndStatus() {
        Sheet s = sheetTitled("儿童与健康");
        Map<String, Integer> cols = headings(s);
        Row row = rowNamed(s, "婴儿死亡率");
        assertEquals("Infant mortality rate", text(row.getCell(cols.get("Indicator"))));
        assertEquals("‰", text(row.getCell(cols.get("单位"))));
        assertEquals("≤ 5", text(row.getCell(cols.get("2030年目标"))));
        assertEquals(3.0, row.getCell(cols.get("2020年")).getNumericCellValue());
        assertNull(row.getCell(cols.get("2022年")), "2022 has no row in the warehouse");
        assertEquals(4.5, row.getCell(cols.get("2024年")).getNumericCellValue());
        assertEquals("进展顺利 / on track", text(row.getCell(cols.get(YearbookWorkbook.STATUS))));
        // footnote: definition and the department's name
        assertTrue(allText(s).contains("婴儿死亡率：Deaths before the first birthday"), allText(s));
        assertTrue(allText(s).contains("资料来源：区卫生健康局。"), allText(s));
    }

    @Test
    void anIndicatorTheAssessmentHasNotJudgedSaysSo() {
        Sheet s = sheetTitled("妇女与健康");
        Row row = rowNamed(s, "孕产妇死亡率");
        Map<String, Integer> cols = headings(s);
        // 0 maternal deaths: a zero is published, not withheld
        assertEquals(0.0, row.getCell(cols.get("2024年")).getNumericCellValue());
        assertEquals("未评估 / not assessed", text(row.getCell(cols.get(YearbookWorkbook.STATUS))));
        // the 2023 judgement of C-E-02 (deterioration) is not the 2024 status
        assertEquals("已实现 / achieved", text(rowNamed(sheetTitled("儿童与教育"), "学前教育毛入园率").getCell(headings(sheetTitled("儿童与教育")).get(YearbookWorkbook.STATUS))));
    }

    @Test
    void theSexTableWithholdsTheSmallCount() {
        Sheet s = sheetTitled("分性别");
        Map<String, Integer> cols = headings(s);
        int group = rowIndex(s, "婴儿死亡率 / Infant mortality rate");
        // girls 2 deaths: withheld; boys 7 / 1,000 = 7.0‰ withheld too, as total 9 - boys 7 would give the girls' 2
        assertEquals("  女 / female", text(s.getRow(group + 1).getCell(0)));
        assertEquals(YearbookWorkbook.SUPPRESSED, text(s.getRow(group + 1).getCell(cols.get("2024年"))));
        assertEquals("  男 / male", text(s.getRow(group + 2).getCell(0)));
        assertEquals(YearbookWorkbook.SUPPRESSED, text(s.getRow(group + 2).getCell(cols.get("2024年"))));
        assertTrue(allText(s).contains("… 表示数值涉及少于3例的小数"), "the withheld mark is explained");
        int enrolment = rowIndex(s, "学前教育毛入园率 / Gross enrolment ratio in preschool education");
        assertEquals(95.0, s.getRow(enrolment + 1).getCell(cols.get("2024年")).getNumericCellValue());
        assertEquals(101.0, s.getRow(enrolment + 2).getCell(cols.get("2024年")).getNumericCellValue());
    }

    @Test
    void theTownTableNamesTheTowns() {
        Sheet s = sheetTitled("分乡镇");
        Map<String, Integer> cols = headings(s);
        int group = rowIndex(s, "婴儿死亡率 / Infant mortality rate");
        // towns in code order: 卫子镇 (101) 4 / 800 = 5.0‰, 昭化镇 (108) 5 / 1,200 = 4.1667‰, printed and stored 4.17
        // (the full value stays in the release's data files)
        assertEquals("  卫子镇 / Weizi", text(s.getRow(group + 1).getCell(0)));
        assertEquals(5.0, s.getRow(group + 1).getCell(cols.get("2024年")).getNumericCellValue(), 1e-9);
        assertEquals("  昭化镇 / Zhaohua", text(s.getRow(group + 2).getCell(0)));
        assertEquals(4.17, s.getRow(group + 2).getCell(cols.get("2024年")).getNumericCellValue(), 0);
    }

    @Test
    void theAgeTableNamesTheBandsInOrder() {
        Sheet s = sheetTitled("分年龄组");
        Map<String, Integer> cols = headings(s);
        int group = rowIndex(s, "妇女获得法律援助人次 / Legal aid cases for women");
        // 65+: 2 cases, a small count, withheld; 18-24: 30 cases, withheld too, as a withheld cell must not be
        // the only unknown of a breakdown whose total (120) is published (docs/releases.md)
        assertEquals("  18-24岁 / aged 18-24", text(s.getRow(group + 1).getCell(0)));
        assertEquals(YearbookWorkbook.SUPPRESSED, text(s.getRow(group + 1).getCell(cols.get("2024年"))));
        assertEquals("  65岁及以上 / aged 65+", text(s.getRow(group + 2).getCell(0)));
        assertEquals(YearbookWorkbook.SUPPRESSED, text(s.getRow(group + 2).getCell(cols.get("2024年"))));
    }

    @Test
    void theKeySeriesAreLineCharts() {
        XSSFSheet s = wb.getSheet(YearbookWorkbook.CHARTS);
        List<XSSFChart> charts = s.getDrawingPatriarch().getCharts();
        // conf/yearbook.yaml: key_indicators C-H-03b, W-H-02, C-E-02, W-D-04
        assertEquals(4, charts.size());
        XSSFChart infant = charts.get(0);
        assertTrue(infant.getTitleText().getString().startsWith("婴儿死亡率"), infant.getTitleText().getString());
        XDDFLineChartData lines = (XDDFLineChartData) infant.getChartSeries().get(0);
        // total, girls, boys
        assertEquals(3, lines.getSeriesCount());
        XDDFLineChartData.Series total = (XDDFLineChartData.Series) lines.getSeries(0);
        assertEquals("合计 / total", total.getCTLineSer().getTx().getV());
        assertEquals("图!$B$5:$F$5", total.getValuesData().getDataRangeReference());
        assertEquals(5, total.getValuesData().getPointCount());
        // the chart's table: 2024 total 4.5; the girls' and the boys' withheld 2024 values left blank, drawn as gaps
        XSSFSheet data = wb.getSheet(YearbookWorkbook.CHARTS);
        assertEquals(4.5, data.getRow(4).getCell(5).getNumericCellValue(), 1e-9);
        assertEquals("女 / female", text(data.getRow(5).getCell(0)));
        assertNull(data.getRow(5).getCell(5));
        assertNull(data.getRow(6).getCell(5));
    }

    @Test
    void everyTablePrintsOnA4WithItsHeaderRowsRepeated() {
        for (int i = 1; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize(), s.getSheetName());
            assertTrue(s.getPrintSetup().getLandscape(), s.getSheetName());
            if (s.getSheetName().equals(YearbookWorkbook.CHARTS)) continue;
            CellRangeAddress repeated = s.getRepeatingRows();
            assertNotNull(repeated, s.getSheetName());
            // the title and the column headings
            assertEquals(0, repeated.getFirstRow(), s.getSheetName());
            assertEquals(1, repeated.getLastRow(), s.getSheetName());
        }
    }

    private static List<Sheet> chapterSheets() {
        List<Sheet> sheets = new ArrayList<>();
        for (int i = 1; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            if (headings(s).containsKey(YearbookWorkbook.STATUS)) sheets.add(s);
        }
        assertFalse(sheets.isEmpty());
        return sheets;
    }

    private static Sheet sheetTitled(String part) {
        for (int i = 1; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            if (text(s.getRow(0).getCell(0)).contains("  " + part)) return s;
        }
        throw new AssertionError("no sheet titled " + part);
    }

    private static Map<String, Integer> headings(Sheet s) {
        Map<String, Integer> cols = new HashMap<>();
        Row h = s.getRow(1);
        if (h != null) for (Cell c : h) cols.put(text(c), c.getColumnIndex());
        return cols;
    }

    private static Row rowNamed(Sheet s, String name) {
        return s.getRow(rowIndex(s, name));
    }

    private static int rowIndex(Sheet s, String name) {
        for (Row r : s) if (text(r.getCell(0)).equals(name)) return r.getRowNum();
        throw new AssertionError(s.getSheetName() + " has no row " + name);
    }

    private static String allText(Sheet s) {
        StringBuilder b = new StringBuilder();
        for (Row r : s) for (Cell c : r) if (c.getCellType() == CellType.STRING) b.append(c.getStringCellValue()).append('\n');
        return b.toString();
    }

    private static String text(Cell c) {
        assertNotNull(c);
        return c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString();
    }
}
