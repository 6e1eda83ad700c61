package org.wcstat.jobs.disseminate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A published release as its own files give it (releases/&lt;year&gt;/manifest.json and data/*.parquet), never the
 * warehouse: the database gets exactly what was published, withheld values empty. Each table file must still have
 * the hash the manifest recorded, so a file changed by hand after publication is refused rather than spread.
 *
 * @param manifestSha256 the manifest's own hash: the same hash is the same release, down to every file's bytes
 */
public record ReleaseFolder(Path dir, int year, int revision, String publishedAt, String manifestSha256, List<Table> tables) {
    static final String MANIFEST = "manifest.json";

    public static ReleaseFolder read(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new DisseminationException(dir + " holds no " + MANIFEST + ": it is not a published release; run wcstat publish"
                    + " --year <year> first");
        }
        try {
            JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
            int year = manifest.path("year").asInt(-1);
            int revision = manifest.path("revision").asInt(-1);
            if (year < 0 || revision < 1) {
                throw new DisseminationException(manifestFile + ": year or revision is missing; the manifest was changed by hand:"
                        + " restore it from a copy");
            }
            Map<String, String> hashes = new HashMap<>();
            for (JsonNode f : manifest.path("files")) hashes.put(f.path("path").asText(), f.path("sha256").asText());
            List<Table> tables = new ArrayList<>();
            Path data = dir.resolve("data");
            List<Path> files;
            try (Stream<Path> s = Files.list(data)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
            }
            for (Path file : files) {
                String path = "data/" + file.getFileName();
                String recorded = hashes.get(path);
                if (recorded == null || !recorded.equals(sha256(file))) {
                    throw new DisseminationException(dir.resolve(path) + (recorded == null ? " is not listed in " : " differs from the hash in ")
                            + MANIFEST + ": it was changed after publication; restore the release from a copy or publish again");
                }
                String name = file.getFileName().toString().replaceFirst("\\.parquet$", "");
                tables.add(ParquetTables.read(file, name));
            }
            if (tables.isEmpty()) {
                throw new DisseminationException(data + " holds no tables (*.parquet): the release is incomplete; restore it from a copy");
            }
            return new ReleaseFolder(dir, year, revision, manifest.path("published_at").asText(), sha256(manifestFile), List.copyOf(tables));
        } catch (IOException e) {
            throw new DisseminationException("cannot read the release in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new DisseminationException(dir.resolve("data") + " has no " + name + ".parquet"));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
