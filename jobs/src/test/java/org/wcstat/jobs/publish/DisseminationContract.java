package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.wcstat.jobs.disseminate.Dissemination;
import org.wcstat.jobs.disseminate.DisseminationDatabase;
import org.wcstat.jobs.disseminate.DisseminationException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-made 2024 release ({@link PublishedRelease}) loaded into a real dissemination database, and read back as an
 * analyst's BI tool would: the same tables and rows as the release's CSV, labels, withheld values empty, a reading role
 * that can only read, and latest following revision 2. The tests run in order, each on what the one before loaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DisseminationContract {
    static final String ROLE_SUFFIX = String.valueOf(ProcessHandle.current().pid());

    PublishedRelease published;
    Path revision1;
    Path revision2;
    DisseminationDatabase database;
    Dissemination dissemination;

    /** The server's admin connection to the database the releases are loaded into. */
    abstract Connection admin() throws SQLException;

    /** A connection as a user holding only the reading role. */
    abstract Connection reader() throws SQLException;

    /** Makes the database, the reading role and its user, and a schema of other data the role must not see. */
    abstract void createDatabase() throws SQLException;

    abstract void dropDatabase() throws SQLException;

    abstract String url();

    abstract String readerRole();

    abstract String prefix();

    abstract String adminUser();

    /** Another schema of the same database, holding a table private_table. */
    abstract String privateSchema();

    abstract String quote(String name);

    /** What identifies a table's storage: the same after a reload that changed nothing, new if it was written again. */
    abstract String identity(Connection c, String schema, String table) throws SQLException;

    @BeforeAll
    void setUp() throws Exception {
        published = PublishedRelease.get();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "dissemination");
        revision1 = copy(published.dir, work.resolve("r1/releases/2024"));
        // revision 2 of the same data: its manifest says revision 2 and so has another hash, its files are the same
        revision2 = copy(published.dir, work.resolve("r2/releases/2024"));
        rewriteManifest(revision2, "revision", 2);
        dropDatabase();
        createDatabase();
        database = new DisseminationDatabase(url(), adminUser(), "", readerRole(), prefix());
        dissemination = new Dissemination(published.config, database);
    }

    @AfterAll
    void tearDown() throws SQLException {
        dropDatabase();
    }

    @Test
    @Order(1)
    void theReleasesTablesHoldTheRowsOfItsCsv() throws Exception {
        DisseminationDatabase.Outcome outcome = dissemination.load(revision1);
        assertTrue(outcome.loaded(), outcome.summary());
        String schema = database.schema(2024, 1);
        assertEquals(prefix() + "release_2024", schema);
        List<String> csvTables = csvTables(revision1);
        // the fixture publishes values, assessment and warnings; no evaluation before 2025
        assertEquals(List.of("assessment", "indicator_values", "warnings"), csvTables);
        Set<String> expected = new TreeSet<>(csvTables);
        expected.addAll(List.of("dim_indicator", "dim_region", "dim_sex", "dim_age_band", "dim_residence", "dim_status",
                "dim_warning_kind", "dim_warning_severity", "release_info"));
        try (Connection c = admin()) {
            assertEquals(expected, tables(c, schema, "BASE TABLE"));
            assertEquals(expected, tables(c, database.latest(), "VIEW"));
            for (String t : csvTables) {
                List<String> header = new ArrayList<>();
                List<String> csv = csvRows(revision1.resolve("data/" + t + ".csv"), header);
                List<String> db = dbRows(c, schema, t, header);
                assertEquals(csv.size(), db.size(), t + ": rows");
                assertEquals(csv, db, t);
                assertEquals(csv, dbRows(c, database.latest(), t, header), "latest." + t);
            }
            // 16 values by hand in PublishedRelease; the assessment's 2024 rows are 3 (C-H-03b district and 卫子镇, C-E-02)
            assertEquals(16, count(c, schema, "indicator_values"));
            assertEquals(3, count(c, schema, "assessment"));
            assertEquals(2, count(c, schema, "warnings"));
        }
    }

    @Test
    @Order(2)
    void aWithheldValueIsNullAndItsNeighboursArePublished() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            // girls' infant deaths 2024: 2 < threshold 3, withheld; boys' 7 too, since the total 9 less 7 gives the girls' 2;
            // the district's 9 / 2,000 = 4.5‰ is published
            assertNull(value(s, "C-H-03b", "F", "_T"));
            assertNull(value(s, "C-H-03b", "M", "_T"));
            assertEquals(4.5, value(s, "C-H-03b", "_T", "_T"));
            // W-L-09 aged 65+: a count of 2, withheld; aged 18-24 (30) withheld to protect it, the total 120 published
            assertNull(value(s, "W-L-09", "_T", "65+"));
            assertNull(value(s, "W-L-09", "_T", "18-24"));
            assertEquals(120.0, value(s, "W-L-09", "_T", "_T"));
            // the withheld girls' warning keeps its row, never its reason naming the withheld value
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + name(database.latest(), "warnings")
                    + " WHERE reason LIKE '%2.0‰%'")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }

    @Test
    @Order(3)
    void codesJoinToChineseAndEnglishLabels() throws Exception {
        String latest = database.latest();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT i.name_zh, i.name_en, g.name_zh, x.name_zh, x.name_en, v.value FROM "
                     + name(latest, "indicator_values") + " v JOIN " + name(latest, "dim_indicator") + " i ON i.code = v.indicator JOIN "
                     + name(latest, "dim_region") + " g ON g.code = v.region JOIN " + name(latest, "dim_sex") + " x ON x.code = v.sex"
                     + " WHERE v.indicator = 'C-H-03b' AND v.year = 2024 AND v.region = '510811101'")) {
            assertTrue(r.next());
            assertEquals("婴儿死亡率", r.getString(1));
            assertEquals("卫子镇", r.getString(3));
            assertEquals("合计", r.getString(4));
            assertEquals("total", r.getString(5));
            // 4 / 800 × 1,000 = 5.0‰
            assertEquals(5.0, r.getDouble(6));
            assertFalse(r.next());
        }
        assertEquals(List.of("女", "female"), labels("dim_sex", "F"));
        assertEquals(List.of("乡村", "rural"), labels("dim_residence", "R"));
        assertEquals(List.of("65岁及以上", "aged 65+"), labels("dim_age_band", "65+"));
        assertEquals(List.of("18-24岁", "aged 18-24"), labels("dim_age_band", "18-24"));
        assertEquals(List.of("进展顺利", "on track"), labels("dim_status", "on_track"));
        assertEquals(List.of("昭化区", "Zhaohua District"), labels("dim_region", "510811"));
    }

    @Test
    @Order(4)
    void theReadingRoleReadsLatestAndNothingElse() throws Exception {
        String latest = database.latest();
        try (Connection c = reader(); Statement s = c.createStatement()) {
            assertEquals(16, count(c, latest, "indicator_values"));
            assertEquals(16, count(c, database.schema(2024, 1), "indicator_values"));
            refused(s, "INSERT INTO " + name(latest, "indicator_values") + " (indicator, year) VALUES ('X', 2024)");
            refused(s, "INSERT INTO " + name(database.schema(2024, 1), "indicator_values") + " (indicator, year) VALUES ('X', 2024)");
            refused(s, "DELETE FROM " + name(database.schema(2024, 1), "indicator_values"));
            refused(s, "CREATE TABLE " + name(latest, "mine") + " (x integer)");
            refused(s, "CREATE TABLE " + name(database.schema(2024, 1), "mine") + " (x integer)");
            refused(s, "CREATE SCHEMA " + quote(prefix() + "mine"));
            refused(s, "SELECT * FROM " + name(privateSchema(), "private_table"));
            Set<String> visible = new TreeSet<>();
            try (ResultSet r = s.executeQuery("SELECT DISTINCT table_schema FROM information_schema.tables")) {
                while (r.next()) visible.add(r.getString(1));
            }
            visible.removeAll(systemSchemas());
            assertEquals(new TreeSet<>(Set.of(latest, database.schema(2024, 1))), visible, "schemas the reader sees tables in");
        }
    }

    @Test
    @Order(5)
    void theSameReleaseAgainChangesNothing() throws Exception {
        String schema = database.schema(2024, 1);
        String before;
        try (Connection c = admin()) {
            before = identity(c, schema, "indicator_values");
        }
        DisseminationDatabase.Outcome again = dissemination.load(revision1);
        assertFalse(again.loaded(), again.summary());
        assertFalse(again.latestMoved(), again.summary());
        try (Connection c = admin()) {
            assertEquals(before, identity(c, schema, "indicator_values"));
            assertFalse(schemas(c).stream().anyMatch(n -> n.contains("staging")), "a staging schema is left: " + schemas(c));
        }
    }

    @Test
    @Order(6)
    void aChangedReleaseUnderTheSameRevisionIsRefused() throws Exception {
        Path changed = copy(revision1, revision1.getParent().getParent().getParent().resolve("changed/releases/2024"));
        rewriteManifest(changed, "published_at", "2030-01-01T00:00:00Z");
        DisseminationException e = assertThrows(DisseminationException.class, () -> dissemination.load(changed));
        assertTrue(e.getMessage().contains("never changed in place"), e.getMessage());
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT published_at FROM " + name(database.schema(2024, 1), "release_info"))) {
            r.next();
            assertFalse(r.getString(1).startsWith("2030"));
        }
    }

    @Test
    @Order(7)
    void revisionTwoMovesLatestAndKeepsRevisionOne() throws Exception {
        DisseminationDatabase.Outcome outcome = dissemination.load(revision2);
        assertEquals(prefix() + "release_2024_r2", outcome.schema());
        assertTrue(outcome.loaded() && outcome.latestMoved(), outcome.summary());
        try (Connection c = admin()) {
            assertEquals(List.of("2", prefix() + "release_2024_r2"), releaseInfo(c, database.latest()));
            assertEquals(List.of("1", prefix() + "release_2024"), releaseInfo(c, database.schema(2024, 1)));
        }
        try (Connection c = reader()) {
            assertEquals(16, count(c, database.schema(2024, 2), "indicator_values"));
            assertEquals(List.of("2", prefix() + "release_2024_r2"), releaseInfo(c, database.latest()));
        }
        // revision 1 loaded again does not take latest back: it follows the newest revision
        DisseminationDatabase.Outcome older = dissemination.load(revision1);
        assertFalse(older.loaded() || older.latestMoved(), older.summary());
        try (Connection c = admin()) {
            assertEquals(List.of("2", prefix() + "release_2024_r2"), releaseInfo(c, database.latest()));
        }
    }

    /**
     * The example queries of docs/analysts.md, each run as the reading role after revision 2 is loaded. The fixture is
     * small, so the queries' results are checked where the fixture fixes them: infant mortality in 卫子镇 4 / 800 = 5.0‰,
     * and the withheld values (girls', boys', W-L-09 18-24 and 65+, and whatever secondary suppression adds) counted.
     */
    @Test
    @Order(9)
    void theAnalystsQueriesRunAsTheReadingRole() throws Exception {
        String doc = Files.readString(org.wcstat.jobs.TestRepo.root().resolve("docs/analysts.md"));
        int from = doc.indexOf("```sql", doc.indexOf("### Example queries on `latest`"));
        String block = doc.substring(from + "```sql".length(), doc.indexOf("```", from + 6));
        List<String> queries = new ArrayList<>();
        String statements = block.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        for (String q : statements.split(";")) {
            String sql = q.strip();
            if (!sql.isEmpty()) queries.add(sql.replace("latest.", prefix() + "latest.").replace("release_2024", prefix() + "release_2024"));
        }
        assertEquals(6, queries.size(), block);
        try (Connection c = reader(); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet r = s.executeQuery(q)) {
                    List<String> rows = new ArrayList<>();
                    while (r.next()) rows.add(r.getString(1));
                    if (q.contains("'C-H-03b'")) {
                        // the district, then 卫子镇 and 昭化镇: the towns with a value in 2024
                        assertEquals(List.of("昭化区", "卫子镇", "昭化镇"), rows, q);
                    }
                    if (q.contains("AS withheld")) assertTrue(rows.contains("C-H-03b") && rows.contains("W-L-09"), rows + "\n" + q);
                    if (q.contains("revision_1")) assertEquals(List.of(), rows, "revision 2 has the same data: " + q);
                }
            }
        }
    }

    @Test
    @Order(10)
    void aReadingRoleThatDoesNotExistStopsTheLoadBeforeAnythingIsWritten() throws Exception {
        Set<String> before;
        try (Connection c = admin()) {
            before = schemas(c);
        }
        DisseminationDatabase noRole = new DisseminationDatabase(url(), adminUser(), "", "wcstat_it_no_such_role", prefix() + "norole_");
        DisseminationException e = assertThrows(DisseminationException.class,
                () -> new Dissemination(published.config, noRole).load(revision1));
        assertTrue(e.getMessage().contains("wcstat_it_no_such_role") && e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("CREATE ROLE wcstat_it_no_such_role"), e.getMessage());
        try (Connection c = admin()) {
            assertEquals(before, schemas(c));
        }
    }

    @Test
    @Order(11)
    void aTableChangedAfterPublicationIsRefused() throws Exception {
        Path changed = copy(revision1, revision1.getParent().getParent().getParent().resolve("tampered/releases/2024"));
        Path warnings = changed.resolve("data/warnings.parquet");
        byte[] bytes = Files.readAllBytes(warnings);
        Files.write(warnings, java.util.Arrays.copyOf(bytes, bytes.length + 1));
        DisseminationException e = assertThrows(DisseminationException.class, () -> dissemination.load(changed));
        assertTrue(e.getMessage().contains("warnings.parquet differs from the hash in manifest.json"), e.getMessage());
    }

    /** Schemas of the server's own that information_schema lists to anyone. */
    Set<String> systemSchemas() {
        return Set.of("information_schema", "pg_catalog");
    }

    String name(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private List<String> labels(String table, String code) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name_zh, name_en FROM " + name(database.latest(), table) + " WHERE code = '" + code + "'")) {
            assertTrue(r.next(), code + " is not in " + table);
            return List.of(r.getString(1), r.getString(2));
        }
    }

    private Double value(Statement s, String indicator, String sex, String ageBand) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT value FROM " + name(database.latest(), "indicator_values") + " WHERE indicator = '"
                + indicator + "' AND year = 2024 AND region = '510811' AND sex = '" + sex + "' AND age_band = '" + ageBand
                + "' AND residence = '_T'")) {
            assertTrue(r.next(), indicator + " " + sex + " " + ageBand + " is not in latest.indicator_values");
            double v = r.getDouble(1);
            Double value = r.wasNull() ? null : v;
            assertFalse(r.next());
            return value;
        }
    }

    private static void refused(Statement s, String sql) {
        assertThrows(SQLException.class, () -> s.execute(sql), "the reading role may not: " + sql);
    }

    private List<String> releaseInfo(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT revision, schema_name FROM " + name(schema, "release_info"))) {
            assertTrue(r.next());
            return List.of(String.valueOf(r.getInt(1)), r.getString(2));
        }
    }

    int count(Connection c, String schema, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + name(schema, table))) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Set<String> tables(Connection c, String schema, String type) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (var s = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = ?")) {
            s.setString(1, schema);
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) names.add(r.getString(1));
            }
        }
        return names;
    }

    private static Set<String> schemas(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (r.next()) names.add(r.getString(1));
        }
        return names;
    }

    /** A table's rows as lines of text the way the release's CSV writes them, sorted. */
    private List<String> dbRows(Connection c, String schema, String table, List<String> header) throws SQLException {
        List<String> rows = new ArrayList<>();
        String columns = String.join(", ", header.stream().map(this::quote).toList());
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + columns + " FROM " + name(schema, table))) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    cells.add(v == null ? "" : v instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : v.toString());
                }
                rows.add(String.join("\u001f", cells));
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static List<String> csvRows(Path csv, List<String> header) throws IOException {
        List<String> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(csv.toFile())) {
            header.addAll(it.next());
            while (it.hasNext()) rows.add(String.join("\u001f", it.next()));
        }
        Collections.sort(rows);
        return rows;
    }

    private static List<String> csvTables(Path release) throws IOException {
        try (Stream<Path> s = Files.list(release.resolve("data"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).map(n -> n.replaceFirst("\\.csv$", ""))
                    .sorted().toList();
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private static void rewriteManifest(Path release, String field, Object value) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = release.resolve("manifest.json");
        ObjectNode m = (ObjectNode) json.readTree(file.toFile());
        if (value instanceof Integer i) m.put(field, i);
        else m.put(field, value.toString());
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), m);
    }
}
