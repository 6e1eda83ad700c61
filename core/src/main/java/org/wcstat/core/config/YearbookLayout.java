package org.wcstat.core.config;

import org.wcstat.core.yaml.InvalidField;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.core.dimension.Regions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * conf/yearbook.yaml: the yearbook's title, its chapters (the plans' areas), disclosure control, whether
 * English labels accompany the Chinese, the key series charted, and the font the printable yearbook embeds.
 */
public record YearbookLayout(
        @JsonProperty(value = "title_zh", required = true) String titleZh,
        @JsonProperty(value = "title_en", required = true) String titleEn,
        @JsonProperty(value = "first_year", required = true) int firstYear,
        @JsonProperty(value = "disclosure", required = true) Disclosure disclosure,
        @JsonProperty(value = "chapters", required = true) List<Chapter> chapters,
        @JsonProperty("english") boolean english,
        @JsonProperty("key_indicators") List<String> keyIndicators,
        @JsonProperty("pdf_font") String pdfFont,
        @JsonProperty("volumes") Volumes volumes) {

    public YearbookLayout {
        keyIndicators = keyIndicators == null ? List.of() : List.copyOf(keyIndicators);
    }

    public YearbookLayout(String titleZh, String titleEn, int firstYear, Disclosure disclosure, List<Chapter> chapters,
                          boolean english, List<String> keyIndicators, String pdfFont) {
        this(titleZh, titleEn, firstYear, disclosure, chapters, english, keyIndicators, pdfFont, null);
    }

    /**
     * How a release's yearbook is split: {@code by: city} (or {@code county}) publishes one volume per city of
     * regions.yaml, with its towns, and a summary volume with the area's totals and one row per city. Left out,
     * the yearbook is one volume with every town.
     */
    public record Volumes(@JsonProperty(value = "by", required = true) String by) {
        public Volumes {
            if (Regions.Level.of(by).isEmpty()) {
                throw new InvalidField("volumes by '" + by + "': a yearbook is split by city or by county (the lists of the same"
                        + " name in regions.yaml)", "by");
            }
        }

        public Regions.Level level() {
            return Regions.Level.of(by).orElseThrow();
        }
    }

    public Optional<Volumes> volumesSetting() {
        return Optional.ofNullable(volumes);
    }

    /** The same layout under another title: a volume's. */
    public YearbookLayout titled(String zh, String en) {
        return new YearbookLayout(zh, en, firstYear, disclosure, chapters, english, keyIndicators, pdfFont, volumes);
    }

    /**
     * The key indicators the catalog has. The layout is shared by catalogs of different sizes (a test's small
     * catalog, a county's own), so a code the catalog lacks leaves its chart out rather than failing the load;
     * {@link #keyIndicatorsMissingFrom} names those for the publish job to report.
     */
    public List<String> keyIndicatorsIn(Catalog catalog) {
        return keyIndicators.stream().filter(c -> catalog.entries().stream().anyMatch(e -> e.code().equals(c))).toList();
    }

    public List<String> keyIndicatorsMissingFrom(Catalog catalog) {
        List<String> present = keyIndicatorsIn(catalog);
        return keyIndicators.stream().filter(c -> !present.contains(c)).toList();
    }

    /** The TrueType font with Chinese glyphs yearbook.pdf embeds, when conf/yearbook.yaml names one. */
    public Optional<Path> pdfFontFile() {
        return pdfFont == null || pdfFont.isBlank() ? Optional.empty() : Optional.of(Path.of(pdfFont));
    }

    public record Disclosure(
            @JsonProperty(value = "threshold", required = true) int threshold,
            @JsonProperty("zeros_count") boolean zerosCount) {
        public Disclosure {
            if (threshold < 1) {
                throw new InvalidField("the disclosure threshold is " + threshold
                        + "; it is the smallest count published, so at least 1 (3 is usual)", "threshold");
            }
        }

        public SmallCounts rule() {
            return new SmallCounts(threshold, zerosCount);
        }
    }

    public record Chapter(
            @JsonProperty(value = "plan", required = true) String plan,
            @JsonProperty(value = "area", required = true) String area,
            @JsonProperty(value = "name_zh", required = true) String nameZh,
            @JsonProperty(value = "name_en", required = true) String nameEn) {
    }

    public Optional<Chapter> chapter(String plan, String area) {
        return chapters.stream().filter(c -> c.plan().equals(plan) && c.area().equals(area)).findFirst();
    }

    public static YearbookLayout load(Path file) {
        return Yaml.read(file, YearbookLayout.class);
    }
}
