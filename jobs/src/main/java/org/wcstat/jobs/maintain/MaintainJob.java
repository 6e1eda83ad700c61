package org.wcstat.jobs.maintain;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.WarehouseJob;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps the warehouse lean: on every table of every namespace, Iceberg's own actions compact small data
 * files, merge manifests, expire the snapshots older than maintenance.snapshot_age_days of
 * conf/warehouse.yaml but the last keep_last and those tags hold, and remove the files no snapshot
 * references. Every commit a load makes adds a snapshot, and the table's metadata file lists them all:
 * without this, re-runs grow every table's metadata and keep every replaced data file on disk.
 * The year does not matter: the whole warehouse is maintained.
 */
public final class MaintainJob implements WarehouseJob {
    /**
     * Tables maintained at once. Each action is a few small Spark jobs, planned on the driver one after
     * another: one table per core keeps both of a laptop's busy. Raw tables of different departments and
     * the shared tables lock apart, so they do proceed side by side.
     */
    private static final int PARALLEL = Runtime.getRuntime().availableProcessors();

    /** @param olderThanDays in place of maintenance.snapshot_age_days; 0 only while nothing else writes to the warehouse */
    public record Options(Integer olderThanDays) {
        public static final Options DEFAULT = new Options(null);

        public Options {
            if (olderThanDays != null && olderThanDays < 0) {
                throw new IllegalArgumentException("the age of the snapshots to expire is a number of days, 0 or more, not " + olderThanDays);
            }
        }
    }

    private final Options options;

    public MaintainJob() {
        this(Options.DEFAULT);
    }

    public MaintainJob(Options options) {
        this.options = options;
    }

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        return maintain(ctx).summary();
    }

    public MaintenanceReport maintain(JobContext ctx) {
        WarehouseSettings.Maintenance settings = WarehouseSettings.load(ctx.config().folder()).maintenance();
        int days = options.olderThanDays() != null ? options.olderThanDays() : settings.snapshotAgeDays();
        long olderThan = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(days);
        Warehouse wh = ctx.warehouse().ensureTables();
        SparkSession spark = wh.spark();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        TableMaintenance maintenance = new TableMaintenance(SparkActions.get(spark), hadoop, olderThan, settings.keepLast());

        List<String> unfinished = LoadCoordination.unfinishedLoads(ctx.home());
        if (!unfinished.isEmpty()) {
            ctx.progress().warn("loads not finished: " + unfinished + "; the next load of each finishes it from the history of "
                    + Warehouse.FACTS + ", which is kept whole until then: run those loads again (wcstat ingest --year Y --source DEPT)");
        }
        ctx.progress().step(String.format("keeping every tag, the snapshots of the last %d day(s) and the last %d of each table",
                days, settings.keepLast()));
        long before = TableState.onDisk(wh.location(), hadoop).getLength();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<TableReport> reports = eachTable(wh.tables(), name -> {
            try {
                return maintain(ctx, wh, maintenance, name, unfinished.isEmpty() || !name.equals(Warehouse.FACTS));
            } catch (RuntimeException e) {
                failures.add(shortName(name) + ": " + e.getMessage());
                ctx.progress().warn("cannot maintain " + shortName(name) + ": " + e.getMessage());
                return null;
            }
        });
        MaintenanceReport report = new MaintenanceReport(reports, before, TableState.onDisk(wh.location(), hadoop).getLength());
        ctx.progress().step(report.summary());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("maintenance left " + failures.size() + " table(s) as they were, the others are done:\n  "
                    + String.join("\n  ", failures) + "\nrun wcstat maintain again; a table another job was writing to meanwhile is"
                    + " maintained then");
        }
        return report;
    }

    /** The reports of {@code maintain} on every table, in the tables' order, {@link #PARALLEL} at once; nulls left out. */
    private static List<TableReport> eachTable(List<String> tables, Function<String, TableReport> maintain) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL, tables.size())), r -> {
            Thread t = new Thread(r, "maintain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TableReport>> running = new ArrayList<>();
            for (String name : tables) running.add(pool.submit(() -> maintain.apply(name)));
            List<TableReport> reports = new ArrayList<>();
            for (Future<TableReport> f : running) {
                TableReport r = f.get();
                if (r != null) reports.add(r);
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("maintenance was interrupted; run it again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("maintenance failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One table under the lock a load takes to write it: its department's for a raw table, the
     * warehouse's for the others, as the Hadoop catalog's commit is not safe against a concurrent one.
     */
    private static TableReport maintain(JobContext ctx, Warehouse wh, TableMaintenance maintenance, String name, boolean expire) {
        ctx.progress().step("maintaining " + shortName(name));
        Optional<String> department = department(ctx, name);
        try (LoadCoordination.Lock lock = department.isPresent() ? LoadCoordination.departmentCommitLock(ctx.home(), department.get())
                : LoadCoordination.commitLock(ctx.home())) {
            wh.setPropertiesIfMissing(name);
            TableReport report = maintenance.maintain(shortName(name), wh.icebergTable(name), expire);
            ctx.progress().step(report.line());
            return report;
        }
    }

    /** The department whose raw table this is, by the extracts configured; empty for the shared tables. */
    private static Optional<String> department(JobContext ctx, String table) {
        for (SourceConfig s : ctx.config().sources()) {
            for (SourceConfig.Extract e : s.extracts()) {
                if (Warehouse.rawTable(s.department(), e.name()).equals(table)) return Optional.of(s.department());
            }
        }
        return Optional.empty();
    }

    private static String shortName(String table) {
        return table.startsWith("wh.") ? table.substring(3) : table;
    }
}
