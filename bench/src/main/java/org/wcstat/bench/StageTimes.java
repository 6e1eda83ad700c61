package org.wcstat.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's stages while a benchmark stage runs: each with its call site, wall time, tasks and the
 * CPU its tasks used, so the report can say which part of a stage the time went to.
 */
final class StageTimes extends SparkListener {
    record Stage(String name, double wallS, int tasks, double taskCpuS, double taskRunS, long recordsRead) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final Map<Integer, double[]> running = new HashMap<>();
    private volatile boolean active;

    synchronized void begin() {
        stages.clear();
        running.clear();
        active = true;
    }

    synchronized List<Stage> end() {
        active = false;
        return List.copyOf(stages);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!active || end.taskMetrics() == null) return;
        double[] m = running.computeIfAbsent(end.stageId(), k -> new double[3]);
        m[0] += end.taskMetrics().executorCpuTime() / 1e9;
        m[1] += end.taskMetrics().executorRunTime() / 1e3;
        m[2] += end.taskMetrics().inputMetrics().recordsRead();
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
        if (!active) return;
        StageInfo s = completed.stageInfo();
        double wall = s.submissionTime().isDefined() && s.completionTime().isDefined()
                ? ((Long) s.completionTime().get() - (Long) s.submissionTime().get()) / 1e3 : 0;
        double[] m = running.getOrDefault(s.stageId(), new double[3]);
        stages.add(new Stage(s.name(), wall, s.numTasks(), m[0], m[1], (long) m[2]));
    }
}
