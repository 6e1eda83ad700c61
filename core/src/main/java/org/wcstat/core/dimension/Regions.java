package org.wcstat.core.dimension;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The district and its towns, by national administrative division code. */
public record Regions(
        @JsonProperty(value = "district", required = true) Region district,
        @JsonProperty(value = "towns", required = true) List<Region> towns) implements Yaml.Validated {

    public record Region(
            @JsonProperty(value = "code", required = true) String code,
            @JsonProperty(value = "name_zh", required = true) String nameZh,
            @JsonProperty(value = "name_en", required = true) String nameEn,
            @JsonProperty("illustrative") boolean illustrative) {
    }

    @Override
    public void validate(Path file) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < towns.size(); i++) {
            Region t = towns.get(i);
            if (!t.code().startsWith(district.code()) || !t.code().matches("\\d{9}")) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "code") + ": town " + t.nameZh() + " has code " + t.code()
                        + "; a town's code is 9 digits starting with the district's " + district.code());
            }
            if (!codes.add(t.code())) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "code") + ": town " + t.nameZh() + " (" + t.code() + ") is listed twice");
            }
            if (!names.add(t.nameZh())) {
                throw new ConfigException(YamlLocator.at(file, "towns", i, "name_zh") + ": town " + t.nameZh() + " (" + t.code() + ") is listed twice");
            }
        }
    }

    public Optional<Region> town(String code) {
        return towns.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<Region> region(String code) {
        return district.code().equals(code) ? Optional.of(district) : town(code);
    }
}
