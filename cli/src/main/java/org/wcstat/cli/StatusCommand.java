package org.wcstat.cli;

import org.wcstat.cli.status.NextSteps;
import org.wcstat.cli.status.ReleaseFigures;
import org.wcstat.cli.status.StatusReport;
import org.wcstat.cli.status.WarehouseState;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.publish.Releases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The one screen a bureau reads first: what the warehouse and the releases hold, and what to run next. */
@Command(name = "status", description = {"What the home holds: the years loaded, computed, assessed and published, each year's",
        "department loads, the releases and their revisions, the latest warnings, and what to run next.",
        "Reads the warehouse and the releases; changes nothing."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Configuration config = home.load();
        WarehouseSettings settings = WarehouseSettings.load(config.folder());
        List<String> departments = config.sources().stream().map(SourceConfig::department).toList();
        // the year a run covers by default (pipelines/yearly-load.yaml: default_year: previous)
        int previousYear = Year.now().getValue() - 1;
        PrintWriter out = spec.commandLine().getOut();
        out.println("wcstat home " + home.home.toAbsolutePath().normalize() + ", warehouse " + settings.locationUri(home.home));
        out.println("configuration " + config.folder().describe());
        out.println();

        Optional<Warehouse> wh = Session.existing(settings, home.home);
        String options = home.asOptions();
        List<String> lines;
        if (wh.isEmpty()) {
            lines = StatusReport.noWarehouse(previousYear, options);
        } else {
            WarehouseState state = WarehouseState.read(wh.get());
            List<Releases.Published> releases = new Releases(JobContext.releases(home.home)).published();
            NextSteps next = new NextSteps(state, releases, departments, options, new ReleaseFigures(wh.get()));
            lines = new StatusReport(state, releases, next).lines(previousYear);
        }
        lines.forEach(out::println);
        out.flush();
        return 0;
    }
}
