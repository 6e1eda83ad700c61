package org.wcstat.jobs.ingest;

import org.apache.spark.sql.AnalysisException;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.validate.Finding;
import org.wcstat.jobs.validate.ValidationReport;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The department's database answered, but not with what the configuration describes: a table or column
 * that is not there (renamed, dropped), or a column of another type. Retrying cannot help, so the load
 * fails at once, naming the department, the extract and the database's own words.
 */
final class SourceDataException extends RuntimeException {
    SourceDataException(String message) {
        super(message);
    }

    /**
     * The exception to throw for a failure reading an extract: this one when the source's answer is
     * wrong, the original when the source could not be reached (which the caller retries).
     */
    static RuntimeException classify(SourceConfig source, Path sourceFile, SourceConfig.Extract e, Exception ex, ValidationReport report, Path home) {
        if (ex instanceof ReturnProblem p) {
            // the return's own words name the file, sheet and cell; the department and extract say whose
            String message = source.department() + " · " + e.name() + ": " + p.getMessage();
            report.add(Finding.extract(e.name(), "fail", message));
            report.write(home, "Not loaded: the return for extract " + e.name() + " could not be read");
            return new SourceDataException(message);
        }
        SQLException sql = sqlCause(ex);
        String state = sql == null ? null : sql.getSQLState();
        boolean refused = sql != null && state != null && (state.startsWith("42") || state.startsWith("22"));
        AnalysisException analysis = ex instanceof AnalysisException a ? a : null;
        if (!refused && analysis == null) {
            return ex instanceof RuntimeException r ? r : new IllegalStateException(ex.getMessage(), ex);
        }
        String what = refused ? sql.getMessage().lines().findFirst().orElse("") : analysis.getMessage().lines().findFirst().orElse("");
        String message = source.department() + " · " + e.name() + ": the database refused the extract's query (" + what
                + "). A table or column that " + sourceFile + " names is not in "
                + (e.table() != null ? "table " + e.table() : "the query's result")
                + ", or has another type: ask the department whether it was renamed or changed, then fix the configuration";
        report.add(Finding.extract(e.name(), "fail", message));
        report.write(home, "Not loaded: the extract " + e.name() + " could not be read");
        return new SourceDataException(message);
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) return s;
        }
        return null;
    }
}
