package org.wcstat.jobs.publish;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.stats.Printed;
import org.wcstat.core.config.YearbookLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yearbook as an XLSX workbook: a contents sheet; per plan area its indicators by year with unit, target
 * and status; the breakdowns the catalog publishes (sex, age, residence, town); charts of the key series.
 * Every table sheet prints on A4 with its header rows repeated.
 */
final class YearbookWorkbook implements YearbookRenderer {
    static final String SUPPRESSED = YearbookTables.WITHHELD;
    static final String CONTENTS = "目录";
    static final String CHARTS = "图";
    /** The status column's heading; tests and readers find the column by it. */
    static final String STATUS = YearbookTables.STATUS.zh();

    @Override
    public String fileName() {
        return "yearbook.xlsx";
    }

    @Override
    public void write(Path file, YearbookTables tables) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            new Sheets(wb, tables).write();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** The sheets of one workbook: a spreadsheet carries one language a column, so English gets columns of its own. */
    private static final class Sheets {
        private final XSSFWorkbook wb;
        private final YearbookTables tables;
        private final Labels labels;
        private final CellStyle header;
        private final CellStyle rate;
        private final CellStyle count;
        private final CellStyle title;
        private final CellStyle group;
        private final CellStyle wrapped;

        Sheets(XSSFWorkbook wb, YearbookTables tables) {
            this.wb = wb;
            this.tables = tables;
            this.labels = tables.labels;
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            group = wb.createCellStyle();
            group.setFont(bold);
            rate = wb.createCellStyle();
            rate.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            count = wb.createCellStyle();
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            title = wb.createCellStyle();
            title.setFont(big);
        }

        void write() {
            YearbookLayout layout = tables.layout;
            Sheet contents = wb.createSheet(CONTENTS);
            cell(contents.createRow(0), 0, layout.titleZh() + "（" + tables.year + "）", title);
            if (labels.english()) cell(contents.createRow(1), 0, layout.titleEn() + " " + tables.year, null);
            Row h = contents.createRow(3);
            cell(h, 0, "表号", header);
            cell(h, 1, "表名", header);
            if (labels.english()) cell(h, 2, "Table", header);
            int row = 4;
            int table = 1;
            for (YearbookTables.ChapterTable ch : tables.chapters) {
                String name = "表" + table++;
                contentsRow(contents.createRow(row++), name, ch.title().zh() + YearbookTables.MONITORING_INDICATORS.zh(),
                        ch.title().en() + ": " + YearbookTables.MONITORING_INDICATORS.en());
                chapterSheet(name, ch);
            }
            for (YearbookTables.BreakdownTable b : tables.breakdowns) {
                String name = "表" + table++;
                contentsRow(contents.createRow(row++), name, b.title().zh() + YearbookTables.MONITORING_INDICATORS.zh(),
                        "Monitoring indicators " + b.title().en());
                breakdownSheet(name, b);
            }
            if (!tables.keyIndicators().isEmpty()) {
                contentsRow(contents.createRow(row++), CHARTS, YearbookTables.TRENDS.zh(), YearbookTables.TRENDS.en());
                chartSheet();
            }
            if (tables.evaluation().isPresent()) {
                EvaluationTables e = tables.evaluation().get();
                contentsRow(contents.createRow(row++), EvaluationSheet.name(e), e.title().zh(), e.title().en());
                new EvaluationSheet(wb, e, header, title, group).write();
            }
            if (tables.revision().isPresent()) {
                contentsRow(contents.createRow(row), RevisionNote.TITLE_ZH, RevisionNote.TITLE_ZH, RevisionNote.TITLE_EN);
                revisionSheet(tables.revision().get());
            }
            contents.setColumnWidth(1, 36 * 256);
            contents.setColumnWidth(2, 48 * 256);
        }

        private void contentsRow(Row r, String sheet, String zh, String en) {
            cell(r, 0, sheet, null);
            cell(r, 1, zh, null);
            if (labels.english()) cell(r, 2, en, null);
        }

