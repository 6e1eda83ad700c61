package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import org.wcstat.jobs.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

@Command(name = "quickstart", description = "Create the demo departments, then load, compute and assess every year 2015-2025"
        + " (as run --years 2015-2025: each extract read once for all the years) and publish the 2025 yearbook.")
final class QuickstartCommand implements Callable<Integer> {
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2025;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.loadDemo();
        Pipeline pipeline = Pipeline.load(home.pipelinesDir().resolve("yearly-load.yaml"));
        // what needs no department is checked before minutes of work: the home, publish's fonts and templates
        Session.preflight(config, home.home, progress, List.of("publish"), Optional.empty());
        // Spark starts while the demo databases are written: each keeps one core busy, and neither needs the other
        CompletableFuture<JobContext> session = CompletableFuture.supplyAsync(() -> Session.open(config, home.home, progress),
                r -> new Thread(r, "wcstat-spark-start").start());
        DemoCommand.create(home.home, config, progress);
        JobContext ctx;
        try {
            ctx = session.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        // the session was made in another thread: make it this thread's too, as it is for every other command, since
        // Iceberg's compaction (maintain) reads through the session active in the thread that runs it
        SparkSession.setActiveSession(ctx.warehouse().spark());
        Session.preflight(config, home.home, progress, pipeline.jobs(), Optional.empty());
        // the 2025 yearbook shows every year from 2015; a release of each earlier year is one publish --year away
        PipelineRunner.Outcome outcome = PipelineRunner.run(ctx, pipeline, IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList(),
                Set.of("publish"));
        List<String> summary = new ArrayList<>(outcome.together());
        outcome.byYear().forEach((year, s) -> summary.add(year + ": " + loaded(ctx, year) + "; " + s.get(s.size() - 1)));
        RunCommand.printSummary(progress, summary);
        Path yearbook = ctx.releases().resolve(String.valueOf(LAST_YEAR)).resolve("yearbook.xlsx").toAbsolutePath();
        System.out.println("\nThe " + LAST_YEAR + " yearbook: " + yearbook);
        return 0;
    }

    /** What the year's latest loads read, from meta.load. */
    private static String loaded(JobContext ctx, int year) {
        Row r = ctx.warehouse().spark().sql("SELECT count(*), sum(rows_read), sum(rows_quarantined) FROM ("
                + " SELECT *, row_number() OVER (PARTITION BY source, extract ORDER BY started_at DESC) AS latest"
                + " FROM " + Warehouse.LOADS + " WHERE year = " + year + " AND status = 'ok') WHERE latest = 1").first();
        return String.format("loaded %d extracts, %,d rows (%,d quarantined)", r.getLong(0), r.getLong(1), r.getLong(2));
    }
}
