package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTest {

    private static final String WHAT = "the health database's password";

    @TempDir
    Path dir;

    private String secretFile(String content) throws IOException {
        return Files.writeString(dir.resolve("wcstat-health"), content).toString();
    }

    @Test
    void theEnvironmentWinsOverTheFileAndTheDefault() throws IOException {
        Secret s = new Secret("WCSTAT_HEALTH_PASSWORD", secretFile("from-file\n"), "from-default");
        assertEquals("from-env", s.resolve(Map.of("WCSTAT_HEALTH_PASSWORD", "from-env"), WHAT));
    }

    @Test
    void theFileWinsOverTheDefaultAndIsStripped() throws IOException {
        Secret s = new Secret("WCSTAT_HEALTH_PASSWORD", secretFile("  from-file\n"), "from-default");
        assertEquals("from-file", s.resolve(Map.of("OTHER", "x"), WHAT));
    }

    @Test
    void theDefaultWhenNeitherIsThere() {
        Secret s = new Secret("WCSTAT_HEALTH_PASSWORD", dir.resolve("absent").toString(), "sa");
        assertEquals("sa", s.resolve(Map.of(), WHAT));
    }

    @Test
    void anEmptyDefaultIsAValue() {
        assertEquals("", new Secret("WCSTAT_HEALTH_PASSWORD", null, "").resolve(Map.of(), WHAT));
    }

    @Test
    void aFileOnlySecret() throws IOException {
        assertEquals("from-file", new Secret(null, secretFile("from-file"), null).resolve(Map.of(), WHAT));
    }

    @Test
    void aMissingSecretSaysWhatToExportAndWhereToWrite() {
        String file = dir.resolve("absent").toString();
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Secret("WCSTAT_HEALTH_PASSWORD", file, null).resolve(Map.of(), WHAT));
        assertEquals(WHAT + " is not set: export WCSTAT_HEALTH_PASSWORD or write it to " + file, e.getMessage());
    }

    @Test
    void aMissingSecretWithoutAFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Secret("WCSTAT_HEALTH_PASSWORD", null, null).resolve(Map.of(), WHAT));
        assertEquals(WHAT + " is not set: export WCSTAT_HEALTH_PASSWORD", e.getMessage());
    }

    @Test
    void aSecretWithNothingConfigured() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new Secret(null, null, null).resolve(Map.of(), WHAT));
        assertEquals(WHAT + " is not set: export it", e.getMessage());
    }

    @Test
    void toStringNeverShowsTheValue() throws IOException {
        String file = secretFile("file-value-42");
        Secret s = new Secret("WCSTAT_HEALTH_PASSWORD", file, "default-value-17");
        s.resolve(Map.of("WCSTAT_HEALTH_PASSWORD", "env-value-99"), WHAT);
        String text = s.toString();
        assertFalse(text.contains("default-value-17"), text);
        assertFalse(text.contains("file-value-42"), text);
        assertFalse(text.contains("env-value-99"), text);
        assertTrue(text.contains("WCSTAT_HEALTH_PASSWORD"), text);
        assertEquals("Secret[env=WCSTAT_HEALTH_PASSWORD, file=" + file + "]", text);
    }

    @Test
    void readFromYaml() throws IOException {
        Path f = Files.writeString(dir.resolve("secret.yaml"),
                "{env: WCSTAT_HEALTH_PASSWORD, file: /run/secrets/wcstat-health, default: \"\"}\n");
        assertEquals(new Secret("WCSTAT_HEALTH_PASSWORD", "/run/secrets/wcstat-health", ""), Yaml.read(f, Secret.class));
    }
}
