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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The yearbook as an XLSX workbook: a contents sheet, then one table per plan area, indicators by year. */
final class YearbookWorkbook {
    static final String SUPPRESSED = "…";

    private final YearbookLayout layout;
    private final Catalog catalog;
    private final int year;
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle number;
    private final CellStyle title;

    private final Map<String, String> departmentNames;

    /** @param departmentNames the departments' Chinese names by source code, for the footnotes */
    YearbookWorkbook(YearbookLayout layout, Catalog catalog, int year, Map<String, String> departmentNames) {
        this.departmentNames = departmentNames;
        this.layout = layout;
        this.catalog = catalog;
        this.year = year;
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setBorderBottom(BorderStyle.THIN);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setWrapText(true);
        number = wb.createCellStyle();
        number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
    }

    /** @param totals district totals by indicator code and year */
    void write(Path file, Map<String, Map<Integer, PublishedValue>> totals, int firstYear) throws IOException {
        Sheet contents = wb.createSheet("目录");
        cell(contents.createRow(0), 0, layout.titleZh() + "（" + year + "）", title);
        cell(contents.createRow(1), 0, layout.titleEn() + " " + year, null);
        Row h = contents.createRow(3);
        cell(h, 0, "表号", header);
        cell(h, 1, "表名", header);
        cell(h, 2, "Table", header);
        int row = 4;
        int table = 1;
        for (YearbookLayout.Chapter ch : layout.chapters()) {
            List<Catalog.Entry> entries = catalog.entries().stream()
                    .filter(e -> e.indicator().plan().equals(ch.plan()) && e.indicator().area().equals(ch.area())).toList();
            if (entries.isEmpty()) continue;
            String sheetName = "表" + table;
            Row r = contents.createRow(row++);
            cell(r, 0, sheetName, null);
            cell(r, 1, ch.nameZh() + "主要监测指标", null);
            cell(r, 2, ch.nameEn() + ": monitoring indicators", null);
            chapterSheet(sheetName, ch, entries, totals, firstYear);
            table++;
        }
        contents.setColumnWidth(1, 36 * 256);
        contents.setColumnWidth(2, 48 * 256);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    private void chapterSheet(String name, YearbookLayout.Chapter ch, List<Catalog.Entry> entries,
                              Map<String, Map<Integer, PublishedValue>> totals, int firstYear) {
        Sheet s = wb.createSheet(name);
        cell(s.createRow(0), 0, name + "  " + ch.nameZh() + "主要监测指标（" + firstYear + "—" + year + "年）", title);
        Row h = s.createRow(1);
        List<String> heads = new ArrayList<>(List.of("指标", "Indicator", "单位", "2030年目标"));
        for (int y = firstYear; y <= year; y++) heads.add(y + "年");
        for (int i = 0; i < heads.size(); i++) cell(h, i, heads.get(i), header);
        int row = 2;
        List<String> notes = new ArrayList<>();
        boolean anySuppressed = false;
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            Row r = s.createRow(row++);
            cell(r, 0, ind.nameZh(), null);
            cell(r, 1, ind.nameEn(), null);
            cell(r, 2, ind.unit(), null);
            cell(r, 3, e.target() == null ? "" : e.target().toString().replace("<=", "≤").replace(">=", "≥"), null);
            Map<Integer, PublishedValue> series = totals.getOrDefault(ind.code(), Map.of());
            for (int y = firstYear; y <= year; y++) {
                PublishedValue v = series.get(y);
                int col = 4 + y - firstYear;
                if (v == null) continue;
                if (v.suppressed()) {
                    cell(r, col, SUPPRESSED, null);
                    anySuppressed = true;
                } else if (v.value() != null) {
                    Cell c = r.createCell(col);
                    c.setCellValue(v.value());
                    c.setCellStyle(number);
                }
            }
            notes.add(ind.nameZh() + "：" + (ind.definition() == null ? "" : ind.definition().strip())
                    + " 资料来源：" + String.join("、", ind.sources().stream().map(d -> departmentNames.getOrDefault(d, d)).toList()) + "。");
        }
        row++;
        cell(s.createRow(row++), 0, "注：", null);
        for (String n : notes) cell(s.createRow(row++), 0, n, null);
        if (anySuppressed) {
            cell(s.createRow(row), 0, SUPPRESSED + " 表示数值涉及少于" + layout.disclosure().threshold()
                    + "例的小数，为保护个人信息不予公布。", null);
        }
        s.setColumnWidth(0, 28 * 256);
        s.setColumnWidth(1, 40 * 256);
        s.setColumnWidth(3, 14 * 256);
        s.createFreezePane(2, 2);
        s.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    private static void cell(Row r, int col, String text, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(text);
        if (style != null) c.setCellStyle(style);
    }
}
