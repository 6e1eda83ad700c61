package org.wcstat.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conf/yearbook.yaml's volumes and the cities and counties of regions.yaml they name. */
class YearbookVolumesTest {
    @TempDir
    Path tmp;

    /** The shipped county, made a city of two counties: Zhaohua's towns 100–105 in 510811, 106–111 moved to 510812. */
    private Path cityOfTwoCounties(String volumes) throws IOException {
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        String regions = Files.readString(conf.resolve("regions.yaml"))
                .replace("district: {code: \"510811\", name_zh: 昭化区, name_en: Zhaohua District}",
                        "district: {code: \"5108\", name_zh: 广元市, name_en: Guangyuan}\ncounties:\n"
                                + "  - {code: \"510811\", name_zh: 昭化区, name_en: Zhaohua}\n  - {code: \"510812\", name_zh: 朝天区, name_en: Chaotian}");
        for (int t = 106; t <= 111; t++) regions = regions.replace("\"510811" + t + "\"", "\"510812" + t + "\"");
        Files.writeString(conf.resolve("regions.yaml"), regions);
        Files.writeString(conf.resolve("yearbook.yaml"), Files.readString(conf.resolve("yearbook.yaml")) + volumes);
        return conf;
    }

    @Test
    void theShippedYearbookIsOneVolume() {
        assertTrue(Configuration.load(TestRepo.demoConf()).yearbook().volumesSetting().isEmpty());
    }

    @Test
    void aYearbookSplitByCountyNamesEachTownsCountyByTheFirstSixDigitsOfItsCode() throws IOException {
        Configuration c = Configuration.load(cityOfTwoCounties("volumes: {by: county}\n"));
        assertEquals(Regions.Level.COUNTY, c.yearbook().volumesSetting().orElseThrow().level());
        assertEquals(List.of("510811", "510812"), c.regions().areas(Regions.Level.COUNTY).stream().map(Regions.Region::code).toList());
        assertEquals("510812", Regions.areaOf("510812108", Regions.Level.COUNTY));
        assertEquals("5108", Regions.areaOf("510812108", Regions.Level.CITY));
    }

    @Test
    void aSplitByCityNeedsEveryTownsCityListed() throws IOException {
        Path conf = cityOfTwoCounties("volumes: {by: city}\n");
        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();
        assertTrue(m.contains(conf.resolve("regions.yaml") + ":"), m);
        assertTrue(m.contains("town 元坝镇 (510811100) is in city 5108, which regions.yaml does not list under 'cities'"), m);
        assertTrue(m.contains("list 5108 with its names under 'cities', or leave volumes out"), m);
    }

    @Test
    void aSplitByTownIsNoSplit() throws IOException {
        Path conf = cityOfTwoCounties("volumes: {by: town}\n");
        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();
        assertTrue(m.contains("volumes by 'town': a yearbook is split by city or by county"), m);
    }

    @Test
    void aCountysCodeIsSixDigitsInsideTheDistrict() throws IOException {
        Path conf = cityOfTwoCounties("");
        Files.writeString(conf.resolve("regions.yaml"), Files.readString(conf.resolve("regions.yaml"))
                .replace("{code: \"510812\", name_zh: 朝天区", "{code: \"51081\", name_zh: 朝天区"));
        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();
        assertTrue(m.contains("county 朝天区 has code 51081; a county's code is 6 digits starting with the district's 5108"), m);
    }
}
