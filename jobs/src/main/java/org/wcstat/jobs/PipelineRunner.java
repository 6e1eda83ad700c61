package org.wcstat.jobs;

import org.wcstat.core.config.SourceConfig;
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
            List<String> failed = new ArrayList<>();
            for (SourceConfig source : ctx.config().sources()) {
                try {
                    summary.add(stage.id() + " " + source.department() + ": " + job.run(ctx, year, Optional.of(source.department())));
                } catch (RuntimeException e) {
                    failed.add(source.department() + ": " + e.getMessage());
                }
            }
            if (!failed.isEmpty()) {
                throw new StageFailedException("stage " + stage.id() + " failed for " + failed.size() + " source(s); the stages after it were not run:\n  "
                        + String.join("\n  ", failed));
            }
        }
        return summary;
    }
}
