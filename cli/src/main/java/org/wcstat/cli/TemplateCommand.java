package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.ingest.ReturnTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The blank return a department without a database fills in, from its configuration: no Spark, no warehouse. */
@Command(name = "template", description = {"Write the blank return (报表) of a department that reports by file (file: in",
        "conf/sources/<department>.yaml) as XLSX: a sheet per extract with its headings and towns, drop-down lists of",
        "the towns and codes, and a sheet of instructions. Send it to the department; put what comes back where",
        "file.path says."})
final class TemplateCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--source", required = true, paramLabel = "DEPARTMENT", description = "The department, as in conf/sources/<department>.yaml.")
    String source;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The year the return is for.")
    int year;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: <department>-<year>-return.xlsx here).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Configuration config = home.load();
        SourceConfig s = config.source(source);
        Path file = out != null ? out : Path.of(source + "-" + year + "-return.xlsx");
        if (!s.isFile()) {
            spec.commandLine().getErr().println(source + " reads a database (jdbc: in " + config.folder().sourceFile(source)
                    + "); a return to fill in is for a department that reports by file (file:)");
            return Wcstat.CONFIG_ERROR;
        }
        new ReturnTemplate(s, config.regions()).write(year, file);
        var o = spec.commandLine().getOut();
        o.println("wrote " + file + ": the " + year + " return of " + s.nameZh() + " (" + s.extracts().size() + " sheet(s) to fill in);"
                + " when it comes back, put it at " + home.home.resolve(s.file().path().replace(SourceConfig.YEAR_PLACEHOLDER, String.valueOf(year))));
        o.flush();
        return 0;
    }
}
