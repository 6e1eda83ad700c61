package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one year from every department (or one), a few departments at once ({@link DepartmentSchedule}).
 * A department that cannot be reached is retried with backoff, then reported; the others go on, and
 * the job fails at the end naming it.
 */
public final class IngestJob implements Job {
    static final int ATTEMPTS = 3;

    private final long firstBackoffMs;

    public IngestJob() {
        this(2_000);
    }

    public IngestJob(long firstBackoffMs) {
        this.firstBackoffMs = firstBackoffMs;
    }

    @Override
    public String run(JobContext ctx, int year, Optional<String> only) {
        ctx.warehouse().ensureTables();
        List<SourceConfig> sources = only.map(s -> List.of(ctx.config().source(s))).orElse(ctx.config().sources());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<SourceLoad.ExtractResult>> loaded = new DepartmentSchedule(sources, ctx.config())
                .run(DepartmentSchedule.parallelism(), source -> {
                    try {
                        return loadWithRetry(ctx, source, year);
                    } catch (SourceUnavailableException | LoadLock.LoadBusyException e) {
                        failures.add(source.department() + ": " + e.getMessage());
                        ctx.progress().warn(source.department() + " failed: " + e.getMessage());
                    } catch (SourceDataException | SourceLoad.RejectedLoadException e) {
                        failures.add(e.getMessage());
                        ctx.progress().warn(e.getMessage());
                    }
                    return List.of();
                });
        long rows = 0;
        long quarantined = 0;
        for (List<SourceLoad.ExtractResult> results : loaded) {
            for (SourceLoad.ExtractResult r : results) {
                rows += r.rowsRead();
                quarantined += r.rowsQuarantined();
            }
        }
        String summary = String.format("ingested %d of %d department(s) for %d: %,d rows read, %,d quarantined",
                sources.size() - failures.size(), sources.size(), year, rows, quarantined);
        if (!failures.isEmpty()) {
            throw new IngestFailedException(summary + "; failed:\n  " + String.join("\n  ", failures));
        }
        return summary;
    }

    private List<SourceLoad.ExtractResult> loadWithRetry(JobContext ctx, SourceConfig source, int year) {
        long backoff = firstBackoffMs;
        for (int attempt = 1; ; attempt++) {
            SourceLoad load = new SourceLoad(ctx, source, year);
            try {
                return load.run();
            } catch (SourceDataException | SourceLoad.RejectedLoadException e) {
                record(ctx, List.of(failedRow(load, source, year, e.getMessage())));
                throw e;
            } catch (Exception e) {
                // Exception, not RuntimeException: Spark's JDBC source throws the driver's checked
                // SQLException undeclared when it cannot connect to resolve the columns
                Throwable sql = cause(e, SQLException.class);
                if (sql == null) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
                }
                SourceConnection.SourceRefusedException refused = new SourceConnection(ctx.config(), source, ctx.home(), ctx.env()).refused(e);
                String why = sql.getMessage();
                if (!refused.retryable()) {
                    // a wrong password or database stays wrong: trying again only delays the message
                    record(ctx, List.of(failedRow(load, source, year, refused.getMessage())));
                    throw new SourceUnavailableException("cannot read " + source.nameEn() + " (" + source.nameZh() + "): "
                            + refused.getMessage());
                }
                if (attempt >= ATTEMPTS) {
                    record(ctx, List.of(failedRow(load, source, year, why)));
                    throw new SourceUnavailableException("cannot read " + source.nameEn() + " (" + source.nameZh() + ") after "
                            + ATTEMPTS + " attempts: " + refused.getMessage());
                }
                ctx.progress().warn(source.department() + ": attempt " + attempt + " failed (" + why + "); retrying in "
                        + backoff / 1000.0 + " s");
                sleep(backoff);
                backoff *= 2;
            }
        }
    }

    private static Row failedRow(SourceLoad load, SourceConfig source, int year, String why) {
        return RowFactory.create(load.loadId(), source.department(), "*", year,
                new Timestamp(System.currentTimeMillis()), 0L, 0L, 0L, 0L, 0L, null, null, "failed", why);
    }

    private static void record(JobContext ctx, List<Row> rows) {
        var spark = ctx.warehouse().spark();
        ctx.warehouse().append(spark.createDataFrame(rows, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    static final class SourceUnavailableException extends RuntimeException {
        SourceUnavailableException(String message) {
            super(message);
        }
    }
}
