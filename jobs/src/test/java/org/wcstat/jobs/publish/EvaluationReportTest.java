package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.assess.ProgressStatus;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation in the 2025 release's report.html, shown by headless Chromium with the network off, and in its
 * yearbook.xlsx, read by Apache POI and converted by LibreOffice; the 2024 release, before the first evaluation
 * year, has none of it.
 */
class EvaluationReportTest {
    @TempDir
    static Path work;
    static HeadlessChromium chromium;
    static EvaluationRelease release;

    @BeforeAll
    static void load() throws Exception {
        release = EvaluationRelease.get();
        chromium = new HeadlessChromium(work.resolve("profile"));
        chromium.load(release.dir.resolve("report.html"), 1280, 1600);
        chromium.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))");
    }

    @AfterAll
    static void close() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void theChapterIsShownWithItsChartsAndWithoutErrors() throws Exception {
        assertEquals("2025年中期评估 / Mid-term evaluation 2025", chromium.eval("document.querySelector('#evaluation-h').textContent").asText());
        assertEquals("#evaluation", chromium.eval("document.querySelector('nav a[href=\"#evaluation\"]').getAttribute('href')").asText());
        // one stacked bar chart per outline, drawn as SVG by the inlined ECharts
        assertEquals(2, chromium.eval("document.querySelectorAll('#evaluation .chart[data-kind=\"evaluation\"] svg').length").asInt());
        String chapter = chromium.eval("document.querySelector('#evaluation').innerText").asText();
        assertTrue(chapter.contains(EvaluationRelease.CHILDREN_EDUCATION_SUMMARY), chapter);
        for (String summary : release.spark().sql("SELECT summary_zh FROM wh.indicators.evaluation WHERE evaluation_year = 2025")
                .collectAsList().stream().map(r -> r.getString(0)).toList()) {
            assertTrue(chapter.contains(summary), summary);
        }
        // 高中阶段毛入学率: 90, 92, ≥ 98, 2030, limited progress, 94, not met — as the reader sees its row
        assertTrue(chapter.contains("高中阶段毛入学率 / Gross enrolment ratio in senior secondary education\t%\t90\t92\t≥ 98\t2030\t进展有限 / limited progress\t94\t否 / no"),
                chapter);
        assertTrue(chapter.contains("未能评估的指标"));
        assertTrue(chapter.contains("docs/methods.md"));
        assertEquals(List.of(), chromium.errors());
    }

    @Test
    void theChartHasABarPerAreaInTheStatusColours() throws Exception {
        // the children's chart: its stacked bars include the green of 已实现 (C-E-02) and the orange of 进展有限 (C-E-04)
        String fills = chromium.eval("[...document.querySelectorAll('#evaluation .chart[data-plan=\"children\"] svg path')]"
                + ".map(p => p.getAttribute('fill')).join(' ')").asText().toLowerCase();
        assertTrue(fills.contains("#1b5e20") || fills.contains("rgb(27,94,32)"), fills);
        assertTrue(fills.contains("#fb8c00") || fills.contains("rgb(251,140,0)"), fills);
        Path shot = Path.of("target", "evaluation-report.png");
        chromium.eval("document.querySelector('#evaluation').scrollIntoView()");
        Files.write(shot, chromium.screenshot());
    }

    @Test
    void theWorkbookHasTheEvaluationSheetWithAStackedBarChart() throws Exception {
        try (InputStream in = Files.newInputStream(release.dir.resolve("yearbook.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("2025年中期评估");
            assertTrue(sheet != null, "the sheet of the evaluation");
            // listed in the contents with the other sheets
            Sheet contents = wb.getSheet(YearbookWorkbook.CONTENTS);
            List<String> listed = new ArrayList<>();
            for (Row r : contents) if (r.getRowNum() >= 4 && r.getCell(0) != null) listed.add(r.getCell(0).getStringCellValue());
            assertTrue(listed.contains("2025年中期评估"), listed.toString());
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertEquals(2, charts.size(), "one chart per outline");
            for (XSSFChart chart : charts) {
                XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().get(0);
                assertEquals(BarDirection.BAR, bars.getBarDirection());
                assertEquals(BarGrouping.STACKED, bars.getBarGrouping());
                assertEquals(ProgressStatus.values().length, bars.getSeriesCount(), "a series per status");
                assertTrue(chart.getCTChart().getPlotArea().getBarChartArray(0).xmlText().contains("overlap val=\"100\""));
            }
            boolean summary = false;
            for (Row r : sheet) {
                for (var c : r) summary |= c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().contains(EvaluationRelease.CHILDREN_EDUCATION_SUMMARY);
            }
            assertTrue(summary, "the children's education summary is on the sheet");
        }
    }

    @Test
    void libreOfficeConvertsTheWorkbookWithTheEvaluationSheet() throws Exception {
        assertTrue(Files.isExecutable(WorkbookInLibreOfficeTest.SOFFICE), WorkbookInLibreOfficeTest.SOFFICE
                + " is missing: install Debian's libreoffice-calc-nogui (.ci/run does)");
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = work.resolve("soffice.log");
        Process p = new ProcessBuilder(WorkbookInLibreOfficeTest.SOFFICE.toString(), "-env:UserInstallation=" + work.resolve("lo").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), release.dir.resolve("yearbook.xlsx").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not convert within 180 s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertFalse(said.toLowerCase().contains("error"), said);
        try (PDDocument doc = Loader.loadPDF(out.resolve("yearbook.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("2025年中期评估"), "the converted workbook lacks the evaluation sheet");
            assertTrue(text.contains(EvaluationRelease.CHILDREN_EDUCATION_SUMMARY), "the converted workbook lacks the summary");
        }
    }

    @Test
    void aReleaseBeforeTheFirstEvaluationYearHasNone() throws Exception {
        Path dir = PublishedRelease.get().dir;
        assertFalse(Files.exists(dir.resolve(EvaluationPdf.FILE)));
        assertFalse(Files.exists(dir.resolve("data/evaluation.csv")));
        assertFalse(Files.readString(dir.resolve("report.html")).contains("id=\"evaluation\""));
        try (InputStream in = Files.newInputStream(dir.resolve("yearbook.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) assertFalse(wb.getSheetName(i).contains("评估"), wb.getSheetName(i));
        }
    }
}
