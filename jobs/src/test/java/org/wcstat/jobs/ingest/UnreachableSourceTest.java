package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A department whose database cannot be reached is retried, then reported; the others still load. */
class UnreachableSourceTest {
    static final int YEAR = 2024;

    @TempDir
    static Path dir;
    static int closedPort;
    static JobContext ctx;
    static final CollectingProgress progress = new CollectingProgress();

    @BeforeAll
    static void sources() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free once closed: nothing listens there
        }
        String h2 = "jdbc:h2:file:" + dir.resolve("online").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(h2, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (Y INT, TOWN CHAR(9), N INT)");
            s.execute("INSERT INTO T VALUES (2024, '510811101', 4), (2024, '510811111', 6)");
        }
        // "offline" sorts first, so the source after it must load despite it
        Path conf = ItWarehouse.conf(dir, Map.of(
                "offline", """
                        department: offline
                        name_zh: 离线局
                        name_en: Offline Bureau
                        jdbc:
                          url: "jdbc:postgresql://127.0.0.1:%d/nothing"
                          driver: org.postgresql.Driver
                          user: {env: IT_PG_USER}
                        extracts:
                          - name: things
                            table: T
                            year: {column: Y}
                            measure: offline_things
                            region: {code: TOWN}
                        """.formatted(closedPort),
                "online", ItWarehouse.h2Source("online", "在线局", "Online Bureau", h2, """
                          - name: things
                            table: T
                            year: {column: Y}
                            measure: online_things
                            region: {code: TOWN}
                            value: {column: N}
                        """)));
        ctx = ItWarehouse.context(conf, progress, Map.of("IT_PG_USER", "postgres", "IT_H2_USER", "sa", "IT_H2_PASSWORD", ""));
    }

    @Test
    void theUnreachableSourceIsRetriedReportedAndRecorded() {
        IngestFailedException e = assertThrows(IngestFailedException.class, () -> new IngestJob(5).run(ctx, YEAR, Optional.empty()));
        String message = e.getMessage();
        assertTrue(message.contains("ingested 1 of 2 department(s)"), message);
        assertTrue(message.contains("offline: cannot read Offline Bureau (离线局) after 3 attempts"), message);
        assertTrue(message.contains("127.0.0.1:" + closedPort) && message.contains("refused"), "the reason is missing: " + message);
        assertTrue(message.contains("conf/sources/offline.yaml"), message);
        assertTrue(!message.contains("online:"), message);

        // two retries were announced before giving up, the third failure reported
        List<String> warnings = progress.warnings();
        assertEquals(2, warnings.stream().filter(w -> w.startsWith("offline: attempt ") && w.contains(" failed (")).count(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("offline failed: cannot read Offline Bureau")), warnings.toString());

        // the other department loaded: 4 things in 卫子镇, 6 in 青牛镇
        assertEquals(List.of("online_things 510811101 _T _T _T 4", "online_things 510811111 _T _T _T 6"),
                ItWarehouse.facts("online", YEAR));
        assertEquals(List.of(), ItWarehouse.facts("offline", YEAR));

        List<String> failed = ItWarehouse.strings("SELECT source, extract, year, status, rows_read FROM " + Warehouse.LOADS
                + " WHERE source IN ('offline', 'online')");
        assertEquals(List.of("offline * 2024 failed 0", "online things 2024 ok 2"), failed);
        String why = ItWarehouse.strings("SELECT message FROM " + Warehouse.LOADS + " WHERE source = 'offline'").get(0);
        assertTrue(why.contains("127.0.0.1:" + closedPort) && why.contains("refused"), why);
    }
}
