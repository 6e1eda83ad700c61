package org.wcstat.core.dimension;

import org.junit.jupiter.api.Test;
import org.wcstat.core.TestRepo;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.yaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dimensions' codes and names, as the shipped conf/regions.yaml and conf/dimensions.yaml configure them. */
class VocabularyTest {
    static final String D = "510811";
    static final Vocabulary V = new Vocabulary(Yaml.read(TestRepo.root().resolve("conf/regions.yaml"), Regions.class),
            Yaml.read(TestRepo.root().resolve("conf/dimensions.yaml"), AgeBands.class));

    @Test
    void eachDimensionHasItsColumnItsCatalogNamesAndItsTitle() {
        assertEquals(List.of("region", "sex", "age_band", "residence"), List.of(Dimension.values()).stream().map(Dimension::column).toList());
        assertEquals(Set.of("town", "sex", "age", "residence"), Dimension.catalogNames());
        assertEquals(Set.of("region", "sex", "age", "residence"), Dimension.filterNames());
        assertEquals(Optional.of(Dimension.TOWN), Dimension.ofCatalogName("town"));
        assertEquals(Optional.of(Dimension.TOWN), Dimension.ofFilterName("region"));
        // "region" is the filter's name and the column's, not a by: entry; "age_band" only the column's
        assertEquals(Optional.empty(), Dimension.ofCatalogName("region"));
        assertEquals(Optional.empty(), Dimension.ofCatalogName("age_band"));
        assertEquals("分性别 by sex", Dimension.SEX.titleZh() + " " + Dimension.SEX.titleEn());
        assertEquals("分城乡 by urban and rural residence", Dimension.RESIDENCE.titleZh() + " " + Dimension.RESIDENCE.titleEn());
        // the catalog accepts exactly the vocabulary's dimensions
        assertEquals(Dimension.catalogNames(), Indicator.DISAGGREGATIONS);
    }

    @Test
    void sexAndResidenceHaveTheStandardsCodesAndRuralIsXiangcun() {
        assertEquals(List.of(new Code("F", "女", "female"), new Code("M", "男", "male")), V.codes(Dimension.SEX));
        assertEquals(List.of(new Code("U", "城镇", "urban"), new Code("R", "乡村", "rural")), V.codes(Dimension.RESIDENCE));
        assertEquals(Set.of("F", "M", "_T", "_U"), Dimension.SEX.canonicalCodes());
        assertEquals(List.of("U", "R", "_T", "_U"), new ArrayList<>(Dimension.RESIDENCE.canonicalCodes()));
    }

    @Test
    void ageBandsAndTownsComeFromTheConfiguration() {
        // conf/dimensions.yaml: 13 bands from 0 to 65+
        List<Code> ages = V.codes(Dimension.AGE);
        assertEquals(13, ages.size());
        assertEquals(new Code("0", "0岁", "aged 0"), ages.get(0));
        assertEquals(new Code("3-5", "3-5岁", "aged 3-5"), ages.get(2));
        assertEquals(new Code("65+", "65岁及以上", "aged 65+"), ages.get(12));
        // conf/regions.yaml: 12 towns, 元坝镇 (100) first; the district is no town
        List<Code> towns = V.codes(Dimension.TOWN);
        assertEquals(12, towns.size());
        assertEquals(new Code("510811100", "元坝镇", "Yuanba"), towns.get(0));
        assertEquals(Optional.of(new Code(D, "昭化区", "Zhaohua District")), V.region(D));
        assertFalse(towns.stream().anyMatch(t -> t.code().equals(D)));
        assertEquals(Optional.empty(), V.region("510811999"));
    }

    @Test
    void everyDimensionButTheRegionSharesTheTotalAndTheUnknown() {
        for (Dimension d : List.of(Dimension.SEX, Dimension.AGE, Dimension.RESIDENCE)) {
            assertEquals(Optional.of(new Code("_T", "合计", "total")), V.code(d, Dimension.TOTAL), d.name());
            assertEquals(Optional.of(new Code("_U", "不详", "unknown")), V.code(d, Dimension.UNKNOWN), d.name());
            assertEquals("_T", d.totalCode(D));
        }
        // the region's total is the district itself
        assertEquals(D, Dimension.TOWN.totalCode(D));
        assertEquals(Optional.of("乡村"), V.code(Dimension.RESIDENCE, "R").map(Code::zh));
        assertEquals(Optional.empty(), V.code(Dimension.SEX, "X"), "a code no one defined has no name");
    }

