package org.wcstat.cli.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.cli.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each demo table's DDL is one file, named after the table, that a generator fills and H2 accepts. */
class DemoTablesTest {
    private static final Path DIR = TestRepo.root().resolve("cli/src/main/resources/demo/tables");

    @Test
    void everyFileIsTheDdlOfATableAGeneratorWritesAndEveryGeneratedTableHasOne() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString().replaceFirst("\\.sql$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> generated = new TreeSet<>(DemoGenerators.byTable(DemoGenerators.ALL).keySet());

        assertEquals(generated, files);
        for (String table : files) {
            assertTrue(DemoTables.ddl(table).startsWith("CREATE TABLE " + table + " ("), table);
        }
    }

    @Test
    void h2CreatesEveryTable() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:demo_tables_test", "sa", "");
             Statement s = c.createStatement()) {
            for (String table : DemoGenerators.byTable(DemoGenerators.ALL).keySet()) {
                s.execute(DemoTables.ddl(table));
            }
        }
    }

    @Test
    void aRowOfTheWrongWidthNamesItsTable(@TempDir Path dir) throws Exception {
        try (DemoDatabase db = DemoDatabase.create(dir, "trade_union"); DemoTable report = db.table("GH_TJ_NB")) {
            report.add(2025, "510811", "2", "ZGRS", 3870L);

            // the long layout has five columns: the item code is missing
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report.add(2025, "510811", "2", 3870L));

            assertTrue(e.getMessage().contains("a row of 4 values for GH_TJ_NB, which has 5 columns"), e.getMessage());
            assertEquals(1, db.rows());
        }
    }

    @Test
    void aTableWithoutItsFileIsNamedWithTheFileToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoTables.ddl("FY_XSE_SC"));

        assertTrue(e.getMessage().contains("no DDL for demo table FY_XSE_SC: add /demo/tables/FY_XSE_SC.sql"), e.getMessage());
    }
}
