package org.wcstat.jobs;

import org.wcstat.core.Failure;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.nio.file.Path;
import java.util.List;

/**
 * The entry point spark-submit runs: {@code JobMain <job> --year Y [--source S] [--home DIR] [--conf DIR]}.
 * Each Airflow task runs one job for one year (and one source for per-source stages); {@code run} runs
 * the whole pipeline ({@code --pipeline FILE}, default {@code <home>/pipelines/yearly-load.yaml}) in one
 * submission. The warehouse and its catalog are those of {@code <conf>/warehouse.yaml}. The jobs and the
 * options each takes are those of {@link Jobs} ({@link JobArguments#usage()}).
 */
public final class JobMain {
    private JobMain() {
    }

    public static void main(String[] args) {
        try {
            run(JobArguments.parse(args, Path.of(System.getProperty("user.dir"))));
        } catch (RuntimeException e) {
            // the task log shows what to fix; a stack trace would bury it, unless the message cannot say
            Failure failure = Failure.of(e);
            System.err.println(failure.message());
            if (!failure.explained()) e.printStackTrace();
            System.exit(failure.exitCode());
        }
    }

    private static void run(JobArguments a) {
        Configuration config = Configuration.load(a.confDir());
        Pipeline pipeline = a.job().isEmpty() ? Pipeline.load(a.pipelineFile()) : null;
        // what the stages need is checked before Spark starts, so a wrong password fails in seconds
        new Preflight(config, a.home(), System.getenv(), printing()).check(Preflight.Needs.of(config,
                pipeline != null ? pipeline.jobs() : List.of(a.job().get().id()), a.source()));
        WarehouseSettings settings = WarehouseSettings.load(a.confDir());
        Warehouse wh = new Warehouse(Spark.session(settings, a.home(), System.getenv()));
        JobContext ctx = new JobContext(config, a.home(), wh, printing(), System.getenv());
        GroupCommit.complete(wh, a.home(), ctx.progress());
        LoadCoordination.finishKilledLoads(ctx);
        if (pipeline != null) {
            PipelineRunner.run(ctx, pipeline, a.year()).forEach(System.out::println);
        } else {
            System.out.println(a.job().get().create(a.switches()).run(ctx, a.year(), a.source()));
        }
    }

    private static Progress printing() {
        return new Progress() {
            @Override
            public void stage(String name) {
                System.out.println("== " + name);
            }

            @Override
            public void step(String message) {
                System.out.println("   " + message);
            }

            @Override
            public void warn(String message) {
                System.err.println("   warning: " + message);
            }
        };
    }
}
