package org.wcstat.jobs;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.wcstat.core.catalog.MeasureHistory;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.core.yaml.ConfFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which source file and extract last loaded each measure, as the warehouse's facts record it: a bureau that
 * changed a department's file in place has no copy of the old one to compare with, but its warehouse remembers.
 * Read with Iceberg's own reader, without Spark, and only when a measure has no source (the first question
 * reads the facts' measure, source, extract and year columns once).
 */
public final class LoadedMeasures implements MeasureHistory {
    private final Path conf;
    private final Path home;
    private final Map<String, String> env;
    private Map<String, String> producers;

    /** @param conf the configuration folder: its warehouse.yaml says where the warehouse is, its sources/ is named */
    public LoadedMeasures(Path conf, Path home, Map<String, String> env) {
        this.conf = conf;
        this.home = home;
        this.env = env;
    }

    @Override
    public Optional<String> producer(String measure) {
        if (producers == null) producers = read();
        return Optional.ofNullable(producers.get(measure));
    }

    /** By measure, the file and extract of its latest year's load; empty when the warehouse has none yet or cannot be read. */
    private Map<String, String> read() {
        Map<String, String> by = new HashMap<>();
        Map<String, Integer> latest = new HashMap<>();
        WarehouseSettings settings;
        try {
            settings = WarehouseSettings.load(conf);
            if (settings.isLocal(home) && !Files.isDirectory(Path.of(URI.create(settings.locationUri(home))))) return by;
        } catch (RuntimeException e) {
            return by; // a warehouse.yaml that does not read is reported by what needs it, not here
        }
        Path sources = ConfFolder.open(conf).file("sources");
        try (CloseableIterable<Record> rows = IcebergGenerics.read(facts(settings)).select("measure", "source", "extract", "year").build()) {
            for (Record r : rows) {
                String measure = (String) r.getField("measure");
                int year = (Integer) r.getField("year");
                if (latest.getOrDefault(measure, Integer.MIN_VALUE) < year) {
                    latest.put(measure, year);
                    by.put(measure, sources.resolve(r.getField("source") + ".yaml") + " (extract " + r.getField("extract")
                            + ", as the warehouse's load of " + year + " records)");
                }
            }
        } catch (IOException | RuntimeException e) {
            // a warehouse that cannot be read has nothing to say about the configuration being checked
            return Map.of();
        }
        return by;
    }

    private Table facts(WarehouseSettings settings) {
        Map<String, String> properties = new HashMap<>();
        String prefix = Spark.CATALOG + ".";
        Spark.catalogOptions(settings, home, env).forEach((k, v) -> {
            if (k.startsWith(prefix)) properties.put(k.substring(prefix.length()), v);
        });
        Catalog catalog = CatalogUtil.buildIcebergCatalog("wh", properties, new Configuration());
        return catalog.loadTable(TableIdentifier.parse(Warehouse.FACTS.substring("wh.".length())));
    }
}
