package org.wcstat.jobs;

import org.wcstat.core.WcstatException;
import org.wcstat.core.config.ConfigException;
import org.wcstat.core.pipeline.Pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs a pipeline definition in-process, stage by stage, as `wcstat run` does for the embedded default. */
public final class PipelineRunner {

    /** A stage failed; the stages after it were not run. */
    public static final class StageFailedException extends WcstatException {
        public StageFailedException(String message) {
            super(Kind.FAILED, message);
        }
    }

    private PipelineRunner() {
    }

    public static List<String> run(JobContext ctx, Pipeline pipeline, int year) {
        List<String> summary = new ArrayList<>();
        for (Pipeline.Stage stage : pipeline.stages()) {
            ctx.progress().stage(stage.id() + " " + year);
            Job job = job(pipeline, stage);
            if (!stage.perSource()) {
                summary.add(stage.id() + ": " + job.run(ctx, year, Optional.empty()));
                continue;
            }
            // the job loads every source itself, several at once, and goes on past a failing one
            try {
                summary.add(stage.id() + ": " + job.run(ctx, year, Optional.empty()));
            } catch (RuntimeException e) {
                throw new StageFailedException("stage " + stage.id() + " failed; the stages after it were not run:\n  "
                        + e.getMessage());
            }
        }
        return summary;
    }

    private static Job job(Pipeline pipeline, Pipeline.Stage stage) {
        return Jobs.find(stage.job()).orElseThrow(() -> new ConfigException("pipeline " + pipeline.name() + ": stage '"
                + stage.id() + "' names the job '" + stage.job() + "', which does not exist; the jobs are " + Jobs.ids()))
                .create(Set.of());
    }
}
