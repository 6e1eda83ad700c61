package org.wcstat.jobs.publish;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.dimension.Dimension;

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
final class YearbookWorkbook {
    static final String SUPPRESSED = "…";
    static final String CONTENTS = "目录";
    static final String CHARTS = "图";
    /** The status column's heading; tests and readers find the column by it. */
    static final String STATUS = "评估状态";

    private final YearbookLayout layout;
    private final Catalog catalog;
    private final Labels labels;
    private final Map<String, String> departmentNames;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle rate;
    private final CellStyle count;
    private final CellStyle title;
    private final CellStyle group;

    /** @param departmentNames the departments' Chinese names by source code, for the footnotes */
    YearbookWorkbook(YearbookLayout layout, Catalog catalog, Labels labels, Map<String, String> departmentNames) {
        this.layout = layout;
        this.catalog = catalog;
        this.labels = labels;
        this.departmentNames = departmentNames;
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
        title = wb.createCellStyle();
        title.setFont(big);
    }

    void write(Path file, YearbookData data) throws IOException {
        Sheet contents = wb.createSheet(CONTENTS);
        cell(contents.createRow(0), 0, layout.titleZh() + "（" + data.year() + "）", title);
        if (labels.english()) cell(contents.createRow(1), 0, layout.titleEn() + " " + data.year(), null);
        Row h = contents.createRow(3);
        cell(h, 0, "表号", header);
        cell(h, 1, "表名", header);
        if (labels.english()) cell(h, 2, "Table", header);
        int row = 4;
        int table = 1;
        for (YearbookLayout.Chapter ch : layout.chapters()) {
            List<Catalog.Entry> entries = entries(ch);
            if (entries.isEmpty()) continue;
            String name = "表" + table++;
            contentsRow(contents.createRow(row++), name, ch.nameZh() + "主要监测指标", ch.nameEn() + ": monitoring indicators");
            chapterSheet(name, ch, entries, data);
        }
        for (Dimension b : YearbookTables.BREAKDOWNS) {
            List<Catalog.Entry> entries = catalog.entries().stream()
                    .filter(e -> e.indicator().disaggregations().contains(b.catalogName())).toList();
            if (entries.isEmpty()) continue;
            String name = "表" + table++;
            contentsRow(contents.createRow(row++), name, b.titleZh() + "主要监测指标", "Monitoring indicators " + b.titleEn());
            breakdownSheet(name, b, entries, data);
        }
        if (!layout.keyIndicatorsIn(catalog).isEmpty()) {
            contentsRow(contents.createRow(row), CHARTS, "主要指标趋势图", "Trends of the key indicators");
            chartSheet(data);
        }
        contents.setColumnWidth(1, 36 * 256);
        contents.setColumnWidth(2, 48 * 256);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    private List<Catalog.Entry> entries(YearbookLayout.Chapter ch) {
        return catalog.entries().stream()
                .filter(e -> e.indicator().plan().equals(ch.plan()) && e.indicator().area().equals(ch.area())).toList();
    }

    private void contentsRow(Row r, String sheet, String zh, String en) {
        cell(r, 0, sheet, null);
        cell(r, 1, zh, null);
        if (labels.english()) cell(r, 2, en, null);
    }

    private void chapterSheet(String name, YearbookLayout.Chapter ch, List<Catalog.Entry> entries, YearbookData data) {
        Sheet s = wb.createSheet(name);
        cell(s.createRow(0), 0, name + "  " + labels.text(ch.nameZh() + "主要监测指标", ch.nameEn())
                + "（" + data.firstYear() + "—" + data.year() + "年）", title);
        List<String> heads = new ArrayList<>(List.of("指标"));
        if (labels.english()) heads.add("Indicator");
        heads.addAll(List.of("单位", "2030年目标"));
        int firstYearCol = heads.size();
        for (int y = data.firstYear(); y <= data.year(); y++) heads.add(y + "年");
        heads.add(STATUS);
        Row h = s.createRow(1);
        for (int i = 0; i < heads.size(); i++) cell(h, i, heads.get(i), header);
        int row = 2;
        boolean anySuppressed = false;
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            Row r = s.createRow(row++);
            int col = 0;
            cell(r, col++, ind.nameZh(), null);
            if (labels.english()) cell(r, col++, ind.nameEn(), null);
            cell(r, col++, ind.unit(), null);
            cell(r, col, Labels.target(e.target()), null);
            anySuppressed |= yearCells(r, firstYearCol, ind, data.totals(ind.code()), data);
            cell(r, heads.size() - 1, labels.text(data.status(ind.code())), null);
        }
        footnotes(s, row + 1, entries, anySuppressed);
        s.setColumnWidth(0, 28 * 256);
        if (labels.english()) s.setColumnWidth(1, 40 * 256);
        s.setColumnWidth(heads.size() - 1, (labels.english() ? 30 : 12) * 256);
        printSetup(s, labels.english() ? 2 : 1);
    }

