package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** manifest.json read into its record and written back: the same bytes, field for field, as releases hold them. */
class ManifestTest {
    /**
     * A manifest as publish wrote them before it had a record of its own (JSON built node by node): a second
     * revision, a table never written, a load without a facts snapshot.
     */
    static final String WRITTEN = """
            {
              "year" : 2024,
              "revision" : 2,
              "tag" : "release-2024",
              "built_from" : "tag",
              "supersedes" : 1,
              "published_at" : "2025-03-20T02:15:00.123456789Z",
              "catalog_version" : "sha256:73aee2687cd7ba1ac7ac459416922db713e75ba1846262520b9867ca6932703a",
              "snapshots" : {
                "indicators.value" : 4480232502063498941,
                "indicators.assessment" : 8188488810362419755,
                "indicators.warning" : 826324950822653137,
                "indicators.series" : null,
                "indicators.evaluation" : null,
                "facts.observation" : 1091241928268439361,
                "meta.load" : 674485409383346284
              },
              "disclosure" : {
                "threshold" : 3,
                "zeros_count" : false,
                "withheld_small_counts" : 2,
                "withheld_to_protect_them" : 2
              },
              "loads" : [ {
                "load_id" : "L-D-2024",
                "source" : "health",
                "extract" : "report",
                "year" : 2024,
                "started_at" : "2025-03-01T00:00:00Z",
                "status" : "ok",
                "rows_read" : 10,
                "rows_written" : 10,
                "rows_quarantined" : 0,
                "facts_snapshot_id" : null
              } ],
              "files" : [ {
                "path" : "data/indicator_values.csv",
                "sha256" : "68e541e10798ac9d5426227c63c5da8fd96de5a2b6be8c7ba72f811f097f04b8",
                "size" : 762
              }, {
                "path" : "yearbook.xlsx",
                "sha256" : "958f7735aa575d2b3880908bdc404a7f8938ef21a35dcf79e54afbf848c87851",
                "size" : 468
              } ]
            }""";

    @TempDir
    Path dir;

    @Test
    void aReleasesManifestReadsAndWritesBackByteForByte() throws Exception {
        Files.writeString(dir.resolve(Manifest.FILE), WRITTEN);
        Manifest m = Manifest.read(dir);
        assertEquals(2, m.revision());
        assertEquals(1, m.supersedes());
        assertNull(m.snapshots().get("indicators.series"));
        assertNull(m.loads().get(0).factsSnapshotId());
        Path again = Files.createDirectory(dir.resolve("again"));
        m.write(again);
        assertEquals(WRITTEN, Files.readString(again.resolve(Manifest.FILE)));
    }

    @Test
    void theFirstRevisionNamesNoneItSupersedes() throws Exception {
        Files.writeString(dir.resolve(Manifest.FILE), WRITTEN.replace("  \"supersedes\" : 1,\n", "").replace("\"revision\" : 2", "\"revision\" : 1"));
        Manifest first = Manifest.read(dir);
        assertNull(first.supersedes());
        Path again = Files.createDirectory(dir.resolve("again"));
        first.write(again);
        assertFalse(Files.readString(again.resolve(Manifest.FILE)).contains("supersedes"));
    }

    @Test
    void twoReleasesHoldTheSameDataWhenTheirDataFilesAgree() throws Exception {
        Files.writeString(dir.resolve(Manifest.FILE), WRITTEN);
        Manifest m = Manifest.read(dir);
        // the workbook carries its writer's time: another one is the same release
        Manifest rewritten = with(m, List.of(m.files().get(0), new Manifest.File("yearbook.xlsx", "00", 1)));
        assertEquals(Optional.empty(), m.firstDataDifference(rewritten));
        Manifest otherData = with(m, List.of(new Manifest.File("data/indicator_values.csv", "00", 762), m.files().get(1)));
        assertEquals(Optional.of("data/indicator_values.csv"), m.firstDataDifference(otherData));
        Manifest moreData = with(m, List.of(m.files().get(0), new Manifest.File("data/warnings.csv", "11", 3), m.files().get(1)));
        assertEquals(Optional.of("data/warnings.csv"), m.firstDataDifference(moreData));
        assertEquals(Map.of("data/indicator_values.csv", new Manifest.FileHash(m.files().get(0).sha256(), 762),
                "yearbook.xlsx", new Manifest.FileHash(m.files().get(1).sha256(), 468)), m.filesByPath());
    }

    private static Manifest with(Manifest m, List<Manifest.File> files) {
        return new Manifest(m.year(), m.revision(), m.tag(), m.builtFrom(), m.supersedes(), m.supersedesManifest(), m.publishedAt(), m.catalogVersion(),
                m.snapshots(), m.disclosure(), m.loads(), files);
    }
}
