package org.wcstat.core.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration folder that extends another: its own files first, the other's where it has none. */
class ConfFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aFileIsTheFirstFoldersThatHasIt() throws IOException {
        Path base = write(tmp.resolve("base"), "regions.yaml", "base", "yearbook.yaml", "base");
        Path county = write(tmp.resolve("county"), "layer.yaml", "extends: ../base\n", "regions.yaml", "county");

        ConfFolder f = ConfFolder.open(county);

        assertEquals(List.of(county, base), f.layers());
        assertEquals(county.resolve("regions.yaml"), f.file("regions.yaml"));
        assertEquals(base.resolve("yearbook.yaml"), f.file("yearbook.yaml"));
        // a file no folder has is looked for in the folder given, so that "not found" names it there
        assertEquals(county.resolve("warehouse.yaml"), f.file("warehouse.yaml"));
        assertFalse(f.has("warehouse.yaml"));
    }

    @Test
    void subfoldersAddUpByFileNameTheNearerFolderWinning() throws IOException {
        Path base = write(tmp.resolve("base"), "sources/health.yaml", "base", "sources/education.yaml", "base");
        Path middle = write(tmp.resolve("middle"), "layer.yaml", "extends: ../base\n", "sources/justice.yaml", "middle",
                "sources/health.yaml", "middle");
        Path county = write(tmp.resolve("county"), "layer.yaml", "extends: " + middle.toAbsolutePath() + "\n",
                "sources/health.yaml", "county", "sources/notes.txt", "not yaml");

        List<Path> sources = ConfFolder.open(county).yamlFiles("sources");

        // by name: education (base), health (the county's own), justice (middle); the .txt is no source
        assertEquals(List.of(base.resolve("sources/education.yaml"), county.resolve("sources/health.yaml"),
                middle.resolve("sources/justice.yaml")), sources);
        assertEquals(county.resolve("sources/health.yaml"), ConfFolder.open(county).sourceFile("health"));
    }

    @Test
    void aFolderThatIsNotThereIsNamedAtItsLine() throws IOException {
        Path county = write(tmp.resolve("county"), "layer.yaml", "# the shared methods\nextends: ../methods\n");

        String m = assertThrows(ConfigException.class, () -> ConfFolder.open(county)).getMessage();

        assertTrue(m.startsWith(county.resolve("layer.yaml") + ":2:10: the folder it extends, " + tmp.resolve("methods")
                + ", is not there"), m);
    }

    @Test
    void foldersThatExtendEachOtherInACircleAreRefused() throws IOException {
        write(tmp.resolve("a"), "layer.yaml", "extends: ../b\n");
        write(tmp.resolve("b"), "layer.yaml", "extends: ../a\n");

        String m = assertThrows(ConfigException.class, () -> ConfFolder.open(tmp.resolve("a"))).getMessage();

        assertTrue(m.contains("b/layer.yaml:1:10: " + tmp.resolve("a") + " is already one of the folders this one extends"), m);
    }

    @Test
    void aMisspeltFieldOfTheLayerIsReported() throws IOException {
        Path county = write(tmp.resolve("county"), "layer.yaml", "extend: ../base\n");

        String m = assertThrows(ConfigException.class, () -> ConfFolder.open(county)).getMessage();

        assertTrue(m.contains("layer.yaml:1:1: unknown field 'extend' (did you mean 'extends'?)"), m);
    }

    @Test
    void theDemoIsItsDepartmentsOverTheCountysConfiguration() {
        Configuration demo = Configuration.load(TestRepo.demoConf());

        // demo/conf/sources holds the 18 departments of the demo district; conf/ the district's own regions and methods
        assertEquals(18, demo.sources().size(), demo.sources().stream().map(SourceConfig::department).toList().toString());
        assertEquals(TestRepo.root().resolve("conf/regions.yaml"), demo.folder().file("regions.yaml"));
        assertEquals(TestRepo.demoConf().resolve("sources/health.yaml"), demo.folder().sourceFile("health"));
        assertEquals(12, demo.regions().towns().size());
    }

    @Test
    void theCountysConfigurationShipsWithoutDepartmentsAndSaysWhereToStart() {
        String m = assertThrows(ConfigException.class, () -> Configuration.load(TestRepo.root().resolve("conf"))).getMessage();

        assertTrue(m.startsWith(TestRepo.root().resolve("conf/sources") + ": no department's source; write one file per department"), m);
        assertTrue(m.contains("demo/conf/sources"), m);
        assertTrue(m.contains("bin/wcstat quickstart"), m);
    }

    @Test
    void aCopyStandsAlone() throws IOException {
        Path copy = ConfFolder.open(TestRepo.demoConf()).copyTo(tmp.resolve("copy"));

        assertFalse(Files.exists(copy.resolve("layer.yaml")));
        assertEquals(List.of(copy), ConfFolder.open(copy).layers());
        assertEquals(Files.readString(TestRepo.demoConf().resolve("sources/health.yaml")), Files.readString(copy.resolve("sources/health.yaml")));
        assertEquals(Files.readString(TestRepo.root().resolve("conf/regions.yaml")), Files.readString(copy.resolve("regions.yaml")));
        assertEquals(18, Configuration.load(copy).sources().size());
    }

    /** Writes the files (name, content, name, content …) under dir. */
    private static Path write(Path dir, String... namesAndContents) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path f = dir.resolve(namesAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, namesAndContents[i + 1]);
        }
        return dir;
    }
}
