package org.wcstat.cli;

import org.wcstat.core.WcstatException;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.disseminate.Dissemination;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Loads a release already published into the dissemination database: no Spark, no warehouse, only the release folder. */
@Command(name = "disseminate", description = {"Load a year's published release (releases/<year>/, its data/ tables and manifest.json)",
        "into the dissemination database conf/warehouse.yaml names, for BI tools and Excel: schema release_<year>",
        "(release_<year>_r<n> for a revision) and the views of latest. The same release again changes nothing."})
final class DisseminateCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The release's year.")
    int year;

    @Option(names = "--revision", paramLabel = "REVISION",
            description = "A revision kept from before a republication (releases/<year>-r<revision>/); default: the current release.")
    Integer revision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Configuration config = home.load();
        Dissemination dissemination = Dissemination.configured(config, System.getenv()).orElseThrow(() -> new WcstatException(
                WcstatException.Kind.CONFIGURATION, config.folder().file(WarehouseSettings.FILE) + " names no dissemination database;"
                + " add a dissemination: section with its url, user, password and reader_role (conf/README.md)"));
        Path releases = JobContext.releases(home.home);
        Path folder = releases.resolve(revision == null ? String.valueOf(year) : year + "-r" + revision);
        var out = spec.commandLine().getOut();
        out.println(dissemination.load(folder).summary());
        out.flush();
        return 0;
    }
}