        private void chapterSheet(String name, YearbookTables.ChapterTable ch) {
            Sheet s = wb.createSheet(name);
            cell(s.createRow(0), 0, name + "  " + labels.text(ch.title().zh() + YearbookTables.MONITORING_INDICATORS.zh(), ch.title().en())
                    + tables.yearSpan(), title);
            if (ch.rows().isEmpty()) {
                // the county monitors none of the chapter's indicators: what they are and why, and no table
                cell(s.createRow(2), 0, labels.text(YearbookTables.NONE_MONITORED), null);
                int row = 3;
                for (String d : ch.footnotes().definitions()) cell(s.createRow(row++), 0, d, null);
                printSetup(s, 1);
                return;
            }
            List<String> heads = new ArrayList<>(List.of(YearbookTables.INDICATOR.zh()));
            if (labels.english()) heads.add("Indicator");
            heads.addAll(List.of(YearbookTables.UNIT.zh(), tables.targetHeading().zh()));
            int firstYearCol = heads.size();
            for (int y : tables.years()) heads.add(y + "年");
            heads.add(STATUS);
            Row h = s.createRow(1);
            for (int i = 0; i < heads.size(); i++) cell(h, i, heads.get(i), header);
            int row = 2;
            for (YearbookTables.IndicatorRow ir : ch.rows()) {
                Indicator ind = ir.indicator();
                Row r = s.createRow(row++);
                int col = 0;
                cell(r, col++, ind.nameZh(), null);
                if (labels.english()) cell(r, col++, ind.nameEn(), null);
                cell(r, col++, ind.unit(), null);
                cell(r, col, Labels.target(ir.entry().target()), null);
                yearCells(r, firstYearCol, ind, ir.values());
                cell(r, heads.size() - 1, labels.text(ir.status()), null);
            }
            s.setColumnWidth(0, 28 * 256);
            if (labels.english()) s.setColumnWidth(1, 40 * 256);
            s.setColumnWidth(heads.size() - 1, (labels.english() ? 30 : 12) * 256);
            footnotes(s, row + 1, ch.footnotes(), heads.size() - 1);
            printSetup(s, labels.english() ? 2 : 1);
        }

        /** 修订说明: one row per published value the revision changed, with the figures as numbers where there are some. */
        private void revisionSheet(RevisionNote note) {
            Sheet s = wb.createSheet(RevisionNote.TITLE_ZH);
            cell(s.createRow(0), 0, labels.text("修订说明：第" + note.toRevision + "版与第" + note.fromRevision + "版相比的变化",
                    "Revisions: changes in revision " + note.toRevision + " from revision " + note.fromRevision), title);
            List<String> heads = List.of("指标", "年份", "地区及分组", "变化", "原值", "现值", "差值", "依据的新数据");
            Row h = s.createRow(1);
            for (int i = 0; i < heads.size(); i++) cell(h, i, heads.get(i), header);
            int row = 2;
            if (note.entries.isEmpty()) cell(s.createRow(row), 0, "公布的数值没有变化。", null);
            for (RevisionNote.Entry e : note.entries) {
                RevisionNote.Printed c = e.cell();
                Row r = s.createRow(row++);
                cell(r, 0, tables.indicatorName(c.indicator()), null);
                r.createCell(1).setCellValue(c.year());
                cell(r, 2, labels.cell(new org.wcstat.core.dimension.CellKey(c.region(), c.sex(), c.ageBand(), c.residence()))
                        + (c.pooledYears() > 1 ? "（" + c.pooledYears() + "年合并）" : ""), null);
                cell(r, 3, e.change().zh(), null);
                figure(r, 4, e.beforeShown());
                figure(r, 5, e.afterShown());
                if (e.difference() != null) {
                    Cell d = r.createCell(6);
                    d.setCellValue(e.difference());
                    d.setCellStyle(rate);
                }
                cell(r, 7, String.join("；", e.loads()), null);
            }
            s.setColumnWidth(0, 28 * 256);
            s.setColumnWidth(2, 24 * 256);
            s.setColumnWidth(7, 40 * 256);
            printSetup(s, 1);
        }

        /** A figure as a number, or the mark that stands for none (withheld, missing). */
        private void figure(Row r, int col, String shown) {
            if (shown.isEmpty() || shown.equals(YearbookTables.WITHHELD) || shown.equals(YearbookTables.MISSING)) {
                cell(r, col, shown, null);
                return;
            }
            Cell c = r.createCell(col);
            c.setCellValue(Double.parseDouble(shown));
            c.setCellStyle(rate);
        }

        private void breakdownSheet(String name, YearbookTables.BreakdownTable b) {
            Sheet s = wb.createSheet(name);
            cell(s.createRow(0), 0, name + "  " + labels.text(b.title().zh() + YearbookTables.MONITORING_INDICATORS.zh(),
                    "Monitoring indicators " + b.title().en()) + tables.yearSpan(), title);
            Row h = s.createRow(1);
            cell(h, 0, "指标及分组", header);
            cell(h, 1, YearbookTables.UNIT.zh(), header);
            for (int y : tables.years()) cell(h, 2 + y - tables.firstYear, y + "年", header);
            int row = 2;
            for (YearbookTables.IndicatorBreakdown ib : b.indicators()) {
                Indicator ind = ib.indicator();
                Row group = s.createRow(row++);
                cell(group, 0, labels.text(ind.nameZh(), ind.nameEn()), this.group);
                cell(group, 1, ind.unit(), null);
                for (YearbookTables.CategoryRow category : ib.rows()) {
                    Row r = s.createRow(row++);
                    cell(r, 0, "  " + category.name(), null);
                    yearCells(r, 2, ind, category.values());
                }
            }
            s.setColumnWidth(0, 36 * 256);
            footnotes(s, row + 1, b.footnotes(), 1 + tables.years().size());
            printSetup(s, 1);
        }

