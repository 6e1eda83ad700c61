package org.wcstat.core.dimension;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The age bands facts are kept in, configured once; single years of age map into them. */
public record AgeBands(@JsonProperty(value = "age_bands", required = true) List<Band> bands) implements Yaml.Validated {

    public record Band(
            @JsonProperty(value = "code", required = true) String code,
            @JsonProperty(value = "from", required = true) int from,
            @JsonProperty("to") Integer to) {
        public boolean contains(int age) {
            return age >= from && (to == null || age <= to);
        }
    }

    @Override
    public void validate(Path file) {
        int expected = 0;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (b.from() != expected) {
                throw new ConfigException(YamlLocator.at(file, "age_bands", i, "from") + ": age band " + b.code() + " starts at " + b.from()
                        + " but must start at " + expected + " so that the bands cover every age once, without gaps or overlaps");
            }
            if (b.to() == null && i != bands.size() - 1) {
                throw new ConfigException(YamlLocator.at(file, "age_bands", i) + ": only the last age band may be open-ended, not " + b.code());
            }
            if (b.to() != null && b.to() < b.from()) {
                throw new ConfigException(YamlLocator.at(file, "age_bands", i, "to") + ": age band " + b.code() + " ends before it starts");
            }
            expected = b.to() == null ? Integer.MAX_VALUE : b.to() + 1;
        }
        if (expected != Integer.MAX_VALUE) {
            throw new ConfigException(YamlLocator.at(file, "age_bands", bands.size() - 1, "to")
                    + ": the last age band must be open-ended (no 'to') so that every age has a band");
        }
    }

    public Optional<Band> band(String code) {
        return bands.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public String bandOf(int age) {
        return bands.stream().filter(b -> b.contains(age)).findFirst().map(Band::code).orElseThrow();
    }
}
