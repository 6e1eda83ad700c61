package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the Python test of pipelines/yearly_load_dag.py, so that the Maven build covers the DAG too. */
class DagFileTest {

    @Test
    void theDagTestsPass() throws IOException, InterruptedException {
        Path root = Repository.root();
        assertTrue(Files.isRegularFile(root.resolve("pipelines/yearly_load_dag.py")), "run from the repository: " + root);
        Process process = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "pipelines/tests", "-v")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the DAG tests did not finish");
        System.out.println(output);

        assertEquals(0, process.exitValue(), "the DAG tests failed:\n" + output);
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(output);
        assertTrue(ran.find(), "no test summary in:\n" + output);
        assertTrue(Integer.parseInt(ran.group(1)) >= 10, "too few DAG tests ran: " + ran.group(1));
        assertTrue(output.contains("\nOK"), output);
    }
}
