package org.wcstat.jobs;

import org.wcstat.core.WcstatException;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.pipeline.Pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Runs a pipeline definition in-process, stage by stage, as `wcstat run` does for the embedded default. */
public final class PipelineRunner {

    /** A stage failed; the stages after it were not run. */
    public static final class StageFailedException extends WcstatException {
        public StageFailedException(String message) {
            super(Kind.FAILED, message);
        }
    }

    /**
     * What a run of several years did: the summaries of the stages run once for all of them (first those
     * that read all the years in one pass, last those that tend the whole warehouse), and of those run year by year.
     */
    public record Outcome(List<String> together, Map<Integer, List<String>> byYear) {
    }

    private PipelineRunner() {
    }

    public static List<String> run(JobContext ctx, Pipeline pipeline, int year) {
        List<String> summary = new ArrayList<>();
        for (Pipeline.Stage stage : pipeline.stages()) {
            ctx.progress().stage(stage.id() + " " + year);
            summary.add(runStage(ctx, stage, job(pipeline, stage), year));
        }
        return summary;
    }

    /**
     * Runs the pipeline for several years: its leading stages that can do several years in one pass
     * ({@link YearsJob}, ingest) once for all of them, then the others year by year in the pipeline's order,
     * and its trailing stages that tend the whole warehouse ({@link WarehouseJob}, maintain) once at the end.
     * That leaves the warehouse as running the whole pipeline for each year in turn would, since compute,
     * assess and publish read their year and earlier ones only (a formula's fixed year, {@code enrolled@2020},
     * apart: it then finds that year loaded, as a later re-run of the year would). A failing stage stops the run.
     */
    public static Outcome run(JobContext ctx, Pipeline pipeline, List<Integer> years) {
        return run(ctx, pipeline, years, Set.of());
    }

    /**
     * As {@link #run(JobContext, Pipeline, List)}, with the stages named in {@code latestYearOnly} run for the latest
     * year alone: a first run wants the latest yearbook, whose tables show every year, not one release per year.
     */
    public static Outcome run(JobContext ctx, Pipeline pipeline, List<Integer> years, Set<String> latestYearOnly) {
        List<Integer> sorted = List.copyOf(new TreeSet<>(years));
        List<Pipeline.Stage> stages = pipeline.stages();
        List<String> together = new ArrayList<>();
        int first = 0;
        int last = stages.size();
        if (sorted.size() > 1) {
            for (; first < stages.size() && job(pipeline, stages.get(first)) instanceof YearsJob job; first++) {
                Pipeline.Stage stage = stages.get(first);
                ctx.progress().stage(stage.id() + " " + YearsJob.span(sorted));
                together.add(stage.id() + ": " + guarded(stage, () -> job.run(ctx, sorted, Optional.empty())));
            }
            while (last > first && job(pipeline, stages.get(last - 1)) instanceof WarehouseJob) last--;
        }
        Map<Integer, List<String>> byYear = new LinkedHashMap<>();
        int latestYear = sorted.get(sorted.size() - 1);
        for (int year : sorted) {
            List<String> summary = new ArrayList<>();
            for (Pipeline.Stage stage : stages.subList(first, last)) {
                if (year != latestYear && latestYearOnly.contains(stage.id())) continue;
                ctx.progress().stage(stage.id() + " " + year);
                summary.add(runStage(ctx, stage, job(pipeline, stage), year));
            }
            byYear.put(year, summary);
        }
        for (Pipeline.Stage stage : stages.subList(last, stages.size())) {
            ctx.progress().stage(stage.id());
            together.add(runStage(ctx, stage, job(pipeline, stage), latestYear));
        }
        return new Outcome(together, byYear);
    }

    private static Job job(Pipeline pipeline, Pipeline.Stage stage) {
        return Jobs.find(stage.job()).orElseThrow(() -> new ConfigException("pipeline " + pipeline.name() + ": stage '"
                + stage.id() + "' names the job '" + stage.job() + "', which does not exist; the jobs are " + Jobs.ids()))
                .create(Set.of());
    }

    private static String runStage(JobContext ctx, Pipeline.Stage stage, Job job, int year) {
        if (!stage.perSource()) {
            return stage.id() + ": " + job.run(ctx, year, Optional.empty());
        }
        return stage.id() + ": " + guarded(stage, () -> job.run(ctx, year, Optional.empty()));
    }

    /** A per-source job loads every source itself, several at once, and goes on past a failing one. */
    private static String guarded(Pipeline.Stage stage, java.util.function.Supplier<String> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            throw new StageFailedException("stage " + stage.id() + " failed; the stages after it were not run:\n  " + e.getMessage());
        }
    }
}
