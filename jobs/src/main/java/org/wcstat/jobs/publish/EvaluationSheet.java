package org.wcstat.jobs.publish;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.jobs.publish.EvaluationTables.AreaSummary;
import org.wcstat.jobs.publish.EvaluationTables.AreaWarnings;
import org.wcstat.jobs.publish.EvaluationTables.IndicatorRow;
import org.wcstat.jobs.publish.EvaluationTables.Outline;
import org.wcstat.jobs.publish.YearbookTables.Heading;

import javax.xml.namespace.QName;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation as a sheet of yearbook.xlsx: per outline its areas by status with a stacked bar chart (an
 * Apache POI XDDF chart reading the table above it), the completion table, the direction-only goals, the
 * indicators that could not be judged and the warnings that call for action; the methods note last.
 */
final class EvaluationSheet {
    private static final String CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    /** Rows the chart below an outline's table takes. */
    private static final int CHART_ROWS = 20;

    private final XSSFWorkbook wb;
    private final EvaluationTables t;
    private final Labels labels;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle group;
    private XSSFSheet sheet;
    private int row;

    EvaluationSheet(XSSFWorkbook wb, EvaluationTables t, CellStyle header, CellStyle title, CellStyle group) {
        this.wb = wb;
        this.t = t;
        this.labels = t.labels;
        this.header = header;
        this.title = title;
        this.group = group;
    }

    /** The sheet's name, e.g. 2025年中期评估. */
    static String name(EvaluationTables t) {
        return t.title().zh();
    }

    void write() {
        sheet = wb.createSheet(name(t));
        cell(next(), 0, labels.text(t.reportTitle()), title);
        cell(next(), 0, labels.text(t.basis()), null);
        row++;
        for (Outline o : t.outlines) outline(o);
        cell(next(), 0, labels.text(EvaluationTables.METHODS), group);
        cell(next(), 0, labels.text(t.methods()), null);
        cell(next(), 0, YearbookTables.WITHHELD + " 表示涉及少于" + t.threshold + "例的小数，不予公布；"
                + YearbookTables.MISSING + " 表示无数据。", null);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 14 * 256);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private void outline(Outline o) {
        cell(next(), 0, labels.text(o.name()), title);
        cell(next(), 0, labels.text(o.whole().area().summaryZh(), o.whole().area().summaryEn()), null);
        areas(o);
        row++;
        table(labels.text(o.name().zh() + EvaluationTables.COMPLETION.zh(), o.name().en() + ": " + EvaluationTables.COMPLETION.en()),
                List.of(YearbookTables.INDICATOR, YearbookTables.UNIT, EvaluationTables.BASELINE, t.valueHeading(), EvaluationTables.TARGET,
                        EvaluationTables.TARGET_YEAR, YearbookTables.STATUS, EvaluationTables.ANTICIPATED, EvaluationTables.MEETS,
                        EvaluationTables.REASON),
                o.quantified().stream().map(r -> {
                    EvaluationData.Judged j = r.judged();
                    return List.of(name(r), r.indicator().unit(), t.baseline(r), t.figure(r, j == null ? null : j.currentValue()),
                            Labels.target(r.entry().target()), t.targetYear(r), labels.text(r.status()),
                            t.figure(r, j == null ? null : j.anticipated2030()), t.meets(r), reason(r));
                }).toList());
        table(labels.text(o.name().zh() + EvaluationTables.DIRECTIONS.zh(), o.name().en() + ": " + EvaluationTables.DIRECTIONS.en()),
                List.of(YearbookTables.INDICATOR, YearbookTables.UNIT, EvaluationTables.DIRECTION, EvaluationTables.BASELINE,
                        t.valueHeading(), EvaluationTables.TREND, YearbookTables.STATUS, EvaluationTables.REASON),
                o.directions().stream().map(r -> {
                    EvaluationData.Judged j = r.judged();
                    return List.of(name(r), r.indicator().unit(), Labels.target(r.entry().target()), t.baseline(r),
                            t.figure(r, j == null ? null : j.currentValue()), t.trend(r.trend()), labels.text(r.status()), reason(r));
                }).toList());
        table(labels.text(o.name().zh() + EvaluationTables.UNJUDGED.zh() + "（" + o.unjudged().size() + "项）",
                        o.name().en() + ": " + EvaluationTables.UNJUDGED.en() + " (" + o.unjudged().size() + ")"),
                List.of(EvaluationTables.AREA, YearbookTables.INDICATOR, YearbookTables.STATUS, EvaluationTables.REASON),
                o.unjudged().stream().map(r -> List.of(labels.text(r.area()), name(r), labels.text(r.status()), reason(r))).toList());
        if (!o.unmeasured().isEmpty()) {
            table(labels.text(o.name().zh() + EvaluationTables.UNMEASURED.zh() + "（" + o.unmeasured().size() + "项）",
                            o.name().en() + ": " + EvaluationTables.UNMEASURED.en() + " (" + o.unmeasured().size() + ")"),
                    List.of(EvaluationTables.AREA, YearbookTables.INDICATOR, EvaluationTables.GOAL, EvaluationTables.REASON),
                    o.unmeasured().stream().map(u -> List.of(labels.text(u.area()), u.goal().quantity(), u.goal().text(), u.goal().omitted()))
                            .toList());
        }
        List<List<String>> warnings = new ArrayList<>();
        for (AreaWarnings w : o.warnings()) {
            for (YearbookTables.WarningRow r : w.warnings()) {
                warnings.add(List.of(labels.text(w.area()), labels.text(r.severity()), r.indicatorName(), r.cell(), r.kind().zh(), r.reason()));
            }
        }
        table(labels.text(o.name().zh() + EvaluationTables.ACTIONS.zh(), o.name().en() + ": " + EvaluationTables.ACTIONS.en()),
                List.of(EvaluationTables.AREA, new Heading("程度", "severity"), YearbookTables.INDICATOR, new Heading("地区及分组", "breakdown"),
                        new Heading("预警类型", "kind"), EvaluationTables.REASON), warnings);
        if (o.lowWarnings() > 0) {
            cell(next(), 0, labels.text("另有" + o.lowWarnings() + "条低级别预警未列出。", o.lowWarnings() + " low-severity warnings are not listed."), null);
        }
        row++;
    }

