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

    public SqlRunner(SparkSession spark, ResultFormat format, PrintStream out, PrintStream err) {
        this.spark = spark;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs one statement; on failure prints "error: ..." prefixed with where it is (a file:line, or
     * nothing in the shell) and returns false.
     */
    public boolean run(String sql, String where) {
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
            err.println((where == null ? "" : where + ": ") + "error: " + message(e));
            err.flush();
            return false;
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