        /** Writes a series into the year columns from {@code firstCol}: a withheld value as the mark, a missing one blank. */
        private void yearCells(Row r, int firstCol, Indicator ind, Map<Integer, PublishedValue> series) {
            for (int y : tables.years()) {
                PublishedValue v = series.get(y);
                int col = firstCol + y - tables.firstYear;
                if (v == null) continue;
                if (v.suppressed()) {
                    cell(r, col, SUPPRESSED, null);
                } else if (v.value() != null) {
                    Cell c = r.createCell(col);
                    // the number as printed, so that the sheet holds what the assessment judged, not more digits
                    c.setCellValue(Printed.round(v.value(), ind.decimals()));
                    c.setCellStyle(ind.denominator() == null ? count : rate);
                }
            }
        }

        /**
         * The notes under a table, each wrapped inside the table's width ({@code lastCol} its last column): a note left
         * to run on in one cell widens what is printed, and LibreOffice and Excel then shrink the whole sheet to fit it
         * onto the page. Call once the columns have their widths.
         */
        private void footnotes(Sheet s, int row, YearbookTables.Footnotes notes, int lastCol) {
            cell(s.createRow(row++), 0, "注：", null);
            List<String> lines = new ArrayList<>(notes.definitions());
            if (notes.anyWithheld()) lines.add(notes.withheld() + "。");
            double width = 0;
            for (int c = 0; c <= lastCol; c++) width += s.getColumnWidth(c) / 256.0;
            for (String text : lines) {
                Row r = s.createRow(row);
                cell(r, 0, text, wrapped);
                if (lastCol > 0) s.addMergedRegion(new CellRangeAddress(row, row, 0, lastCol));
                // neither Calc nor Excel fits a merged cell's height to its text: one line per table width of text
                r.setHeightInPoints((float) (Math.ceil(textWidth(text) / Math.max(1, width - 1)) * s.getDefaultRowHeightInPoints()));
                row++;
            }
        }

        /** A text's width in the units of column widths: a Chinese character is two. */
        private static double textWidth(String text) {
            return text.codePoints().mapToDouble(c -> c < 0x2E80 ? 1 : 2).sum();
        }

        private void printSetup(Sheet s, int frozenColumns) {
            s.createFreezePane(frozenColumns, 2);
            s.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            s.getPrintSetup().setLandscape(true);
            s.setFitToPage(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
        }

        /**
         * One line chart per key indicator: the district total, and women and men where the catalog publishes the
         * indicator by sex. Each chart reads a small table beside it; withheld and missing years are left blank and
         * drawn as gaps, never as zeros.
         */
        private void chartSheet() {
            XSSFSheet s = wb.createSheet(CHARTS);
            cell(s.createRow(0), 0, labels.text(YearbookTables.TRENDS), title);
            XSSFDrawing drawing = s.createDrawingPatriarch();
            int firstYear = tables.firstYear;
            int years = tables.year - firstYear + 1;
            int top = 2;
            for (Indicator ind : tables.keyIndicators()) {
                List<YearbookTables.Line> series = tables.trend(ind);
                String chartTitle = labels.text(ind.nameZh(), ind.nameEn()) + "（" + ind.unit() + "）";
                cell(s.createRow(top), 0, chartTitle, group);
                Row yearRow = s.createRow(top + 1);
                cell(yearRow, 0, "年份", header);
                for (int i = 0; i < years; i++) cell(yearRow, 1 + i, String.valueOf(firstYear + i), header);
                for (int k = 0; k < series.size(); k++) {
                    Row r = s.createRow(top + 2 + k);
                    cell(r, 0, series.get(k).name(), null);
                    for (int i = 0; i < years; i++) {
                        PublishedValue v = series.get(k).values().get(firstYear + i);
                        if (v != null && v.value() != null) {
                            Cell c = r.createCell(1 + i);
                            c.setCellValue(Printed.round(v.value(), ind.decimals()));
                            c.setCellStyle(ind.denominator() == null ? count : rate);
                        }
                    }
                }
                XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 1 + years + 1, top, 1 + years + 10, top + 16));
                chart.setTitleText(chartTitle);
                chart.setTitleOverlay(false);
                chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
                chart.getCTChart().addNewDispBlanksAs().setVal(STDispBlanksAs.GAP);
                XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
                XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
                y.setCrosses(AxisCrosses.AUTO_ZERO);
                XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
                XDDFDataSource<String> yearCells = XDDFDataSourcesFactory.fromStringCellRange(s,
                        new CellRangeAddress(top + 1, top + 1, 1, years));
                for (int k = 0; k < series.size(); k++) {
                    XDDFLineChartData.Series line = (XDDFLineChartData.Series) lines.addSeries(yearCells,
                            XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(top + 2 + k, top + 2 + k, 1, years)));
                    line.setTitle(series.get(k).name(), null);
                    line.setSmooth(false);
                    line.setMarkerStyle(MarkerStyle.CIRCLE);
                }
                chart.plot(lines);
                top += 18;
            }
            s.setColumnWidth(0, 14 * 256);
            s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            s.getPrintSetup().setLandscape(true);
        }

        private static void cell(Row r, int col, String text, CellStyle style) {
            Cell c = r.createCell(col);
            c.setCellValue(text);
            if (style != null) c.setCellStyle(style);
        }
    }
}
