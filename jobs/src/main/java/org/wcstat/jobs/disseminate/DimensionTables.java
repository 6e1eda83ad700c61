package org.wcstat.jobs.disseminate;

import org.wcstat.core.Coded;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.dimension.Code;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a BI tool joins a release's codes to, with Chinese and English names: indicators from the catalog,
 * the district and its towns, sexes, age bands, residences, progress statuses and the warnings' kinds and severities.
 * Each dimension lists the total (_T) and the unknown (_U) beside its categories, as the values use them.
 */
final class DimensionTables {
    static final String INDICATOR = "dim_indicator";
    static final String REGION = "dim_region";
    static final String SEX = "dim_sex";
    static final String AGE_BAND = "dim_age_band";
    static final String RESIDENCE = "dim_residence";
    static final String STATUS = "dim_status";
    static final String WARNING_KIND = "dim_warning_kind";
    static final String WARNING_SEVERITY = "dim_warning_severity";

    private static final List<Table.Column> NAMED = List.of(text("code"), text("name_zh"), text("name_en"));

    private DimensionTables() {
    }

    /** The dimensions of a release: its age-band codes too, which may include bands conf/ no longer lists. */
    static List<Table> of(Configuration config, List<Table> release) {
        Vocabulary vocabulary = config.vocabulary();
        return List.of(indicators(config.catalog()), regions(vocabulary),
                named(SEX, codes(vocabulary, Dimension.SEX, Set.of())),
                named(AGE_BAND, codes(vocabulary, Dimension.AGE, used(release, Dimension.AGE.column()))),
                named(RESIDENCE, codes(vocabulary, Dimension.RESIDENCE, Set.of())),
                coded(STATUS, ProgressStatus.values()), coded(WARNING_KIND, WarningKind.values()),
                coded(WARNING_SEVERITY, Warning.Severity.values()));
    }

    private static Table indicators(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            Indicator i = e.indicator();
            rows.add(new Object[]{i.code(), i.plan(), i.area(), i.nameZh(), i.nameEn(), i.unit(), i.definition()});
        }
        return new Table(INDICATOR, List.of(text("code"), text("plan"), text("area"), text("name_zh"), text("name_en"),
                text("unit"), text("definition")), rows);
    }

    /** The district and its towns, each town named as the yearbook names it: a name several counties' towns bear, with its county. */
    static Table regions(Vocabulary vocabulary) {
        List<Object[]> rows = new ArrayList<>();
        Regions.Region d = vocabulary.regions().district();
        rows.add(new Object[]{d.code(), "district", d.nameZh(), d.nameEn()});
        for (Code t : vocabulary.codes(Dimension.TOWN)) rows.add(new Object[]{t.code(), "town", t.zh(), t.en()});
        return new Table(REGION, List.of(text("code"), text("level"), text("name_zh"), text("name_en")), rows);
    }

    private static List<Code> codes(Vocabulary vocabulary, Dimension d, Set<String> alsoUsed) {
        Set<String> all = new LinkedHashSet<>();
        vocabulary.codes(d).forEach(c -> all.add(c.code()));
        all.addAll(alsoUsed);
        Vocabulary.sharedCodes().forEach(c -> all.add(c.code()));
        List<Code> codes = new ArrayList<>();
        for (String c : all) codes.add(vocabulary.code(d, c).orElse(new Code(c, c, c)));
        return codes;
    }

    /** The codes a column of the release's tables holds. */
    private static Set<String> used(List<Table> release, String column) {
        Set<String> used = new LinkedHashSet<>();
        for (Table t : release) {
            for (int i = 0; i < t.columns().size(); i++) {
                if (!t.columns().get(i).name().equals(column)) continue;
                for (Object[] r : t.rows()) if (r[i] != null) used.add(r[i].toString());
            }
        }
        return used;
    }

    private static Table named(String name, List<Code> codes) {
        List<Object[]> rows = new ArrayList<>();
        for (Code c : codes) rows.add(new Object[]{c.code(), c.zh(), c.en()});
        return new Table(name, NAMED, rows);
    }

    private static Table coded(String name, Coded[] values) {
        List<Object[]> rows = new ArrayList<>();
        for (Coded c : values) rows.add(new Object[]{c.code(), c.zh(), c.en()});
        return new Table(name, NAMED, rows);
    }

    private static Table.Column text(String name) {
        return new Table.Column(name, Table.Type.TEXT);
    }
}
