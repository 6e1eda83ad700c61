package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.publish.RevisionDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What a republished year changed, from the releases alone: no Spark, no warehouse. */
@Command(name = "diff", description = {"Every published value that changed, appeared, disappeared, or was withheld or released",
        "between two revisions of a year's release, with the value before and after, the difference, and the department",
        "loads behind it. Reads releases/<year>* only; changes nothing."})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The release's year.")
    int year;

    @Option(names = "--from", paramLabel = "REVISION", description = "The earlier revision (default: the one before --to).")
    Integer from;

    @Option(names = "--to", paramLabel = "REVISION", description = "The later revision (default: the current release).")
    Integer to;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the changes to FILE as CSV (UTF-8) instead of printing a table.")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Configuration config = home.load();
        RevisionDiff diff = RevisionDiff.of(JobContext.releases(home.home), year, Optional.ofNullable(from), Optional.ofNullable(to),
                config.catalog());
        var out = spec.commandLine().getOut();
        if (csv != null) {
            diff.writeCsv(csv);
            out.println(diff.rows().size() + " change(s) from revision " + diff.from() + " to " + diff.to() + " of " + year + " written to " + csv);
            out.flush();
            return 0;
        }
        out.println(year + ": revision " + diff.from() + " → " + diff.to() + ", " + diff.rows().size() + " change(s)");
        if (!diff.rows().isEmpty()) {
            List<List<String>> table = new ArrayList<>();
            table.add(RevisionDiff.HEADER);
            table.addAll(diff.rows());
            printAligned(out, table);
        }
        out.flush();
        return 0;
    }

    private static void printAligned(java.io.PrintWriter out, List<List<String>> table) {
        int[] width = new int[table.get(0).size()];
        for (List<String> row : table) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) line.append("  ");
                line.append(row.get(i)).append(" ".repeat(i == row.size() - 1 ? 0 : width[i] - row.get(i).length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
