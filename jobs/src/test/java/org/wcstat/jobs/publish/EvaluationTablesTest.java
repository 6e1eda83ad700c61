package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.PlanGoals;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.jobs.TestRepo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which evaluation a release shows and how it is named, and the evaluation's tables from a hand-made final
 * evaluation (2030), written by the three renderings without Spark.
 */
class EvaluationTablesTest {
    static final Configuration CONFIG = Configuration.load(TestRepo.demoConf());

    @TempDir
    Path dir;

    @Test
    void aReleaseShowsTheLatestEvaluationUpToItsYear() {
        AssessmentSettings s = CONFIG.assessment();
        assertEquals(List.of(2025, 2030), s.evaluationYears());
        assertEquals(Optional.empty(), EvaluationData.yearFor(s, 2024));
        assertEquals(Optional.of(2025), EvaluationData.yearFor(s, 2025));
        assertEquals(Optional.of(2025), EvaluationData.yearFor(s, 2029));
        assertEquals(Optional.of(2030), EvaluationData.yearFor(s, 2030));
        // a year of evaluation without one in the warehouse is said, not passed over
        assertTrue(EvaluationData.missing(s, 2025, Optional.empty()).orElseThrow().contains("run assess --year 2025"));
        assertEquals(Optional.empty(), EvaluationData.missing(s, 2024, Optional.empty()));
    }

    @Test
    void theFinalEvaluationIsNamedAsSuch() {
        EvaluationTables t = tables(finalEvaluation(), 2030);
        assertEquals("2030年终期评估", t.title().zh());
        assertEquals("Final evaluation 2030", t.title().en());
        assertEquals("昭化区妇女儿童发展纲要2030年终期评估报告", t.reportTitle().zh());
        assertEquals("2025年中期评估", tables(new EvaluationData(2025, false, finalEvaluation().statuses(), finalEvaluation().areas(),
                Map.of(), Map.of(), List.of()), 2026).title().zh());
    }

    @Test
    void everyIndicatorWithATargetIsInATableJudgedOrNot() {
        EvaluationTables t = tables(finalEvaluation(), 2030);
        EvaluationTables.Outline children = t.outlines.stream().filter(o -> o.plan().equals("children")).findFirst().orElseThrow();
        // children and education: 14 numeric targets; C-E-02 and C-E-04 judged, the other 12 not assessed
        List<EvaluationTables.IndicatorRow> education = children.quantified().stream()
                .filter(r -> r.indicator().area().equals("education")).toList();
        assertEquals(14, education.size());
        assertEquals(12, children.unjudged().stream().filter(r -> r.indicator().area().equals("education")).count());
        EvaluationTables.IndicatorRow highSchool = education.stream().filter(r -> r.entry().code().equals("C-E-04")).findFirst().orElseThrow();
        assertEquals("否 / no", t.meets(highSchool));
        assertEquals("92", t.figure(highSchool, highSchool.judged().currentValue()));
        assertEquals("Growth too slow.", highSchool.reason(3));
        EvaluationTables.IndicatorRow preschool = education.stream().filter(r -> r.entry().code().equals("C-E-02")).findFirst().orElseThrow();
        assertNull(preschool.reason(3), "on track needs no reason");
        // a withheld series shows the mark, and no reason that would quote its numbers
        EvaluationTables.IndicatorRow maternal = t.outlines.get(0).quantified().stream().filter(r -> r.entry().code().equals("W-H-02"))
                .findFirst().orElseThrow();
        assertEquals(YearbookTables.WITHHELD, t.baseline(maternal));
        assertEquals(YearbookTables.WITHHELD, t.meets(maternal));
        assertEquals("涉及少于3例的小数，详情不予公布。", maternal.reason(3));
        // the high warning is listed under its area; the low one only counted
        assertEquals(1, children.warnings().size());
        assertEquals("儿童与教育", children.warnings().get(0).area().zh());
        assertEquals(1, children.lowWarnings());
    }

