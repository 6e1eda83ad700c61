package org.wcstat.core.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import org.wcstat.core.Bilingual;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.core.dimension.Code;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import org.wcstat.core.yaml.ConfFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * schemas/README.md, rendered from the tables' definitions (schemas/warehouse/*.sql), their example rows
 * (schemas/examples.yaml) and the codes wcstat uses (the dimensions of conf/ and core, the statuses and warnings):
 * a test compares it with the committed file, so the reference cannot drift from the tables or the code.
 */
public final class SchemaReference {
    /** Namespaces that can hold record-level department data: the bureau's alone. */
    private static final Set<String> BUREAU_ONLY = Set.of("raw", "quarantine");

    private SchemaReference() {
    }

    public static String render(Path schemasDir, Path confDir) {
        List<TableDefinition> tables = TableDefinition.readAll(schemasDir.resolve("warehouse"));
        Map<String, Map<String, Object>> examples = examples(schemasDir.resolve("examples.yaml"));
        ConfFolder conf = ConfFolder.open(confDir);
        Regions regions = Yaml.read(conf.file("regions.yaml"), Regions.class);
        AgeBands ages = Yaml.read(conf.file("dimensions.yaml"), AgeBands.class);
        Vocabulary vocabulary = new Vocabulary(regions, ages);
        StringBuilder md = new StringBuilder();
        md.append("""
                # The warehouse's tables

                <!-- Rendered from schemas/warehouse/*.sql, schemas/examples.yaml, conf/regions.yaml,
                     conf/dimensions.yaml and the codes of org.wcstat.core (dimensions, statuses, warnings) by
                     SchemaReferenceTest; edit those and re-render with
                     mvn -q test -pl core -am -Dtest=SchemaReferenceTest -Dwcstat.render=true -->

                Every table is an Apache Iceberg table (Parquet data files) in the catalog `wh`. Query them with
                `wcstat sql` (docs/analysts.md), which names them with or without `wh.`: `indicators.value` is
                `wh.indicators.value`. Analysts see every table below except `raw.*` and `quarantine.*`, which can
                hold record-level department data and are read with `wcstat sql --role bureau`. Each yearbook's
                release tags the snapshot of every table it read `release-<year>`; `wcstat sql --as-of-release <year>`
                reads those snapshots.

                Breakdowns use one code for "all": `%1$s` (total), as in SDMX. A value broken down by sex only has
                `age_band = '%1$s'` and `residence = '%1$s'`; the district total has all three `%1$s` and region `%2$s`.

                | table | what one row is |
                |---|---|
                """.formatted(Dimension.TOTAL, regions.district().code()));
        for (TableDefinition t : tables) {
            md.append("| [`").append(t.name()).append("`](#").append(t.name().replace(".", "")).append(") | ")
                    .append(escape(firstSentence(t.description()))).append(" |\n");
        }
        md.append("| [`raw.<source>_<extract>`](#rawsource_extract) | one department row as read, allow-listed columns only |\n");
        for (TableDefinition t : tables) {
            table(md, t, examples.get(t.name()), schemasDir.resolve("examples.yaml"));
        }
        raw(md);
        codeLists(md, vocabulary, ages);
        Set<String> unknown = new java.util.TreeSet<>(examples.keySet());
        tables.forEach(t -> unknown.remove(t.name()));
        if (!unknown.isEmpty()) {
            throw new ConfigException(schemasDir.resolve("examples.yaml") + ": examples for tables schemas/warehouse does not define: " + unknown);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, TableDefinition t, Map<String, Object> example, Path examplesFile) {
        if (example == null) {
            throw new ConfigException(examplesFile + ": no example row for " + t.name() + "; add one, column by column");
        }
        List<String> columns = t.columns().stream().map(TableDefinition.Column::name).toList();
        if (!new ArrayList<>(example.keySet()).equals(columns)) {
            throw new ConfigException(examplesFile + ": the example of " + t.name() + " has the columns " + example.keySet()
                    + "; the table has " + columns + " (schemas/warehouse/" + t.name() + ".sql)");
        }
        md.append("\n## ").append(t.name()).append("\n\n").append(escape(t.description())).append("\n\n");
        if (t.partitionedBy() != null) {
            md.append("Partitioned by ").append(t.partitionedBy()).append(". ");
        }
        String ns = t.name().substring(0, t.name().indexOf('.'));
        md.append(BUREAU_ONLY.contains(ns) ? "Visible to the bureau only (`--role bureau`)." : "Visible to analysts.").append("\n\n");
        md.append("| column | type | may be NULL | meaning | example |\n|---|---|---|---|---|\n");
        for (TableDefinition.Column c : t.columns()) {
            Object v = example.get(c.name());
            md.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ").append(c.nullable() ? "yes" : "no")
                    .append(" | ").append(escape(c.comment())).append(" | ").append(v == null ? "NULL" : "`" + escape(v.toString()) + "`")
                    .append(" |\n");
        }
    }

    private static void raw(StringBuilder md) {
        md.append("""

                ## `raw.<source>_<extract>`

                One table per extract of each department (`conf/sources/<source>.yaml`), e.g. `raw.health_birth_register`:
                every row read for a year, so that any fact can be traced back and any year re-mapped without asking the
                department again. Only the columns the extract's `raw:` allow-list names land here: `keep:` columns as the
                department's database holds them, `hash:` columns (direct identifiers such as ID-card or certificate
                numbers) as a keyed SHA-256 in hex, never in clear. Names and ID numbers not on the list never leave the
                department's database. Partitioned by `wc_year`. Visible to the bureau only (`--role bureau`); the
                warehouse keeps its folder readable by its owner only.

                | column | type | may be NULL | meaning | example |
                |---|---|---|---|---|
                | *each `keep:` column* | as in the source | as in the source | the department's value | `510811101` |
                | *each `hash:` column* | STRING | yes | SHA-256 of the pseudonym key and the value, hex | `9f86d081884c7d65…` |
                | `wc_year` | INT | no | the year loaded | `2024` |
                | `load_id` | STRING | no | the load that wrote the row (meta.load) | `health-2024-20250312T021500Z` |
                | `extracted_at` | TIMESTAMP | no | when reading began | `2025-03-12 10:15:00` |
                """);
    }

    private static void codeLists(StringBuilder md, Vocabulary vocabulary, AgeBands ages) {
        md.append("""

                ## Code lists

                Rendered from the vocabulary wcstat itself uses (`org.wcstat.core.dimension`, the assessment's statuses and
                warnings), so a code added there is listed here.

                ### Dimensions

                | dimension | column | in the catalog's `by:` | in formula filters | yearbook title |
                |---|---|---|---|---|
                """);
        for (Dimension d : Dimension.values()) {
            md.append("| ").append(d.name().toLowerCase(Locale.ROOT)).append(" | `").append(d.column()).append("` | `")
                    .append(d.catalogName()).append("` | `").append(d.filterName()).append("` | ").append(d.titleZh())
                    .append(" ").append(d.titleEn()).append(" |\n");
        }
        md.append("\nEvery dimension has two codes beside its categories: `").append(Dimension.TOTAL)
                .append("`, not broken down by it (for the region, the district's own code), and `").append(Dimension.UNKNOWN)
                .append("`, a category the source does not know, counted in the total and in no breakdown (no source maps to it yet).\n");
        for (Dimension d : List.of(Dimension.SEX, Dimension.RESIDENCE)) {
            md.append("\n### ").append(d.column()).append("\n\n| code | 中文 | English |\n|---|---|---|\n");
            List<Code> codes = new ArrayList<>(vocabulary.codes(d));
            codes.addAll(Vocabulary.sharedCodes());
            labelled(md, codes, Code::code);
        }
        md.append("\n### age_band (conf/dimensions.yaml)\n\n| code | ages | 中文 | English |\n|---|---|---|---|\n");
        for (AgeBands.Band b : ages.bands()) {
            Code c = vocabulary.code(Dimension.AGE, b.code()).orElseThrow();
            md.append("| `").append(b.code()).append("` | ").append(b.from()).append(b.to() == null ? " and over" : b.to() == b.from() ? "" : " to " + b.to())
                    .append(" | ").append(c.zh()).append(" | ").append(c.en()).append(" |\n");
        }
        for (Code c : Vocabulary.sharedCodes()) {
            md.append("| `").append(c.code()).append("` | | ").append(c.zh()).append(" | ").append(c.en()).append(" |\n");
        }
        md.append("\n### region (conf/regions.yaml)\n\n| code | name | |\n|---|---|---|\n");
        Regions regions = vocabulary.regions();
        md.append("| `").append(regions.district().code()).append("` | ").append(regions.district().nameZh()).append(" ")
                .append(regions.district().nameEn()).append(" | the district |\n");
        for (Regions.Region t : regions.towns()) {
            md.append("| `").append(t.code()).append("` | ").append(t.nameZh()).append(" ").append(t.nameEn()).append(" | ")
                    .append(t.illustrative() ? "town (illustrative code)" : "town").append(" |\n");
        }
        md.append("\n### status (indicators.assessment)\n\n| code | 中文 | English |\n|---|---|---|\n");
        labelled(md, List.of(ProgressStatus.values()), ProgressStatus::code);
        md.append("\n### kind (indicators.warning)\n\n| code | 中文 | English |\n|---|---|---|\n");
        labelled(md, List.of(WarningKind.values()), WarningKind::code);
        md.append("\n### severity (indicators.warning)\n\n| code | 中文 | English |\n|---|---|---|\n");
        labelled(md, List.of(Warning.Severity.values()), Warning.Severity::code);
        md.append("""

                ### flags

                Comma-separated; empty when none. Disclosure control suppresses published cells under the threshold of
                conf/yearbook.yaml.
                """);
    }

    private static <T extends Bilingual> void labelled(StringBuilder md, List<T> items, Function<T, String> code) {
        for (T t : items) {
            md.append("| `").append(code.apply(t)).append("` | ").append(t.zh()).append(" | ").append(t.en()).append(" |\n");
        }
    }

    private static Map<String, Map<String, Object>> examples(Path file) {
        try {
            LinkedHashMap<String, LinkedHashMap<String, Object>> m = Yaml.mapper().readValue(file.toFile(),
                    new TypeReference<LinkedHashMap<String, LinkedHashMap<String, Object>>>() {
                    });
            return m == null ? Map.of() : new LinkedHashMap<>(m);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        int colon = text.indexOf(": ");
        int end = dot < 0 ? text.length() : dot;
        if (colon >= 0 && colon < end) end = colon;
        return text.substring(0, end).replaceAll("\\.$", "");
    }

    private static String escape(String s) {
        // a bare <source> would be read as an HTML tag and vanish
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
