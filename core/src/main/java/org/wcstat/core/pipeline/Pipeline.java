package org.wcstat.core.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stages of a load and their order (pipelines/yearly-load.yaml). `wcstat run` executes it and the
 * Airflow DAG builds its tasks from it, so the two cannot drift apart.
 */
public record Pipeline(
        @JsonProperty(value = "pipeline", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("default_year") String defaultYear,
        @JsonProperty(value = "stages", required = true) List<Stage> stages) implements Yaml.Validated {

    public record Stage(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("description") String description,
            @JsonProperty(value = "job", required = true) String job,
            @JsonProperty("after") List<String> after,
            @JsonProperty("per_source") boolean perSource,
            @JsonProperty("retries") int retries,
            @JsonProperty("retry_delay_minutes") int retryDelayMinutes,
            @JsonProperty("timeout_minutes") int timeoutMinutes) {
        public List<String> upstream() {
            return after == null ? List.of() : after;
        }
    }

    /** The jobs the stages run, in order. */
    public List<String> jobs() {
        return stages.stream().map(Stage::job).toList();
    }

    @Override
    public void validate(Path file) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            for (int j = 0; j < s.upstream().size(); j++) {
                String up = s.upstream().get(j);
                if (!seen.contains(up)) {
                    throw new ConfigException(YamlLocator.at(file, "stages", i, "after", j) + ": stage '" + s.id() + "' runs after '" + up
                            + "', which is not defined before it" + DidYouMean.hint(up, seen) + "; list stages in the order they run");
                }
            }
            if (!seen.add(s.id())) {
                throw new ConfigException(YamlLocator.at(file, "stages", i, "id") + ": stage '" + s.id() + "' is defined twice");
            }
        }
    }

    public static Pipeline load(Path file) {
        return Yaml.read(file, Pipeline.class);
    }
}
