package org.wcstat.jobs.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.PlanGoals;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.jobs.GroupCommit;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.disseminate.Dissemination;
import org.wcstat.jobs.ingest.FaultPoint;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * Writes the year's release under releases/&lt;year&gt;/ (docs/releases.md): the yearbook,
 * data/ for analysts, sdmx/ and manifest.json, from one pinned state of the warehouse that the Iceberg
 * tag release-&lt;year&gt; then marks on every table read. A release is never changed in place: the same
 * data again writes nothing, changed data are refused unless {@link Options#republish()}, and a
 * republication keeps the release it supersedes as releases/&lt;year&gt;-r&lt;revision&gt;/.
 */
public final class PublishJob implements Job {

    /**
     * @param republish publish a new revision even though the year has a release
     * @param fromTag   read the warehouse as the year's release tag marks it, not as it is now
     */
    public record Options(boolean republish, boolean fromTag) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** The fault tests stop a publication here: the yearbook written to the scratch folder, the data files not yet. */
    public static final String HALF_WRITTEN = "release-half-written";

    private final Options options;

    public PublishJob() {
        this(Options.DEFAULT);
    }

    public PublishJob(Options options) {
        this.options = options;
    }

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        Warehouse wh = ctx.warehouse().ensureTables();
        try (LoadCoordination.Lock ignored = LoadCoordination.publishLock(ctx.home())) {
            // an assessment killed between its tables' fast-forwards is finished before they are read, and a
            // publication killed after its release was in place gets its tags
            GroupCommit.complete(wh, ctx.home(), ctx.progress());
            ReleaseCommit.complete(wh, ctx.home(), ctx.releases(), ctx.progress());
            return publish(ctx, wh, year);
        }
    }

    private String publish(JobContext ctx, Warehouse wh, int year) {
        YearbookLayout layout = ctx.config().yearbook();
        Catalog catalog = ctx.config().catalog();
        String district = ctx.config().regions().district().code();
        ReleaseSnapshot snapshot = options.fromTag() ? ReleaseSnapshot.tagged(wh, year) : ReleaseSnapshot.current(wh);
        ctx.progress().step("reading the warehouse at snapshots " + snapshot.snapshots().values()
                + (options.fromTag() ? " (tag " + ReleaseSnapshot.tag(year) + ")" : ""));

        List<Row> rows = snapshot.read(Warehouse.INDICATOR_VALUES).where(col("year").leq(year))
                .orderBy("indicator", "year", "region", "sex", "age_band", "residence", "pooled_years").collectAsList();
        // a yearbook split by city also publishes each city's own totals: they are withheld with the rest, and their towns with them
        Optional<Volumes> volumes = layout.volumesSetting().map(v -> new Volumes(ctx.config().regions(), v.level()));
        List<Row> areaRows = volumes.map(v -> AreaValues.of(rows, catalog, v.areaOfTown())).orElse(List.of());
        Withholding withholding = new Withholding(catalog, district, layout.disclosure().rule(),
                volumes.map(Volumes::areaOfTown).orElse(Map.of()));
        List<PublishedValue> values = new ArrayList<>();
        List<PublishedValue> areaValues = new ArrayList<>();
        List<Row> all = new ArrayList<>(rows);
        all.addAll(areaRows);
        for (PublishedValue v : withholding.apply(all)) (volumes.isPresent() && volumes.get().isArea(v.region()) ? areaValues : values).add(v);
        // the assessment judges the values indicators are published by; a withheld single year of a pooled one is not among them
        ReleaseTables tables = new ReleaseTables(PublishedValue.headline(values));
        // the tables as the snapshot has them, schema included: a later column must not change a rebuilt release
        Dataset<Row> assessmentTable = snapshot.read(Warehouse.ASSESSMENT);
        Dataset<Row> warningTable = snapshot.read(Warehouse.WARNINGS);
        List<Row> assessment = tables.assessment(assessmentTable.where(col("assessed_year").equalTo(year))
                .orderBy("indicator", "region", "sex", "age_band", "residence").collectAsList());
        List<Row> warnings = tables.warnings(warningTable.where(col("assessed_year").equalTo(year))
                .orderBy("indicator", "region", "sex", "age_band", "residence", "kind", "reason").collectAsList());
        Optional<EvaluationData> evaluation = EvaluationData.read(snapshot, ctx.config().assessment(), catalog, district, year, tables);
        EvaluationData.missing(ctx.config().assessment(), year, evaluation).ifPresent(ctx.progress()::warn);

        Releases releases = new Releases(ctx.releases());
        Path scratch = null;
        try {
            Optional<Manifest> current = releases.currentManifest(year);
            int revision = releases.nextRevision(year);
            scratch = releases.scratch(year);
            ctx.progress().step("writing the " + year + " release (revision " + revision + ")");

            List<Manifest.Load> loads = loads(snapshot, year).stream().map(Manifest.Load::of).toList();
            // a revision says what it changed from the release it supersedes (修订说明)
            Optional<RevisionNote> note = current.map(m -> RevisionNote.between(m.revision(), RevisionNote.read(releases.current(year)),
                    revision, RevisionNote.of(values), RevisionNote.newLoads(m, loads), catalog));

            // the release's writers: each gets the scratch folder and the values after disclosure control
            YearbookTables yearbook = writeYearbook(ctx, scratch, snapshot, values, tables, catalog, layout, year, evaluation, note,
                    volumes, areaValues);
            FaultPoint.reach(HALF_WRITTEN);
            DataFiles data = new DataFiles(wh.spark(), scratch.resolve("data"));
            data.write(ReleaseTables.VALUES, ReleaseTables.VALUES_SCHEMA, ReleaseTables.values(values));
            data.write(ReleaseTables.ASSESSMENT, assessmentTable.schema(), assessment);
            data.write(ReleaseTables.WARNINGS, warningTable.schema(), warnings);
            if (yearbook.evaluation().isPresent()) {
                EvaluationTables e = yearbook.evaluation().get();
                data.write(EvaluationRows.NAME, EvaluationRows.schema(e), EvaluationRows.rows(e));
            }
            // only a revision that changed something has the table: the same data make the same files
            if (note.isPresent() && !note.get().entries.isEmpty()) {
                data.write(RevisionNote.NAME, RevisionNote.SCHEMA, note.get().rows());
            }
            // SDMX keys a series by its dimensions alone: the values indicators are published by
            List<PublishedValue> headline = PublishedValue.headline(values);
            Sdmx model = new Sdmx(ctx.config(), headline);
            new SdmxFiles(model, year, Instant.ofEpochMilli(snapshot.committedAt(Warehouse.INDICATOR_VALUES)))
                    .write(scratch.resolve("sdmx"), headline, note.map(RevisionNote::revised).orElse(Set.of()));

            Manifest manifest = manifest(ctx, snapshot, options.fromTag(), year, revision, current, releases, withholding, loads, scratch);
            manifest.write(scratch);

            String withheld = String.format("%d indicator values, %d withheld: %d small counts, %d to protect them",
                    values.size(), withholding.primary() + withholding.secondary(), withholding.primary(), withholding.secondary());
            Integer superseded = null;
            if (current.isPresent()) {
                int currentRevision = current.get().revision();
                Optional<String> difference = current.get().firstDataDifference(manifest);
                if (!options.republish()) {
                    if (difference.isEmpty()) {
                        return "release " + year + " (revision " + currentRevision + ") already holds these data: nothing written ("
                                + withheld + "); run with --republish to write a new revision anyway";
                    }
                    throw new PublishException(releases.current(year) + " (revision " + currentRevision
                            + ") was published from other data: its " + difference.get() + " differs. A release is never changed"
                            + " in place: run publish --year " + year + " --republish to publish revision " + revision
                            + ", keeping revision " + currentRevision + " as " + releases.superseded(year, currentRevision));
                }
                superseded = currentRevision;
            }
            Map<String, Map<String, Long>> tags = new LinkedHashMap<>();
            // the superseded release keeps a tag of its own on the snapshots it was built from
            if (superseded != null) {
                tags.put(ReleaseSnapshot.tag(year) + "-r" + superseded, current.get().snapshotIds(ReleaseSnapshot.TABLES));
            }
            tags.put(ReleaseSnapshot.tag(year), snapshot.snapshots());
            ReleaseCommit.install(ctx, releases, new ReleaseCommit.Pending(year, revision, scratch.getFileName().toString(), superseded, tags));
            String published = String.format("published %s, revision %d (%s)%s; tagged %s", releases.current(year), revision, withheld,
                    superseded == null ? "" : "; revision " + superseded + " kept as " + releases.superseded(year, superseded),
                    ReleaseSnapshot.tag(year));
            // BI tools read the release from the dissemination database, loaded from the folder now in place
            return Dissemination.configured(ctx.config(), ctx.env())
                    .map(d -> published + "; " + d.load(releases.current(year)).summary()).orElse(published);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the release under " + releases.current(year) + ": " + e.getMessage(), e);
        } finally {
            if (scratch != null && Files.exists(scratch)) Releases.deleteTree(scratch);
        }
    }

    /**
     * The yearbook's tables, built once, written by each rendering; the PDF's layout takes longest, so the others run
     * beside it. With an evaluation, the tables carry it and evaluation.pdf is written too.
     */
    /** Why the yearbook does not chart a key indicator of conf/yearbook.yaml: not monitored, or not in the catalog at all. */
    static String missingKeyIndicator(Catalog catalog, String code) {
        return "conf/yearbook.yaml: key indicator " + code + catalog.unmonitored(code).map(u -> " is " + u.why() + ", so the yearbook charts it not")
                .orElse(" is not in the catalog, so the yearbook charts it not; correct key_indicators");
    }

    private static YearbookTables writeYearbook(JobContext ctx, Path dir, ReleaseSnapshot snapshot, List<PublishedValue> values,
                                                ReleaseTables disclosure, Catalog catalog, YearbookLayout layout, int year, Optional<EvaluationData> evaluation,
                                                Optional<RevisionNote> revision, Optional<Volumes> volumes,
                                                List<PublishedValue> areaValues) throws IOException {
        String district = ctx.config().regions().district().code();
        int firstYear = Math.min(layout.firstYear(), year);
        YearbookData data = YearbookData.read(snapshot, year, firstYear, district, values, disclosure);
        Labels labels = new Labels(ctx.config().vocabulary(), layout.english());
        layout.keyIndicatorsMissingFrom(catalog).forEach(code -> ctx.progress().step(missingKeyIndicator(catalog, code)));
        Map<String, String> departments = new TreeMap<>();
        ctx.config().sources().forEach(s -> departments.put(s.department(), s.nameZh()));
        int targetYear = ctx.config().assessment().targetYear();
        YearbookTables tables;
        if (volumes.isPresent()) {
            // the release's own yearbook is the summary volume; each city's is written before it, under volumes/, a few
            // side by side: each is its tables laid out three times (PDF, workbook, web report), all on one thread
            Volumes v = volumes.get();
            PdfFonts fonts = PdfFonts.of(ctx.config());
            inParallel(v.volumes(), volumeThreads(v.volumes()), volume -> {
                ctx.progress().step("writing the " + year + " yearbook's volume of " + volume.nameZh() + " (" + volume.code() + ", "
                        + volume.towns().size() + " towns)");
                YearbookTables of = YearbookTables.of(v.volume(data, volume, areaValues), catalog, Volumes.volumeLayout(layout, volume),
                        labels, departments, targetYear, Volumes.volumeBreakdowns(), YearbookTables.Places.TOWNS);
                Path at = Files.createDirectories(volume.dir(dir));
                for (YearbookRenderer r : List.of(new YearbookPdf(fonts), new YearbookWorkbook(), new WebReport())) {
                    r.write(at.resolve(r.fileName()), of);
                }
            });
            tables = YearbookTables.of(v.summary(data, areaValues), catalog, Volumes.summaryLayout(layout), labels, departments,
                    targetYear, YearbookTables.BREAKDOWNS, v.summaryPlaces());
        } else {
            tables = YearbookTables.of(data, catalog, layout, labels, departments, targetYear);
        }
        if (revision.isPresent()) tables = tables.withRevision(revision.get());
        List<YearbookRenderer> others = new ArrayList<>(List.of(new YearbookWorkbook(), new WebReport()));
        if (evaluation.isPresent()) {
            tables = tables.withEvaluation(EvaluationTables.of(evaluation.get(), catalog, PlanGoals.load(ctx.config().dir()), layout, labels,
                    year, district));
            others.add(new EvaluationPdf(PdfFonts.of(ctx.config())));
            ctx.progress().step("the " + year + " release carries the " + evaluation.get().year() + " evaluation: "
                    + EvaluationPdf.FILE + ", a chapter of the report and a sheet of the workbook");
        }
        ctx.progress().step("writing the " + year + " yearbook: workbook, printable yearbook and web report");
        render(ctx, dir, tables, others);
        return tables;
    }

    /** Writes the tables as the printable yearbook and, beside it (its layout takes longest), the other renderings. */
    private static void render(JobContext ctx, Path dir, YearbookTables tables, List<YearbookRenderer> others) throws IOException {
        YearbookRenderer slowest = new YearbookPdf(PdfFonts.of(ctx.config()));
        List<CompletableFuture<Void>> beside = new ArrayList<>();
        for (YearbookRenderer r : others) {
            beside.add(CompletableFuture.runAsync(() -> uncheckedWrite(() -> r.write(dir.resolve(r.fileName()), tables))));
        }
        try {
            slowest.write(dir.resolve(slowest.fileName()), tables);
        } finally {
            for (CompletableFuture<Void> f : beside) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private interface Each<T> {
        void write(T item) throws IOException;
    }

    /**
     * The heap to allow a volume while it is written, per town of the volume: 1.4 GB for a city of 360 towns, an
     * allowance with room to spare, since two such volumes side by side ran within -Xmx6g without a full collection
     * even when each PDF was laid out whole (docs/benchmarks.md, "Province end to end"); it is laid out a part at a
     * time now ({@link YearbookPdf#ROWS_PER_PART}).
     */
    private static final long HEAP_PER_TOWN = 4L << 20;

    /**
     * How many volumes are written at once: one per core, as many as half the heap holds (the rest is the release's
     * values and the summary), and at least one. A province's 360-town volumes go two at a time with -Xmx6g, one at
     * a time with 4g.
     */
    private static int volumeThreads(List<Volumes.Volume> volumes) {
        return volumeThreads(volumes.size(), volumes.stream().mapToInt(v -> v.towns().size()).max().orElse(1),
                Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }

    /** @param largest the most towns a volume has */
    static int volumeThreads(int volumes, int largest, long maxHeap, int cores) {
        long byHeap = Math.max(1, maxHeap / 2 / (Math.max(1, largest) * HEAP_PER_TOWN));
        return (int) Math.max(1, Math.min(Math.min(volumes, cores), byHeap));
    }

    /**
     * Writes each item on one of {@code threads} threads, in the items' order as threads come free; the first failure,
     * once every item started has ended, is thrown (the items not started are not).
     */
    private static <T> void inParallel(List<T> items, int threads, Each<T> each) throws IOException {
        if (threads <= 1) {
            for (T item : items) each.write(item);
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "publish-volume-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> uncheckedWrite(() -> each.write(item))));
            Throwable failed = null;
            for (Future<?> f : futures) {
                try {
                    if (failed == null) f.get();
                    else f.cancel(false);
                } catch (ExecutionException e) {
                    failed = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = e;
                }
            }
            pool.shutdown();
            // a volume already being written ends before the release's scratch folder is removed
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // still writing
            }
            if (failed instanceof UncheckedIOException io) throw io.getCause();
            if (failed instanceof RuntimeException r) throw r;
            if (failed instanceof Error err) throw err;
            if (failed != null) throw new IllegalStateException("writing the volumes was interrupted", failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing the volumes was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void uncheckedWrite(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static Manifest manifest(JobContext ctx, ReleaseSnapshot snapshot, boolean fromTag, int year, int revision,
                                     Optional<Manifest> current, Releases releases, Withholding withholding, List<Manifest.Load> loads,
                                     Path built) throws IOException {
        var rule = ctx.config().yearbook().disclosure();
        String supersededManifest = current.isPresent() ? Manifest.sha256(releases.current(year).resolve(Manifest.FILE)) : null;
        return new Manifest(year, revision, ReleaseSnapshot.tag(year), fromTag ? "tag" : "warehouse",
                current.map(Manifest::revision).orElse(null), supersededManifest, Instant.now().toString(),
                Manifest.catalogVersion(ctx.config().folder().yamlFiles("indicators")), Manifest.snapshotsByName(snapshot.snapshots()),
                new Manifest.Disclosure(rule.threshold(), rule.zerosCount(), withholding.primary(), withholding.secondary()),
                loads, Manifest.filesOf(built));
    }

    /** The loads whose facts the release's snapshot of facts.observation holds, for the years it shows. */
    private static List<Row> loads(ReleaseSnapshot snapshot, int year) {
        Dataset<Row> ids = snapshot.read(Warehouse.FACTS).where(col("year").leq(year)).select("load_id").distinct();
        Dataset<Row> loads = snapshot.read(Warehouse.LOADS);
        return loads.join(ids, loads.col("load_id").equalTo(ids.col("load_id")), "left_semi")
                .orderBy("year", "source", "extract", "load_id").collectAsList();
    }
}
