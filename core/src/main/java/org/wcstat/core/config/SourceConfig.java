package org.wcstat.core.config;

import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.dimension.Dimension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * One department's source, as configured in conf/sources/&lt;department&gt;.yaml: its database ({@code jdbc}),
 * or, for a department without one, the returns (报表) it fills in and sends as files ({@code file}).
 */
public record SourceConfig(
        @JsonProperty(value = "department", required = true) String department,
        @JsonProperty(value = "name_zh", required = true) String nameZh,
        @JsonProperty(value = "name_en", required = true) String nameEn,
        @JsonProperty("jdbc") Jdbc jdbc,
        @JsonProperty(value = "extracts", required = true) List<Extract> extracts,
        @JsonProperty("file") FileReturn file) implements Yaml.Validated {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Where a path pattern puts the year of the return. */
    public static final String YEAR_PLACEHOLDER = "{year}";

    /** A database source, as every source was before returns. */
    public SourceConfig(String department, String nameZh, String nameEn, Jdbc jdbc, List<Extract> extracts) {
        this(department, nameZh, nameEn, jdbc, extracts, null);
    }

    /** The department sends returns as files rather than giving access to a database. */
    public boolean isFile() {
        return file != null;
    }

    /**
     * The returns of a department without a database: one XLSX workbook or CSV file a year, at a path under
     * wcstat's home with {@value #YEAR_PLACEHOLDER} in it (returns/fed/{year}/家庭教育.xlsx), read in the
     * given encoding when CSV (UTF-8 by default; GBK is what Excel writes on a Chinese Windows).
     */
    public record FileReturn(
            @JsonProperty(value = "path", required = true) String path,
            @JsonProperty("encoding") String encoding) {

        public String charset() {
            return encoding == null ? "UTF-8" : encoding;
        }
    }

    public record Jdbc(
            @JsonProperty(value = "url", required = true) String url,
            @JsonProperty(value = "driver", required = true) String driver,
            @JsonProperty("user") Secret user,
            @JsonProperty("password") Secret password,
            @JsonProperty("fetch_size") Integer fetchSize,
            @JsonProperty("properties") Map<String, String> properties,
            @JsonProperty("driver_jars") List<String> driverJars) {

        /** Jars holding a driver that is not on the class path; absolute paths, checked when the file loads. */
        public List<Path> driverJarPaths() {
            return driverJars == null ? List.of() : driverJars.stream().map(Path::of).toList();
        }
    }

    /** A table or query of the department, with how its rows map to the warehouse's canonical dimensions. */
    public record Extract(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("description") String description,
            @JsonProperty("table") String table,
            @JsonProperty("query") String query,
            @JsonProperty("where") String where,
            @JsonProperty("year") YearMapping year,
            @JsonProperty(value = "measure", required = true) CodeMapping measure,
            @JsonProperty(value = "region", required = true) RegionMapping region,
            @JsonProperty("sex") CodeMapping sex,
            @JsonProperty("age") AgeMapping age,
            @JsonProperty("residence") CodeMapping residence,
            @JsonProperty("value") ValueMapping value,
            @JsonProperty("key") List<String> key,
            @JsonProperty("raw") RawColumns raw,
            @JsonProperty("partition") Partition partition,
            @JsonProperty("age_under") AgeLimit ageUnder,
            @JsonProperty("district_rows") DistrictRows districtRows,
            @JsonProperty("sheet") String sheet,
            @JsonProperty("header_row") Integer headerRow,
            @JsonProperty("file") String file) {

        /** What a row at the district is in a report of counts that also has towns: their subtotal (the default) or a unit of its own. */
        public boolean districtRowsAreOwnUnits() {
            return districtRows == DistrictRows.OWN;
        }

        /** The row of a return's sheet holding the column headings, counted from 1 as Excel shows it. */
        public int header() {
            return headerRow == null ? 1 : headerRow;
        }

        /** The columns that mapping reads: read from the source, even when they do not land in raw. */
        public Set<String> mappingColumns() {
            Set<String> cols = new LinkedHashSet<>();
            // a return's year is the year of its file
            if (year != null) cols.add(year.column());
            if (measure.column() != null) cols.add(measure.column());
            cols.add(region.column());
            // a fixed sex or residence reads no column
            if (sex != null && sex.column() != null) cols.add(sex.column());
            if (age != null) cols.add(age.column());
            if (age != null && age.at() != null) cols.add(age.at());
            if (residence != null && residence.column() != null) cols.add(residence.column());
            if (value != null) cols.add(value.column());
            return cols;
        }

        /** The measures the extract produces: its fixed measure, or every measure its codes map to. */
        public Set<String> measures() {
            return measure.fixed() != null ? Set.of(measure.fixed()) : new LinkedHashSet<>(measure.codes().values());
        }

        /** Columns identifying a row in messages: the configured key, else the mapping columns. */
        public List<String> keyColumns() {
            return key != null && !key.isEmpty() ? key : List.copyOf(mappingColumns());
        }
    }

    /**
     * The year a row covers: a year column, a school year ('2024-2025' covers 2024) or a date. A date the
     * database keeps as text has its {@code format} (yyyyMMdd, yyyy-MM-dd ...), which begins with the year.
     */
    public record YearMapping(
            @JsonProperty("column") String yearColumn,
            @JsonProperty("school_year") String schoolYear,
            @JsonProperty("date") String date,
            @JsonProperty("format") String format) {
        public String column() {
            return yearColumn != null ? yearColumn : schoolYear != null ? schoolYear : date;
        }

        public Kind kind() {
            return yearColumn != null ? Kind.YEAR : schoolYear != null ? Kind.SCHOOL_YEAR : Kind.DATE;
        }

        public enum Kind { YEAR, SCHOOL_YEAR, DATE }

        int given() {
            return (yearColumn != null ? 1 : 0) + (schoolYear != null ? 1 : 0) + (date != null ? 1 : 0);
        }
    }

    /**
     * A fixed code, or a source column whose codes map to canonical codes. A residence mapping also says
     * what urban and rural mean in the source ({@code basis}): a ratio compares only counts of one basis.
     */
    public record CodeMapping(
            @JsonProperty("fixed") String fixed,
            @JsonProperty("column") String column,
            @JsonProperty("codes") Map<String, String> codes,
            @JsonProperty("basis") String basis) {

        public CodeMapping(String fixed, String column, Map<String, String> codes) {
            this(fixed, column, codes, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static CodeMapping of(String fixed) {
            return new CodeMapping(fixed, null, null, null);
        }

        /** The declared basis of a residence mapping; empty when the mapping declares none. */
        public Optional<ResidenceBasis> residenceBasis() {
            return basis == null ? Optional.empty() : ResidenceBasis.ofCode(basis);
        }
    }

    /** A town code column (the first 9 digits are used, so 12-digit codes work too) or a town name column. */
    public record RegionMapping(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name) {
        public String column() {
            return code != null ? code : name;
        }
    }

    /**
     * Age as a birth date, a whole number of years, months or days, or a band with codes. A birth date gives
     * the completed age on the event's date ({@code at}, e.g. the date of death) when the extract has one,
     * else on 31 December of the year. Dates the database keeps as text have their {@code format}.
     */
    public record AgeMapping(
            @JsonProperty("birth_date") String birthDate,
            @JsonProperty("years") String years,
            @JsonProperty("months") String months,
            @JsonProperty("days") String days,
            @JsonProperty("band") String band,
            @JsonProperty("codes") Map<String, String> codes,
            @JsonProperty("at") String at,
            @JsonProperty("format") String format) {

        public String column() {
            return birthDate != null ? birthDate : years != null ? years : months != null ? months : days != null ? days : band;
        }

        int given() {
            return (birthDate != null ? 1 : 0) + (years != null ? 1 : 0) + (months != null ? 1 : 0) + (days != null ? 1 : 0)
                    + (band != null ? 1 : 0);
        }
    }

    /**
     * An extract of the rows under an age, in days, months or years (neonatal deaths: under 28 days; infant
     * deaths: under 1 year): a row at or over it is not the extract's; one whose age is unknown is quarantined.
     */
    public record AgeLimit(
            @JsonProperty("days") Integer days,
            @JsonProperty("months") Integer months,
            @JsonProperty("years") Integer years) {

        int given() {
            return (days != null ? 1 : 0) + (months != null ? 1 : 0) + (years != null ? 1 : 0);
        }

        /** As written: "28 days". */
        @Override
        public String toString() {
            int n = days != null ? days : months != null ? months : years;
            String unit = days != null ? "day" : months != null ? "month" : "year";
            return n + " " + unit + (n == 1 ? "" : "s");
        }
    }

    /** A count column; without one, every row counts once (person-level records). */
    public record ValueMapping(@JsonProperty(value = "column", required = true) String column) {
    }

    /** The allow-list of columns that land in raw.*: kept as read, or hashed (direct identifiers). */
    public record RawColumns(
            @JsonProperty("keep") List<String> keep,
            @JsonProperty("hash") List<String> hash) {
        public List<String> kept() {
            return keep == null ? List.of() : keep;
        }

        public List<String> hashed() {
            return hash == null ? List.of() : hash;
        }
    }

    /** A parallel read: the numeric column to split on, its bounds and the number of partitions. */
    public record Partition(
            @JsonProperty(value = "column", required = true) String column,
            @JsonProperty(value = "lower", required = true) long lower,
            @JsonProperty(value = "upper", required = true) long upper,
            @JsonProperty(value = "partitions", required = true) int partitions) {
    }

    @Override
    public void validate(Path file) {
        if (!NAME.matcher(department).matches()) {
            throw new ConfigException(YamlLocator.at(file, "department") + ": department '" + department + "' must be lower-case letters, digits and _");
        }
        if ((jdbc == null) == (this.file == null)) {
            throw new ConfigException(YamlLocator.at(file, "department") + ": give exactly one of 'jdbc' (the department's database)"
                    + " or 'file' (the returns it sends as XLSX or CSV files)");
        }
        if (jdbc != null) checkDriverJars(file);
        if (this.file != null) checkFileReturn(file);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < extracts.size(); i++) {
            Extract e = extracts.get(i);
            Where where = new Where(file, i, "extract '" + e.name() + "'");
            if (!NAME.matcher(e.name()).matches()) {
                throw where.error("name", ": the name must be lower-case letters, digits and _");
            }
            if (!names.add(e.name())) {
                throw where.error("name", " is defined twice");
            }
            if (this.file != null) {
                checkReturnExtract(where, e);
            } else if ((e.table() == null) == (e.query() == null)) {
                throw where.error(e.query() != null ? "query" : "table", ": give exactly one of 'table' or 'query'");
            } else if (e.sheet() != null || e.headerRow() != null || e.file() != null) {
                throw where.error(e.sheet() != null ? "sheet" : e.headerRow() != null ? "header_row" : "file",
                        ": 'sheet', 'header_row' and 'file' describe a return sent as a file; this source reads a database (jdbc)");
            } else if (e.year() == null) {
                throw where.error("name", ": an extract of a database needs 'year' (column, school_year or date)");
            }
            if (e.year() != null && e.year().given() != 1) {
                throw where.error("year", ": 'year' needs exactly one of 'column', 'school_year' or 'date'");
            }
            if (e.year() != null && e.year().format() != null) {
                if (e.year().date() == null) {
                    throw where.error(List.of("year", "format"), ": 'format' says how a 'date' kept as text is written; a year column needs none");
                }
                checkDateFormat(where, List.of("year", "format"), e.year().format());
            }
            checkCodes(where, "measure", e.measure(), null);
            checkCodes(where, "sex", e.sex(), Dimension.SEX.canonicalCodes());
            checkCodes(where, "residence", e.residence(), Dimension.RESIDENCE.canonicalCodes());
            checkBasis(where, "measure", e.measure(), false);
            checkBasis(where, "sex", e.sex(), false);
            checkBasis(where, "residence", e.residence(), true);
            if ((e.region().code() == null) == (e.region().name() == null)) {
                throw where.error("region", ": 'region' needs exactly one of 'code' or 'name'");
            }
            if (e.age() != null) {
                if (e.age().given() != 1) {
                    throw where.error("age", ": 'age' needs exactly one of 'birth_date', 'years', 'months', 'days' or 'band'");
                }
                if (e.age().band() != null && (e.age().codes() == null || e.age().codes().isEmpty())) {
                    throw where.error("age", ": an age 'band' column needs 'codes' mapping its values to configured age bands");
                }
                if (e.age().format() != null) {
                    if (e.age().birthDate() == null) {
                        throw where.error(List.of("age", "format"), ": 'format' says how a 'birth_date' (and 'at') kept as text is written");
                    }
                    checkDateFormat(where, List.of("age", "format"), e.age().format());
                }
                if (e.age().at() != null && e.age().birthDate() == null) {
                    throw where.error(List.of("age", "at"), ": age: 'at' names the event's date an age is computed on from a 'birth_date';"
                            + " an age given in years, months, days or a band is already the age at the event");
                }
            }
            if (e.ageUnder() != null) {
                if (e.ageUnder().given() != 1) {
                    throw where.error("age_under", ": 'age_under' needs exactly one of 'days', 'months' or 'years', e.g. {days: 28}");
                }
                if (e.age() == null || e.age().band() != null) {
                    throw where.error("age_under", ": 'age_under' needs an age as a 'birth_date', 'years', 'months' or 'days' to compare");
                }
                if (e.age().years() != null && e.ageUnder().years() == null) {
                    throw where.error("age_under", ": an age in whole years cannot tell " + e.ageUnder()
                            + "; give the age as a 'birth_date', 'months' or 'days', or the limit in years");
                }
            }
            if (e.raw() != null) {
                Set<String> both = new HashSet<>(e.raw().kept());
                both.retainAll(e.raw().hashed());
                if (!both.isEmpty()) {
                    throw where.error("raw", ": raw column(s) " + both + " are both kept and hashed; choose one");
                }
            }
            if (e.partition() != null && (e.partition().partitions() < 1 || e.partition().upper() < e.partition().lower())) {
                throw where.error(e.partition().partitions() < 1 ? List.of("partition", "partitions") : List.of("partition", "upper"),
                        ": partition needs partitions >= 1 and upper >= lower");
            }
        }
    }

    /** An extract's place in its file, for messages that point at one of its fields. */
    private record Where(Path file, int index, String what) {
        ConfigException error(String field, String message) {
            return error(List.of(field), message);
        }

        ConfigException error(List<Object> fields, String message) {
            List<Object> path = new java.util.ArrayList<>(List.of("extracts", index));
            path.addAll(fields);
            return new ConfigException(YamlLocator.of(file).at(path) + ": " + what + message);
        }
    }

    private void checkFileReturn(Path conf) {
        String p = file.path();
        String at = YamlLocator.at(conf, "file", "path") + ": file.path";
        if (Path.of(p.replace(YEAR_PLACEHOLDER, "2000")).isAbsolute()) {
            throw new ConfigException(at + ": '" + p + "' must be relative to wcstat's home, e.g. returns/" + department + "/{year}/"
                    + department + ".xlsx");
        }
        if (!p.contains(YEAR_PLACEHOLDER) && extracts.stream().noneMatch(e -> e.file() != null && e.file().contains(YEAR_PLACEHOLDER))) {
            throw new ConfigException(at + ": '" + p + "' has no " + YEAR_PLACEHOLDER + "; each year's return is its own file, e.g. returns/"
                    + department + "/{year}/" + department + ".xlsx");
        }
        try {
            java.nio.charset.Charset.forName(file.charset());
        } catch (RuntimeException e) {
            throw new ConfigException(YamlLocator.at(conf, "file", "encoding") + ": file.encoding '" + file.encoding()
                    + "' is not an encoding Java knows; use UTF-8 or GBK");
        }
    }

    /** The format of a return file, by its name: xlsx or csv. */
    public static Optional<String> formatOf(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".xlsx") ? Optional.of("xlsx") : lower.endsWith(".csv") ? Optional.of("csv") : Optional.empty();
    }

    /** The path pattern of an extract's return file: its own, or the source's. */
    public String returnPath(Extract e) {
        return e.file() != null ? e.file() : file.path();
    }

    private void checkReturnExtract(Where where, Extract e) {
        if (e.table() != null || e.query() != null || e.where() != null || e.partition() != null) {
            throw where.error(e.table() != null ? "table" : e.query() != null ? "query" : e.where() != null ? "where" : "partition",
                    ": 'table', 'query', 'where' and 'partition' read a database; a return is read from its file (sheet, header_row)");
        }
        if (e.year() != null) {
            throw where.error("year", ": a return's year is the year in its file's path (" + YEAR_PLACEHOLDER + "); leave 'year' out");
        }
        String path = returnPath(e);
        Optional<String> format = formatOf(path);
        if (format.isEmpty()) {
            throw where.error(e.file() != null ? "file" : "name", ": the return '" + path + "' must be an .xlsx or .csv file");
        }
        if (format.get().equals("xlsx") && e.sheet() == null) {
            throw where.error("name", ": an extract of an XLSX return names its 'sheet' (the sheet's tab name, e.g. 家庭教育指导站)");
        }
        if (format.get().equals("csv") && e.sheet() != null) {
            throw where.error("sheet", ": a CSV file has no sheets; give each extract its own file with 'file'");
        }
        if (e.headerRow() != null && e.headerRow() < 1) {
            throw where.error("header_row", ": header_row counts rows from 1, as Excel numbers them");
        }
    }

    private void checkDriverJars(Path file) {
        if (jdbc.driverJars() == null) {
            return;
        }
        if (jdbc.driverJars().isEmpty()) {
            throw new ConfigException(YamlLocator.at(file, "jdbc", "driver_jars") + ": jdbc.driver_jars is empty; list the driver's jar files or leave the field out");
        }
        boolean holdsDriver = false;
        for (int i = 0; i < jdbc.driverJars().size(); i++) {
            String jar = jdbc.driverJars().get(i);
            String where = YamlLocator.at(file, "jdbc", "driver_jars", i) + ": jdbc.driver_jars";
            Path p = Path.of(jar);
            if (!p.isAbsolute()) {
                throw new ConfigException(where + ": '" + jar + "' must be an absolute path");
            }
            if (!Files.isRegularFile(p)) {
                throw new ConfigException(where + ": " + jar + " does not exist");
            }
            holdsDriver |= holdsClass(p, jdbc.driver(), where);
        }
        if (!holdsDriver) {
            throw new ConfigException(YamlLocator.at(file, "jdbc", "driver") + ": jdbc.driver_jars: none of " + jdbc.driverJars()
                    + " holds the driver class " + jdbc.driver() + "; check jdbc.driver against the driver's documentation");
        }
    }

    private static boolean holdsClass(Path jar, String className, String where) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            throw new ConfigException(where + ": " + jar + " is not a readable jar (" + e.getMessage() + ")");
        }
    }

    /**
     * A date kept as text is chosen by year in the department's own database by comparing the text with the year
     * ('20230105' >= '2023' and < '2024'), which needs the year first; and the pattern must parse.
     */
    private static void checkDateFormat(Where where, List<Object> field, String format) {
        if (!format.startsWith("yyyy") && !format.startsWith("uuuu")) {
            throw where.error(field, ": date format '" + format + "' must begin with the four-digit year (yyyyMMdd, yyyy-MM-dd,"
                    + " yyyy/M/d ...): rows are chosen by comparing the text with the year; for another layout give a 'query' that"
                    + " converts the column to a date");
        }
        try {
            java.time.format.DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
            throw where.error(field, ": date format '" + format + "' is not a date pattern (" + e.getMessage() + "); e.g. yyyyMMdd or yyyy-MM-dd");
        }
    }

    private static void checkBasis(Where where, String field, CodeMapping m, boolean allowed) {
        if (m == null || m.basis() == null) {
            return;
        }
        if (!allowed) {
            throw where.error(List.of(field, "basis"), ": " + field + ": 'basis' says what urban and rural mean; only 'residence' has one");
        }
        if (ResidenceBasis.ofCode(m.basis()).isEmpty()) {
            throw where.error(List.of(field, "basis"), ": residence: basis '" + m.basis() + "' is not one of " + ResidenceBasis.codes()
                    + DidYouMean.hint(m.basis(), ResidenceBasis.codes()) + " (hukou: the household register's 农业/非农业 or 城镇/乡村 户口;"
                    + " area: the urban-rural division of the place of residence)");
        }
    }

    private static void checkCodes(Where where, String field, CodeMapping m, Set<String> allowed) {
        if (m == null) {
            return;
        }
        if ((m.fixed() == null) == (m.column() == null)) {
            throw where.error(field, ": " + field + " needs either a fixed code or a 'column' with 'codes'");
        }
        if (m.column() != null && (m.codes() == null || m.codes().isEmpty())) {
            throw where.error(List.of(field, "column"), ": " + field + ": column " + m.column() + " needs 'codes' mapping its values");
        }
        if (allowed == null) {
            return;
        }
        String use = "; use one of " + new TreeSet<>(allowed);
        if (m.fixed() != null && !allowed.contains(m.fixed())) {
            throw where.error(field, ": " + field + ": '" + m.fixed() + "' is not a canonical code" + use);
        }
        if (m.codes() != null) {
            for (Map.Entry<String, String> code : m.codes().entrySet()) {
                if (!allowed.contains(code.getValue())) {
                    throw where.error(List.of(field, "codes", code.getKey()), ": " + field + ": '" + code.getValue()
                            + "' (for the source's '" + code.getKey() + "') is not a canonical code" + use);
                }
            }
        }
    }

    /**
     * In a report of counts whose rows are at the towns and at the district: {@code subtotal} (the default), the
     * district's row sums the towns' and checks them; {@code own}, it counts a unit of the district itself (the
     * district's own people's congress beside the towns' congresses) and is added to them.
     */
    public enum DistrictRows {
        @JsonProperty("subtotal") SUBTOTAL,
        @JsonProperty("own") OWN
    }
}
