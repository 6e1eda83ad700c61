package org.wcstat.jobs.ingest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one sheet of an XLSX return, or of a CSV return, as text, each with its Excel address (B7),
 * so that every message can point at the cell to correct. A cell inside merged cells reads as the merged
 * cell's value (a heading spanning two columns, a town written once beside its rows by sex); a formula
 * reads as the value Excel last computed; a number as the number, without a trailing .0.
 */
final class ReturnGrid {
    /** A cell's text, and its number when the cell holds one (not text that looks like one). */
    record Value(String text, Double number) {
        static final Value EMPTY = new Value("", null);

        boolean isEmpty() {
            return text.isBlank();
        }
    }

    private final String where;
    private final List<List<Value>> rows;

    private ReturnGrid(String where, List<List<Value>> rows) {
        this.where = where;
        this.rows = rows;
    }

    /** "returns/fed/2024/fed.xlsx, sheet 指导站" or the CSV file: the start of every message about the return. */
    String where() {
        return where;
    }

    /** Rows counted from 1 as Excel shows them; the highest row with a cell. */
    int lastRow() {
        return rows.size();
    }

    Value at(int row, int column) {
        if (row < 1 || row > rows.size()) return Value.EMPTY;
        List<Value> r = rows.get(row - 1);
        return column < r.size() ? r.get(column) : Value.EMPTY;
    }

    int width(int row) {
        return row < 1 || row > rows.size() ? 0 : rows.get(row - 1).size();
    }

    static String cell(int row, int column) {
        return CellReference.convertNumToColString(column) + row;
    }

    /** One sheet of a workbook; {@code shown} is the file as messages name it. */
    static ReturnGrid xlsx(Path file, String shown, String sheetName, String conf) {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                wb.forEach(s -> names.add(s.getSheetName()));
                throw new ReturnProblem(shown + " has no sheet '" + sheetName + "'; its sheets are " + names
                        + ": rename the department's sheet back to '" + sheetName + "', or set the extract's sheet in " + conf);
            }
            Map<CellAddress, CellRangeAddress> merged = new HashMap<>();
            for (CellRangeAddress range : sheet.getMergedRegions()) {
                for (CellAddress a : range) merged.put(a, range);
            }
            List<List<Value>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Value> values = new ArrayList<>();
                int width = row == null ? 0 : Math.max(0, row.getLastCellNum());
                // merged cells may reach past the last cell the row stores
                for (CellRangeAddress range : sheet.getMergedRegions()) {
                    if (range.getFirstRow() <= r && r <= range.getLastRow()) width = Math.max(width, range.getLastColumn() + 1);
                }
                for (int c = 0; c < width; c++) {
                    CellRangeAddress range = merged.get(new CellAddress(r, c));
                    Cell cell = range == null ? (row == null ? null : row.getCell(c))
                            : cellAt(sheet, range.getFirstRow(), range.getFirstColumn());
                    values.add(value(cell, shown + ", sheet " + sheetName, r + 1, c));
                }
                rows.add(values);
            }
            return new ReturnGrid(shown + ", sheet " + sheetName, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReturnProblem p) throw p;
            throw new ReturnProblem(shown + " cannot be opened as an XLSX workbook (" + e.getMessage()
                    + "): ask the department to save it again as Excel Workbook (.xlsx)", e);
        }
    }

    private static Cell cellAt(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    private static Value value(Cell cell, String where, int row, int column) {
        if (cell == null) return Value.EMPTY;
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double d = cell.getNumericCellValue();
                yield new Value(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(), d);
            }
            case STRING -> new Value(cell.getStringCellValue().strip(), null);
            case BOOLEAN -> new Value(String.valueOf(cell.getBooleanCellValue()), null);
            case ERROR -> throw new ReturnProblem(where + ", cell " + cell(row, column) + ": the formula gives an error ("
                    + cell.getCellFormula() + "): correct the formula, or enter the value");
            default -> Value.EMPTY;
        };
    }

    /** A CSV return, decoded strictly: a file in another encoding is refused, not read as garbled headings. */
    static ReturnGrid csv(Path file, String shown, Charset charset, String conf) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String other = charset.name().equalsIgnoreCase("UTF-8") ? "GBK" : "UTF-8";
            throw new ReturnProblem(shown + " is not " + charset.name() + " text (" + e.getMessage() + "); a CSV saved by Excel on a"
                    + " Chinese Windows is usually GBK: set file.encoding: " + other + " in " + conf
                    + ", or ask the department to save it as CSV UTF-8", e);
        } catch (IOException e) {
            throw new ReturnProblem(shown + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<Value>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(text)) {
            while (it.hasNext()) {
                List<Value> values = new ArrayList<>();
                for (String s : it.next()) values.add(new Value(s == null ? "" : s.strip(), null));
                rows.add(values);
            }
        } catch (IOException | RuntimeException e) {
            throw new ReturnProblem(shown + " is not a CSV file wcstat can read (" + e.getMessage() + ")", e);
        }
        return new ReturnGrid(shown, rows);
    }
}
