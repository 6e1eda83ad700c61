package org.wcstat.core.config;

import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.MeasureHistory;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Everything under conf/, loaded and cross-checked once at start. */
public record Configuration(Path dir, Regions regions, AgeBands ageBands, List<SourceConfig> sources, Catalog catalog,
                            YearbookLayout yearbook, AssessmentSettings assessment, Map<String, ValidationRules> validation) {

    public static Configuration load(Path dir) {
        return load(dir, null);
    }

    /**
     * @param previous the configuration this one was copied or changed from (the checkout's conf/), read only to
     *                 say which of its source files produced a measure the catalog still names; null for none
     */
    public static Configuration load(Path dir, Path previous) {
        return load(dir, previous, MeasureHistory.NONE);
    }

    /**
     * @param previous as above
     * @param loaded   what the warehouse's loads say produced each measure, asked where {@code previous} knows nothing
     */
    public static Configuration load(Path dir, Path previous, MeasureHistory loaded) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": configuration folder not found; pass --conf DIR or run from the repository");
        }
        Regions regions = Yaml.read(dir.resolve("regions.yaml"), Regions.class);
        AgeBands ages = Yaml.read(dir.resolve("dimensions.yaml"), AgeBands.class);
        List<SourceConfig> sources = new ArrayList<>();
        for (Path f : yamlFiles(dir.resolve("sources"))) {
            SourceConfig s = Yaml.read(f, SourceConfig.class);
            String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!stem.equals(s.department())) {
                throw new ConfigException(YamlLocator.at(f, "department") + ": department '" + s.department()
                        + "' must match the file name '" + stem + "'");
            }
            checkAgeCodes(f, s, ages, dir.resolve("dimensions.yaml"));
            sources.add(s);
        }
        Catalog catalog = Catalog.load(dir.resolve("indicators"), measures(sources), ages, FormerSources.producers(previous, dir).orElse(loaded));
        YearbookLayout yearbook = YearbookLayout.load(dir.resolve("yearbook.yaml"));
        checkIndicatorReferences(dir, catalog, yearbook, sources);
        checkVolumes(dir, regions, yearbook);
        ResidenceBases.check(catalog, sources, dir.resolve("sources"));
        return new Configuration(dir, regions, ages, List.copyOf(sources), catalog, yearbook, AssessmentSettings.load(dir),
                ValidationRules.load(dir.resolve("validation"), sources, measures(sources)));
    }

    /** A yearbook split by city (or county) needs every town's city listed in regions.yaml, to name its volume. */
    private static void checkVolumes(Path dir, Regions regions, YearbookLayout yearbook) {
        if (yearbook.volumesSetting().isEmpty()) return;
        Regions.Level level = yearbook.volumesSetting().get().level();
        Set<String> listed = new HashSet<>();
        regions.areas(level).forEach(a -> listed.add(a.code()));
        for (int i = 0; i < regions.towns().size(); i++) {
            Regions.Region t = regions.towns().get(i);
            String area = Regions.areaOf(t.code(), level);
            if (!listed.contains(area)) {
                throw new ConfigException(YamlLocator.at(dir.resolve("regions.yaml"), "towns", i, "code") + ": town " + t.nameZh() + " ("
                        + t.code() + ") is in " + level.id + " " + area + ", which regions.yaml does not list under '" + level.field
                        + "'; " + dir.resolve("yearbook.yaml") + " splits the yearbook by " + level.id + " (volumes), so list "
                        + area + " with its names under '" + level.field + "', or leave volumes out");
            }
        }
    }

    /** Every indicator files under a chapter of the yearbook and names departments that have a source. */
    private static void checkIndicatorReferences(Path dir, Catalog catalog, YearbookLayout yearbook, List<SourceConfig> sources) {
        List<String> departments = sources.stream().map(SourceConfig::department).toList();
        for (Catalog.Entry e : catalog.entries()) {
            Indicator ind = e.indicator();
            YamlLocator.Item entry = YamlLocator.item("code", e.code());
            if (yearbook.chapter(ind.plan(), ind.area()).isEmpty()) {
                List<String> areas = yearbook.chapters().stream().filter(c -> c.plan().equals(ind.plan())).map(YearbookLayout.Chapter::area).toList();
                throw new ConfigException(YamlLocator.at(e.file(), "indicators", entry, "area") + ": indicator " + e.code() + " is in area '"
                        + ind.area() + "', which is no chapter of the " + ind.plan() + " plan in " + dir.resolve("yearbook.yaml")
                        + DidYouMean.hint(ind.area(), areas) + "; its areas are " + areas);
            }
            for (int j = 0; j < ind.sources().size(); j++) {
                String d = ind.sources().get(j);
                if (!departments.contains(d)) {
                    throw new ConfigException(YamlLocator.at(e.file(), "indicators", entry, "sources", j) + ": indicator " + e.code()
                            + " names department '" + d + "', which has no source in " + dir.resolve("sources") + DidYouMean.hint(d, departments)
                            + DidYouMean.listed("departments", departments));
                }
            }
        }
    }

    private static void checkAgeCodes(Path file, SourceConfig s, AgeBands ages, Path dimensions) {
        List<String> bands = ages.bands().stream().map(AgeBands.Band::code).toList();
        for (int i = 0; i < s.extracts().size(); i++) {
            SourceConfig.Extract e = s.extracts().get(i);
            if (e.age() != null && e.age().codes() != null) {
                for (Map.Entry<String, String> code : e.age().codes().entrySet()) {
                    String band = code.getValue();
                    // a total row (合计) is a subtotal of the bands; an unknown age counts in the total only
                    if (band.equals(Dimension.TOTAL) || band.equals(Dimension.UNKNOWN)) continue;
                    if (ages.band(band).isEmpty()) {
                        throw new ConfigException(YamlLocator.at(file, "extracts", i, "age", "codes", code.getKey()) + ": extract '" + e.name()
                                + "' maps to age band '" + band + "', which " + dimensions + " does not define"
                                + DidYouMean.hint(band, bands) + "; the bands are " + bands + ", or _T for a total row and _U for an unknown age");
                    }
                }
            }
        }
    }

    /** The codes and names of every dimension, as regions.yaml and dimensions.yaml configure them. */
    public Vocabulary vocabulary() {
        return new Vocabulary(regions, ageBands);
    }

    /** The measures the sources produce: the only names formulas may use. */
    public static Set<String> measures(List<SourceConfig> sources) {
        Set<String> m = new LinkedHashSet<>();
        for (SourceConfig s : sources) {
            for (SourceConfig.Extract e : s.extracts()) {
                m.addAll(e.measures());
            }
        }
        return m;
    }

    public SourceConfig source(String department) {
        return sources.stream().filter(s -> s.department().equals(department)).findFirst()
                .orElseThrow(() -> new ConfigException("no source '" + department + "' in " + dir.resolve("sources")
                        + "; the sources are " + sources.stream().map(SourceConfig::department).toList()));
    }

    /** The department's validation rules (conf/validation/<department>.yaml); none when it has no file. */
    public ValidationRules validation(String department) {
        return validation.getOrDefault(department, ValidationRules.none(department));
    }

    /** Replaces ${home} in a JDBC URL, so the shipped embedded sources follow --home. */
    public static String expand(String url, Path home, Map<String, String> env) {
        return url.replace("${home}", home.toAbsolutePath().toString());
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }
}
