package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * manifest.json: what a release was built from (the warehouse snapshots, the catalog, the loads) and
 * every file it holds with its SHA-256 and size, so two releases can be compared file by file and a
 * file checked against the release it came with.
 */
final class Manifest {
    static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    static ObjectNode create() {
        return JSON.createObjectNode();
    }

    static JsonNode read(Path release) {
        Path file = release.resolve(FILE);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PublishException("cannot read " + file + ": " + e.getMessage()
                    + "; a release without its manifest cannot be compared or superseded: move it aside and publish again");
        }
    }

    /** Lists every file under the release folder (but the manifest) in "files", then writes the manifest. */
    static void write(Path release, ObjectNode manifest) throws IOException {
        ArrayNode files = manifest.putArray("files");
        for (var e : hashes(release).entrySet()) {
            ObjectNode f = files.addObject();
            f.put("path", e.getKey());
            f.put("sha256", e.getValue().sha256());
            f.put("size", e.getValue().size());
        }
        JSON.writeValue(release.resolve(FILE).toFile(), manifest);
    }

    record FileHash(String sha256, long size) {
    }

    /** The manifest's files by path. */
    static Map<String, FileHash> files(JsonNode manifest) {
        Map<String, FileHash> m = new TreeMap<>();
        for (JsonNode f : manifest.path("files")) {
            m.put(f.path("path").asText(), new FileHash(f.path("sha256").asText(), f.path("size").asLong()));
        }
        return m;
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
    static String catalogVersion(Path indicatorsDir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> s = Files.list(indicatorsDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            }
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
