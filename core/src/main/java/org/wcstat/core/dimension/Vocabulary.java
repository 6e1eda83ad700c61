package org.wcstat.core.dimension;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes of every dimension and their names, as this district has them: the standard's sexes and
 * residences, the age bands of conf/dimensions.yaml and the towns of conf/regions.yaml. The assessment's
 * warnings, the yearbook, the SDMX code lists and the schema reference all name codes from here.
 */
public final class Vocabulary {
    static final Code TOTAL = new Code(Dimension.TOTAL, "合计", "total");
    static final Code UNKNOWN = new Code(Dimension.UNKNOWN, "不详", "unknown");

    private final Regions regions;
    private final Map<Dimension, List<Code>> codes = new EnumMap<>(Dimension.class);
    /** By code, and each code's place in reading order: a province's tables name and order thousands of towns. */
    private final Map<String, Code> regionsByCode = new HashMap<>();
    private final Map<Dimension, Map<String, Integer>> rank = new EnumMap<>(Dimension.class);

    public Vocabulary(Regions regions, AgeBands ageBands) {
        this.regions = regions;
        Regions.Region d = regions.district();
        regionsByCode.put(d.code(), new Code(d.code(), d.nameZh(), d.nameEn()));
        // the cities and counties a yearbook split by them names in its summary's rows
        for (Regions.Level level : Regions.Level.values()) {
            for (Regions.Region a : regions.areas(level)) regionsByCode.putIfAbsent(a.code(), new Code(a.code(), a.nameZh(), a.nameEn()));
        }
        List<Code> towns = new ArrayList<>();
        Set<String> shared = regions.sharedNames().keySet();
        Map<String, String> distinct = regions.distinctNames();
        for (Regions.Region t : regions.towns()) {
            Code c = shared.contains(t.nameZh()) ? withCounty(t, distinct.get(t.code())) : new Code(t.code(), t.nameZh(), t.nameEn());
            towns.add(c);
            regionsByCode.putIfAbsent(t.code(), c);
        }
        codes.put(Dimension.TOWN, List.copyOf(towns));
        codes.put(Dimension.AGE, ageBands.bands().stream().map(b -> ageBand(b.code())).toList());
        for (Dimension dim : Dimension.values()) {
            if (!dim.configured()) codes.put(dim, dim.standardCodes());
            Map<String, Integer> r = new HashMap<>();
            for (Code c : codes.get(dim)) r.putIfAbsent(c.code(), r.size());
            rank.put(dim, r);
        }
    }

    /**
     * A town whose name towns of other counties bear too, named with its county, 城关镇（苍溪县）, so that a province's
     * tables tell them apart; with the county's code when regions.yaml does not list the county.
     */
    private Code withCounty(Regions.Region town, String nameZh) {
        String county = regions.countyOf(town.code()).map(Regions.Region::nameEn).orElse(Regions.areaOf(town.code(), Regions.Level.COUNTY));
        return new Code(town.code(), nameZh, town.nameEn() + " (" + county + ")");
    }

    public String district() {
        return regions.district().code();
    }

    public Regions regions() {
        return regions;
    }

    /** The district total's key. */
    public CellKey total() {
        return CellKey.total(district());
    }

    /** The breakdown a key belongs to. */
    public Breakdown breakdown(CellKey key) {
        return key.breakdown(district());
    }

    /** A dimension's categories in reading order: female first, urban first, age bands and towns as configured. */
    public List<Code> codes(Dimension d) {
        return codes.get(d);
    }

    /** The shared codes every dimension has beside its categories: the total and the unknown. */
    public static List<Code> sharedCodes() {
        return List.of(TOTAL, UNKNOWN);
    }

    /**
     * A code's names: a category, the total or the unknown. An age band is named after its code (3-5岁, 65岁及以上);
     * a code the vocabulary does not know (a town since dropped from conf/regions.yaml) has none.
     */
    public Optional<Code> code(Dimension d, String code) {
        if (d == Dimension.TOWN) return region(code);
        if (code.equals(Dimension.TOTAL)) return Optional.of(TOTAL);
        if (code.equals(Dimension.UNKNOWN)) return Optional.of(UNKNOWN);
        if (d == Dimension.AGE) return Optional.of(ageBand(code));
        return codes.get(d).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The district or one of its towns. */
    public Optional<Code> region(String code) {
        return Optional.ofNullable(regionsByCode.get(code));
    }

    /** Reading order within a dimension: its listed categories as listed, any other code after them by code. */
    public Comparator<String> order(Dimension d) {
        Map<String, Integer> r = rank.get(d);
        return Comparator.comparingInt((String c) -> r.getOrDefault(c, Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder());
    }

    /**
     * A cell in Chinese as the assessment's warnings name it: the region, then the sex, age band and residence
     * it is broken down by, e.g. 昭化区, 元坝镇, 昭化区 / 女, 昭化区 / 乡村, 昭化区 / 3-5岁.
     */
    public String nameZh(CellKey key) {
        StringBuilder b = new StringBuilder(region(key.region()).map(Code::zh).orElse(key.region()));
        for (Dimension d : List.of(Dimension.SEX, Dimension.AGE, Dimension.RESIDENCE)) {
            String c = key.code(d);
            if (!c.equals(Dimension.TOTAL)) b.append(" / ").append(code(d, c).map(Code::zh).orElse(c));
        }
        return b.toString();
    }

    /** An age band's names, from its code: 0岁 aged 0, 3-5岁 aged 3-5, 65岁及以上 aged 65+. */
    static Code ageBand(String code) {
        return new Code(code, code.replace("+", "岁及以上").replaceFirst("^([0-9-]+)$", "$1岁"), "aged " + code);
    }
}
