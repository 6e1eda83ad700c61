package org.wcstat.jobs.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * manifest.json: what a release was built from (the warehouse snapshots, the catalog, the loads) and every
 * file it holds with its SHA-256 and size, so two releases can be compared file by file and a file checked
 * against the release it came with. Its fields are written in the order declared here.
 *
 * @param builtFrom   "warehouse": the tables as they were; "tag": as an earlier publication's tag marked them
 * @param supersedes  the revision this one replaced; absent from the first
 * @param supersedesManifest the SHA-256 of the replaced revision's manifest.json, which chains the revisions: each names
 *                    the exact release it replaced; absent from the first
 * @param snapshots   the snapshot id of every table read, by its name without "wh."; null for one never written
 */
@JsonPropertyOrder({"year", "revision", "tag", "built_from", "supersedes", "supersedes_manifest_sha256", "published_at", "catalog_version", "snapshots",
        "disclosure", "loads", "files"})
record Manifest(
        @JsonProperty("year") int year,
        @JsonProperty("revision") int revision,
        @JsonProperty("tag") String tag,
        @JsonProperty("built_from") String builtFrom,
        @JsonProperty("supersedes") @JsonInclude(JsonInclude.Include.NON_NULL) Integer supersedes,
        @JsonProperty("supersedes_manifest_sha256") @JsonInclude(JsonInclude.Include.NON_NULL) String supersedesManifest,
        @JsonProperty("published_at") String publishedAt,
        @JsonProperty("catalog_version") String catalogVersion,
        @JsonProperty("snapshots") Map<String, Long> snapshots,
        @JsonProperty("disclosure") Disclosure disclosure,
        @JsonProperty("loads") List<Load> loads,
        @JsonProperty("files") List<File> files) {

    static final String FILE = "manifest.json";
    private static final String WAREHOUSE = "wh.";
    // a manifest written by a later wcstat may carry more: what this one needs is read, the rest left
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Disclosure control as applied: the rule, and how many values it withheld for each reason. */
    @JsonPropertyOrder({"threshold", "zeros_count", "withheld_small_counts", "withheld_to_protect_them"})
    record Disclosure(
            @JsonProperty("threshold") int threshold,
            @JsonProperty("zeros_count") boolean zerosCount,
            @JsonProperty("withheld_small_counts") int withheldSmallCounts,
            @JsonProperty("withheld_to_protect_them") int withheldToProtectThem) {
    }

    /** A load (meta.load) whose facts the release rests on. */
    @JsonPropertyOrder({"load_id", "source", "extract", "year", "started_at", "status", "rows_read", "rows_written",
            "rows_quarantined", "facts_snapshot_id"})
    record Load(
            @JsonProperty("load_id") String loadId,
            @JsonProperty("source") String source,
            @JsonProperty("extract") String extract,
            @JsonProperty("year") Integer year,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("status") String status,
            @JsonProperty("rows_read") Long rowsRead,
            @JsonProperty("rows_written") Long rowsWritten,
            @JsonProperty("rows_quarantined") Long rowsQuarantined,
            @JsonProperty("facts_snapshot_id") Long factsSnapshotId) {

        /** A row of meta.load. */
        static Load of(Row r) {
            return new Load(r.getAs("load_id"), r.getAs("source"), r.getAs("extract"), r.getAs("year"),
                    r.<Timestamp>getAs("started_at").toInstant().toString(), r.getAs("status"), r.getAs("rows_read"),
                    r.getAs("rows_written"), r.getAs("rows_quarantined"), r.getAs("facts_snapshot_id"));
        }
    }

    /** One file of the release, by its path relative to the release folder with "/" separators. */
    @JsonPropertyOrder({"path", "sha256", "size"})
    record File(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256, @JsonProperty("size") long size) {
    }

    record FileHash(String sha256, long size) {
    }

    /** The snapshots of the warehouse's tables, keyed as the manifest names them. */
    static Map<String, Long> snapshotsByName(Map<String, Long> byTable) {
        Map<String, Long> m = new LinkedHashMap<>();
        byTable.forEach((table, id) -> m.put(table.substring(WAREHOUSE.length()), id));
        return m;
    }

    /** The manifest's snapshot ids by the warehouse's full table names, for the tables a release reads. */
    Map<String, Long> snapshotIds(List<String> tables) {
        Map<String, Long> ids = new TreeMap<>();
        for (String t : tables) ids.put(t, snapshots.get(t.substring(WAREHOUSE.length())));
        return ids;
    }

    /** The files of a built release folder: every file under it but the manifest, in path order. */
    static List<File> filesOf(Path release) throws IOException {
        List<File> files = new ArrayList<>();
        for (var e : hashes(release).entrySet()) files.add(new File(e.getKey(), e.getValue().sha256(), e.getValue().size()));
        return files;
    }

    static Manifest read(Path release) {
        Path file = release.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new PublishException("cannot read " + file + ": " + e.getMessage()
                    + "; a release without its manifest cannot be compared or superseded: move it aside and publish again");
        }
    }

    void write(Path release) throws IOException {
        JSON.writeValue(release.resolve(FILE).toFile(), this);
    }

    /** The manifest's files by path. */
    Map<String, FileHash> filesByPath() {
        Map<String, FileHash> m = new TreeMap<>();
        for (File f : files) m.put(f.path(), new FileHash(f.sha256(), f.size()));
        return m;
    }

    /**
     * The first data file ({@link Releases#isDataFile}) that differs between this release and another, or empty
     * when both hold the same data: what "the same release" means.
     */
    Optional<String> firstDataDifference(Manifest other) {
        Map<String, FileHash> mine = filesByPath();
        Map<String, FileHash> theirs = other.filesByPath();
        TreeSet<String> paths = new TreeSet<>(mine.keySet());
        paths.addAll(theirs.keySet());
        for (String path : paths) {
            if (Releases.isDataFile(path) && !Objects.equals(mine.get(path), theirs.get(path))) return Optional.of(path);
        }
        return Optional.empty();
    }

    /** Every file under a folder but the manifest, by its path relative to the folder with "/" separators. */
    static Map<String, FileHash> hashes(Path dir) throws IOException {
        Map<String, FileHash> m = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path p : files) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            if (rel.equals(FILE)) continue;
            m.put(rel, new FileHash(sha256(p), Files.size(p)));
        }
        return m;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The catalog's version: a SHA-256 over the names and contents of conf/indicators/*.yaml, in name order. */
    static String catalogVersion(List<Path> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files) {
                md.update((p.getFileName().toString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
