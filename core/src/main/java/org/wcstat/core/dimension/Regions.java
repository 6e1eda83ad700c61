package org.wcstat.core.dimension;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The district and its towns, by national administrative division code. An area larger than a county (a city,
 * a province) may list its cities (4-digit codes) and counties (6 digits) too: a town belongs to the city and
 * the county whose codes begin its own, as national division codes are built, and a yearbook can be published
 * in one volume per city or county (conf/yearbook.yaml, volumes).
 */
public record Regions(
        @JsonProperty(value = "district", required = true) Region district,
        @JsonProperty(value = "towns", required = true) List<Region> towns,
        @JsonProperty("cities") List<Region> cities,
        @JsonProperty("counties") List<Region> counties) implements Yaml.Validated {

    public Regions {
        cities = cities == null ? List.of() : List.copyOf(cities);
        counties = counties == null ? List.of() : List.copyOf(counties);
    }

    public Regions(Region district, List<Region> towns) {
        this(district, towns, null, null);
    }

    /** A level between the district and its towns, by which a yearbook can be split into volumes. */
    public enum Level {
        CITY("city", "cities", 4),
        COUNTY("county", "counties", 6);

        public final String id;
        /** The list in regions.yaml that names the level's areas. */
        public final String field;
        /** The digits of a town's code that are its area's code at this level. */
        public final int digits;

        Level(String id, String field, int digits) {
            this.id = id;
            this.field = field;
            this.digits = digits;
        }

        public static Optional<Level> of(String id) {
            for (Level l : values()) if (l.id.equals(id)) return Optional.of(l);
            return Optional.empty();
        }
    }

    /** The areas regions.yaml lists at a level (its cities or its counties), in the order listed. */
    public List<Region> areas(Level level) {
        return level == Level.CITY ? cities : counties;
    }

    /** The code of the area at a level that a town belongs to: the first digits of the town's code. */
    public static String areaOf(String townCode, Level level) {
        return townCode.substring(0, level.digits);
    }

    /**
     * A town, or the district. {@code aliases} are the other names departments write it under: without 镇, the
     * name before a merger, a common misspelling; every extract that maps towns by name reads them.
     */
    public record Region(
            @JsonProperty(value = "code", required = true) String code,
            @JsonProperty(value = "name_zh", required = true) String nameZh,
            @JsonProperty(value = "name_en", required = true) String nameEn,
            @JsonProperty("illustrative") boolean illustrative,
            @JsonProperty("aliases") List<String> aliases) {

        public Region(String code, String nameZh, String nameEn, boolean illustrative) {
            this(code, nameZh, nameEn, illustrative, null);
        }

        /** The names besides name_zh; empty when none are configured. */
        public List<String> otherNames() {
            return aliases == null ? List.of() : aliases;
        }
    }

    @Override
    public void validate(Path file) {
        Set<String> codes = new HashSet<>();
        // a name once in each county: a province has a 城关镇 in many of its counties, a county only one
        Set<String> namesInCounties = new HashSet<>();
        // an alias names one place only: the same name for two towns could put a row in either
        Map<String, Named> named = new HashMap<>();
        named.put(district.nameZh(), new Named(district.code(), "the district " + district.nameZh()));
        for (int j = 0; j < district.otherNames().size(); j++) {
            checkAlias(file, named, district.otherNames().get(j), new Named(district.code(), "the district " + district.nameZh()),
                    "district", "aliases", j);
        }
        for (Region t : towns) named.putIfAbsent(t.nameZh(), new Named(t.code(), "town " + t.nameZh()));
        for (int i = 0; i < towns.size(); i++) {
            Region t = towns.get(i);
            for (int j = 0; j < t.otherNames().size(); j++) {
                checkAlias(file, named, t.otherNames().get(j), new Named(t.code(), "town " + t.nameZh()), "towns", i, "aliases", j);
            }
        }
        for (int i = 0; i < towns.size(); i++) {
            Region t = towns.get(i);
            if (!t.code().startsWith(district.code()) || !t.code().matches("\\d{9}")) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "code") + ": town " + t.nameZh() + " has code " + t.code()
                        + "; a town's code is 9 digits starting with the district's " + district.code());
            }
            if (!codes.add(t.code())) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "code") + ": town " + t.nameZh() + " (" + t.code() + ") is listed twice");
            }
            if (!namesInCounties.add(areaOf(t.code(), Level.COUNTY) + " " + t.nameZh())) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "name_zh") + ": town " + t.nameZh() + " (" + t.code()
                        + ") is listed twice in county " + areaOf(t.code(), Level.COUNTY) + ": name each town of a county once");
            }
        }
        for (Level level : Level.values()) validateAreas(file, level);
    }

    /** A city or county listed is a code of its level's digits inside the district, listed once. */
    private void validateAreas(Path file, Level level) {
        Set<String> seen = new HashSet<>();
        List<Region> areas = areas(level);
        for (int i = 0; i < areas.size(); i++) {
            Region a = areas.get(i);
            if (!a.code().startsWith(district.code()) || !a.code().matches("\\d{" + level.digits + "}")) {
                throw new ConfigException(YamlLocator.at(file, level.field, i, "code") + ": " + level.id + " " + a.nameZh() + " has code "
                        + a.code() + "; a " + level.id + "'s code is " + level.digits + " digits starting with the district's " + district.code());
            }
            if (!seen.add(a.code())) {
                throw new ConfigException(YamlLocator.at(file, level.field, i, "code") + ": " + level.id + " " + a.nameZh() + " ("
                        + a.code() + ") is listed twice");
            }
        }
    }

    /** A place a name points at: its code, and how a message names it. */
    private record Named(String code, String described) {
    }

    private static void checkAlias(Path file, Map<String, Named> named, String alias, Named of, Object... at) {
        Named before = named.putIfAbsent(alias, of);
        if (before != null && !before.code().equals(of.code())) {
            throw new ConfigException(YamlLocator.at(file, at) + ": the alias '" + alias + "' of " + of.described() + " already names "
                    + before.described() + (before.described().equals(of.described()) ? " (" + before.code() + ")" : "")
                    + "; a name must point at one place, so drop it here or there");
        }
    }

    /**
     * Every name a department may write a region under (names and aliases), with the region's code; not the names
     * two towns share ({@link #sharedNames}), which point at no one town.
     */
    public Map<String, String> codesByName() {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put(district.nameZh(), district.code());
        district.otherNames().forEach(n -> byName.putIfAbsent(n, district.code()));
        // a shared name is read with its county, as the return templates write it, or with the parentheses typed half-width
        distinctNames().forEach((code, name) -> {
            byName.putIfAbsent(name, code);
            byName.putIfAbsent(name.replace('（', '(').replace('）', ')'), code);
        });
        towns.forEach(t -> t.otherNames().forEach(n -> byName.putIfAbsent(n, t.code())));
        return byName;
    }

    /**
     * Each town's code with its name as no other town bears it, in regions.yaml's order: its own, or, for a name towns
     * of other counties bear too, with its county's, 城关镇（苍溪县） ({@link #countyOf}).
     */
    public Map<String, String> distinctNames() {
        Set<String> shared = sharedNames().keySet();
        Map<String, String> byCode = new LinkedHashMap<>();
        towns.forEach(t -> byCode.putIfAbsent(t.code(), shared.contains(t.nameZh()) ? withCounty(t) : t.nameZh()));
        return byCode;
    }

    private String withCounty(Region town) {
        return town.nameZh() + "（" + countyOf(town.code()).map(Region::nameZh).orElse(areaOf(town.code(), Level.COUNTY)) + "）";
    }

    /** The county a town is in, where regions.yaml names it: the district itself, or one of its counties. */
    public Optional<Region> countyOf(String townCode) {
        String county = areaOf(townCode, Level.COUNTY);
        if (district.code().equals(county)) return Optional.of(district);
        return counties.stream().filter(c -> c.code().equals(county)).findFirst();
    }

    /** The names two or more towns bear (in different counties), with those towns' codes in regions.yaml's order. */
    public Map<String, List<String>> sharedNames() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        towns.forEach(t -> byName.computeIfAbsent(t.nameZh(), n -> new ArrayList<>()).add(t.code()));
        byName.values().removeIf(codes -> codes.size() < 2);
        return byName;
    }

    public Optional<Region> town(String code) {
        return towns.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<Region> region(String code) {
        return district.code().equals(code) ? Optional.of(district) : town(code);
    }
}
