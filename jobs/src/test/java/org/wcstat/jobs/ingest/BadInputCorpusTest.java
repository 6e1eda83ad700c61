package org.wcstat.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.validate.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of bad department input under src/test/resources/bad-input: each case is a PostgreSQL table
 * as a department might send it, the source's configuration, its rules, and what must come of it: the
 * load's outcome, the messages (naming source, extract, row key and what is wrong), the rows quarantined
 * and the facts written. Nothing may crash with a stack trace, and no row may vanish: every row read is
 * either in the facts or in quarantine.
 */
class BadInputCorpusTest {
    static final int YEAR = 2024;
    static final Path CORPUS = corpus();

    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static JobContext ctx;
    static CollectingProgress progress = new CollectingProgress();

    @BeforeAll
    static void databaseAndConfiguration() throws Exception {
        pg = new TestDatabases.Postgres();
        Map<String, String> sources = new HashMap<>();
        Map<String, String> rules = new HashMap<>();
        for (Path c : cases().toList()) {
            JsonNode k = read(c);
            for (JsonNode sql : k.path("setup")) {
                pg.exec(sql.asText());
            }
            String dept = department(c);
            sources.put(dept, "department: " + dept + "\nname_zh: 测试局\nname_en: Test Bureau\njdbc:\n  url: \"" + pg.url()
                    + "\"\n  driver: org.postgresql.Driver\n  user: {env: IT_PG_USER}\n" + k.get("source").asText());
            // a department whose facts a rule of the case compares with
            k.path("extra_sources").fields().forEachRemaining(x -> sources.put(x.getKey(), "department: " + x.getKey()
                    + "\nname_zh: 测试局\nname_en: Test Bureau\njdbc:\n  url: \"" + pg.url()
                    + "\"\n  driver: org.postgresql.Driver\n  user: {env: IT_PG_USER}\n" + x.getValue().asText()));
            if (k.has("validation")) {
                rules.put(dept, "department: " + dept + "\n" + k.get("validation").asText());
            }
        }
        Path conf = ItWarehouse.conf(dir, sources);
        Files.createDirectories(conf.resolve("validation"));
        for (var r : rules.entrySet()) {
            Files.writeString(conf.resolve("validation").resolve(r.getKey() + ".yaml"), r.getValue());
        }
        ctx = ItWarehouse.context(conf, progress, Map.of("IT_PG_USER", "postgres"));
        for (Path c : cases().toList()) {
            JsonNode k = read(c);
            // another department's facts a rule compares with, or earlier years' facts of the case's own measure
            for (JsonNode sql : k.path("warehouse")) {
                ItWarehouse.spark().sql(sql.asText());
            }
            for (JsonNode other : k.path("load_first")) {
                new IngestJob(10).run(ctx, YEAR, Optional.of(other.asText()));
            }
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (var db = pg) {
            // closing drops it
        }
    }

    static Stream<Path> cases() {
        try {
            return Files.list(CORPUS).filter(p -> Files.isRegularFile(p.resolve("case.yaml"))).sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsReportedAndNothingIsLost(Path c) throws Exception {
        JsonNode k = read(c);
        JsonNode expect = k.get("expect");
        String dept = department(c);
        int warningsBefore = progress.warnings().size();
        String outcome;
        if (expect.get("outcome").asText().equals("failed")) {
            IngestFailedException e = assertThrows(IngestFailedException.class, () -> new IngestJob(10).run(ctx, YEAR, Optional.of(dept)));
            outcome = e.getMessage();
            assertEquals(List.of(), ItWarehouse.facts(dept, YEAR), "a failed load wrote facts");
            assertEquals(0, ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE source = '" + dept + "' AND status = 'ok'"));
            assertEquals(1, ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE source = '" + dept + "' AND status = 'failed'"));
        } else {
            outcome = new IngestJob(10).run(ctx, YEAR, Optional.of(dept));
            // every row read is in the facts or in quarantine: none vanished
            assertEquals(List.of(), ItWarehouse.strings("SELECT extract FROM " + Warehouse.LOADS + " WHERE source = '" + dept
                    + "' AND rows_read <> rows_written + rows_quarantined"));
            // and each extract's record counts the facts it wrote
            assertEquals(List.of(), ItWarehouse.strings("SELECT l.extract FROM " + Warehouse.LOADS + " l LEFT JOIN (SELECT load_id,"
                    + " extract, count(*) AS n FROM " + Warehouse.FACTS + " GROUP BY load_id, extract) f ON l.load_id = f.load_id"
                    + " AND l.extract = f.extract WHERE l.source = '" + dept + "' AND l.status = 'ok' AND l.facts_rows <> coalesce(f.n, 0)"));
        }
        List<String> warnings = progress.warnings().subList(warningsBefore, progress.warnings().size());
        String said = outcome + "\n" + String.join("\n", warnings);
        for (JsonNode m : expect.path("messages")) {
            assertTrue(said.contains(m.asText()), "missing message '" + m.asText() + "' in:\n" + said);
        }
        assertFalse(said.contains("Exception") || said.contains("\tat "), "a stack trace or exception name reached the user:\n" + said);

        List<String> quarantined = ItWarehouse.strings("SELECT concat_ws(' | ', extract, row_key, rule, reason) FROM " + Warehouse.QUARANTINE
                + " WHERE source = '" + dept + "' AND year = " + YEAR).stream().map(BadInputCorpusTest::unhashed).sorted().toList();
        List<String> expected = new ArrayList<>();
        expect.path("quarantined").forEach(q -> expected.add(q.asText()));
        assertEquals(expected.stream().sorted().toList(), quarantined);
        List<String> facts = new ArrayList<>();
        expect.path("facts").forEach(f -> facts.add(f.asText()));
        assertEquals(facts.stream().sorted().toList(), ItWarehouse.facts(dept, YEAR));

        // the department's report lists every quarantined row and every failure
        Path csv = ValidationReport.csv(ItWarehouse.home(), YEAR, dept);
        assertTrue(Files.exists(csv) && Files.exists(ValidationReport.html(ItWarehouse.home(), YEAR, dept)), "no report at " + csv);
        String report = unhashed(Files.readString(csv));
        for (String q : expected) {
            String key = q.split(" \\| ")[1];
            assertTrue(report.contains(key), "the report lacks " + key + ":\n" + report);
        }
        for (JsonNode m : expect.path("report")) {
            assertTrue(report.contains(m.asText()), "the report lacks '" + m.asText() + "':\n" + report);
        }
        List<String> raw = new ArrayList<>();
        for (var t : ItWarehouse.spark().sql("SHOW TABLES IN wh.raw").collectAsList()) {
            if (t.getString(1).startsWith(dept + "_")) raw.addAll(ItWarehouse.strings("SELECT * FROM wh.raw." + t.getString(1)));
        }
        for (JsonNode secret : expect.path("never_shown")) {
            assertFalse(report.contains(secret.asText()) || quarantined.toString().contains(secret.asText())
                    || raw.toString().contains(secret.asText()), secret.asText() + " reached the report, the quarantine or raw");
        }
    }

    /** A keyed hash depends on the home's key: the expectations write it as sha256:… */
    private static String unhashed(String s) {
        return s.replaceAll("sha256:[0-9a-f]{16}", "sha256:…");
    }

    private static String department(Path c) {
        return "bad_" + c.getFileName().toString().substring(0, 2);
    }

    private static JsonNode read(Path c) {
        try {
            return Yaml.mapper().readTree(c.resolve("case.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(c + ": " + e.getMessage(), e);
        }
    }

    private static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
