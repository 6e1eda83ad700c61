package org.wcstat.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.wcstat.cli.demo.Demo;
import org.wcstat.cli.demo.SourceTables;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.jobs.ingest.SourceQuery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes every department's tables, for the years asked, into one PostgreSQL database (a schema per
 * department) at a scale, and the configuration that points wcstat at them.
 *
 * <p>The rows are the demo's (the county), made by wcstat's own demo generator, then streamed k times
 * through PostgreSQL's COPY, each copy with its towns renumbered and its record identifiers made
 * unique: person-level registers stay person-level (one row per birth, per case, per person), and
 * statistics tables get k times the rows. The configuration is conf/ with each source's JDBC settings
 * and partition bounds replaced and regions.yaml listing the area's towns.
 *
 * <pre>DepartmentGenerator --repo DIR --scale county|city|province --years 2022-2024 --conf-out DIR
 *   [--host 127.0.0.1] [--port 5432] [--user postgres] [--db wcstat_bench_SCALE]</pre>
 */
public final class DepartmentGenerator {
    private final Options opt;
    private final Scale scale;

    private DepartmentGenerator(Options opt) {
        this.opt = opt;
        this.scale = Scale.of(opt.required("scale"));
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Map.of("host", "127.0.0.1", "port", "5432", "user", "postgres", "years", "2022-2024"));
        new DepartmentGenerator(opt).run();
    }

    private void run() throws Exception {
        Path repo = Path.of(opt.required("repo")).toAbsolutePath();
        Path confOut = Path.of(opt.required("conf-out")).toAbsolutePath();
        String db = opt.get("db", "wcstat_bench_" + scale.id());
        int[] years = Options.years(opt.get("years", null));
        Configuration shipped = Configuration.load(repo.resolve("demo/conf"));
        TownCopies towns = new TownCopies(scale, shipped.regions());

        long started = System.nanoTime();
        Path demoHome = Files.createTempDirectory("wcstat-bench-demo-");
        try {
            Demo.create(demoHome, shipped.sources(), s -> { });
            recreateDatabase(db);
            Map<String, long[]> bounds = new HashMap<>();
            long total = 0;
            try (Connection pg = Options.connect(opt, db)) {
                for (SourceConfig source : shipped.sources()) {
                    // a department that sends returns as files has no database to copy
                    if (source.isFile()) continue;
                    exec(pg, "CREATE SCHEMA " + source.department());
                    try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:"
                            + Demo.departmentsDir(demoHome).resolve(source.department()) + ";ACCESS_MODE_DATA=r", "sa", "")) {
                        for (Map.Entry<String, List<SourceConfig.Extract>> t : SourceTables.read(source).entrySet()) {
                            long n = copyTable(h2, pg, source.department(), t.getKey(), t.getValue(), years, towns);
                            total += n;
                            Bench.log("%-20s %-24s %,12d rows", source.department(), t.getKey().toLowerCase(Locale.ROOT), n);
                        }
                        for (SourceConfig.Extract e : source.extracts()) {
                            if (e.partition() != null) {
                                bounds.put(source.department() + "." + e.name(), bounds(pg, source.department(), e));
                            }
                        }
                    }
                }
                exec(pg, "ANALYZE");
            }
            writeConf(shipped.folder(), confOut, db, towns, bounds);
            Bench.log("%s: %,d rows in %s for %s, in %.1f s; configuration in %s", scale.id(), total, db,
                    Options.yearsText(years), (System.nanoTime() - started) / 1e9, confOut);
        } finally {
            Bench.deleteTree(demoHome);
        }
    }

    /**
     * Copies one table for the years, k times; returns the rows written. The years are picked by the year
     * column of the first extract reading it that names one of the table's columns; a table without one
     * (a query's year comes from elsewhere) is copied whole.
     */
    private long copyTable(Connection h2, Connection pg, String schema, String tableName, List<SourceConfig.Extract> readers,
                           int[] years, TownCopies towns) throws SQLException, IOException {
        List<String> tableColumns = new ArrayList<>();
        try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + tableName + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) tableColumns.add(rs.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT));
        }
        SourceConfig.Extract byYear = readers.stream()
                .filter(e -> tableColumns.contains(e.year().column().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
        List<String> filters = new ArrayList<>();
        if (byYear == null) filters.add("1 = 1");
        else for (int year : years) filters.add(SourceQuery.yearFilter(byYear.year(), year));
        List<String[]> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (Statement st = h2.createStatement()) {
            for (String filter : filters) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + tableName + " WHERE " + filter)) {
                    ResultSetMetaData md = rs.getMetaData();
                    if (columns.isEmpty()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
                            types.add(md.getColumnType(i));
                        }
                    }
                    while (rs.next()) {
                        String[] r = new String[columns.size()];
                        for (int i = 0; i < r.length; i++) r[i] = rs.getString(i + 1);
                        rows.add(r);
                    }
                }
            }
        }
        RowCopier copier = new RowCopier(readers, columns, types, rows, towns);
        String table = schema + "." + tableName.toLowerCase(Locale.ROOT);
        exec(pg, "CREATE TABLE " + table + " (" + copier.columnsDdl() + ")");
        CopyIn in = ((PGConnection) pg.unwrap(PGConnection.class)).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)");
        StringBuilder buf = new StringBuilder(1 << 20);
        long written = 0;
        try {
            for (int c = 0; c < scale.copies; c++) {
                for (String[] r : rows) {
                    copier.appendCsv(buf, r, c);
                    written++;
                    if (buf.length() > (1 << 20)) flush(in, buf);
                }
            }
            flush(in, buf);
            in.endCopy();
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
        for (SourceConfig.Extract e : readers) {
            if (e.partition() != null && e.table() != null) {
                // a department's register has its key indexed; the partitioned read asks for ranges of it
                exec(pg, "ALTER TABLE " + table + " ADD PRIMARY KEY (" + e.partition().column() + ")");
            }
        }
        return written;
    }

    private static void flush(CopyIn in, StringBuilder buf) throws SQLException {
        byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
        buf.setLength(0);
    }

    private static long[] bounds(Connection pg, String schema, SourceConfig.Extract e) throws SQLException {
        String col = e.partition().column();
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(" + col + "), max(" + col + ") FROM " + schema + "." + e.table())) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private void recreateDatabase(String db) throws SQLException {
        if (!db.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("database name '" + db + "': use a-z, 0-9 and _");
        try (Connection c = Options.connect(opt, "postgres")) {
            exec(c, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            exec(c, "CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** conf/ with the sources pointed at the database and the area's towns. */
    private void writeConf(ConfFolder conf, Path out, String db, TownCopies towns, Map<String, long[]> bounds) throws IOException {
        if (Files.exists(out)) Bench.deleteTree(out);
        conf.copyTo(out);
        if (scale != Scale.COUNTY) Files.writeString(out.resolve("regions.yaml"), towns.regionsYaml());
        try (Stream<Path> files = Files.list(out.resolve("sources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String department = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                if (Files.readString(f).contains("\nfile:")) {
                    // its returns are the demo's files, not scaled: the benchmark reads databases only
                    Files.delete(f);
                    continue;
                }
                Files.writeString(f, pointAtDatabase(Files.readString(f), department, db, bounds));
            }
        }
    }

    private String pointAtDatabase(String yaml, String department, String db, Map<String, long[]> bounds) {
        String url = "jdbc:postgresql://" + opt.get("host", null) + ":" + opt.get("port", null) + "/" + db + "?currentSchema=" + department;
        List<String> out = new ArrayList<>();
        String extract = null;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith("  url:")) line = "  url: \"" + url + "\"";
            else if (line.startsWith("  driver:")) line = "  driver: org.postgresql.Driver";
            else if (line.startsWith("  user:")) line = "  user: {env: WCSTAT_BENCH_PGUSER, default: " + opt.get("user", null) + "}";
            else if (line.startsWith("  password:")) line = "  password: {env: WCSTAT_BENCH_PGPASSWORD, default: \"\"}";
            else if (line.startsWith("  - name:")) extract = line.substring("  - name:".length()).trim();
            else if (line.trim().startsWith("partition:")) {
                long[] b = bounds.get(department + "." + extract);
                line = line.replaceAll("lower: \\d+", "lower: " + b[0]).replaceAll("upper: \\d+", "upper: " + b[1]);
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    /**
     * Turns a demo row into copy c's row, as CSV for COPY: town codes and names renumbered, record
     * identifiers (the key and partition columns that no mapping reads) made unique across copies.
     */
    static final class RowCopier {
        private final List<String> columns;
        private final List<Integer> types;
        private final int[] kind;
        private final long[] stride;
        private final TownCopies towns;

        private static final int KEEP = 0, TOWN_CODE = 1, TOWN_NAME = 2, ID_NUMBER = 3, ID_TEXT = 4;

        RowCopier(List<SourceConfig.Extract> readers, List<String> columns, List<Integer> types, List<String[]> rows, TownCopies towns) {
            this.columns = columns;
            this.types = types;
            this.towns = towns;
            this.kind = new int[columns.size()];
            this.stride = new long[columns.size()];
            Set<String> ids = new HashSet<>();
            Set<String> mapped = new HashSet<>();
            Set<String> townCodes = new HashSet<>();
            Set<String> townNames = new HashSet<>();
            for (SourceConfig.Extract e : readers) {
                e.keyColumns().forEach(k -> ids.add(k.toUpperCase(Locale.ROOT)));
                if (e.partition() != null) ids.add(e.partition().column().toUpperCase(Locale.ROOT));
                e.mappingColumns().forEach(m -> mapped.add(m.toUpperCase(Locale.ROOT)));
                if (e.region().code() != null) townCodes.add(e.region().code().toUpperCase(Locale.ROOT));
                if (e.region().name() != null) townNames.add(e.region().name().toUpperCase(Locale.ROOT));
            }
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                if (townCodes.contains(c)) kind[i] = TOWN_CODE;
                else if (townNames.contains(c)) kind[i] = TOWN_NAME;
                else if (ids.contains(c) && !mapped.contains(c)) kind[i] = numeric(types.get(i)) ? ID_NUMBER : ID_TEXT;
                if (kind[i] == ID_NUMBER) {
                    long max = 0;
                    for (String[] r : rows) if (r[i] != null) max = Math.max(max, Math.abs(Long.parseLong(r[i])));
                    stride[i] = (long) Math.pow(10, String.valueOf(max).length());
                }
            }
        }

        String columnsDdl() {
            List<String> ddl = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ddl.add(columns.get(i).toLowerCase(Locale.ROOT) + " " + (kind[i] == ID_NUMBER ? "bigint" : kind[i] == ID_TEXT ? "text" : pgType(types.get(i))));
            }
            return String.join(", ", ddl);
        }

        void appendCsv(StringBuilder out, String[] row, int copy) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) out.append(',');
                String v = row[i];
                if (v == null) continue;
                switch (kind[i]) {
                    case TOWN_CODE -> v = towns.code(v, copy);
                    case TOWN_NAME -> v = towns.name(v, copy);
                    case ID_NUMBER -> v = towns.copied() ? String.valueOf(Long.parseLong(v) + copy * stride[i]) : v;
                    case ID_TEXT -> v = towns.copied() ? v + "-" + (copy + 1) : v;
                    default -> { }
                }
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
            out.append('\n');
        }

        private static boolean numeric(int type) {
            return type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT;
        }

        private static String pgType(int type) {
            return switch (type) {
                case Types.BIGINT -> "bigint";
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
                case Types.DECIMAL, Types.NUMERIC -> "numeric";
                case Types.DOUBLE, Types.FLOAT, Types.REAL -> "double precision";
                case Types.DATE -> "date";
                case Types.TIMESTAMP -> "timestamp";
                case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
                case Types.BOOLEAN, Types.BIT -> "boolean";
                default -> "text";
            };
        }
    }

}
