package org.wcstat.core.dimension;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dimension facts and indicator values are broken down by: its column in the warehouse, its names in
 * the catalog ({@code by:} lists, formula filters), its title in the yearbook, and the codes a standard
 * fixes for it (the towns and age bands are configured instead: {@link Vocabulary}).
 *
 * <p>Every dimension shares two codes of SDMX's: {@link #TOTAL}, not broken down by the dimension (for
 * {@link #TOWN} the district's own code stands for it), and {@link #UNKNOWN}, a value the source does not
 * place in any of the dimension's categories, which counts in the total and in no breakdown.
 */
public enum Dimension {
    TOWN("region", "town", "region", "分乡镇", "by town", List.of()),
    SEX("sex", "sex", "sex", "分性别", "by sex", List.of(new Code("F", "女", "female"), new Code("M", "男", "male"))),
    AGE("age_band", "age", "age", "分年龄组", "by age group", List.of()),
    // 乡村, not 农村: the term of 统计上划分城乡的规定, which the bureau's residence codes follow
    RESIDENCE("residence", "residence", "residence", "分城乡", "by urban and rural residence",
            List.of(new Code("U", "城镇", "urban"), new Code("R", "乡村", "rural")));

    /** All of a dimension's categories together (SDMX's _T). */
    public static final String TOTAL = "_T";
    /** A category the source does not know (SDMX's _U): counted in the total, in no breakdown. */
    public static final String UNKNOWN = "_U";

    private final String column;
    private final String catalogName;
    private final String filterName;
    private final String titleZh;
    private final String titleEn;
    private final List<Code> standardCodes;

    Dimension(String column, String catalogName, String filterName, String titleZh, String titleEn, List<Code> standardCodes) {
        this.column = column;
        this.catalogName = catalogName;
        this.filterName = filterName;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.standardCodes = standardCodes;
    }

    /** The column of facts.observation and indicators.* that holds the dimension's code. */
    public String column() {
        return column;
    }

    /** The dimension as the catalog's {@code by:} lists name it. */
    public String catalogName() {
        return catalogName;
    }

    /** The dimension as a formula's filter names it, e.g. {@code births{region=510811101}}. */
    public String filterName() {
        return filterName;
    }

    /** A breakdown's title in the yearbook, e.g. 分性别. */
    public String titleZh() {
        return titleZh;
    }

    /** ... and in English, e.g. by sex. */
    public String titleEn() {
        return titleEn;
    }

    /** The categories a standard fixes (sex, residence) in reading order; empty for those conf/ configures. */
    public List<Code> standardCodes() {
        return standardCodes;
    }

    /**
     * The codes a source may map its values to in a dimension the standard fixes: its categories, the total
     * (a subtotal row, e.g. sex 0 合计) and the unknown (sex 9 未说明), which counts in the total only.
     */
    public Set<String> canonicalCodes() {
        Set<String> codes = new LinkedHashSet<>();
        standardCodes.forEach(c -> codes.add(c.code()));
        codes.add(TOTAL);
        codes.add(UNKNOWN);
        return codes;
    }

    /** Whether conf/ lists the categories (towns in regions.yaml, age bands in dimensions.yaml). */
    public boolean configured() {
        return standardCodes.isEmpty();
    }

    /** The code that means "not broken down by this dimension": the district for towns, else {@link #TOTAL}. */
    public String totalCode(String district) {
        return this == TOWN ? district : TOTAL;
    }

    /** The dimension a catalog's {@code by:} entry names. */
    public static Optional<Dimension> ofCatalogName(String name) {
        return Arrays.stream(values()).filter(d -> d.catalogName.equals(name)).findFirst();
    }

    /** The dimension a formula's filter names. */
    public static Optional<Dimension> ofFilterName(String name) {
        return Arrays.stream(values()).filter(d -> d.filterName.equals(name)).findFirst();
    }

    /** Every dimension's name in {@code by:} lists. */
    public static Set<String> catalogNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Dimension d : values()) names.add(d.catalogName);
        return names;
    }

    /** Every dimension's name in formula filters. */
    public static Set<String> filterNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Dimension d : values()) names.add(d.filterName);
        return names;
    }
}