    @Test
    void anIndicatorTheCountyDoesNotMonitorIsListedAsSuch() throws Exception {
        // a county reading health alone, as conf/README.md's adoption starts: C-E-02 (学前教育毛入园率, ≥ 97) needs
        // education and public_security, which it does not read, so no value of it is computed or judged
        Path conf = Files.createDirectories(dir.resolve("county/conf/sources"));
        Files.writeString(conf.resolveSibling("layer.yaml"), "extends: " + TestRepo.root().resolve("conf") + "\n");
        Files.copy(TestRepo.demoConf().resolve("sources/health.yaml"), conf.resolve("health.yaml"));
        Catalog partial = Configuration.load(conf.getParent()).catalog();
        EvaluationData nothingJudged = new EvaluationData(2030, true, List.of(ProgressStatus.values()), finalEvaluation().areas(),
                Map.of(), Map.of(), List.of());
        EvaluationTables t = EvaluationTables.of(nothingJudged, partial, Optional.empty(), CONFIG.yearbook(),
                new Labels(CONFIG.vocabulary(), true), 2030, "510811");

        EvaluationTables.Outline children = t.outlines.stream().filter(o -> o.plan().equals("children")).findFirst().orElseThrow();
        EvaluationTables.IndicatorRow preschool = children.unjudged().stream().filter(r -> r.entry().code().equals("C-E-02"))
                .findFirst().orElseThrow();
        assertEquals("not_monitored", preschool.status().status());
        assertEquals("未监测 / not monitored", new Labels(CONFIG.vocabulary(), true).text(preschool.status()));
        assertEquals("未监测：本地未读取education、public_security部门的数据。", preschool.reason(3));
        assertEquals("儿童与教育", preschool.area().zh());
        // every indicator of the outlines with a target is in a table of the evaluation, monitored or not
        Set<String> listed = new TreeSet<>();
        for (EvaluationTables.Outline o : t.outlines) {
            for (List<EvaluationTables.IndicatorRow> rows : List.of(o.quantified(), o.directions(), o.unjudged())) {
                rows.forEach(r -> listed.add(r.entry().code()));
            }
        }
        Set<String> withTarget = new TreeSet<>();
        CONFIG.catalog().entries().stream().filter(e -> e.target() != null).forEach(e -> withTarget.add(e.code()));
        assertTrue(partial.unmonitored().size() > 0 && withTarget.contains("C-E-02"));
        assertEquals(withTarget, listed);
        // and the renderings list it with its reason
        Path report = dir.resolve("report.html");
        new WebReport().write(report, yearbook().withEvaluation(t));
        String html = Files.readString(report);
        assertTrue(html.contains("未监测：本地未读取education、public_security部门的数据。"), "the web report lists C-E-02 as not monitored");
        // the yearbook's table of children's health, which has indicators from health alone, names the one needing
        // public_security too (C-H-M2a) in its notes
        YearbookTables yearbook = YearbookTables.of(new YearbookData(2030, 2020, "510811", List.of(), Map.of(), List.of()), partial,
                CONFIG.yearbook(), new Labels(CONFIG.vocabulary(), true), Map.of(), CONFIG.assessment().targetYear());
        YearbookTables.ChapterTable health = yearbook.chapters.stream()
                .filter(c -> c.chapter().plan().equals("children") && c.chapter().area().equals("health")).findFirst().orElseThrow();
        assertTrue(health.footnotes().definitions().contains("每千名儿童拥有儿科执业（助理）医生数：未监测，本地未读取public_security部门的数据，本表不列。"),
                health.footnotes().definitions().toString());
        // children's education, none of whose indicators it monitors, is a chapter still: no table, its indicators named
        YearbookTables.ChapterTable education = yearbook.chapters.stream()
                .filter(c -> c.chapter().plan().equals("children") && c.chapter().area().equals("education")).findFirst().orElseThrow();
        assertEquals(List.of(), education.rows());
        String preschoolNote = "学前教育毛入园率：未监测，本地未读取education、public_security部门的数据，本表不列。";
        assertTrue(education.footnotes().definitions().contains(preschoolNote), education.footnotes().definitions().toString());
        Path healthOnly = dir.resolve("health-only.html");
        new WebReport().write(healthOnly, yearbook);
        String page = Files.readString(healthOnly);
        // the chapter's heading, bilingual: 儿童与教育 and its English name
        int chapter = page.indexOf("-h\">儿童与教育");
        assertTrue(chapter > 0, "the web report has the chapter");
        String section = page.substring(chapter, page.indexOf("</section>", chapter));
        assertTrue(section.contains("本章指标本地均未监测：") && section.contains(preschoolNote) && !section.contains("<table"), section);
        Path workbook = dir.resolve("health-only.xlsx");
        new YearbookWorkbook().write(workbook, yearbook);
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> lines = new ArrayList<>();
            for (Sheet s : wb) {
                if (!s.getRow(0).getCell(0).getStringCellValue().contains("儿童与教育")) continue;
                for (int r = 1; r <= s.getLastRowNum(); r++) {
                    if (s.getRow(r) != null) lines.add(s.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertEquals("本章指标本地均未监测： / None of this chapter's indicators is monitored here:", lines.get(0), lines.toString());
            assertTrue(lines.contains(preschoolNote), lines.toString());
        }
        Path pdf = dir.resolve("health-only.pdf");
        new YearbookPdf(PdfFonts.of(CONFIG)).write(pdf, yearbook);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            int at = text.indexOf("本章指标本地均未监测");
            assertTrue(at > 0 && text.indexOf("学前教育毛入园率：未监测", at) > at, "the yearbook.pdf names the chapter's indicators");
            // such chapters, a heading and a list each, run on after the one before rather than a page each
            long unmonitored = yearbook.chapters.stream().filter(c -> c.rows().isEmpty()).count();
            PDFTextStripper onePage = new PDFTextStripper();
            int pagesWithOne = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                onePage.setStartPage(p);
                onePage.setEndPage(p);
                if (onePage.getText(doc).contains("本章指标本地均未监测")) pagesWithOne++;
            }
            assertTrue(unmonitored > 2 && pagesWithOne < unmonitored, pagesWithOne + " pages for " + unmonitored + " chapters");
        }
    }

