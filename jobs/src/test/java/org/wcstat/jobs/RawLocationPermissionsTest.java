package org.wcstat.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** raw.* and quarantine.* hold record-level rows: their folders open to the warehouse's owner alone. */
class RawLocationPermissionsTest {
    @TempDir
    Path home;

    @Test
    void theRawAndQuarantineFoldersAreOwnerOnlyAndAreClosedAgainAtEveryStart() throws Exception {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        Path raw = home.resolve("warehouse/raw");
        Path quarantine = home.resolve("warehouse/quarantine");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(raw)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantine)));
        // the published tables stay readable to the analysts' group
        assertTrue(Files.getPosixFilePermissions(home.resolve("warehouse/indicators")).size() > 3);

        // a raw table lands inside the closed folder
        wh.create(spark.sql("SELECT 2024 AS year, 'x' AS cert_hash, 'L1' AS load_id"), Warehouse.rawTable("health", "births"), "year");
        assertTrue(Files.isDirectory(raw.resolve("health_births/data")));

        // someone opens the folder; the next job's start closes it again
        Files.setPosixFilePermissions(raw, PosixFilePermissions.fromString("rwxr-xr-x"));
        wh.ensureTables();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(raw)));
    }
}
