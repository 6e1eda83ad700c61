package org.wcstat.jobs.ingest;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.dimension.Regions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blank return (报表) of a department that reports by file, from its configuration, so that what it fills
 * in is what the load reads: one sheet per extract named as the extract's sheet, its headings on the header
 * row, the towns written in, drop-down lists of the towns and of each code column's codes (a sheet 代码表),
 * counts formatted as whole numbers and refused when not a number, and a sheet of instructions (填表说明).
 */
public final class ReturnTemplate {
    /** Rows a department may fill beyond the towns written in. */
    static final int SPARE_ROWS = 50;
    static final String CODES = "代码表";
    static final String INSTRUCTIONS = "填表说明";

    private final SourceConfig source;
    private final Regions regions;

    public ReturnTemplate(SourceConfig source, Regions regions) {
        if (!source.isFile()) {
            throw new IllegalArgumentException(source.department() + " reads a database (jdbc in conf/sources/" + source.department()
                    + ".yaml): only a department that sends returns as files (file:) has a return to fill in");
        }
        this.source = source;
        this.regions = regions;
    }

    /** The sheet an extract is filled in on: its sheet, or for a CSV return, the file's name without .csv. */
    static String sheetOf(SourceConfig source, SourceConfig.Extract e) {
        if (e.sheet() != null) return e.sheet();
        String name = Path.of(source.returnPath(e)).getFileName().toString();
        return name.substring(0, name.length() - ".csv".length());
    }

    /** Writes the year's blank return to {@code file}. */
    public void write(int year, Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Sheet instructions = wb.createSheet(INSTRUCTIONS);
            Sheet codes = wb.createSheet(CODES);
            Map<String, String> lists = new LinkedHashMap<>();
            for (SourceConfig.Extract e : source.extracts()) {
                extract(wb, styles, codes, lists, e, year);
            }
            instructions(instructions, styles, year);
            wb.setActiveSheet(wb.getSheetIndex(sheetOf(source, source.extracts().get(0))));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private void extract(XSSFWorkbook wb, Styles styles, Sheet codes, Map<String, String> lists, SourceConfig.Extract e, int year) {
        Sheet sheet = wb.createSheet(sheetOf(source, e));
        List<String> columns = new ArrayList<>(SourceQuery.columns(e));
        int header = e.header() - 1;
        if (header > 0) {
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(year + "年 " + source.nameZh() + " " + (e.description() != null ? e.description() : e.name()));
            title.getCell(0).setCellStyle(styles.title);
            if (columns.size() > 1) sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        }
        Row heading = sheet.createRow(header);
        for (int c = 0; c < columns.size(); c++) {
            heading.createCell(c).setCellValue(columns.get(c));
            heading.getCell(c).setCellStyle(styles.heading);
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, header + 1);
        int first = header + 1;
        // the towns written in, one row each, when the town is the only thing a row is by
        boolean byTownOnly = codeColumns(e).size() == 1;
        int townColumn = columns.indexOf(e.region().column());
        List<String> towns = townsAsWritten(e);
        int last = first + (byTownOnly ? towns.size() : 0) + SPARE_ROWS - 1;
        for (int r = first; r <= last; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                var cell = row.createCell(c);
                boolean value = e.value() != null && columns.get(c).equals(e.value().column());
                cell.setCellStyle(value ? styles.count : styles.text);
                if (c == townColumn && byTownOnly && r - first < towns.size()) cell.setCellValue(towns.get(r - first));
            }
        }
        DataValidationHelper dv = sheet.getDataValidationHelper();
        for (Map.Entry<String, List<String>> list : codeColumns(e).entrySet()) {
            int c = columns.indexOf(list.getKey());
            String range = lists.computeIfAbsent(String.join("\u0001", list.getValue()), k -> codeList(codes, list.getKey(), list.getValue()));
            DataValidation v = dv.createValidation(dv.createFormulaListConstraint(range), new CellRangeAddressList(first, last, c, c));
            v.setShowErrorBox(true);
            v.createErrorBox("不在代码表中", list.getKey() + " 请从下拉列表中选择（见“" + CODES + "”）");
            sheet.addValidationData(v);
        }
        if (e.value() != null) {
            int c = columns.indexOf(e.value().column());
            DataValidationConstraint n = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
            DataValidation v = dv.createValidation(n, new CellRangeAddressList(first, last, c, c));
            v.setShowErrorBox(true);
            v.createErrorBox("请填数字", e.value().column() + " 请填写不小于 0 的数字，没有请填 0");
            sheet.addValidationData(v);
        }
    }

