package org.wcstat.core.config;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Everything under conf/, loaded and cross-checked once at start. */
public record Configuration(Path dir, Regions regions, AgeBands ageBands, List<SourceConfig> sources, Catalog catalog,
                            YearbookLayout yearbook, AssessmentSettings assessment, Map<String, ValidationRules> validation) {

    public static Configuration load(Path dir) {
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
                throw new ConfigException(f + ": department '" + s.department() + "' must match the file name '" + stem + "'");
            }
            checkAgeCodes(f, s, ages);
            sources.add(s);
        }
        Catalog catalog = Catalog.load(dir.resolve("indicators"), measures(sources), ages);
        YearbookLayout yearbook = YearbookLayout.load(dir.resolve("yearbook.yaml"));
        for (Catalog.Entry e : catalog.entries()) {
            if (yearbook.chapter(e.indicator().plan(), e.indicator().area()).isEmpty()) {
                throw new ConfigException(e.file() + ": indicator " + e.code() + " is in area '" + e.indicator().area()
                        + "', which is no chapter of the " + e.indicator().plan() + " plan in " + dir.resolve("yearbook.yaml"));
            }
        }
        return new Configuration(dir, regions, ages, List.copyOf(sources), catalog, yearbook, AssessmentSettings.load(dir),
                ValidationRules.load(dir.resolve("validation"), sources, measures(sources)));
    }

    private static void checkAgeCodes(Path file, SourceConfig s, AgeBands ages) {
        for (SourceConfig.Extract e : s.extracts()) {
            if (e.age() != null && e.age().codes() != null) {
                for (String band : e.age().codes().values()) {
                    if (ages.band(band).isEmpty()) {
                        throw new ConfigException(file + ": extract '" + e.name() + "' maps to age band '" + band
                                + "', which conf/dimensions.yaml does not define");
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
                if (e.measure().fixed() != null) {
                    m.add(e.measure().fixed());
                } else {
                    m.addAll(e.measure().codes().values());
                }
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
