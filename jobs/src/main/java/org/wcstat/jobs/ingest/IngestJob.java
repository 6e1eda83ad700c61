package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.YearsJob;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one year, or several at once, from every department (or one), a few departments at once
 * ({@link DepartmentSchedule}). A department that cannot be reached is retried with backoff, then reported;
 * the others go on, and the job fails at the end naming it.
 */
public final class IngestJob implements YearsJob {
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
        return run(ctx, List.of(year), only);
    }

    /** Reads each extract once for all the years, and commits each department's years together. */
    @Override
    public String run(JobContext ctx, List<Integer> years, Optional<String> only) {
        return Spark.sizedToArea(ctx.warehouse().spark(), ctx.config().regions().towns().size(), () -> ingest(ctx, years, only));
    }

    private String ingest(JobContext ctx, List<Integer> years, Optional<String> only) {
        ctx.warehouse().ensureTables();
        List<SourceConfig> sources = only.map(s -> List.of(ctx.config().source(s))).orElse(ctx.config().sources());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        LoadRecords records = new LoadRecords();
        List<List<ExtractResult>> loaded;
        try {
            loaded = new DepartmentSchedule(sources, ctx.config())
                    .run(DepartmentSchedule.parallelism(), source -> {
                        try {
                            return loadWithRetry(ctx, source, years, records);
                        } catch (SourceUnavailableException | LoadLock.LoadBusyException e) {
                            failures.add(source.department() + ": " + e.getMessage());
                            ctx.progress().warn(source.department() + " failed: " + e.getMessage());
                        } catch (SourceDataException | SourceLoad.RejectedLoadException e) {
                            failures.add(e.getMessage());
                            ctx.progress().warn(e.getMessage());
                        }
                        return List.of();
                    });
        } catch (RuntimeException e) {
            // the departments committed before the failure are recorded all the same
            try {
                records.write(ctx);
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // their markers stay: the next command records them
            }
            throw e;
        }
        // every department's meta.load record in one commit
        records.write(ctx);
        long rows = 0;
        long quarantined = 0;
        for (List<ExtractResult> results : loaded) {
            for (ExtractResult r : results) {
                rows += r.rowsRead();
                quarantined += r.rowsQuarantined();
            }
        }
        String summary = String.format("ingested %d of %d department(s) for %s: %,d rows read, %,d quarantined",
                sources.size() - failures.size(), sources.size(), YearsJob.span(years), rows, quarantined);
        if (!failures.isEmpty()) {
            throw new IngestFailedException(summary + "; failed:\n  " + String.join("\n  ", failures));
        }
        return summary;
    }

    private List<ExtractResult> loadWithRetry(JobContext ctx, SourceConfig source, List<Integer> years, LoadRecords records) {
        long backoff = firstBackoffMs;
        for (int attempt = 1; ; attempt++) {
            SourceLoad load = new SourceLoad(ctx, source, years, records, keepsRows(ctx));
            try {
                return load.run();
            } catch (SourceUnavailableException e) {
                records.failed(failedRows(load, source, years, e.getMessage()));
                throw e;
            } catch (SourceLoad.RejectedLoadException e) {
                records.failed(failedRows(load, source, e.years(), e.getMessage()));
                throw e;
            } catch (SourceDataException e) {
                records.failed(failedRows(load, source, years, e.getMessage()));
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
                    records.failed(failedRows(load, source, years, refused.getMessage()));
                    throw new SourceUnavailableException("cannot read " + source.nameEn() + " (" + source.nameZh() + "): "
                            + refused.getMessage());
                }
                if (attempt >= ATTEMPTS) {
                    records.failed(failedRows(load, source, years, why));
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

    /**
     * Whether a load keeps its extracts' rows in memory until it commits, or reads them again for it: an area of
     * {@link Spark#GENERATED_CODE_TOWNS} towns or more has millions of rows, which cost more to keep than to read again
     * (docs/benchmarks.md); a county's cost a query each to read again.
     */
    static boolean keepsRows(JobContext ctx) {
        return ctx.config().regions().towns().size() < Spark.GENERATED_CODE_TOWNS;
    }

    private static List<Row> failedRows(SourceLoad load, SourceConfig source, List<Integer> years, String why) {
        List<Row> rows = new ArrayList<>();
        for (int year : years) {
            rows.add(RowFactory.create(load.loadId(year), source.department(), "*", year,
                    new Timestamp(System.currentTimeMillis()), 0L, 0L, 0L, 0L, 0L, null, null, "failed", why, null));
        }
        return rows;
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
