package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the next publication makes of a republication killed on its way into place, the release folders written
 * by hand as a killed run leaves them (no tags to move, so no warehouse): killed between its two renames, it is
 * finished; killed before the first, it is forgotten; a scratch folder no pending publication names is removed.
 * KilledRunTest kills real runs before and after a first publication's rename.
 */
class ReleaseCommitTest {
    @TempDir
    Path home;

    @Test
    void aRepublicationKilledBetweenItsTwoRenamesIsFinished() throws IOException {
        Path root = home.resolve("releases");
        release(root.resolve("2024-r1"), 1);
        String scratch = "." + 2024 + "-" + UUID.randomUUID();
        release(root.resolve(scratch), 2);
        pending(scratch);

        ReleaseCommit.complete(null, home, root, Progress.SILENT);

        assertEquals(List.of("2024", "2024-r1"), names(root));
        assertEquals(2, Manifest.read(root.resolve("2024")).revision());
        assertEquals(1, Manifest.read(root.resolve("2024-r1")).revision());
        assertFalse(Files.exists(ReleaseCommit.marker(home, 2024)));
    }

    @Test
    void aRepublicationKilledBeforeItsFirstRenameIsForgottenAndItsScratchRemoved() throws IOException {
        Path root = home.resolve("releases");
        release(root.resolve("2024"), 1);
        String scratch = "." + 2024 + "-" + UUID.randomUUID();
        release(root.resolve(scratch), 2);
        pending(scratch);
        // a publication killed before it recorded anything left this one
        release(root.resolve("." + 2023 + "-" + UUID.randomUUID()), 1);

        ReleaseCommit.complete(null, home, root, Progress.SILENT);

        assertEquals(List.of("2024"), names(root));
        assertEquals(1, Manifest.read(root.resolve("2024")).revision());
        assertFalse(Files.exists(ReleaseCommit.marker(home, 2024)));
    }

    @Test
    void aPendingPublicationIsNoPendingLoad() throws IOException {
        Path locks = home.resolve("locks");
        Files.createDirectories(locks);
        for (String marker : List.of("pending-release-2024.json", "pending-assess-fast-forwards.json", "pending-civil_affairs-2024")) {
            Files.writeString(locks.resolve(marker), "{}");
        }
        assertEquals(List.of("civil_affairs-2024"), LoadCoordination.unfinishedLoads(home));
    }

    /** A release folder with its manifest and one file, as publish writes them (the fields read here). */
    private static void release(Path dir, int revision) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.html"), "<p>revision " + revision + "</p>");
        Files.writeString(dir.resolve(Manifest.FILE), """
                {"year": 2024, "revision": %d, "tag": "release-2024", "built_from": "warehouse",
                 "published_at": "2026-01-01T00:00:00Z", "snapshots": {}, "files": []}
                """.formatted(revision));
    }

    /** The marker of revision 2 superseding revision 1, with no tags to point. */
    private void pending(String scratch) throws IOException {
        Path marker = ReleaseCommit.marker(home, 2024);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, """
                {"year": 2024, "revision": 2, "scratch": "%s", "superseded": 1, "tags": {}}
                """.formatted(scratch));
    }

    private static List<String> names(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
