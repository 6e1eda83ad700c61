package org.wcstat.jobs.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Returns as departments fill them in, written with Apache POI for the tests. */
final class Returns {
    private Returns() {
    }

    /**
     * A workbook with one sheet of the given rows (a Double is a number cell, a String a text cell, null no
     * cell), then further empty sheets, and the given ranges merged (e.g. "A1:C1").
     */
    static Path xlsx(Path file, String sheetName, Object[][] rows, String[] merged, String... blankSheets) throws IOException {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v != null) row.createCell(c).setCellValue(v.toString());
                }
            }
            for (String m : merged) sheet.addMergedRegion(CellRangeAddress.valueOf(m));
            for (String b : blankSheets) wb.createSheet(b);
            wb.write(out);
        }
        return file;
    }

    static Path csv(Path file, String text, String charset) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
        return file;
    }
}