    /** The towns as the extract reads them: by code, or by a name no other town bears (城关镇（苍溪县） where several do). */
    private List<String> townsAsWritten(SourceConfig.Extract e) {
        return e.region().code() != null ? regions.towns().stream().map(Regions.Region::code).toList() : List.copyOf(regions.distinctNames().values());
    }

    /** The columns a row is coded by, each with the codes the department may write: the town and every code mapping. */
    private Map<String, List<String>> codeColumns(SourceConfig.Extract e) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(e.region().column(), townsAsWritten(e));
        for (SourceConfig.CodeMapping cm : new SourceConfig.CodeMapping[]{e.measure(), e.sex(), e.residence()}) {
            if (cm != null && cm.column() != null) m.put(cm.column(), List.copyOf(cm.codes().keySet()));
        }
        if (e.age() != null && e.age().band() != null) m.put(e.age().band(), List.copyOf(e.age().codes().keySet()));
        return m;
    }

    /** Writes a code list as a column of 代码表 and returns its absolute range for a drop-down. */
    private static String codeList(Sheet codes, String heading, List<String> values) {
        Row top = codes.getRow(0) == null ? codes.createRow(0) : codes.getRow(0);
        int c = Math.max(0, top.getLastCellNum());
        top.createCell(c).setCellValue(heading);
        for (int i = 0; i < values.size(); i++) {
            Row r = codes.getRow(i + 1) == null ? codes.createRow(i + 1) : codes.getRow(i + 1);
            r.createCell(c).setCellValue(values.get(i));
        }
        codes.setColumnWidth(c, 14 * 256);
        String col = CellReference.convertNumToColString(c);
        return "'" + CODES + "'!$" + col + "$2:$" + col + "$" + (values.size() + 1);
    }

    private void instructions(Sheet sheet, Styles styles, int year) {
        List<String> lines = new ArrayList<>();
        lines.add(year + "年 " + source.nameZh() + " 统计报表 填表说明");
        lines.add("");
        for (SourceConfig.Extract e : source.extracts()) {
            String file = source.returnPath(e).replace(SourceConfig.YEAR_PLACEHOLDER, String.valueOf(year));
            boolean csv = SourceConfig.formatOf(file).orElse("").equals("csv");
            lines.add("工作表“" + sheetOf(source, e) + "”" + (e.description() != null ? "：" + e.description() : "")
                    + (csv ? "（填好后另存为 CSV 文件 " + Path.of(file).getFileName() + "）" : ""));
            lines.add("  表头在第 " + e.header() + " 行，列为：" + String.join("、", SourceQuery.columns(e)));
        }
        lines.add("");
        lines.add("1. 请勿修改工作表名称和表头文字，也不要增删列；统计局按表头读取数据。");
        lines.add("2. " + (source.extracts().stream().allMatch(e -> e.region().code() == null) ? "乡镇名称" : "乡镇代码")
                + "和各代码列请从下拉列表中选择（可选值见“" + CODES + "”）。");
        lines.add("3. 数量只填阿拉伯数字（可带千分位逗号，如 1,234），不要带单位或文字；没有请填 0，不要留空。");
        lines.add("4. 可以在末尾加一行“合计”：统计局用它核对各乡镇之和，不作为数据计入。");
        lines.add("5. 表格下方可写填表人、填报日期等备注，不计入数据。");
        lines.add("6. 填好后将文件按原名交回：" + source.file().path().replace(SourceConfig.YEAR_PLACEHOLDER, String.valueOf(year)));
        for (int i = 0; i < lines.size(); i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines.get(i));
        }
        sheet.getRow(0).getCell(0).setCellStyle(styles.title);
        sheet.setColumnWidth(0, 100 * 256);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle text;
        final CellStyle count;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(bold);
            heading = bordered(wb);
            heading.setFont(bold);
            text = bordered(wb);
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            count = bordered(wb);
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
