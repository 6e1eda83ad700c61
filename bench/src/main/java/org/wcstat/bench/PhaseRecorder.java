package org.wcstat.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark actions one ingest run performs, each named by what it does in SourceLoad's order
 * (read and map into the cache, raw write, facts count, quarantine and facts replace, the load record),
 * with the tasks that finished inside it. Spark runs the actions of one run one after another, so a
 * task belongs to the action whose window holds its finish time.
 */
final class PhaseRecorder extends SparkListener implements QueryExecutionListener {
    static final String SETUP = "create namespaces and tables if missing";
    static final String READ = "JDBC read + map + cache (row and problem count)";
    static final String RAW = "raw.health_birth_register write";
    static final String FACTS_COUNT = "facts group-by (fact row count)";
    static final String QUARANTINE = "quarantine.rejected replace";
    static final String FACTS = "facts.observation replace (group-by again)";
    static final String LOADS = "meta.load append";
    static final String OTHER = "other query";

    private static final Pattern WRITE = Pattern.compile(
            "OverwriteByExpression|OverwritePartitionsDynamic|AppendData|ReplaceData|WriteDelta|CreateTableAsSelect|ReplaceTableAsSelect");

    /** The written table as the plan's first line names it; a column list comes before it. */
    private static final Pattern TABLE = Pattern.compile("\\] wh\\.(\\w+\\.\\w+)");

    record Action(String phase, String func, String plan, long startMs, long endMs, boolean failed) {
    }

    record Task(long finishMs, long runMs, double cpuS, long gcMs, long recordsRead, long bytesWritten, long shuffleWriteBytes) {
    }

    private final List<Action> actions = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private volatile boolean active;
    private int reads;

    synchronized void begin() {
        actions.clear();
        tasks.clear();
        reads = 0;
        active = true;
    }

    synchronized void end() {
        active = false;
    }

    synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    synchronized List<Task> tasks() {
        return List.copyOf(tasks);
    }

    @Override
    public synchronized void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        record(funcName, qe, durationNs, false);
    }

    @Override
    public synchronized void onFailure(String funcName, QueryExecution qe, Exception exception) {
        record(funcName, qe, 0, true);
    }

    private void record(String funcName, QueryExecution qe, long durationNs, boolean failed) {
        if (!active) {
            return;
        }
        long end = System.currentTimeMillis();
        String root = qe.analyzed().nodeName();
        String first = qe.analyzed().toString().lines().findFirst().orElse("");
        actions.add(new Action(classify(root, first), funcName, root + ": " + first, end - durationNs / 1_000_000, end, failed));
    }

    private String classify(String root, String firstLine) {
        if (WRITE.matcher(root).matches()) {
            Matcher table = TABLE.matcher(firstLine);
            String name = table.find() ? table.group(1) : "";
            if (name.startsWith("raw.") || root.equals("CreateTableAsSelect")) return RAW;
            if (name.equals("quarantine.rejected")) return QUARANTINE;
            if (name.equals("facts.observation")) return FACTS;
            if (name.equals("meta.load")) return LOADS;
            return OTHER + " (" + root + " " + name + ")";
        }
        if (root.startsWith("Create") || root.contains("Namespace") || root.endsWith("Command")) {
            return SETUP;
        }
        return reads++ == 0 ? READ : FACTS_COUNT;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!active || end.taskMetrics() == null) {
            return;
        }
        TaskMetrics m = end.taskMetrics();
        tasks.add(new Task(end.taskInfo().finishTime(), m.executorRunTime(), m.executorCpuTime() / 1e9, m.jvmGCTime(),
                m.inputMetrics().recordsRead(), m.outputMetrics().bytesWritten(), m.shuffleWriteMetrics().bytesWritten()));
    }
}
