package org.wcstat.jobs.publish;

import org.wcstat.core.catalog.Catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changed between two revisions of a year's release, read from the releases themselves (their
 * data/indicator_values.csv and manifest.json): every published value changed, added, removed, withheld or released,
 * and the loads behind the change.
 */
public final class RevisionDiff {
    public static final List<String> HEADER = List.of("indicator", "year", "region", "sex", "age_band", "residence",
            "pooled_years", "change", "previous_value", "value", "difference", "loads");

    private final RevisionNote note;

    private RevisionDiff(RevisionNote note) {
        this.note = note;
    }

    /**
     * @param from the earlier revision; by default the one before {@code to}
     * @param to   the later revision; by default the year's current release
     */
    public static RevisionDiff of(Path releasesRoot, int year, Optional<Integer> from, Optional<Integer> to, Catalog catalog) {
        List<Releases.Published> revisions = new Releases(releasesRoot).published().stream().filter(p -> p.year() == year).toList();
        if (revisions.isEmpty()) {
            throw new PublishException("no release of " + year + " under " + releasesRoot + ": publish it first (wcstat publish --year " + year + ")");
        }
        Releases.Published later = to.map(r -> revision(revisions, r, year))
                .orElseGet(() -> revisions.stream().filter(Releases.Published::current).findFirst().orElse(revisions.get(revisions.size() - 1)));
        Releases.Published earlier = from.map(r -> revision(revisions, r, year)).orElseGet(() -> revisions.stream()
                .filter(p -> p.revision() < later.revision()).reduce((a, b) -> b)
                .orElseThrow(() -> new PublishException(year + " has one revision only (" + later.folder() + "): nothing to compare it with")));
        Manifest before = Manifest.read(earlier.folder());
        Manifest after = Manifest.read(later.folder());
        return new RevisionDiff(RevisionNote.between(earlier.revision(), RevisionNote.read(earlier.folder()), later.revision(),
                RevisionNote.read(later.folder()), RevisionNote.newLoads(before, after.loads() == null ? List.of() : after.loads()), catalog));
    }

    private static Releases.Published revision(List<Releases.Published> revisions, int revision, int year) {
        return revisions.stream().filter(p -> p.revision() == revision).findFirst().orElseThrow(() -> new PublishException(
                year + " has no revision " + revision + "; its revisions are " + revisions.stream().map(Releases.Published::revision).toList()));
    }

    public int from() {
        return note.fromRevision;
    }

    public int to() {
        return note.toRevision;
    }

    /** The changes as CSV, UTF-8, with {@link #HEADER}. */
    public void writeCsv(Path file) throws java.io.IOException {
        CsvFiles.write(file, HEADER, rows());
    }

    /** One row per change, in {@link #HEADER}'s columns, values as the releases print them. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (RevisionNote.Entry e : note.entries) {
            RevisionNote.Printed c = e.cell();
            rows.add(List.of(c.indicator(), String.valueOf(c.year()), c.region(), c.sex(), c.ageBand(), c.residence(),
                    String.valueOf(c.pooledYears()), e.change().code(), e.beforeShown(), e.afterShown(),
                    e.difference() == null ? "" : CsvFiles.text(e.difference()), String.join("; ", e.loads())));
        }
        return rows;
    }
}
