package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes the year's release under releases/&lt;year&gt;/: the yearbook workbook and the indicator values
 * as CSV. Built in a scratch folder and moved into place, so readers never see half a release.
 */
public final class PublishJob implements Job {

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        ctx.warehouse().ensureTables();
        YearbookLayout layout = ctx.config().yearbook();
        SmallCounts rule = layout.disclosure().rule();
        Catalog catalog = ctx.config().catalog();
        String district = ctx.config().regions().district().code();
        int firstYear = Math.min(layout.firstYear(), year);

        List<PublishedValue> values = ctx.warehouse().spark()
                .sql("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " WHERE year <= " + year
                        + " ORDER BY indicator, year, region, sex, age_band, residence")
                .collectAsList().stream().map((Row r) -> PublishedValue.of(r, rule)).toList();
        YearbookData data = YearbookData.read(ctx.warehouse(), year, firstYear, district, values);
        Labels labels = new Labels(ctx.config().regions(), ctx.config().ageBands(), layout.english());
        layout.keyIndicatorsMissingFrom(catalog).forEach(code -> ctx.progress().step("conf/yearbook.yaml: key indicator "
                + code + " is not in the catalog, so the yearbook charts it not; correct key_indicators"));

        Path releases = ctx.releases();
        Path scratch = releases.resolve("." + year + "-" + UUID.randomUUID());
        Path release = releases.resolve(String.valueOf(year));
        try {
            Files.createDirectories(scratch.resolve("data"));
            ctx.progress().step("writing the " + year + " yearbook workbook");
            Map<String, String> departments = new TreeMap<>();
            ctx.config().sources().forEach(s -> departments.put(s.department(), s.nameZh()));
            new YearbookWorkbook(layout, catalog, labels, departments).write(scratch.resolve("yearbook.xlsx"), data);
            ctx.progress().step("writing the printable yearbook and the web report");
            new YearbookPdf(layout, catalog, labels, departments).write(scratch.resolve("yearbook.pdf"), data);
            new WebReport(layout, catalog, labels, departments).write(scratch.resolve("report.html"), data);
            writeCsv(scratch.resolve("data").resolve("indicator_values.csv"), values, catalog);
            if (Files.exists(release)) deleteTree(release);
            Files.move(scratch, release, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release under " + release + ": " + e.getMessage(), e);
        } finally {
            if (Files.exists(scratch)) deleteTree(scratch);
        }
        long withheld = values.stream().filter(PublishedValue::suppressed).count();
        return String.format("published %s (%d indicator values, %d withheld as small counts)",
                release.resolve("yearbook.xlsx"), values.size(), withheld);
    }

    private static void writeCsv(Path file, List<PublishedValue> values, Catalog catalog) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator,name_zh,unit,year,region,sex,age_band,residence,value,status\n");
            for (PublishedValue v : values) {
                var ind = catalog.get(v.indicator()).indicator();
                w.write(String.join(",", v.indicator(), csv(ind.nameZh()), csv(ind.unit()), String.valueOf(v.year()), v.region(),
                        v.sex(), v.ageBand(), v.residence(), v.value() == null ? "" : String.valueOf(v.value()),
                        v.suppressed() ? "suppressed" : v.value() == null ? "missing" : "published"));
                w.write("\n");
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
