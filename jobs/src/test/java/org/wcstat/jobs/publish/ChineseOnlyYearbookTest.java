package org.wcstat.jobs.publish;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.jobs.TestRepo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code english: false} the workbook and the report speak Chinese only; no Spark is needed to write them. */
class ChineseOnlyYearbookTest {
    static final Configuration CONFIG = Configuration.load(TestRepo.demoConf());

    @TempDir
    Path dir;

    private static YearbookLayout chineseOnly() {
        YearbookLayout l = CONFIG.yearbook();
        return new YearbookLayout(l.titleZh(), l.titleEn(), l.firstYear(), l.disclosure(), l.chapters(), false,
                l.keyIndicators(), l.pdfFont());
    }

    /** The tables of {@link #data} as a Chinese-only yearbook lays them out. */
    private static YearbookTables tables(YearbookLayout layout, Map<String, String> departments) {
        return YearbookTables.of(data(), CONFIG.catalog(), layout, new Labels(CONFIG.vocabulary(), false), departments,
                CONFIG.assessment().targetYear());
    }

    /** 婴儿死亡率 2023 4.0‰ and 2024 4.5‰, girls 2024 withheld; assessed on track in 2024. */
    private static YearbookData data() {
        List<PublishedValue> values = new ArrayList<>(List.of(
                new PublishedValue("C-H-03b", 2023, "510811", "_T", "_T", "_T", 4.0, false, "", null, null),
                new PublishedValue("C-H-03b", 2024, "510811", "_T", "_T", "_T", 4.5, false, "", null, null),
                new PublishedValue("C-H-03b", 2024, "510811", "F", "_T", "_T", null, true, "", null, null)));
        return new YearbookData(2024, 2020, "510811", values,
                Map.of("C-H-03b", new IndicatorStatus("C-H-03b", "on_track", "进展顺利", "on track", null)), List.of());
    }

    @Test
    void theWorkbookHasNoEnglishColumnsOrLabels() throws Exception {
        Path file = dir.resolve("yearbook.xlsx");
        new YearbookWorkbook().write(file, tables(chineseOnly(), Map.of("health", "区卫生健康局")));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet contents = wb.getSheet(YearbookWorkbook.CONTENTS);
            assertEquals("表号|表名", contents.getRow(3).getCell(0).getStringCellValue() + "|" + contents.getRow(3).getCell(1).getStringCellValue());
            assertEquals(2, contents.getRow(3).getLastCellNum(), "no English column in the contents");
            Sheet health = null;
            for (Sheet s : wb) if (s.getRow(0).getCell(0).getStringCellValue().contains("  儿童与健康主要监测指标")) health = s;
            assertTrue(health != null);
            // 指标, 单位, 2030年目标, 2020年 … 2024年, 评估状态
            Row h = health.getRow(1);
            assertEquals(List.of("指标", "单位", "2030年目标", "2020年", "2021年", "2022年", "2023年", "2024年", "评估状态"), texts(h));
            Row infant = null;
            for (Row r : health) if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("婴儿死亡率")) infant = r;
            assertEquals("进展顺利", infant.getCell(8).getStringCellValue());
            assertEquals(4.5, infant.getCell(7).getNumericCellValue());
        }
    }

    @Test
    void aKeyIndicatorTheCatalogLacksIsLeftOutOfTheCharts() throws Exception {
        YearbookLayout l = chineseOnly();
        YearbookLayout layout = new YearbookLayout(l.titleZh(), l.titleEn(), l.firstYear(), l.disclosure(), l.chapters(),
                false, List.of("C-H-03b", "C-X-99"), null);
        assertEquals(List.of("C-X-99"), layout.keyIndicatorsMissingFrom(CONFIG.catalog()));
        Path file = dir.resolve("yearbook.xlsx");
        new YearbookWorkbook().write(file, tables(layout, Map.of()));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(1, wb.getSheet(YearbookWorkbook.CHARTS).getDrawingPatriarch().getCharts().size());
        }
    }

    @Test
    void theReportHasNoEnglish() throws Exception {
        Path file = dir.resolve("report.html");
        new WebReport().write(file, tables(chineseOnly(), Map.of()));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assertTrue(html.contains("<span class=\"status status-on_track\">进展顺利</span>"));
        assertTrue(html.contains("<span class=\"status status-not_assessed\">未评估</span>"));
        assertFalse(html.contains("on track"));
        assertFalse(html.contains("Infant mortality rate"));
    }

    @Test
    void aTemplateSlotIsFilledOnceAndNeverLeftEmpty() {
        // text put into a slot that looks like a slot stays as it is
        assertEquals("<p>{{b}}</p>", WebReport.fill("<p>{{a}}</p>", Map.of("a", "{{b}}")));
        assertEquals("report template slot {{c}} has no content",
                assertThrows(IllegalStateException.class, () -> WebReport.fill("{{c}}", Map.of())).getMessage());
    }

    private static List<String> texts(Row r) {
        List<String> t = new ArrayList<>();
        r.forEach(c -> t.add(c.getStringCellValue()));
        return t;
    }
}