    /** The areas by status, and below it a stacked bar chart that reads them. */
    private void areas(Outline o) {
        Row h = next();
        int firstRow = row;
        List<String> heads = new ArrayList<>(List.of(labels.text(EvaluationTables.AREA), labels.text("评估指标", "indicators"),
                labels.text("量化指标", "quantified")));
        for (ProgressStatus s : t.statuses) heads.add(labels.text(s));
        heads.add(labels.text("小结", "summary"));
        for (int i = 0; i < heads.size(); i++) cell(h, i, heads.get(i), header);
        List<AreaSummary> rows = new ArrayList<>(o.areas());
        rows.add(o.whole());
        for (AreaSummary a : rows) {
            Row r = next();
            cell(r, 0, labels.text(a.name()), a == o.whole() ? group : null);
            number(r, 1, a.area().indicators());
            number(r, 2, a.area().quantified());
            for (int i = 0; i < t.statuses.size(); i++) number(r, 3 + i, a.area().count(t.statuses.get(i)));
            cell(r, 3 + t.statuses.size(), labels.text(a.area().summaryZh(), a.area().summaryEn()), null);
        }
        if (o.areas().isEmpty()) return;
        // the chart reads the areas' rows, not the outline's total, which would dwarf them
        int lastArea = firstRow + o.areas().size() - 1;
        XSSFDrawing drawing = sheet.getDrawingPatriarch() == null ? sheet.createDrawingPatriarch() : sheet.getDrawingPatriarch();
        int top = row + 1;
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, 9, top + CHART_ROWS));
        chart.setTitleText(labels.text(o.name().zh() + "各领域指标评估状态", o.name().en() + ": indicators by status and area"));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis areas = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
        counts.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, areas, counts);
        bars.setBarDirection(BarDirection.BAR);
        bars.setBarGrouping(BarGrouping.STACKED);
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(firstRow, lastArea, 0, 0));
        for (int i = 0; i < t.statuses.size(); i++) {
            ProgressStatus s = t.statuses.get(i);
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) bars.addSeries(names,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastArea, 3 + i, 3 + i)));
            series.setTitle(labels.text(s), null);
            XDDFShapeProperties fill = new XDDFShapeProperties();
            fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(StatusColours.rgb(s.code()))));
            series.setShapeProperties(fill);
        }
        chart.plot(bars);
        fullOverlap(chart);
        row = top + CHART_ROWS;
    }

    /**
     * Stacked segments must overlap fully to share one bar, or Excel draws them side by side. Written into the
     * chart's XML as such: setOverlap needs a schema type that poi-ooxml-lite leaves out.
     */
    private static void fullOverlap(XSSFChart chart) {
        try (XmlCursor c = chart.getCTChart().getPlotArea().getBarChartArray(0).newCursor()) {
            // c:overlap comes after c:gapWidth and before the axes' ids
            if (!c.toChild(new QName(CHART, "axId"))) throw new IllegalStateException("the bar chart has no axes");
            c.beginElement(new QName(CHART, "overlap", "c"));
            c.insertAttributeWithValue("val", "100");
        }
    }

    /** A titled table; an empty one says so in one line. */
    private void table(String caption, List<Heading> heads, List<List<String>> rows) {
        cell(next(), 0, caption, group);
        if (rows.isEmpty()) {
            cell(next(), 0, labels.text("无。", "None."), null);
            row++;
            return;
        }
        Row h = next();
        for (int i = 0; i < heads.size(); i++) cell(h, i, labels.text(heads.get(i)), header);
        for (List<String> cells : rows) {
            Row r = next();
            for (int i = 0; i < cells.size(); i++) {
                String text = cells.get(i);
                if (text != null) cell(r, i, text, null);
            }
        }
        row++;
    }

    private String name(IndicatorRow r) {
        return labels.text(r.indicator().nameZh(), r.indicator().nameEn());
    }

    private String reason(IndicatorRow r) {
        String why = r.reason(t.threshold);
        return why == null ? "" : why;
    }

    private Row next() {
        return sheet.createRow(row++);
    }

    private static void cell(Row r, int col, String text, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(text);
        if (style != null) c.setCellStyle(style);
    }

    private static void number(Row r, int col, int n) {
        r.createCell(col).setCellValue(n);
    }
}
