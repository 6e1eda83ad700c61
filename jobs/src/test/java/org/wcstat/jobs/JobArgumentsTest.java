package org.wcstat.jobs;

import org.junit.jupiter.api.Test;
import org.wcstat.core.WcstatException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JobMain's command line takes, for each job, the options the registry gives it, and names the job that takes another. */
class JobArgumentsTest {
    private static final Path CWD = Path.of("/opt/wcstat");

    @Test
    void anIngestTaskOfTheDag() {
        JobArguments a = JobArguments.parse(new String[]{"ingest", "--year", "2023", "--source", "health", "--home", "/srv/wcstat"}, CWD);
        assertEquals(Optional.of(Jobs.INGEST), a.job());
        assertEquals(2023, a.year());
        assertEquals(Optional.of("health"), a.source());
        assertEquals(Path.of("/srv/wcstat/conf"), a.confDir());
    }

    @Test
    void publishTakesItsSwitches() {
        JobArguments a = JobArguments.parse(new String[]{"publish", "--year", "2024", "--republish", "--from-tag"}, CWD);
        assertEquals(Set.of(JobOption.REPUBLISH, JobOption.FROM_TAG), a.switches());
        assertEquals(CWD, a.home());
    }

    @Test
    void anOptionOfAnotherJobIsAUsageError() {
        WcstatException e = assertThrows(WcstatException.class,
                () -> JobArguments.parse(new String[]{"compute", "--year", "2024", "--republish"}, CWD));
        assertEquals(WcstatException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("--republish is an option of publish, not of compute\nusage: JobMain ingest"), e.getMessage());

        e = assertThrows(WcstatException.class, () -> JobArguments.parse(new String[]{"publish", "--year", "2024", "--source", "health"}, CWD));
        assertTrue(e.getMessage().startsWith("--source is an option of ingest or validate, not of publish"), e.getMessage());
    }

    @Test
    void runTakesAPipelineAndNoJobOption() {
        JobArguments a = JobArguments.parse(new String[]{"run", "--year", "2024", "--pipeline", "/etc/wcstat/load.yaml"}, CWD);
        assertEquals(Optional.empty(), a.job());
        assertEquals(Path.of("/etc/wcstat/load.yaml"), a.pipelineFile());
        WcstatException e = assertThrows(WcstatException.class,
                () -> JobArguments.parse(new String[]{"ingest", "--year", "2024", "--pipeline", "x.yaml"}, CWD));
        assertTrue(e.getMessage().startsWith("--pipeline is an option of run, not of ingest"), e.getMessage());
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertTrue(message("export", "--year", "2024").startsWith("no job 'export'; the jobs are ingest, compute, assess, publish, maintain, validate and run"));
        assertTrue(message("compute").startsWith("--year is required"));
        assertTrue(message("compute", "--year", "last").startsWith("--year takes a year, e.g. 2024, not 'last'"));
        assertTrue(message("compute", "--year").startsWith("--year needs a value"));
    }

    /** The usage lists each job with exactly its options, from the registry. */
    @Test
    void theUsageComesFromTheRegistry() {
        String usage = JobArguments.usage();
        assertTrue(usage.contains("JobMain ingest --year Y [--source DEPT] [--home DIR]"), usage);
        assertTrue(usage.contains("JobMain compute --year Y [--home DIR]"), usage);
        assertTrue(usage.contains("JobMain publish --year Y [--republish] [--from-tag] [--home DIR]"), usage);
        assertTrue(usage.contains("JobMain run --year Y [--pipeline FILE"), usage);
    }

    private static String message(String... args) {
        return assertThrows(WcstatException.class, () -> JobArguments.parse(args, CWD)).getMessage();
    }
}