    @Test
    void theGoalsNoIndicatorMeasuresAreListedWithWhy() throws Exception {
        // conf/plan-goals.yaml leaves four goals out, no department keeping their data: 妇女人均预期寿命 and
        // 妇女人均健康预期寿命 (women, health), 两性家务劳动时间差距 (women, family), 康复救助脑瘫儿童年龄上限 (children, welfare)
        EvaluationTables t = EvaluationTables.of(finalEvaluation(), CONFIG.catalog(), PlanGoals.load(TestRepo.demoConf()), CONFIG.yearbook(),
                new Labels(CONFIG.vocabulary(), true), 2030, "510811");
        Map<String, List<String>> byOutline = new LinkedHashMap<>();
        t.outlines.forEach(o -> byOutline.put(o.plan(), o.unmeasured().stream().map(u -> u.area().zh() + " " + u.goal().quantity()).toList()));
        assertEquals(List.of("妇女与健康 妇女人均预期寿命", "妇女与健康 妇女人均健康预期寿命", "妇女与家庭建设 两性家务劳动时间差距"), byOutline.get("women"));
        assertEquals(List.of("儿童与福利 康复救助脑瘫儿童年龄上限（岁）"), byOutline.get("children"));
        // each rendering lists them with the reason
        YearbookTables yearbook = yearbook().withEvaluation(t);
        Path report = dir.resolve("report.html");
        new WebReport().write(report, yearbook);
        String html = Files.readString(report);
        assertTrue(html.contains("妇女发展纲要（2021—2030年）未纳入监测的规划目标（3项）"), "the web report's table of women's goals not measured");
        assertTrue(html.contains("needs a time-use survey (时间利用调查)"), "with the reason");
        Path pdf = dir.resolve(EvaluationPdf.FILE);
        new EvaluationPdf(PdfFonts.of(CONFIG)).write(pdf, yearbook);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // a table's narrow cell breaks a name over lines
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertTrue(text.contains("未纳入监测的规划目标（3项）") && text.contains("两性家务劳动时间差距"), text);
        }
        Path xlsx = dir.resolve("yearbook.xlsx");
        new YearbookWorkbook().write(xlsx, yearbook);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sheet = wb.getSheet("2030年终期评估");
            boolean listed = false;
            for (var row : sheet) {
                for (var cell : row) listed |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().equals("康复救助脑瘫儿童年龄上限（岁）");
            }
            assertTrue(listed, "the workbook's evaluation sheet lists the children's goal not measured");
        }
    }

    @Test
    void theThreeRenderingsWriteTheFinalEvaluation() throws Exception {
        YearbookTables yearbook = yearbook().withEvaluation(tables(finalEvaluation(), 2030));
        Path pdf = dir.resolve(EvaluationPdf.FILE);
        new EvaluationPdf(PdfFonts.of(CONFIG)).write(pdf, yearbook);
        // kept to look at, as the report's screenshot is
        Files.copy(pdf, Path.of("target", "evaluation-final.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("昭化区妇女儿童发展纲要2030年终期评估报告"), text);
            assertTrue(text.contains("14项量化指标中1项已实现或进展顺利"), text);
        }
        Path report = dir.resolve("report.html");
        new WebReport().write(report, yearbook);
        String html = Files.readString(report);
        assertTrue(html.contains("<h2 id=\"evaluation-h\">2030年终期评估 / Final evaluation 2030</h2>"));
        Path xlsx = dir.resolve("yearbook.xlsx");
        new YearbookWorkbook().write(xlsx, yearbook);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getSheet("2030年终期评估") != null);
        }
    }

    @Test
    void withoutAnEvaluationNothingIsAdded() throws Exception {
        YearbookTables yearbook = yearbook();
        Path pdf = dir.resolve(EvaluationPdf.FILE);
        new EvaluationPdf(PdfFonts.of(CONFIG)).write(pdf, yearbook);
        assertFalse(Files.exists(pdf));
        Path report = dir.resolve("report.html");
        new WebReport().write(report, yearbook);
        String html = Files.readString(report);
        for (String part : List.of("id=\"evaluation\"", "href=\"#evaluation\"", ".chart.evaluation", "data.evaluation", "\"evaluation\":")) {
            assertFalse(html.contains(part), "no chapter, link, style, script or data of an evaluation: " + part);
        }
    }

    /**
     * A final evaluation by hand: children, education 14 quantified (1 achieved, 1 limited progress, 12 with no
     * judgement stored); women, health with W-H-02 withheld. One high and one low warning on C-E-04.
     */
    static EvaluationData finalEvaluation() {
        List<ProgressStatus> statuses = List.of(ProgressStatus.values());
        Map<ProgressStatus, Integer> education = new EnumMap<>(ProgressStatus.class);
        education.put(ProgressStatus.ACHIEVED, 1);
        education.put(ProgressStatus.LIMITED_PROGRESS, 1);
        education.put(ProgressStatus.INSUFFICIENT_DATA, 12);
        Map<ProgressStatus, Integer> health = new EnumMap<>(ProgressStatus.class);
        health.put(ProgressStatus.DETERIORATION, 1);
        List<EvaluationData.Area> areas = List.of(
                new EvaluationData.Area("children", "_T", 2030, 14, 14, education, 1, "14项量化指标中1项已实现或进展顺利",
                        "1 of 14 quantified indicators achieved or on track", "observed"),
                new EvaluationData.Area("children", "education", 2030, 14, 14, education, 1, "14项量化指标中1项已实现或进展顺利",
                        "1 of 14 quantified indicators achieved or on track", "observed"),
                new EvaluationData.Area("women", "_T", 2030, 1, 1, health, 0, "1项量化指标中0项已实现或进展顺利",
                        "0 of 1 quantified indicators achieved or on track", "observed"),
                new EvaluationData.Area("women", "health", 2030, 1, 1, health, 0, "1项量化指标中0项已实现或进展顺利",
                        "0 of 1 quantified indicators achieved or on track", "observed"));
        Map<String, EvaluationData.Judged> judged = new LinkedHashMap<>();
        judged.put("C-E-02", judged("C-E-02", "achieved", "已实现", "target achieved", 90.0, 98.0, 98.5, 1.5, "Meets it.", false));
        judged.put("C-E-04", judged("C-E-04", "limited_progress", "进展有限", "limited progress", 90.0, 92.0, 94.0, -4.0,
                "Growth too slow.", false));
        judged.put("W-H-02", judged("W-H-02", "deterioration", "退步", "deterioration", null, null, null, null,
                ReleaseTables.WITHHELD_NOTE, true));
        CellKey district = CellKey.total("510811");
        List<EvaluationData.Caution> warnings = List.of(
                new EvaluationData.Caution(new Warning("C-E-04", district, WarningKind.NEEDS_ACCELERATION, Warning.Severity.HIGH,
                        "C-E-04 高中阶段毛入学率: limited progress"), false),
                new EvaluationData.Caution(new Warning("C-E-04", district, WarningKind.MISSING_YEAR, Warning.Severity.LOW,
                        "C-E-04: no value for 2021"), false));
        return new EvaluationData(2030, true, statuses, areas, judged, Map.of("C-E-02", "up"), warnings);
    }

    private static EvaluationData.Judged judged(String code, String status, String zh, String en, Double baseline, Double current,
                                                Double at2030, Double gap, String note, boolean withheld) {
        return new EvaluationData.Judged(code, new IndicatorStatus(code, status, zh, en, note), "cagr_ratio", 2020, baseline, current,
                null, 2030, null, at2030, gap, note, withheld);
    }

    private static EvaluationTables tables(EvaluationData data, int releaseYear) {
        return EvaluationTables.of(data, CONFIG.catalog(), Optional.empty(), CONFIG.yearbook(), new Labels(CONFIG.vocabulary(), true),
                releaseYear, "510811");
    }

    private static YearbookTables yearbook() {
        YearbookData data = new YearbookData(2030, 2020, "510811", List.of(), Map.of(), List.of());
        return YearbookTables.of(data, CONFIG.catalog(), CONFIG.yearbook(), new Labels(CONFIG.vocabulary(), true), Map.of(),
                CONFIG.assessment().targetYear());
    }
}
