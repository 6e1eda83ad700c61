package org.wcstat.jobs;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.connector.catalog.CatalogPlugin;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.functions;
import org.wcstat.core.schema.TableDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The warehouse's tables: created from schemas/warehouse/*.sql, the one definition of each. */
public final class Warehouse {
    public static final String FACTS = "wh.facts.observation";
    public static final String QUARANTINE = "wh.quarantine.rejected";
    public static final String INDICATOR_VALUES = "wh.indicators.value";
    public static final String LOADS = "wh.meta.load";
    public static final String SERIES = "wh.indicators.series";
    public static final String ASSESSMENT = "wh.indicators.assessment";
    public static final String WARNINGS = "wh.indicators.warning";
    public static final String EVALUATION = "wh.indicators.evaluation";

    private static final List<String> TABLES = List.of(FACTS, QUARANTINE, INDICATOR_VALUES, LOADS,
            SERIES, ASSESSMENT, WARNINGS, EVALUATION);

    private final SparkSession spark;
    /** Whether {@link #ensureTables} has made and checked the tables. */
    private boolean ensured;

    public Warehouse(SparkSession spark) {
        this.spark = spark;
    }

    public SparkSession spark() {
        return spark;
    }

    /**
     * Every load commits to these tables, and by default Iceberg merges a table's manifests only once
     * there are 100 of them: until then each query plans by reading one manifest per commit (a county's
     * facts after three years of loads: 51 manifests, 0.55 s to count its rows; merged, 0.27 s).
     * Merging at every commit keeps planning at one manifest, for a few milliseconds per commit.
     * Every commit also writes a new metadata file, and Iceberg keeps the last 100 by default: past the
     * last 10 (which say when each commit was made) a commit deletes them, so a table's metadata folder
     * does not hold a hundred copies of its snapshot list.
     * A read weighs each file at least its open cost when it packs files into tasks, 4 MB by default: a city's
     * facts, 51 files of 30-120 KB, were read by 13 tasks on 2 cores; weighed at 128 KB they are packed into a few
     * (a city's compute 2.1 -> 1.8 s, `ComputeSplit`, docs/benchmarks.md). A province's files weigh their size.
     */
    static final Map<String, String> TABLE_PROPERTIES = Map.of("commit.manifest.min-count-to-merge", "2",
            "write.metadata.delete-after-commit.enabled", "true",
            "write.metadata.previous-versions-max", "10",
            "read.split.open-file-cost", String.valueOf(128 * 1024));

    /**
     * Creates whatever namespace or table is missing, and sets their properties, and closes the record-level folders;
     * safe to call at every start. The tables once per warehouse object: what one call made or checked stays so, where
     * the command line, then its job, then each job of a yearly run asked again (a tenth of a second each; a city's
     * compute is 1.4 s). The folders at every call: one someone opened meanwhile is closed at the next job's start.
     */
    public synchronized Warehouse ensureTables() {
        if (!ensured) {
            for (String table : TABLES) {
                String[] parts = table.split("\\.");
                spark.sql("CREATE NAMESPACE IF NOT EXISTS wh." + parts[1]);
                String ddl = ddl(table.substring(3));
                spark.sql(ddl);
                // before the generic additions, which would add the column empty: old values get their window
                if (table.equals(INDICATOR_VALUES)) addPooledYears();
                addMissingColumns(table, ddl);
                setPropertiesIfMissing(table);
            }
            spark.sql("CREATE NAMESPACE IF NOT EXISTS wh.raw");
            ensured = true;
        }
        restrictToOwner("raw");
        restrictToOwner("quarantine");
        return this;
    }

    /**
     * indicators.value made before it had pooled_years gets the column, and its rows the window they were
     * computed over, which their flags say (pooled_3y; none for the year alone). Compute writes the
     * single-year values of pooled indicators when it runs a year again.
     */
    private void addPooledYears() {
        if (List.of(spark.table(INDICATOR_VALUES).columns()).contains("pooled_years")) return;
        spark.sql("ALTER TABLE " + INDICATOR_VALUES + " ADD COLUMN pooled_years INT COMMENT 'years the value sums: 1 for the year"
                + " alone, else the window of the catalog pooled_years ending in the year' AFTER residence");
        spark.sql("UPDATE " + INDICATOR_VALUES + " SET pooled_years = coalesce(CAST(nullif(regexp_extract(flags, 'pooled_([0-9])y', 1), '')"
                + " AS INT), 1)");
    }

    /**
     * Adds the columns a table made by an earlier version lacks (indicators.evaluation's count of a new status),
     * each where the definition places it. Rows written before have none: the column is added nullable,
     * whatever the definition says, as Iceberg cannot give old rows a value.
     */
    private void addMissingColumns(String table, String ddl) {
        TableDefinition def = TableDefinition.parse(table, List.of(ddl.split("\n")));
        List<String> present = List.of(spark.table(table).schema().fieldNames());
        String previous = null;
        for (TableDefinition.Column c : def.columns()) {
            if (!present.contains(c.name())) {
                spark.sql("ALTER TABLE " + table + " ADD COLUMN " + c.name() + " " + c.type() + " COMMENT '" + c.comment().replace("'", "\\'")
                        + "' " + (previous == null ? "FIRST" : "AFTER " + previous));
            }
            previous = c.name();
        }
    }