    private void breakdownSheet(String name, Dimension b, List<Catalog.Entry> entries, YearbookData data) {
        Sheet s = wb.createSheet(name);
        cell(s.createRow(0), 0, name + "  " + labels.text(b.titleZh() + "主要监测指标", "Monitoring indicators " + b.titleEn())
                + "（" + data.firstYear() + "—" + data.year() + "年）", title);
        Row h = s.createRow(1);
        cell(h, 0, "指标及分组", header);
        cell(h, 1, "单位", header);
        for (int y = data.firstYear(); y <= data.year(); y++) cell(h, 2 + y - data.firstYear(), y + "年", header);
        int row = 2;
        boolean anySuppressed = false;
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            Row group = s.createRow(row++);
            cell(group, 0, labels.text(ind.nameZh(), ind.nameEn()), this.group);
            cell(group, 1, ind.unit(), null);
            Map<String, Map<Integer, PublishedValue>> byCategory = data.breakdown(ind.code(), b);
            for (String category : labels.ordered(b, byCategory)) {
                Row r = s.createRow(row++);
                cell(r, 0, "  " + labels.category(b, category), null);
                anySuppressed |= yearCells(r, 2, ind, byCategory.get(category), data);
            }
        }
        footnotes(s, row + 1, entries, anySuppressed);
        s.setColumnWidth(0, 36 * 256);
        printSetup(s, 1);
    }

    /** Writes a series into the year columns from {@code firstCol}; returns whether a value was withheld. */
    private boolean yearCells(Row r, int firstCol, Indicator ind, Map<Integer, PublishedValue> series, YearbookData data) {
        boolean suppressed = false;
        for (int y = data.firstYear(); y <= data.year(); y++) {
            PublishedValue v = series.get(y);
            int col = firstCol + y - data.firstYear();
            if (v == null) continue;
            if (v.suppressed()) {
                cell(r, col, SUPPRESSED, null);
                suppressed = true;
            } else if (v.value() != null) {
                Cell c = r.createCell(col);
                c.setCellValue(v.value());
                c.setCellStyle(ind.denominator() == null ? count : rate);
            }
        }
        return suppressed;
    }

    private void footnotes(Sheet s, int row, List<Catalog.Entry> entries, boolean anySuppressed) {
        cell(s.createRow(row++), 0, "注：", null);
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            String sources = String.join("、", ind.sources().stream().map(d -> departmentNames.getOrDefault(d, d)).toList());
            cell(s.createRow(row++), 0, ind.nameZh() + "：" + (ind.definition() == null ? "" : ind.definition().strip())
                    + " 资料来源：" + sources + "。", null);
        }
        if (anySuppressed) {
            cell(s.createRow(row), 0, SUPPRESSED + " 表示数值涉及少于" + layout.disclosure().threshold()
                    + "例的小数，为保护个人信息不予公布。", null);
        }
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
    private void chartSheet(YearbookData data) {
        XSSFSheet s = wb.createSheet(CHARTS);
        cell(s.createRow(0), 0, labels.text("主要指标趋势图", "Trends of the key indicators"), title);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        int years = data.year() - data.firstYear() + 1;
        int top = 2;
        for (String code : layout.keyIndicatorsIn(catalog)) {
            Indicator ind = catalog.get(code).indicator();
            List<String> seriesNames = new ArrayList<>(List.of(labels.text("合计", "total")));
            List<Map<Integer, PublishedValue>> series = new ArrayList<>(List.of(data.totals(code)));
            if (ind.disaggregations().contains(Dimension.SEX.catalogName())) {
                Map<String, Map<Integer, PublishedValue>> bySex = data.breakdown(code, Dimension.SEX);
                for (String sex : labels.ordered(Dimension.SEX, bySex)) {
                    seriesNames.add(labels.category(Dimension.SEX, sex));
                    series.add(bySex.get(sex));
                }
            }
            String chartTitle = labels.text(ind.nameZh(), ind.nameEn()) + "（" + ind.unit() + "）";
            cell(s.createRow(top), 0, chartTitle, group);
            Row yearRow = s.createRow(top + 1);
            cell(yearRow, 0, "年份", header);
            for (int i = 0; i < years; i++) cell(yearRow, 1 + i, String.valueOf(data.firstYear() + i), header);
            for (int k = 0; k < series.size(); k++) {
                Row r = s.createRow(top + 2 + k);
                cell(r, 0, seriesNames.get(k), null);
                for (int i = 0; i < years; i++) {
                    PublishedValue v = series.get(k).get(data.firstYear() + i);
                    if (v != null && v.value() != null) {
                        Cell c = r.createCell(1 + i);
                        c.setCellValue(v.value());
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
                line.setTitle(seriesNames.get(k), null);
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
