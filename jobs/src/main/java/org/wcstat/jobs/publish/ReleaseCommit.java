package org.wcstat.jobs.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.FaultPoint;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a release built whole in its scratch folder becomes the year's release, with its tags. Its commit point
 * is the rename of the scratch folder into releases/&lt;year&gt;/ (for a republication, the first of its two
 * renames: the current release to releases/&lt;year&gt;-r&lt;n&gt;/). The tags, commits to the warehouse's
 * tables, follow it, as Iceberg cannot commit them with a rename of a folder: a marker in the home
 * (locks/pending-release-&lt;year&gt;.json), written whole before the first rename and removed after the last
 * tag, names the scratch folder, the revisions and every tag's snapshots. The next publication, or the next
 * command that opens the warehouse, finishes a publication killed after its commit point (the second rename,
 * the tags) and forgets one killed before it, whose scratch folder it removes with any other a killed run left.
 */
public final class ReleaseCommit {
    /** The fault tests halt a publication here: the release built whole and recorded as pending, nothing renamed. */
    public static final String BUILT = "release-built";
    /** ... and here: the release in place, its tags not yet moved. */
    public static final String INSTALLED = "release-installed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("pending-release-(\\d+)\\.json");

    /**
     * A publication about to be installed.
     *
     * @param scratch    the scratch folder's name under releases/
     * @param superseded the revision the current release keeps as releases/&lt;year&gt;-r&lt;n&gt;/, or null
     * @param tags       every tag to point, by name: the snapshot per table (null: no tag on that table)
     */
    record Pending(int year, int revision, String scratch, Integer superseded, Map<String, Map<String, Long>> tags) {
    }

    private ReleaseCommit() {
    }

    static Path marker(Path home, int year) {
        return home.resolve("locks").resolve("pending-release-" + year + ".json");
    }

    /** Installs the built release and points its tags: the steps a kill may cut short, with the marker around them. */
    static void install(JobContext ctx, Releases releases, Pending p) throws IOException {
        Path marker = marker(ctx.home(), p.year());
        write(marker, p);
        FaultPoint.reach(BUILT);
        try {
            releases.install(p.year(), releases.root().resolve(p.scratch()), p.superseded());
        } catch (IOException | RuntimeException e) {
            // install puts back what it moved: the release is as it was, and so are the tags, not yet moved
            Files.deleteIfExists(marker);
            throw e;
        }
        FaultPoint.reach(INSTALLED);
        tag(ctx.warehouse(), ctx.home(), p);
        Files.deleteIfExists(marker);
    }

    /**
     * Finishes or forgets every publication a killed run left pending, then removes scratch folders no pending
     * publication names. Call under the publications' lock
     * ({@link LoadCoordination#publishLock}), so no publication under way is taken for a killed one; costs a folder listing when there is nothing to do.
     */
    static void complete(Warehouse warehouse, Path home, Path root, Progress progress) {
        Path locks = home.resolve("locks");
        if (Files.isDirectory(locks)) {
            try (Stream<Path> s = Files.list(locks)) {
                for (Path marker : s.sorted().toList()) {
                    Matcher m = MARKER.matcher(marker.getFileName().toString());
                    if (m.matches()) finish(warehouse, home, new Releases(root), read(marker), marker, progress);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the publications pending in " + locks + ": " + e.getMessage(), e);
            }
        }
        removeScratch(root, progress);
    }

    private static void finish(Warehouse warehouse, Path home, Releases releases, Pending p, Path marker, Progress progress)
            throws IOException {
        Path current = releases.current(p.year());
        Path built = releases.root().resolve(p.scratch());
        boolean inPlace = Files.isDirectory(current) && Manifest.read(current).revision() == p.revision();
        boolean halfRenamed = !Files.exists(current) && Files.isDirectory(built) && p.superseded() != null
                && Files.isDirectory(releases.superseded(p.year(), p.superseded()));
        if (inPlace || halfRenamed) {
            progress.warn("completing the publication of " + p.year() + " revision " + p.revision() + " a run ended in the middle of");
            if (halfRenamed) Files.move(built, current, StandardCopyOption.ATOMIC_MOVE);
            tag(warehouse, home, p);
        } else {
            progress.warn("the publication of " + p.year() + " revision " + p.revision() + " ended before its release was in place;"
                    + " the releases and tags are as they were: run publish --year " + p.year() + " again");
        }
        Files.deleteIfExists(marker);
    }

    /** Points every tag of the publication, under the warehouse's commit lock as every commit to a shared table. */
    private static void tag(Warehouse warehouse, Path home, Pending p) {
        try (LoadCoordination.Lock ignored = LoadCoordination.commitLock(home)) {
            p.tags().forEach((name, ids) -> {
                ids.keySet().forEach(t -> warehouse.spark().sql("REFRESH TABLE " + t));
                ReleaseSnapshot.restore(warehouse.spark(), name, ids);
            });
        }
    }

    /** The scratch folders of killed publications (".2024-…"), named by no pending marker now that those are done. */
    private static void removeScratch(Path root, Progress progress) {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isDirectory).filter(p -> Releases.isScratch(p.getFileName().toString())).toList()) {
                progress.warn("removing " + p + ", left by a publication that ended before it was in place");
                Releases.deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + root + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path marker, Pending p) throws IOException {
        Files.createDirectories(marker.getParent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", p.year());
        json.put("revision", p.revision());
        json.put("scratch", p.scratch());
        json.put("superseded", p.superseded());
        json.put("tags", p.tags());
        Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(json));
        // whole or absent: a marker cut short would name fewer tags than the release needs
        Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Pending read(Path marker) {
        try {
            Map<String, Object> m = JSON.readValue(Files.readString(marker), new TypeReference<>() {
            });
            Map<String, Map<String, Long>> tags = new LinkedHashMap<>();
            @SuppressWarnings("unchecked") Map<String, Map<String, Number>> raw = (Map<String, Map<String, Number>>) m.get("tags");
            raw.forEach((name, ids) -> {
                Map<String, Long> byTable = new LinkedHashMap<>();
                ids.forEach((t, id) -> byTable.put(t, id == null ? null : id.longValue()));
                tags.put(name, byTable);
            });
            return new Pending(((Number) m.get("year")).intValue(), ((Number) m.get("revision")).intValue(), (String) m.get("scratch"),
                    m.get("superseded") == null ? null : ((Number) m.get("superseded")).intValue(), tags);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(marker + " records a publication a run did not finish, but cannot be read (" + e.getMessage()
                    + "); compare releases/ with the tags (wcstat status), delete the file and publish again", e);
        }
    }
}
