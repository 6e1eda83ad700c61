package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.validate.ValidationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one year of every department (or one) against its rules without loading it: reads, maps and
 * validates, writes each department's report, and leaves the warehouse untouched. The bureau runs it
 * before a load, or to send a department its problems.
 */
public final class ValidateJob implements Job {

    @Override
    public String run(JobContext ctx, int year, Optional<String> only) {
        return Spark.sizedToArea(ctx.warehouse().spark(), ctx.config().regions().towns().size(), () -> validate(ctx, year, only));
    }

    private String validate(JobContext ctx, int year, Optional<String> only) {
        ctx.warehouse().ensureTables();
        List<SourceConfig> sources = only.map(s -> List.of(ctx.config().source(s))).orElse(ctx.config().sources());
        List<String> failures = new ArrayList<>();
        long rows = 0;
        long quarantined = 0;
        for (SourceConfig source : sources) {
            try {
                for (ExtractResult r : new SourceLoad(ctx, source, year).validateOnly()) {
                    rows += r.rowsRead();
                    quarantined += r.rowsQuarantined();
                }
            } catch (SourceDataException | SourceLoad.RejectedLoadException e) {
                failures.add(e.getMessage());
            } catch (RuntimeException e) {
                if (!SourceLoad.isSql(e)) throw e;
                failures.add(source.department() + ": cannot read its database: " + e.getMessage());
            }
        }
        String summary = String.format("validated %d department(s) for %d: %,d rows read, %,d would be quarantined; reports in %s",
                sources.size(), year, rows, quarantined, ValidationReport.csv(ctx.home(), year, "x").getParent());
        if (!failures.isEmpty()) {
            throw new IngestFailedException(summary + "; would not load:\n  " + String.join("\n  ", failures));
        }
        return summary;
    }
}
