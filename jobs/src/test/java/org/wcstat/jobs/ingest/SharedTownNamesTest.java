package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Regions;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A province has a 城关镇 in many counties. An extract that names its towns cannot tell which one a row means: the row
 * is quarantined with a reason that says so and what to do, while a town's own alias, or its name with its county's as
 * the return templates write it, still finds it.
 */
class SharedTownNamesTest {
    @TempDir
    Path tmp;

    @Test
    void aNameTwoTownsBearIsQuarantinedWithWhyAndAnOwnAliasIsRead() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        Regions province = new Regions(new Regions.Region("51", "四川省", "Sichuan", false), List.of(
                new Regions.Region("510101101", "城关镇", "Chengguan", false, List.of("甲县城关镇")),
                new Regions.Region("510102101", "城关镇", "Chengguan", false),
                new Regions.Region("510102102", "卫子镇", "Weizi", false)));
        SourceConfig.Extract byName = new SourceConfig.Extract("counts", null, "t", null, null, null, SourceConfig.CodeMapping.of("things"),
                new SourceConfig.RegionMapping(null, "town"), null, null, null, null, List.of("town"), null, null, null, null, null, null, null);
        ExtractMapper mapper = new ExtractMapper(byName, province, Configuration.load(TestRepo.demoConf()).ageBands(), lit(2024),
                Set.of(Dimension.TOWN));
        List<Row> rows = List.of(RowFactory.create("城关镇"), RowFactory.create("甲县城关镇"), RowFactory.create("卫子镇"), RowFactory.create("某某镇"),
                RowFactory.create("城关镇（510102）"), RowFactory.create("城关镇(510101)"));
        List<Row> mapped = mapper.map(spark.createDataFrame(rows, new StructType().add("town", DataTypes.StringType)))
                .select("_region", ExtractMapper.PROBLEM).collectAsList();

        // by hand: 城关镇 is two towns' name, so no town; 甲县城关镇 is the first's alias; 卫子镇 one town's name
        assertNull(mapped.get(0).get(0));
        assertEquals("town '城关镇' is the name of 2 towns in conf/regions.yaml (510101101, 510102101): only its county tells them"
                + " apart, so write 城关镇（510101） or 城关镇（510102） as the return templates do, read this extract's towns by code"
                + " (region: {code: ...}), or give each town its own alias and its rows that alias", mapped.get(0).getString(1));
        // with its county (regions.yaml lists no county here: its code), as a return template writes it, the second 城关镇
        assertEquals("510102101|", mapped.get(4).getString(0) + "|" + mapped.get(4).getString(1));
        // the parentheses typed half-width, the first
        assertEquals("510101101|", mapped.get(5).getString(0) + "|" + mapped.get(5).getString(1));
        assertEquals("510101101|", mapped.get(1).getString(0) + "|" + mapped.get(1).getString(1));
        assertEquals("510102102|", mapped.get(2).getString(0) + "|" + mapped.get(2).getString(1));
        // a name no town bears is unknown, as before
        assertNull(mapped.get(3).get(0));
        assertTrue(mapped.get(3).getString(1).startsWith("town '某某镇' is not a town of 四川省 in conf/regions.yaml"), mapped.get(3).getString(1));
    }
}
