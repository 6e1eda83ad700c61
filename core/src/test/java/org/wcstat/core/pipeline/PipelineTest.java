package org.wcstat.core.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {

    @TempDir
    Path dir;

    @Test
    void theShippedYearlyLoad() {
        Pipeline p = Pipeline.load(TestRepo.root().resolve("pipelines/yearly-load.yaml"));
        assertEquals("yearly-load", p.name());
        assertEquals("previous", p.defaultYear());
        assertEquals(List.of("ingest", "compute", "assess", "publish", "maintain"), p.stages().stream().map(Pipeline.Stage::id).toList());

        Pipeline.Stage ingest = p.stages().get(0);
        Pipeline.Stage compute = p.stages().get(1);
        Pipeline.Stage assess = p.stages().get(2);
        Pipeline.Stage publish = p.stages().get(3);
        Pipeline.Stage maintain = p.stages().get(4);
        assertTrue(ingest.perSource());
        assertFalse(compute.perSource());
        assertFalse(assess.perSource());
        assertFalse(publish.perSource());
        assertFalse(maintain.perSource());
        assertEquals(List.of(), ingest.upstream());
        assertEquals(List.of("ingest"), compute.upstream());
        assertEquals(List.of("compute"), assess.upstream());
        assertEquals(List.of("assess"), publish.upstream());
        assertEquals(List.of("publish"), maintain.upstream());
        assertEquals(List.of("ingest", "compute", "assess", "publish", "maintain"), p.stages().stream().map(Pipeline.Stage::job).toList());
        assertEquals(List.of(3, 2, 2, 1, 1), p.stages().stream().map(Pipeline.Stage::retries).toList());
        assertEquals(List.of(60, 60, 30, 30, 30), p.stages().stream().map(Pipeline.Stage::timeoutMinutes).toList());
    }

    private Path write(String stages) throws IOException {
        return Files.writeString(dir.resolve("load.yaml"), "pipeline: test\nstages:\n" + stages);
    }

    @Test
    void aStageDependingOnALaterStage() throws IOException {
        Path f = write("""
                  - {id: compute, job: compute, after: [ingest]}
                  - {id: ingest, job: ingest, per_source: true}
                """);
        // at the name in 'after', line 3 (after "pipeline:" and "stages:"), column 41
        assertEquals(f + ":3:41: stage 'compute' runs after 'ingest', which is not defined before it;"
                        + " list stages in the order they run",
                assertThrows(ConfigException.class, () -> Pipeline.load(f)).getMessage());
    }

    @Test
    void aStageDependingOnAnUnknownStage() throws IOException {
        Path f = write("""
                  - {id: ingest, job: ingest}
                  - {id: compute, job: compute, after: [ingest]}
                  - {id: publish, job: publish, after: [compute, validate]}
                """);
        assertEquals(f + ":5:50: stage 'publish' runs after 'validate', which is not defined before it;"
                        + " list stages in the order they run",
                assertThrows(ConfigException.class, () -> Pipeline.load(f)).getMessage());
    }

    @Test
    void aStageDependingOnItself() throws IOException {
        Path f = write("""
                  - {id: ingest, job: ingest, after: [ingest]}
                """);
        assertTrue(assertThrows(ConfigException.class, () -> Pipeline.load(f)).getMessage()
                .startsWith(f + ":3:39: stage 'ingest' runs after 'ingest', which is not defined before it"));
    }

    @Test
    void aStageDefinedTwice() throws IOException {
        Path f = write("""
                  - {id: ingest, job: ingest}
                  - {id: ingest, job: compute}
                """);
        // at the second id, line 4
        assertEquals(f + ":4:10: stage 'ingest' is defined twice",
                assertThrows(ConfigException.class, () -> Pipeline.load(f)).getMessage());
    }

    @Test
    void aStageWithoutAJob() throws IOException {
        Path f = write("""
                  - {id: ingest}
                """);
        String m = assertThrows(ConfigException.class, () -> Pipeline.load(f)).getMessage();
        // the stage is the flow mapping on line 3
        assertTrue(m.startsWith(f + ":3:"), m);
        assertTrue(m.contains("'job'"), m);
    }
}
