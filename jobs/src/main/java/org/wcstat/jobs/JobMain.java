package org.wcstat.jobs;

import org.wcstat.core.Progress;
import org.wcstat.core.config.ConfigException;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.ingest.IngestFailedException;
import org.wcstat.jobs.publish.PublishException;
import org.wcstat.jobs.publish.PublishJob;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The entry point spark-submit runs: {@code JobMain <job> --year Y [--source S] [--home DIR] [--conf DIR]}.
 * Each Airflow task runs one job for one year (and one source for per-source stages); {@code run} runs
 * the whole pipeline ({@code --pipeline FILE}, default {@code <home>/pipelines/yearly-load.yaml}) in one
 * submission. The warehouse and its catalog are those of {@code <conf>/warehouse.yaml}.
 */
public final class JobMain {
    private JobMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            usage("name a job");
        }
        String job = args[0];
        Integer year = null;
        String source = null;
        Path home = Path.of(System.getProperty("user.dir"));
        Path conf = null;
        boolean republish = false;
        boolean fromTag = false;
        Path pipeline = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--republish") || a.equals("--from-tag")) {
                if (!job.equals("publish")) usage(a + " is an option of publish only");
                republish |= a.equals("--republish");
                fromTag |= a.equals("--from-tag");
                continue;
            }
            if (i + 1 >= args.length) usage(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--year" -> year = Integer.valueOf(v);
                case "--source" -> source = v;
                case "--home" -> home = Path.of(v);
                case "--conf" -> conf = Path.of(v);
                case "--pipeline" -> pipeline = Path.of(v);
                default -> usage("unknown option " + a);
            }
        }
        if (year == null) usage("--year is required");
        try {
            // a deployed home holds its conf/ (pipelines/README.md); --conf points elsewhere
            Path confDir = conf != null ? conf : home.resolve("conf");
            Configuration config = Configuration.load(confDir);
            Pipeline p = job.equals("run") ? Pipeline.load(pipeline != null ? pipeline : home.resolve("pipelines/yearly-load.yaml")) : null;
            new Preflight(config, home, System.getenv(), printing())
                    .check(Preflight.Needs.of(config, p != null ? p.jobs() : List.of(job), Optional.ofNullable(source)));
            WarehouseSettings settings = WarehouseSettings.load(confDir);
            Warehouse wh = new Warehouse(Spark.session(settings, home, System.getenv()));
            JobContext ctx = new JobContext(config, home, wh, printing(), System.getenv());
            if (p != null) {
                PipelineRunner.run(ctx, p, year).forEach(System.out::println);
            } else {
                Job stage = job.equals("publish") ? new PublishJob(new PublishJob.Options(republish, fromTag)) : Jobs.get(job);
                System.out.println(stage.run(ctx, year, Optional.ofNullable(source)));
            }
        } catch (ConfigException e) {
            // the task log shows what to fix; a stack trace would bury it
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
        } catch (Preflight.PreflightException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(2);
        } catch (IngestFailedException | PublishException | PipelineRunner.StageFailedException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
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

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: JobMain <ingest|compute|assess|publish|maintain> --year Y [--source DEPT] [--republish] [--from-tag] [--home DIR] [--conf DIR (default: <home>/conf)]"
                + "\n       JobMain run --year Y [--home DIR] [--conf DIR] [--pipeline FILE (default: <home>/pipelines/yearly-load.yaml)]");
        System.exit(2);
    }
}
