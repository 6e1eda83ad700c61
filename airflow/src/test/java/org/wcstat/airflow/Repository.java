package org.wcstat.airflow;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, as surefire tells the tests, and the official Airflow contracts kept among the test resources. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("wcstat.repo");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path contract(String file) {
        Path path = root().resolve("airflow/src/test/resources/airflow-contracts").resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the Airflow OpenAPI contract " + path + " is missing");
        }
        return path;
    }
}
