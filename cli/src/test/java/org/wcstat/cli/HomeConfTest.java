package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.yaml.ConfFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which configuration a command reads: --conf, the home's own conf/, else the checkout's; the demo's home gets its own. */
class HomeConfTest {
    @TempDir
    Path tmp;

    @Test
    void aHomeWithoutItsOwnConfigurationReadsTheCheckouts() {
        HomeOptions o = options(tmp.resolve("home"), null);

        assertEquals(TestRepo.root().resolve("conf"), o.confDir());
    }

    @Test
    void theDemoGivesItsHomeAConfigurationOverTheDemosDepartmentsWhichLaterCommandsRead() throws IOException {
        Path home = tmp.resolve("home");
        HomeOptions demo = options(home, null);

        Configuration config = demo.loadDemo();

        Path layer = home.resolve("conf/layer.yaml");
        assertTrue(Files.isRegularFile(layer));
        assertTrue(Files.readString(layer).contains("extends: " + TestRepo.demoConf().toAbsolutePath().normalize()), Files.readString(layer));
        assertEquals(List.of(home.resolve("conf"), TestRepo.demoConf().toAbsolutePath().normalize(), TestRepo.root().resolve("conf").toAbsolutePath().normalize()),
                config.folder().layers());
        // the demo district's 18 departments, read from demo/conf; its regions from the checkout's conf/
        assertEquals(18, config.sources().size());
        assertEquals(TestRepo.demoConf().toAbsolutePath().normalize().resolve("sources/health.yaml"), config.folder().sourceFile("health"));
        // a later command on the home, without --conf, reads the same
        HomeOptions later = options(home, null);
        assertEquals(home.resolve("conf"), later.confDir());
        assertEquals(18, later.load().sources().size());
    }

    @Test
    void aHomeThatHasItsOwnConfigurationKeepsIt() throws IOException {
        Path home = tmp.resolve("home");
        Path own = ConfFolder.open(TestRepo.demoConf()).copyTo(home.resolve("conf"));
        Files.writeString(own.resolve("yearbook.yaml"), Files.readString(own.resolve("yearbook.yaml")).replace("昭化区", "利州区"));

        HomeOptions demo = options(home, null);

        assertEquals(own, demo.demoConfDir());
        assertFalse(Files.exists(own.resolve("layer.yaml")));
        assertTrue(demo.loadDemo().yearbook().titleZh().contains("利州区"), demo.loadDemo().yearbook().titleZh());
    }

    @Test
    void confNamesTheFolderWhateverTheHomeHolds() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Path other = tmp.resolve("other");

        assertEquals(other, options(home, other).confDir());
        assertEquals(other, options(home, other).demoConfDir());
    }

    private static HomeOptions options(Path home, Path conf) {
        HomeOptions o = new HomeOptions();
        o.home = home;
        o.conf = conf;
        return o;
    }
}
