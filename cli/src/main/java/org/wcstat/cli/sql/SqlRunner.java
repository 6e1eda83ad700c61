package org.wcstat.cli.sql;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs statements in a session and prints their results, or what is wrong with them. */
public final class SqlRunner {
    private final SparkSession spark;
    private final ResultFormat format;
    private final PrintStream out;
    private final PrintStream err;
    private final StatementPolicy policy;

    public SqlRunner(SparkSession spark, StatementPolicy policy, ResultFormat format, PrintStream out, PrintStream err) {
        this.spark = spark;
        this.policy = policy;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs one statement; on failure prints "error: ..." prefixed with where it is (a file:line, or
     * nothing in the shell) and returns false.
     */
    public boolean run(String sql, String where) {
        String at = where == null ? "" : where + ": ";
        StatementPolicy.Verdict verdict = policy.check(spark.sessionState().sqlParser(), sql);
        if (!verdict.allowed()) {
            err.println(at + "error: " + verdict.refusal());
            err.flush();
            return false;
        }
        verdict.changes().forEach(table -> err.println(at + "changing " + table + ": " + state(table)));
        try {
            Dataset<Row> result = spark.sql(sql);
            List<String> columns = Arrays.asList(result.columns());
            if (columns.isEmpty()) {
                return true;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Row r : result.collectAsList()) {
                List<Object> values = new ArrayList<>(r.length());
                for (int i = 0; i < r.length(); i++) values.add(r.get(i));
                rows.add(values);
            }
            format.write(columns, rows, out);
            out.flush();
            return true;
        } catch (Exception e) {
            // Spark's parse and analysis errors are checked exceptions Scala throws undeclared
            err.println(at + "error: " + message(e));
            err.flush();
            return false;
        }
    }

    /** A table's rows and snapshot before a statement changes it, so the user sees what is at stake. */
    private String state(String table) {
        try {
            long rows = spark.sql("SELECT count(*) FROM " + table).first().getLong(0);
            Row snapshot = spark.sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1").first();
            return String.format("%,d rows now, snapshot %d (wcstat sql --role bureau --allow-writes -e \"CALL wh.system.rollback_to_snapshot('%s', %d)\" undoes it)",
                    rows, snapshot.getLong(0), table.startsWith("wh.") ? table.substring(3) : table, snapshot.getLong(0));
        } catch (Exception e) {
            return "not a table yet";
        }
    }

    /** The message that says what to do: ours when a role or release refused, else Spark's without its plan dump. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScopeException) {
                return t.getMessage();
            }
        }
        if (e instanceof AnalysisException a) {
            return a.getSimpleMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
