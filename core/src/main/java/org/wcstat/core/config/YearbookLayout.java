package org.wcstat.core.config;

import org.wcstat.core.yaml.InvalidField;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.disclosure.SmallCounts;

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
        @JsonProperty("pdf_font") String pdfFont) {

    public YearbookLayout {
        keyIndicators = keyIndicators == null ? List.of() : List.copyOf(keyIndicators);
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
