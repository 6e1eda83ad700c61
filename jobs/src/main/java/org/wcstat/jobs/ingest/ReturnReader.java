package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.yaml.DidYouMean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an extract of a department's returns (报表): one XLSX sheet or CSV file per year, read on the driver
 * (a return has tens of rows) into the rows a database would have given, every column as text but the count,
 * which is a number. What departments really send is taken as meant, or refused with the cell to correct:
 * <ul>
 *   <li>a count stored as text, or written with thousands separators (1,234), is the number;</li>
 *   <li>a count that is no number, or empty beside a town, stops the load naming its cell;</li>
 *   <li>a 合计/总计 row is the district's row, which {@link Subtotals} checks against the towns and does not add;</li>
 *   <li>a heading renamed stops the load naming the heading row and the nearest heading there;</li>
 *   <li>rows with neither town nor count (blank rows, 填表人 and 填报日期 notes) are not data.</li>
 * </ul>
 * Each row carries {@link #ROW}, its place in the return, for the row key of messages and quarantine.
 */
final class ReturnReader implements ExtractReader {
    /** The row's place in its return, "sheet!7" or "file.csv!7". */
    static final String ROW = "wcstat_return_row";
    /** What a row totalling the others is labelled. */
    private static final Set<String> TOTAL_LABELS = Set.of("合计", "总计", "全区合计", "总合计", "全区");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private final SparkSession spark;
    private final SourceConfig source;
    private final Path home;
    private final Regions regions;
    private final String conf;
    private final Map<String, String> origins = new LinkedHashMap<>();

    ReturnReader(SparkSession spark, SourceConfig source, Path sourceFile, Path home, Regions regions) {
        this.spark = spark;
        this.source = source;
        this.home = home;
        this.regions = regions;
        this.conf = sourceFile.toString();
    }

    /** The file of an extract's return for a year, under wcstat's home. */
    static Path file(Path home, SourceConfig source, SourceConfig.Extract e, int year) {
        return home.resolve(source.returnPath(e).replace(SourceConfig.YEAR_PLACEHOLDER, String.valueOf(year)));
    }

    @Override
    public Dataset<Row> read(SourceConfig.Extract e, List<Integer> years, List<String> checked) {
        List<String> columns = new ArrayList<>(SourceQuery.columns(e, checked));
        String valueColumn = e.value() == null ? null : e.value().column();
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, c.equals(valueColumn) ? DataTypes.DoubleType : DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(ROW, DataTypes.StringType, false));
        if (years.size() > 1) fields.add(DataTypes.createStructField(SourceQuery.YEAR, DataTypes.IntegerType, false));
        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            for (Object[] values : rows(e, year, columns, valueColumn)) {
                if (years.size() > 1) {
                    Object[] withYear = java.util.Arrays.copyOf(values, values.length + 1);
                    withYear[values.length] = year;
                    values = withYear;
                }
                rows.add(RowFactory.create(values));
            }
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    /** One year's rows: the configured columns, then {@link #ROW}. */
    private List<Object[]> rows(SourceConfig.Extract e, int year, List<String> columns, String valueColumn) {
        Path file = file(home, source, e, year);
        String shown = home.relativize(file).toString();
        if (!Files.isRegularFile(file)) {
            throw new ReturnProblem("the " + year + " return of " + source.department() + " (" + source.nameZh() + ") is not at " + file
                    + ": put the department's file there, or correct the path (" + source.returnPath(e) + ") in " + conf);
        }
        origins.put(e.name() + "|" + year, shown + " sha256:" + sha256(file));
        boolean csv = SourceConfig.formatOf(file.toString()).orElse("").equals("csv");
        ReturnGrid grid = csv ? ReturnGrid.csv(file, shown, Charset.forName(source.file().charset()), conf)
                : ReturnGrid.xlsx(file, shown, e.sheet(), conf);
        int header = e.header();
        Map<String, Integer> at = headings(grid, header, columns, e);
        String label = csv ? file.getFileName().toString() : e.sheet();
        int region = at.get(e.region().column());
        Integer value = valueColumn == null ? null : at.get(valueColumn);
        String district = e.region().code() != null ? regions.district().code() : regions.district().nameZh();
        List<Object[]> out = new ArrayList<>();
        for (int r = header + 1; r <= grid.lastRow(); r++) {
            boolean total = isTotal(grid, r, region, at);
            ReturnGrid.Value town = grid.at(r, region);
            ReturnGrid.Value count = value == null ? null : grid.at(r, value);
            if (town.isEmpty() && !total && (count == null || count.isEmpty())) {
                continue; // a blank row, or a note under the table
            }
            if (town.isEmpty() && !total) {
                throw new ReturnProblem(grid.where() + ", cell " + ReturnGrid.cell(r, region) + ": no town beside the count "
                        + count.text() + " in " + ReturnGrid.cell(r, value) + ": write the town, or write 合计 if the row is the total");
            }
            Object[] values = new Object[columns.size() + 1];
            for (int i = 0; i < columns.size(); i++) {
                int c = at.get(columns.get(i));
                ReturnGrid.Value v = grid.at(r, c);
                if (c == region && total) {
                    values[i] = district;
                } else if (columns.get(i).equals(valueColumn)) {
                    values[i] = number(grid, r, c);
                } else {
                    values[i] = v.isEmpty() ? null : v.text();
                }
            }
            values[columns.size()] = label + "!" + r;
            out.add(values);
        }
        return out;
    }

    /**
     * A 合计 row: the label in the town's column, or in a column the extract does not read (序号). In a column
     * it reads (sex), 合计 is a code, mapped as the extract's codes say.
     */
    private static boolean isTotal(ReturnGrid grid, int row, int region, Map<String, Integer> read) {
        for (int c = 0; c < grid.width(row); c++) {
            if (c != region && read.containsValue(c)) continue;
            if (TOTAL_LABELS.contains(grid.at(row, c).text().replaceAll("\\s", ""))) return true;
        }
        return false;
    }

    /** A count as the department meant it: a number, or text of digits, perhaps with thousands separators. */
    private static Double number(ReturnGrid grid, int row, int column) {
        ReturnGrid.Value v = grid.at(row, column);
        if (v.number() != null) return v.number();
        String t = normalise(v.text());
        String where = grid.where() + ", cell " + ReturnGrid.cell(row, column);
        if (t.isEmpty()) {
            throw new ReturnProblem(where + ": the count is empty: enter 0 if there were none, or the number");
        }
        if (PLAIN.matcher(t).matches()) return Double.valueOf(t);
        if (GROUPED.matcher(t).matches()) return Double.valueOf(t.replace(",", ""));
        throw new ReturnProblem(where + ": '" + v.text() + "' is not a number: enter the count in digits (e.g. 1234 or 1,234),"
                + " without units or words");
    }

    /** Full-width digits and separators (１，２３４) as ASCII, spaces dropped. */
    private static String normalise(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch >= '０' && ch <= '９') b.append((char) (ch - '０' + '0'));
            else if (ch == '，') b.append(',');
            else if (ch == '．') b.append('.');
            else if (!Character.isWhitespace(ch) && ch != '\u3000') b.append(ch);
        }
        return b.toString();
    }

    /** Where each configured column is, by its heading in the header row (spaces and line breaks in a heading ignored). */
    private Map<String, Integer> headings(ReturnGrid grid, int header, List<String> columns, SourceConfig.Extract e) {
        if (grid.width(header) == 0) {
            throw new ReturnProblem(grid.where() + ", row " + header + ": the heading row is empty: the sheet is blank, or its headings are"
                    + " on another row (set header_row of extract " + e.name() + " in " + conf + ")");
        }
        Map<String, Integer> byHeading = new LinkedHashMap<>();
        for (int c = 0; c < grid.width(header); c++) {
            String h = key(grid.at(header, c).text());
            if (h.isEmpty()) continue;
            Integer before = byHeading.putIfAbsent(h, c);
            if (before != null && columns.stream().anyMatch(x -> key(x).equals(h))) {
                throw new ReturnProblem(grid.where() + ", cells " + ReturnGrid.cell(header, before) + " and " + ReturnGrid.cell(header, c)
                        + ": two columns are headed '" + h + "': rename one, so wcstat knows which to read");
            }
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        for (String c : columns) {
            Integer i = byHeading.get(key(c));
            if (i == null) {
                String near = DidYouMean.nearest(key(c), byHeading.keySet()).map(n -> "; the nearest is '" + n + "' in "
                        + ReturnGrid.cell(header, byHeading.get(n))).orElse("");
                throw new ReturnProblem(grid.where() + ", row " + header + ": no column headed '" + c + "' (extract " + e.name()
                        + " reads it); the headings are " + byHeading.keySet() + near + ": rename the heading back to '" + c
                        + "' in the return, or, if the department renamed it for good, change it in " + conf
                        + (byHeading.keySet().stream().anyMatch(h -> h.contains("�")) ? "; the headings look garbled: check file.encoding" : ""));
            }
            at.put(c, i);
        }
        return at;
    }

    private static String key(String heading) {
        return heading.replaceAll("[\\s\\u3000]", "");
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException ex) {
            throw new ReturnProblem("cannot read " + file + " (" + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public String where() {
        return home.resolve(source.file().path()).toString();
    }

    @Override
    public String origin(SourceConfig.Extract extract, int year) {
        return origins.get(extract.name() + "|" + year);
    }
}
