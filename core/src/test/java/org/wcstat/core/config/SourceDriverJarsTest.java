package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jdbc.driver_jars: a driver that is not on the class path, named by its jar files. */
class SourceDriverJarsTest {
    @TempDir
    Path dir;

    private Path source(String driverJars) throws IOException {
        return Files.writeString(dir.resolve("census.yaml"), """
                department: census
                name_zh: 区统计局
                name_en: Statistics Bureau
                jdbc:
                  url: "jdbc:sqlite:/data/census.db"
                  driver: org.sqlite.JDBC
                %s
                extracts:
                  - name: population
                    table: POP
                    year: {column: Y}
                    measure: population
                    region: {code: TOWN}
                """.formatted(driverJars));
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write(new byte[]{(byte) 0xCA, (byte) 0xFE});
                zip.closeEntry();
            }
        }
        return jar;
    }

    private String error(Path file) {
        return assertThrows(ConfigException.class, () -> Yaml.read(file, SourceConfig.class)).getMessage();
    }

    @Test
    void jarsHoldingTheDriverAreKept() throws IOException {
        Path slf4j = jar("slf4j-api.jar", "org/slf4j/Logger.class");
        Path sqlite = jar("sqlite-jdbc.jar", "org/sqlite/JDBC.class", "org/sqlite/SQLiteConnection.class");
        SourceConfig s = Yaml.read(source("  driver_jars: [\"" + slf4j + "\", \"" + sqlite + "\"]"), SourceConfig.class);
        assertEquals(List.of(slf4j, sqlite), s.jdbc().driverJarPaths());
    }

    @Test
    void withoutTheFieldTheDriverIsOnTheClassPath() throws IOException {
        assertEquals(List.of(), Yaml.read(source(""), SourceConfig.class).jdbc().driverJarPaths());
    }

    @Test
    void aMissingJarIsNamedWithTheFile() throws IOException {
        Path missing = dir.resolve("drivers/sqlite-jdbc-3.50.3.0.jar");
        Path file = source("  driver_jars: [\"" + missing + "\"]");
        // the list is on line 7; its first item starts at column 17, after "  driver_jars: ["
        assertEquals(file + ":7:17: jdbc.driver_jars: " + missing + " does not exist", error(file));
    }

    @Test
    void aRelativePathIsRefused() throws IOException {
        Path file = source("  driver_jars: [drivers/sqlite-jdbc.jar]");
        assertEquals(file + ":7:17: jdbc.driver_jars: 'drivers/sqlite-jdbc.jar' must be an absolute path", error(file));
    }

    @Test
    void jarsWithoutTheDriverClassAreRefused() throws IOException {
        Path other = jar("h2.jar", "org/h2/Driver.class");
        Path file = source("  driver_jars: [\"" + other + "\"]");
        // at the driver the jars do not hold: "  driver: org.sqlite.JDBC" on line 6
        assertEquals(file + ":6:11: jdbc.driver_jars: none of [" + other + "] holds the driver class org.sqlite.JDBC;"
                + " check jdbc.driver against the driver's documentation", error(file));
    }

    @Test
    void aFileThatIsNoJarIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("README.txt"), "not a jar");
        Path file = source("  driver_jars: [\"" + text + "\"]");
        String message = error(file);
        assertTrue(message.startsWith(file + ":7:17: jdbc.driver_jars: " + text + " is not a readable jar ("), message);
    }

    @Test
    void anEmptyListIsRefused() throws IOException {
        Path file = source("  driver_jars: []");
        assertEquals(file + ":7:16: jdbc.driver_jars is empty; list the driver's jar files or leave the field out", error(file));
    }
}