    @Test
    void aCellIsClassifiedByTheDimensionsItBreaksTheTotalDownBy() {
        assertEquals(Breakdown.TOTAL, CellKey.total(D).breakdown(D));
        assertEquals(Breakdown.TOWN, new CellKey(D + "101", "_T", "_T", "_T").breakdown(D));
        assertEquals(Breakdown.SEX, new CellKey(D, "F", "_T", "_T").breakdown(D));
        assertEquals(Breakdown.AGE, new CellKey(D, "_T", "3-5", "_T").breakdown(D));
        assertEquals(Breakdown.RESIDENCE, new CellKey(D, "_T", "_T", "R").breakdown(D));
        // two dimensions at once: a town's girls, girls aged 3-5
        assertEquals(Breakdown.CROSS, new CellKey(D + "101", "F", "_T", "_T").breakdown(D));
        assertEquals(Breakdown.CROSS, new CellKey(D, "F", "3-5", "_T").breakdown(D));
        // an unknown sex is counted in the total and in no breakdown, in the district or a town, alone or crossed
        assertEquals(Breakdown.UNKNOWN, new CellKey(D, "_U", "_T", "_T").breakdown(D));
        assertEquals(Breakdown.UNKNOWN, new CellKey(D + "101", "_T", "_T", "_U").breakdown(D));
        assertEquals(Breakdown.UNKNOWN, new CellKey(D, "F", "_U", "_T").breakdown(D));
        // the classification names the one dimension of a one-way breakdown only
        assertEquals(Optional.of(Dimension.AGE), Breakdown.AGE.dimension());
        for (Breakdown b : List.of(Breakdown.TOTAL, Breakdown.CROSS, Breakdown.UNKNOWN)) assertEquals(Optional.empty(), b.dimension());
        for (Dimension d : Dimension.values()) assertEquals(Optional.of(d), Breakdown.by(d).dimension());
        // another district's total is a town of this one's reading: what "total" means depends on the district
        assertTrue(CellKey.total(D + "101").isTotal(D + "101"));
        assertFalse(CellKey.total(D + "101").isTotal(D));
    }

    @Test
    void aKeyReadsAndReplacesOneDimensionsCode() {
        CellKey girls = CellKey.total(D).with(Dimension.SEX, "F");
        assertEquals(new CellKey(D, "F", "_T", "_T"), girls);
        assertEquals("F", girls.code(Dimension.SEX));
        assertEquals(D + "101", girls.with(Dimension.TOWN, D + "101").code(Dimension.TOWN));
        assertEquals(new CellKey(D, "F", "6-11", "U"), girls.with(Dimension.AGE, "6-11").with(Dimension.RESIDENCE, "U"));
    }

    @Test
    void aCellIsNamedAsTheWarningsNameIt() {
        assertEquals("昭化区", V.nameZh(CellKey.total(D)));
        assertEquals("元坝镇", V.nameZh(new CellKey(D + "100", "_T", "_T", "_T")));
        assertEquals("昭化区 / 女", V.nameZh(new CellKey(D, "F", "_T", "_T")));
        assertEquals("昭化区 / 乡村", V.nameZh(new CellKey(D, "_T", "_T", "R")));
        assertEquals("昭化区 / 65岁及以上", V.nameZh(new CellKey(D, "_T", "65+", "_T")));
        assertEquals("元坝镇 / 男 / 3-5岁 / 城镇", V.nameZh(new CellKey(D + "100", "M", "3-5", "U")));
        assertEquals("昭化区 / 不详", V.nameZh(new CellKey(D, "_U", "_T", "_T")));
        // codes the vocabulary lacks are shown as they are
        assertEquals("510811999 / X", V.nameZh(new CellKey("510811999", "X", "_T", "_T")));
    }

    @Test
    void readingOrderFollowsTheCodeListsThenTheCodes() {
        assertEquals(List.of("F", "M", "X"), sorted(Dimension.SEX, "X", "M", "F"));
        assertEquals(List.of("U", "R"), sorted(Dimension.RESIDENCE, "R", "U"));
        // bands as configured, not as strings (which would put 12-14 before 3-5)
        assertEquals(List.of("3-5", "6-11", "12-14", "65+"), sorted(Dimension.AGE, "65+", "12-14", "6-11", "3-5"));
        // towns in regions.yaml's order; one it lacks after them
        assertEquals(List.of(D + "101", D + "108", D + "999"), sorted(Dimension.TOWN, D + "999", D + "108", D + "101"));
    }

    private static List<String> sorted(Dimension d, String... codes) {
        List<String> l = new ArrayList<>(List.of(codes));
        l.sort(V.order(d));
        return l;
    }

    /**
     * A province's towns of one name are named with their counties, so that its tables tell them apart: 510101 is
     * listed as 甲县, 510102 is not, so its code stands for its name. A name only one town bears stays as it is.
     */
    @Test
    void townsOfOneNameAreNamedWithTheirCounties() {
        Regions.Region province = new Regions.Region("51", "四川省", "Sichuan", false);
        Regions regions = new Regions(province, List.of(new Regions.Region("510101101", "城关镇", "Chengguan", false),
                new Regions.Region("510102101", "城关镇", "Chengguan", false), new Regions.Region("510102102", "卫子镇", "Weizi", false)),
                List.of(), List.of(new Regions.Region("510101", "甲县", "Jia County", false)));
        Vocabulary v = new Vocabulary(regions, Yaml.read(TestRepo.root().resolve("conf/dimensions.yaml"), AgeBands.class));
        assertEquals(List.of("城关镇（甲县）|Chengguan (Jia County)", "城关镇（510102）|Chengguan (510102)", "卫子镇|Weizi"),
                v.codes(Dimension.TOWN).stream().map(c -> c.zh() + "|" + c.en()).toList());
    }
}
