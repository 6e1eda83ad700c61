package org.wcstat.core.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schemas/README.md is what the tables' definitions render to; -Dwcstat.render=true writes it afresh. */
class SchemaReferenceTest {
    @TempDir
    Path dir;

    @Test
    void theCommittedReferenceIsWhatTheDefinitionsRenderTo() throws Exception {
        Path repo = TestRepo.root();
        String rendered = SchemaReference.render(repo.resolve("schemas"), repo.resolve("conf"));
        Path readme = repo.resolve("schemas/README.md");
        if (Boolean.getBoolean("wcstat.render")) {
            Files.writeString(readme, rendered);
        }
        assertEquals(rendered, Files.readString(readme), "schemas/README.md is out of date with schemas/warehouse/*.sql, "
                + "schemas/examples.yaml, conf/ or the codes of core (dimensions, statuses, warnings); re-render it with "
                + "mvn -q test -pl core -am -Dtest=SchemaReferenceTest -Dwcstat.render=true");
    }

    @Test
    void everyTableEveryColumnAndTheCodeListsAreThere() throws Exception {
        Path repo = TestRepo.root();
        String readme = Files.readString(repo.resolve("schemas/README.md"));
        List<TableDefinition> tables = TableDefinition.readAll(repo.resolve("schemas/warehouse"));
        assertTrue(tables.size() >= 8, tables.toString());
        for (TableDefinition t : tables) {
            assertTrue(readme.contains("\n## " + t.name() + "\n"), t.name());
            for (TableDefinition.Column c : t.columns()) {
                assertTrue(readme.contains("| `" + c.name() + "` | " + c.type() + " | "), t.name() + "." + c.name());
            }
        }
        assertTrue(readme.contains("| `510811108` | 昭化镇 Zhaohua | town |"), "towns");
        assertTrue(readme.contains("| `15-17` | 15 to 17 |"), "age bands");
        assertTrue(readme.contains("## `raw.<source>_<extract>`"), "raw tables");
    }

    @Test
    void theEvaluationCountsEveryStatusInItsOwnColumnInTheStatusesOrder() {
        // assess writes a count per ProgressStatus in the enum's order: a new status needs its column here
        TableDefinition t = TableDefinition.read(TestRepo.root().resolve("schemas/warehouse/indicators.evaluation.sql"));
        List<String> columns = t.columns().stream().map(TableDefinition.Column::name).toList();
        List<String> statuses = Arrays.stream(ProgressStatus.values()).map(ProgressStatus::code).toList();
        int first = columns.indexOf(statuses.get(0));
        assertTrue(first > 0, columns.toString());
        assertEquals(statuses, columns.subList(first, first + statuses.size()));
    }

    @Test
    void theCodeListsAreTheVocabularysCodes() throws Exception {
        String readme = Files.readString(TestRepo.root().resolve("schemas/README.md"));
        for (WarningKind k : WarningKind.values()) {
            assertTrue(readme.contains("| `" + k.code() + "` | " + k.zh() + " | " + k.en() + " |"), k.code());
        }
        for (ProgressStatus s : ProgressStatus.values()) {
            assertTrue(readme.contains("| `" + s.code() + "` | " + s.zh() + " | " + s.en() + " |"), s.code());
        }
        assertTrue(readme.contains("| `R` | 乡村 | rural |"), "residences");
        assertTrue(readme.contains("| `_U` | 不详 | unknown |"), "the unknown code");
    }

    @Test
    void aTableParsesIntoItsColumnsAndPartitioning() throws Exception {
        TableDefinition t = TableDefinition.read(TestRepo.root().resolve("schemas/warehouse/facts.observation.sql"));
        assertEquals("facts.observation", t.name());
        assertEquals(10, t.columns().size());
        assertEquals(new TableDefinition.Column("measure", "STRING", false,
                "what is counted, e.g. live_births, population (the measures named in conf/sources)"), t.columns().get(0));
        assertEquals("year, source", t.partitionedBy());
        assertTrue(t.description().startsWith("One value of one measure, in the canonical dimensions."), t.description());
    }

    @Test
    void aColumnWithoutItsMeaningIsRefusedWithItsLine() throws Exception {
        Path sql = Files.writeString(dir.resolve("facts.thing.sql"), """
                -- A table.
                CREATE TABLE IF NOT EXISTS wh.facts.thing (
                  a STRING NOT NULL COMMENT 'the a',
                  b INT,
                  c INT COMMENT 'the c')
                USING iceberg
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> TableDefinition.read(sql));
        assertEquals(sql + ":4: a column without COMMENT '...'; every column says what it means", e.getMessage());
    }

    @Test
    void anExampleMissingAColumnNamesTheTableAndBothColumnLists() throws Exception {
        Path schemas = dir.resolve("schemas");
        Files.createDirectories(schemas.resolve("warehouse"));
        Files.writeString(schemas.resolve("warehouse/facts.thing.sql"), """
                CREATE TABLE IF NOT EXISTS wh.facts.thing (
                  a STRING NOT NULL COMMENT 'the a',
                  b INT COMMENT 'the b')
                USING iceberg
                """);
        Files.writeString(schemas.resolve("examples.yaml"), "facts.thing: {a: x}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SchemaReference.render(schemas, TestRepo.root().resolve("conf")));
        assertTrue(e.getMessage().contains("the example of facts.thing has the columns [a]; the table has [a, b]"), e.getMessage());
    }
}