    /**
     * Sets {@link #TABLE_PROPERTIES} on a table made before them, raw.* tables included; a commit only
     * when one is missing.
     */
    public void setPropertiesIfMissing(String table) {
        try {
            Table t = Spark3Util.loadIcebergTable(spark, table);
            if (TABLE_PROPERTIES.entrySet().stream().allMatch(p -> p.getValue().equals(t.properties().get(p.getKey())))) {
                return;
            }
            var update = t.updateProperties();
            TABLE_PROPERTIES.forEach(update::set);
            update.commit();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the properties of " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * raw.* and quarantine.* hold record-level department data: only the account that runs the loads may
     * open their folders. Set at every start, so a warehouse made before, or a loosened folder, is closed again.
     * Object stores (S3) have no folder permissions; there the bucket policy does this (docs/deploy.md).
     */
    private void restrictToOwner(String namespace) {
        String location = location() + "/" + namespace;
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(location);
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FsPermission ownerOnly = new FsPermission((short) 0700);
            fs.mkdirs(dir, ownerOnly);
            fs.setPermission(dir, ownerOnly);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + location + " readable by its owner only: " + e.getMessage()
                    + "; check that the account running wcstat owns the warehouse folder", e);
        }
    }

    /** Where the catalog keeps the tables' files: a file:, hdfs: or s3a: URI. */
    public String location() {
        return spark.conf().get(Spark.CATALOG + ".warehouse");
    }

    public static String rawTable(String source, String extract) {
        return "wh.raw." + source + "_" + extract;
    }

    /** The current snapshot id of a table, or null for a table never written. */
    public Long snapshotId(String table) {
        Snapshot s = icebergTable(table).currentSnapshot();
        return s == null ? null : s.snapshotId();
    }

    /** The Iceberg table, as its catalog has it now: for what Spark SQL does not do (refs, snapshots, actions). */
    public Table icebergTable(String name) {
        return icebergTable(spark, name);
    }

    /** As {@link #icebergTable(String)}, through the session's catalog. */
    public static Table icebergTable(SparkSession spark, String name) {
        try {
            Table t = Spark3Util.loadIcebergTable(spark, name);
            t.refresh();
            return t;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the rows matching the condition with the given rows, in one atomic commit. */
    public void replace(Dataset<Row> rows, String table, Column condition) {
        try {
            rows.writeTo(table).overwrite(condition);
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(table + " does not exist; it is created at the start of every job", e);
        }
    }

    /**
     * As {@link #replace(Dataset, String, Column)}, with properties recorded in the commit's snapshot
     * summary: what a load needs to finish its record if it dies right after the commit.
     */
    public void replace(Dataset<Row> rows, String table, Column condition, java.util.Map<String, String> snapshotProperties) {
        var w = rows.writeTo(table);
        for (var p : snapshotProperties.entrySet()) {
            w = w.option("snapshot-property." + p.getKey(), p.getValue());
        }
        try {
            w.overwrite(condition);
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(table + " does not exist; it is created at the start of every job", e);
        }
    }

    public void append(Dataset<Row> rows, String table) {
        try {
            rows.writeTo(table).append();
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(table + " does not exist; it is created at the start of every job", e);
        }
    }

    /** Creates a table from its first rows, partitioned by the given column, in one commit. */
    public void create(Dataset<Row> rows, String table, String partitionColumn) {
        try {
            // raw rows of a load go to one partition: Iceberg's default hash distribution would shuffle them all first
            var w = rows.writeTo(table).using("iceberg").partitionedBy(functions.col(partitionColumn));
            for (var p : TABLE_PROPERTIES.entrySet()) {
                w = w.tableProperty(p.getKey(), p.getValue());
            }
            w.tableProperty("write.distribution-mode", "none")
                    // exact bounds of load_id: a file holds one load, so deleting a load by id drops whole files
                    .tableProperty("write.metadata.metrics.column.load_id", "full").create();
        } catch (TableAlreadyExistsException e) {
            throw new IllegalStateException(table + " was created by another run at the same time; run again", e);
        }
    }

    /**
     * Every table of the catalog, namespace by namespace, as "wh.namespace.table": the shared tables and
     * the raw.* table of each department extract ever loaded.
     */
    public List<String> tables() {
        CatalogPlugin catalog = spark.sessionState().catalogManager().catalog("wh");
        List<String> tables = new ArrayList<>();
        try {
            for (String[] namespace : ((SupportsNamespaces) catalog).listNamespaces()) {
                for (Identifier id : ((TableCatalog) catalog).listTables(namespace)) {
                    tables.add("wh." + String.join(".", id.namespace()) + "." + id.name());
                }
            }
        } catch (NoSuchNamespaceException e) {
            throw new IllegalStateException("a namespace of the warehouse vanished while its tables were listed: " + e.getMessage()
                    + "; run again", e);
        }
        Collections.sort(tables);
        return tables;
    }

    public boolean exists(String table) {
        return spark.catalog().tableExists(table);
    }

    private static String ddl(String name) {
        String resource = "/schemas/warehouse/" + name + ".sql";
        try (InputStream in = Warehouse.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
