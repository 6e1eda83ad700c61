package org.wcstat.jobs.disseminate;

import org.junit.jupiter.api.Test;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.Vocabulary;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.jobs.TestRepo;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The region table a BI tool joins a release's codes to names a province's towns as its yearbook does. */
class DimensionTablesTest {
    @Test
    void townsOfOneNameInSeveralCountiesAreNamedWithTheirCounties() {
        Regions regions = new Regions(new Regions.Region("51", "四川省", "Sichuan", false),
                List.of(new Regions.Region("510101101", "城关镇", "Chengguan", false),
                        new Regions.Region("510102101", "城关镇", "Chengguan", false),
                        new Regions.Region("510102102", "卫子镇", "Weizi", false)),
                List.of(), List.of(new Regions.Region("510101", "甲县", "Jia County", false)));
        Vocabulary vocabulary = new Vocabulary(regions, Yaml.read(TestRepo.root().resolve("conf/dimensions.yaml"), AgeBands.class));

        // 甲县 is listed, so its 城关镇 takes its name; 510102 is not, so the other takes the county's code; 卫子镇 is one town's name
        assertEquals(List.of("[51, district, 四川省, Sichuan]",
                        "[510101101, town, 城关镇（甲县）, Chengguan (Jia County)]",
                        "[510102101, town, 城关镇（510102）, Chengguan (510102)]",
                        "[510102102, town, 卫子镇, Weizi]"),
                DimensionTables.regions(vocabulary).rows().stream().map(Arrays::toString).toList());
    }
}
