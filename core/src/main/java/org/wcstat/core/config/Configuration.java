package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything under conf/ (and the folders it extends, {@link ConfFolder}), loaded and cross-checked once at start. */
public record Configuration(ConfFolder folder, Regions regions, AgeBands ageBands, List<SourceConfig> sources, Catalog catalog,
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
        ConfFolder folder = ConfFolder.open(dir);
        Regions regions = Yaml.read(folder.file("regions.yaml"), Regions.class);
        Path dimensions = folder.file("dimensions.yaml");
        AgeBands ages = Yaml.read(dimensions, AgeBands.class);
        List<Path> sourceFiles = folder.yamlFiles("sources");
        if (sourceFiles.isEmpty()) {
            throw new ConfigException(folder.file("sources") + ": no department's source; write one file per department the bureau"
                    + " reads (conf/README.md, 'A source'), starting from the demo district's in demo/conf/sources, or run"
                    + " 'bin/wcstat quickstart' to try wcstat on the demo district first");
        }
        List<SourceConfig> sources = new ArrayList<>();
        for (Path f : sourceFiles) {
            SourceConfig s = Yaml.read(f, SourceConfig.class);
            String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!stem.equals(s.department())) {
                throw new ConfigException(YamlLocator.at(f, "department") + ": department '" + s.department()
                        + "' must match the file name '" + stem + "'");
            }
            checkAgeCodes(f, s, ages, dimensions);
            sources.add(s);
        }
        Set<String> departments = new LinkedHashSet<>(sources.stream().map(SourceConfig::department).toList());
        Catalog catalog = Catalog.load(folder.yamlFiles("indicators"), folder.file("sources"), dimensions, departments, measures(sources),
                ages, FormerSources.producers(previous, folder).orElse(loaded));
        YearbookLayout yearbook = YearbookLayout.load(folder.file("yearbook.yaml"));
        checkIndicatorReferences(folder, catalog, yearbook, sources);
        checkVolumes(folder, regions, yearbook);
        ResidenceBases.check(catalog, sources, folder);
        return new Configuration(folder, regions, ages, List.copyOf(sources), catalog, yearbook, AssessmentSettings.load(folder),
                ValidationRules.load(folder, sources, measures(sources)));
    }

    /** A yearbook split by city (or county) needs every town's city listed in regions.yaml, to name its volume. */
    private static void checkVolumes(ConfFolder dir, Regions regions, YearbookLayout yearbook) {
        if (yearbook.volumesSetting().isEmpty()) return;
        Regions.Level level = yearbook.volumesSetting().get().level();
        Set<String> listed = new HashSet<>();
        regions.areas(level).forEach(a -> listed.add(a.code()));
        for (int i = 0; i < regions.towns().size(); i++) {
            Regions.Region t = regions.towns().get(i);
            String area = Regions.areaOf(t.code(), level);
            if (!listed.contains(area)) {
                throw new ConfigException(YamlLocator.at(dir.file("regions.yaml"), "towns", i, "code") + ": town " + t.nameZh() + " ("
                        + t.code() + ") is in " + level.id + " " + area + ", which regions.yaml does not list under '" + level.field
                        + "'; " + dir.file("yearbook.yaml") + " splits the yearbook by " + level.id + " (volumes), so list "
                        + area + " with its names under '" + level.field + "', or leave volumes out");
            }
        }
    }

    /** Every indicator files under a chapter of the yearbook and names departments that have a source. */
    private static void checkIndicatorReferences(ConfFolder dir, Catalog catalog, YearbookLayout yearbook, List<SourceConfig> sources) {
        List<String> departments = sources.stream().map(SourceConfig::department).toList();
        for (Catalog.Entry e : catalog.entries()) {
            Indicator ind = e.indicator();
            YamlLocator.Item entry = YamlLocator.item("code", e.code());
            if (yearbook.chapter(ind.plan(), ind.area()).isEmpty()) {
                List<String> areas = yearbook.chapters().stream().filter(c -> c.plan().equals(ind.plan())).map(YearbookLayout.Chapter::area).toList();
                throw new ConfigException(YamlLocator.at(e.file(), "indicators", entry, "area") + ": indicator " + e.code() + " is in area '"
                        + ind.area() + "', which is no chapter of the " + ind.plan() + " plan in " + dir.file("yearbook.yaml")
                        + DidYouMean.hint(ind.area(), areas) + "; its areas are " + areas);
            }
            for (int j = 0; j < ind.sources().size(); j++) {
                String d = ind.sources().get(j);
                if (!departments.contains(d)) {
                    throw new ConfigException(YamlLocator.at(e.file(), "indicators", entry, "sources", j) + ": indicator " + e.code()
                            + " names department '" + d + "', which has no source in " + dir.file("sources") + DidYouMean.hint(d, departments)
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

    /** The folder given (--conf), whose files count before those of the folders it extends. */
    public Path dir() {
        return folder.dir();
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
                .orElseThrow(() -> new ConfigException("no source '" + department + "' in " + folder.file("sources")
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
}
