package org.wcstat.core.dimension;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionsTest {

    private static final Path FILE = Path.of("conf", "regions.yaml");
    private static final Regions.Region DISTRICT = new Regions.Region("510811", "昭化区", "Zhaohua District", false);

    private static Regions.Region town(String code, String nameZh) {
        return new Regions.Region(code, nameZh, nameZh, false);
    }

    private static String error(Regions.Region... towns) {
        return assertThrows(ConfigException.class, () -> new Regions(DISTRICT, List.of(towns)).validate(FILE)).getMessage();
    }

    @Test
    void townsUnderTheDistrictAreValid() {
        assertDoesNotThrow(() -> new Regions(DISTRICT, List.of(
                town("510811100", "元坝镇"), town("510811101", "卫子镇"))).validate(FILE));
    }

    @Test
    void aTownCodeOutsideTheDistrict() {
        assertEquals(FILE + ": town 元坝镇 has code 510812100; a town's code is 9 digits starting with the district's 510811",
                error(town("510812100", "元坝镇")));
    }

    @Test
    void aTownCodeOfTheWrongLength() {
        assertEquals(FILE + ": town 元坝镇 has code 51081110; a town's code is 9 digits starting with the district's 510811",
                error(town("51081110", "元坝镇")));
        assertEquals(FILE + ": town 元坝镇 has code 5108111000; a town's code is 9 digits starting with the district's 510811",
                error(town("5108111000", "元坝镇")));
    }

    @Test
    void aTownCodeWithLettersIsNotNineDigits() {
        assertEquals(FILE + ": town 元坝镇 has code 510811ABC; a town's code is 9 digits starting with the district's 510811",
                error(town("510811ABC", "元坝镇")));
    }

    @Test
    void aCodeListedTwice() {
        assertEquals(FILE + ": town 卫子镇 (510811100) is listed twice",
                error(town("510811100", "元坝镇"), town("510811100", "卫子镇")));
    }

    @Test
    void aNameListedTwiceInOneCounty() {
        assertEquals(FILE + ": town 元坝镇 (510811101) is listed twice in county 510811: name each town of a county once",
                error(town("510811100", "元坝镇"), town("510811101", "元坝镇")));
    }

    /** A province: 城关镇 in two of its counties, 510101 and 510102, and 卫子镇 once. */
    private static final Regions.Region PROVINCE = new Regions.Region("51", "四川省", "Sichuan", false);

    @Test
    void aNameTownsOfTwoCountiesBearIsAllowedAndLeadsToNeither() {
        Regions r = new Regions(PROVINCE, List.of(town("510101101", "城关镇"), town("510102101", "城关镇"), town("510102102", "卫子镇")));
        assertDoesNotThrow(() -> r.validate(FILE));
        assertEquals(java.util.Map.of("城关镇", List.of("510101101", "510102101")), r.sharedNames());
        // a row that names 城关镇 could be either town's: the name leads nowhere, the others as before; with its county
        // (regions.yaml lists none here: its code), as a return template writes it, each leads to its own town
        assertEquals(java.util.Map.of("四川省", "51", "卫子镇", "510102102", "城关镇（510101）", "510101101", "城关镇（510102）", "510102101",
                "城关镇(510101)", "510101101", "城关镇(510102)", "510102101"), r.codesByName());
        assertEquals(List.of("城关镇（510101）", "城关镇（510102）", "卫子镇"), List.copyOf(r.distinctNames().values()));
        // a county regions.yaml lists is named
        Regions listed = new Regions(PROVINCE, r.towns(), null, List.of(new Regions.Region("510101", "甲县", "Jiaxian", false)));
        assertEquals(List.of("城关镇（甲县）", "城关镇（510102）", "卫子镇"), List.copyOf(listed.distinctNames().values()));
    }

    @Test
    void anAliasOfOneOfTwoTownsOfTheSameNameNamesThatOneOnly() {
        Regions.Region first = new Regions.Region("510101101", "城关镇", "Chengguan", false, List.of("城关"));
        Regions.Region second = new Regions.Region("510102101", "城关镇", "Chengguan", false, List.of("城关"));
        assertEquals(FILE + ": the alias '城关' of town 城关镇 already names town 城关镇 (510101101); a name must point at one place,"
                + " so drop it here or there",
                assertThrows(ConfigException.class, () -> new Regions(PROVINCE, List.of(first, second)).validate(FILE)).getMessage());
        // each with an alias of its own, a department can name either
        Regions own = new Regions(PROVINCE, List.of(new Regions.Region("510101101", "城关镇", "Chengguan", false, List.of("甲县城关镇")),
                new Regions.Region("510102101", "城关镇", "Chengguan", false, List.of("乙县城关镇"))));
        assertDoesNotThrow(() -> own.validate(FILE));
        assertEquals(java.util.Map.of("四川省", "51", "甲县城关镇", "510101101", "乙县城关镇", "510102101", "城关镇（510101）", "510101101",
                "城关镇（510102）", "510102101", "城关镇(510101)", "510101101", "城关镇(510102)", "510102101"), own.codesByName());
    }

    @Test
    void anAliasNamesOnePlace() {
        Regions.Region yuanba = new Regions.Region("510811100", "元坝镇", "Yuanba", false, List.of("元坝"));
        Regions.Region weizi = new Regions.Region("510811101", "卫子镇", "Weizi", false, List.of("元坝"));
        assertEquals(FILE + ": the alias '元坝' of town 卫子镇 already names town 元坝镇; a name must point at one place, so drop it here or there",
                error(yuanba, weizi));
        Regions.Region taken = new Regions.Region("510811101", "卫子镇", "Weizi", false, List.of("元坝镇"));
        assertEquals(FILE + ": the alias '元坝镇' of town 卫子镇 already names town 元坝镇; a name must point at one place, so drop it here or there",
                error(yuanba, taken));
    }

    @Test
    void namesAndAliasesLeadToTheirCodes() {
        Regions r = new Regions(DISTRICT, List.of(new Regions.Region("510811100", "元坝镇", "Yuanba", false, List.of("元坝", "元坝乡")),
                town("510811108", "昭化镇")));
        assertEquals(java.util.Map.of("昭化区", "510811", "元坝镇", "510811100", "元坝", "510811100", "元坝乡", "510811100", "昭化镇", "510811108"),
                r.codesByName());
    }

    @Test
    void lookUpTownsAndTheDistrict() {
        Regions r = new Regions(DISTRICT, List.of(town("510811100", "元坝镇"), town("510811108", "昭化镇")));
        assertEquals("昭化镇", r.town("510811108").orElseThrow().nameZh());
        assertTrue(r.town("510811").isEmpty());
        assertEquals(DISTRICT, r.region("510811").orElseThrow());
        assertEquals("元坝镇", r.region("510811100").orElseThrow().nameZh());
        assertTrue(r.region("510811999").isEmpty());
    }
}
