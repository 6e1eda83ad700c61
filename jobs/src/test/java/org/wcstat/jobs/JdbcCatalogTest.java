package org.wcstat.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Secret;
import org.wcstat.core.config.WarehouseSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warehouse with its catalog in PostgreSQL (a throw-away database on the local server), as
 * conf/warehouse.yaml sets it for a cluster: the tables are rows of the catalog database, the files in the
 * location. Fails, not skips, when PostgreSQL is down.
 */
class JdbcCatalogTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

    @TempDir
    Path home;

    @Test
    void theTablesAreRowsOfTheCatalogDatabaseAndTheirFilesAreInTheLocation() throws Exception {
        String db = "wcstat_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + db);
        try {
            WarehouseSettings settings = new WarehouseSettings("jdbc", home.resolve("shared/wh").toString(),
                    new WarehouseSettings.Jdbc(PG + db, new Secret("CAT_USER", null, null), new Secret("CAT_PASSWORD", null, null)), null);
            SparkSession spark = Spark.session(settings, home, Map.of("CAT_USER", "postgres", "CAT_PASSWORD", "unused"));
            new Warehouse(spark).ensureTables();
            spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES ('C-H-03b', 2024, '510811', '_T', '_T', '_T', 1, 3, 1000, 3.0, NULL, NULL, '')");

            List<String> tables = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(PG + db, "postgres", ""); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT table_namespace || '.' || table_name FROM iceberg_tables WHERE catalog_name = 'wh' ORDER BY 1")) {
                while (r.next()) tables.add(r.getString(1));
            }
            // every table ensureTables makes; the list grows as tables are added
            assertTrue(tables.containsAll(List.of("facts.observation", "indicators.value", "meta.load", "quarantine.rejected")), tables.toString());
            assertTrue(Files.isDirectory(home.resolve("shared/wh/indicators/value/data")), "the data files are in the location");
            assertEquals(3.0, spark.sql("SELECT value FROM " + Warehouse.INDICATOR_VALUES).first().getDouble(0));
        } finally {
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
