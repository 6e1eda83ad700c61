package org.wcstat.jobs.ingest;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database passwords come from the environment and go nowhere else: not into progress messages,
 * the console, Spark's log, the failure message or meta.load, whether the login works or not.
 */
class CredentialsTest {
    static final int YEAR = 2024;
    static final String PASSWORD = "pw-" + UUID.randomUUID();
    static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    static final String PG_PASSWORD = "pg-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    static TestDatabases.MariaDb maria;
    static TestDatabases.Postgres pg;
    static String user;

    @BeforeAll
    static void databases() throws Exception {
        maria = new TestDatabases.MariaDb();
        pg = new TestDatabases.Postgres();
        user = maria.name; // a login of its own, with a password, dropped afterwards
        TestDatabases.MariaDb.admin(
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT ON " + maria.name + ".* TO '" + user + "'@'%'",
                "GRANT SELECT ON " + maria.name + ".* TO '" + user + "'@'localhost'");
        maria.exec("CREATE TABLE T (Y INT, TOWN CHAR(9), N INT)", "INSERT INTO T VALUES (2024, '510811105', 9)");
        pg.exec("CREATE TABLE t (y INT, town CHAR(9), n INT)", "INSERT INTO t VALUES (2024, '510811106', 8)");
    }

    @AfterAll
    static void drop() throws Exception {
        try (var a = maria; var b = pg) {
            TestDatabases.MariaDb.admin("DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
        }
    }

    @Test
    void passwordsNeverShow() throws Exception {
        Path conf = ItWarehouse.conf(dir, Map.of(
                "secret_maria", source("secret_maria", "jdbc:mariadb://127.0.0.1:3306/" + maria.name, "org.mariadb.jdbc.Driver",
                        "IT_MARIA_USER", "IT_MARIA_PASSWORD", "maria_things"),
                "secret_pg", source("secret_pg", pg.url(), "org.postgresql.Driver", "IT_PG_USER", "IT_PG_PASSWORD", "pg_things"),
                "secret_wrong", source("secret_wrong", "jdbc:mariadb://127.0.0.1:3306/" + maria.name, "org.mariadb.jdbc.Driver",
                        "IT_MARIA_USER", "IT_WRONG_PASSWORD", "wrong_things")));
        CollectingProgress progress = new CollectingProgress();
        var ctx = ItWarehouse.context(conf, progress, Map.of(
                "IT_MARIA_USER", user, "IT_MARIA_PASSWORD", PASSWORD, "IT_WRONG_PASSWORD", WRONG_PASSWORD,
                "IT_PG_USER", "postgres", "IT_PG_PASSWORD", PG_PASSWORD));

        List<String> logged = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Throwable failure = null;
        try (var ignored = captureLog(logged)) {
            PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            new IngestJob(5).run(ctx, YEAR, Optional.empty());
        } catch (IngestFailedException e) {
            failure = e;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        // the right password logged in: 9 things in 太公镇 from MariaDB, 8 in 虎跳镇 from PostgreSQL
        assertEquals(List.of("maria_things 510811105 _T _T _T 9"), ItWarehouse.facts("secret_maria", YEAR));
        assertEquals(List.of("pg_things 510811106 _T _T _T 8"), ItWarehouse.facts("secret_pg", YEAR));
        // the wrong one did not, and the reason is told
        assertNotNull(failure, "the source with the wrong password loaded");
        assertTrue(failure.getMessage().contains("secret_wrong: cannot read") && failure.getMessage().contains("Access denied"),
                failure.getMessage());

        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        List<String> everything = new ArrayList<>(progress.all());
        everything.add(console.toString(StandardCharsets.UTF_8));
        everything.addAll(logged);
        everything.add(trace.toString());
        everything.addAll(ItWarehouse.strings("SELECT coalesce(message, '') FROM " + Warehouse.LOADS + " WHERE source LIKE 'secret%'"));
        everything.addAll(ItWarehouse.strings("SELECT reason FROM " + Warehouse.QUARANTINE + " WHERE source LIKE 'secret%'"));
        assertTrue(progress.all().stream().anyMatch(l -> l.contains("secret_maria · things: reading")), progress.all().toString());
        // a refused password is told at once, not tried again: it would stay wrong
        assertTrue(progress.warnings().stream().anyMatch(l -> l.contains("secret_wrong failed: cannot read")
                && l.contains("refused the user or its password")), progress.all().toString());
        assertFalse(progress.warnings().stream().anyMatch(l -> l.contains("secret_wrong: attempt")), progress.all().toString());
        for (String text : everything) {
            for (String secret : List.of(PASSWORD, WRONG_PASSWORD, PG_PASSWORD)) {
                assertFalse(text.contains(secret), "a password shows in: " + text);
            }
        }
    }

    private static String source(String department, String url, String driver, String userEnv, String passwordEnv, String measure) {
        return """
                department: %s
                name_zh: 某局
                name_en: Some Bureau
                jdbc:
                  url: "%s"
                  driver: %s
                  user: {env: %s}
                  password: {env: %s}
                extracts:
                  - name: things
                    table: T
                    year: {column: Y}
                    measure: %s
                    region: {code: TOWN}
                    value: {column: N}
                """.formatted(department, url, driver, userEnv, passwordEnv, measure);
    }

    /**
     * Spark's log at INFO, collected while the returned handle is open. The console keeps showing
     * warnings only; Log4j's console appender holds the original System.err, which setErr cannot reach.
     */
    private static AutoCloseable captureLog(List<String> into) {
        LoggerContext lc = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = lc.getConfiguration().getRootLogger();
        Level before = root.getLevel();
        Map<String, Appender> previous = Map.copyOf(root.getAppenders());
        Appender capture = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder b = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    b.append('\n').append(t);
                }
                synchronized (into) {
                    into.add(b.toString());
                }
            }
        };
        capture.start();
        previous.forEach((name, a) -> {
            root.removeAppender(name);
            root.addAppender(a, Level.WARN, null);
        });
        root.addAppender(capture, Level.ALL, null);
        root.setLevel(Level.INFO);
        lc.updateLoggers();
        return () -> {
            root.removeAppender(capture.getName());
            previous.forEach((name, a) -> {
                root.removeAppender(name);
                root.addAppender(a, null, null);
            });
            root.setLevel(before);
            lc.updateLoggers();
            capture.stop();
        };
    }
}
