package org.wcstat.jobs.publish;

import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The releases folder. releases/&lt;year&gt;/ holds the year's current release; a release is never
 * changed once there. Publishing a year again from changed data is refused unless asked for, and then
 * the release it supersedes is kept as releases/&lt;year&gt;-r&lt;revision&gt;/, whole and unchanged.
 * Releases are built in a scratch folder beside them and renamed into place, so a reader sees all of a
 * release or none of it.
 */
public final class Releases {
    /** The folder names of current and superseded releases: releases/2024/, releases/2024-r1/. */
    private static final Pattern CURRENT = Pattern.compile("\\d+");
    private static final Pattern SUPERSEDED = Pattern.compile("\\d+-r\\d+");
    private static final Pattern SCRATCH = Pattern.compile("\\.\\d+-[0-9a-f-]{36}");

    /**
     * A release as its manifest describes it.
     *
     * @param builtFrom "warehouse" (the tables as they were) or "tag" (as the year's tag marked them)
     * @param snapshots the snapshot of each table it read, by the table's name without "wh."; null for a table never written
     * @param current   whether it is the year's current release (releases/&lt;year&gt;/), or one it superseded
     */
    public record Published(int year, int revision, Instant publishedAt, String builtFrom, Map<String, Long> snapshots,
                            Path folder, boolean current) {
        /** The snapshot of a warehouse table ({@link Warehouse#INDICATOR_VALUES} …) it was built from; null if none. */
        public Long snapshot(String table) {
            return snapshots.get(table.substring("wh.".length()));
        }
    }

    /**
     * The files whose bytes depend on the data alone: what "the same release" means. Not the SDMX
     * structure, whose header carries the commit time of the values' snapshot: the same data computed
     * again is a new commit.
     */
    static boolean isDataFile(String path) {
        return path.startsWith("data/") || path.equals("sdmx/" + SdmxFiles.DATA);
    }

    private final Path root;

    public Releases(Path root) {
        this.root = root;
    }

    /** Every release under the folder, current and superseded, by year and revision; none if there is no folder. */
    public List<Published> published() {
        if (!Files.isDirectory(root)) return List.of();
        List<Published> releases = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                // scratch folders of publications under way (".2024-…") are neither
                if (CURRENT.matcher(name).matches() || SUPERSEDED.matcher(name).matches()) {
                    releases.add(published(p, CURRENT.matcher(name).matches()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases in " + root + ": " + e.getMessage(), e);
        }
        releases.sort(Comparator.comparingInt(Published::year).thenComparingInt(Published::revision));
        return releases;
    }

    private static Published published(Path folder, boolean current) {
        Manifest m = Manifest.read(folder);
        Instant at;
        try {
            at = Instant.parse(m.publishedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PublishException(folder.resolve(Manifest.FILE) + ": published_at '" + m.publishedAt()
                    + "' is not a time; the manifest was changed by hand: restore it from a copy");
        }
        Map<String, Long> snapshots = new TreeMap<>(m.snapshots() == null ? Map.of() : m.snapshots());
        return new Published(m.year(), m.revision(), at, m.builtFrom(), Collections.unmodifiableMap(snapshots), folder, current);
    }

    Path root() {
        return root;
    }

    /** A scratch folder's name: that of a publication under way, or of one killed before its release was in place. */
    static boolean isScratch(String name) {
        return SCRATCH.matcher(name).matches();
    }

    Path current(int year) {
        return root.resolve(String.valueOf(year));
    }

    Path superseded(int year, int revision) {
        return root.resolve(year + "-r" + revision);
    }

    Path scratch(int year) throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve("." + year + "-" + UUID.randomUUID()));
    }

    Optional<Manifest> currentManifest(int year) {
        Path current = current(year);
        return Files.isDirectory(current) ? Optional.of(Manifest.read(current)) : Optional.empty();
    }

    /**
     * The revision a new release of the year gets: one after the current one, or after the highest kept
     * earlier one (a publication stopped between its two renames leaves no current release).
     */
    int nextRevision(int year) throws IOException {
        int max = currentManifest(year).map(Manifest::revision).orElse(0);
        if (!Files.isDirectory(root)) return max + 1;
        Pattern kept = Pattern.compile(Pattern.quote(String.valueOf(year)) + "-r(\\d+)");
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                Matcher m = kept.matcher(p.getFileName().toString());
                if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }

    /** Renames the built release into place; the current one, if any, first becomes releases/&lt;year&gt;-r&lt;revision&gt;. */
    void install(int year, Path built, Integer supersededRevision) throws IOException {
        Path current = current(year);
        if (supersededRevision == null) {
            Files.move(built, current, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path kept = superseded(year, supersededRevision);
        Files.move(current, kept, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(built, current, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the superseded release goes back: the year keeps its current release
            Files.move(kept, current, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
