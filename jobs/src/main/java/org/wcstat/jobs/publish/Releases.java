package org.wcstat.jobs.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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
final class Releases {
    /**
     * The files whose bytes depend on the data alone: what "the same release" means. Not the SDMX
     * structure, whose header carries the commit time of the values' snapshot: the same data computed
     * again is a new commit.
     */
    static boolean isDataFile(String path) {
        return path.startsWith("data/") || path.equals("sdmx/" + SdmxFiles.DATA);
    }

    private final Path root;

    Releases(Path root) {
        this.root = root;
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
