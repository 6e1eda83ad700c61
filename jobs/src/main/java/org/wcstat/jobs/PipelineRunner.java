package org.wcstat.jobs;

import org.wcstat.core.pipeline.Pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a pipeline definition in-process, stage by stage, as `wcstat run` does for the embedded default. */
public final class PipelineRunner {

    /** A stage failed; the stages after it were not run. */
    public static final class StageFailedException extends RuntimeException {
        public StageFailedException(String message) {
            super(message);
        }
    }

    private PipelineRunner() {
    }

    public static List<String> run(JobContext ctx, Pipeline pipeline, int year) {
        List<String> summary = new ArrayList<>();
        for (Pipeline.Stage stage : pipeline.stages()) {
            ctx.progress().stage(stage.id() + " " + year);
            Job job = Jobs.get(stage.job());
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
}
