package org.wcstat.jobs.publish;

import org.wcstat.core.assess.Warning;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Regions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A yearbook split by city or county (conf/yearbook.yaml, {@code volumes: {by: city}}): a volume per city of
 * regions.yaml with the city's own totals and its towns, under volumes/&lt;city code&gt;/ of the release, and the
 * release's own yearbook as the summary volume, with the area's totals, its breakdowns by sex, age and residence, and
 * one row per city instead of the towns. Every figure of a volume is a figure of the release after disclosure
 * control, the cities' own totals included ({@link AreaValues}, protected with their towns by {@link Withholding}),
 * so a volume shows nothing the release withholds.
 */
final class Volumes {
    /** The folder of the release that holds the cities' volumes. */
    static final String FOLDER = "volumes";

    /** One city's (or county's) volume: its code, names and towns, in regions.yaml's order. */
    record Volume(String code, String nameZh, String nameEn, List<String> towns) {
        Path dir(Path release) {
            return release.resolve(FOLDER).resolve(code);
        }
    }

    private final Regions.Level level;
    private final String district;
    private final List<Volume> volumes = new ArrayList<>();
    private final Map<String, String> areaOfTown = new LinkedHashMap<>();
    private final Set<String> areaCodes = new HashSet<>();

    Volumes(Regions regions, Regions.Level level) {
        this.level = level;
        this.district = regions.district().code();
        Map<String, List<String>> towns = new LinkedHashMap<>();
        for (Regions.Region t : regions.towns()) {
            String area = Regions.areaOf(t.code(), level);
            areaOfTown.put(t.code(), area);
            towns.computeIfAbsent(area, k -> new ArrayList<>()).add(t.code());
        }
        // a city without towns in regions.yaml has no figures: no volume (Configuration checked every town has its city)
        for (Regions.Region a : regions.areas(level)) {
            if (!towns.containsKey(a.code())) continue;
            volumes.add(new Volume(a.code(), a.nameZh(), a.nameEn(), List.copyOf(towns.get(a.code()))));
            areaCodes.add(a.code());
        }
    }

    List<Volume> volumes() {
        return List.copyOf(volumes);
    }

    /**
     * Each town's city (or county), by town code. Not {@link Map#copyOf}: its open addressing probes long runs of a
     * province's town codes (51CCKK1TT), 20 µs a look-up against 15 ns in a hash map.
     */
    Map<String, String> areaOfTown() {
        return Collections.unmodifiableMap(areaOfTown);
    }

    boolean isArea(String region) {
        return areaCodes.contains(region);
    }

    /** The places the summary volume breaks the area down by. */
    YearbookTables.Places summaryPlaces() {
        return level == Regions.Level.CITY ? YearbookTables.Places.CITIES : YearbookTables.Places.COUNTIES;
    }

    /**
     * The summary volume: the area's own values (its totals and its breakdowns by sex, age and residence), the cities'
     * values as the places' rows, and the area's warnings, none of a town.
     */
    YearbookData summary(YearbookData whole, List<PublishedValue> areaValues) {
        List<PublishedValue> values = new ArrayList<>();
        for (PublishedValue v : whole.values()) if (v.region().equals(district)) values.add(v);
        values.addAll(areaValues);
        List<Warning> warnings = whole.warnings().stream().filter(w -> w.cell().region().equals(district)).toList();
        return new YearbookData(whole.year(), whole.firstYear(), district, values, whole.statuses(), warnings);
    }

    /**
     * A city's volume: the city's own total as the volume's total and its towns as the places' rows. The assessment
     * judges the area's total alone, so a city's indicators show as not assessed; the warnings are those of its towns.
     */
    YearbookData volume(YearbookData whole, Volume volume, List<PublishedValue> areaValues) {
        Set<String> towns = new HashSet<>(volume.towns());
        List<PublishedValue> values = new ArrayList<>();
        for (PublishedValue v : areaValues) if (v.region().equals(volume.code())) values.add(v);
        for (PublishedValue v : whole.values()) {
            if (towns.contains(v.region()) && v.cell().equals(CellKey.total(v.region()))) values.add(v);
        }
        List<Warning> warnings = whole.warnings().stream().filter(w -> towns.contains(w.cell().region())).toList();
        return new YearbookData(whole.year(), whole.firstYear(), volume.code(), values, Map.of(), warnings);
    }

    /** A city's volume is broken down by its towns alone: the release has no city's figures by sex, age or residence. */
    static List<Dimension> volumeBreakdowns() {
        return List.of(Dimension.TOWN);
    }

    /** The summary's title: the yearbook's, as the summary volume (汇总卷). */
    static YearbookLayout summaryLayout(YearbookLayout layout) {
        return layout.titled(layout.titleZh() + "（汇总卷）", layout.titleEn() + ": summary volume");
    }

    /** A city's volume's title: the yearbook's, with the city's name (基准市1卷). */
    static YearbookLayout volumeLayout(YearbookLayout layout, Volume volume) {
        return layout.titled(layout.titleZh() + "（" + volume.nameZh() + "卷）", layout.titleEn() + ": " + volume.nameEn());
    }
}
