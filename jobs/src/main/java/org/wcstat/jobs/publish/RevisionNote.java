package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.Coded;
import org.wcstat.core.Names;
import org.wcstat.core.catalog.Catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 修订说明: every published value that a revision of a release changed, added, removed, withheld or released,
 * with the value before and after and the department loads the new revision rests on that the one before did not.
 * Values are compared as the release prints them (data/indicator_values.csv), so a difference in the sixteenth
 * digit of a recomputed rate is no revision.
 */
final class RevisionNote {
    static final String NAME = "revisions";
    static final String TITLE_ZH = "修订说明";
    static final String TITLE_EN = "Revisions";

    enum Change implements Coded {
        REVISED("修订", "revised"),
        ADDED("新增", "added"),
        REMOVED("删除", "removed"),
        WITHHELD("不再公布（小数保护）", "now withheld"),
        RELEASED("新公布（原不公布）", "no longer withheld");

        private final Names names;

        Change(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /** A value as a release prints it: its text, empty when withheld or not computable. */
    record Printed(String key, String indicator, int year, String region, String sex, String ageBand, String residence,
                   int pooledYears, String value, boolean withheld) {
    }

    /** One change, and the loads behind it: "department/extract started_at" of each new load of the indicator's sources. */
    record Entry(Printed cell, Change change, String before, String after, Double difference, List<String> loads) {
        /** The value before as a table shows it: blank when there was none, the withheld mark when withheld. */
        String beforeShown() {
            return shown(change == Change.ADDED, change == Change.RELEASED, before);
        }

        String afterShown() {
            return shown(change == Change.REMOVED, change == Change.WITHHELD, after);
        }

        private static String shown(boolean absent, boolean withheld, String value) {
            if (absent) return "";
            if (withheld) return YearbookTables.WITHHELD;
            return value.isEmpty() ? YearbookTables.MISSING : value;
        }
    }

    static final StructType SCHEMA = new StructType()
            .add("indicator", DataTypes.StringType, false).add("year", DataTypes.IntegerType, false)
            .add("region", DataTypes.StringType, false).add("sex", DataTypes.StringType, false)
            .add("age_band", DataTypes.StringType, false).add("residence", DataTypes.StringType, false)
            .add("pooled_years", DataTypes.IntegerType, false).add("change", DataTypes.StringType, false)
            .add("previous_value", DataTypes.DoubleType, true).add("value", DataTypes.DoubleType, true)
            .add("difference", DataTypes.DoubleType, true).add("loads", DataTypes.StringType, false);

    final int fromRevision;
    final int toRevision;
    final List<Entry> entries;

    private RevisionNote(int fromRevision, int toRevision, List<Entry> entries) {
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
        this.entries = List.copyOf(entries);
    }

    /**
     * The changes from one revision's values to the next's.
     *
     * @param newLoads the loads the later revision rests on and the earlier not, as "source/extract started_at", by source
     */
    static RevisionNote between(int fromRevision, List<Printed> before, int toRevision, List<Printed> after,
                                Map<String, List<String>> newLoads, Catalog catalog) {
        Map<String, Printed> old = new LinkedHashMap<>();
        before.forEach(p -> old.put(p.key(), p));
        Map<String, List<String>> sources = new TreeMap<>();
        catalog.entries().forEach(e -> sources.put(e.code(), e.indicator().sources()));
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Printed now : after) {
            seen.add(now.key());
            Printed was = old.get(now.key());
            Change change = change(was, now);
            if (change != null) entries.add(entry(now, change, was, now, sources, newLoads));
        }
        for (Printed was : before) {
            if (!seen.contains(was.key())) entries.add(entry(was, Change.REMOVED, was, null, sources, newLoads));
        }
        // in the release's own order
        entries.sort(Comparator.comparing((Entry e) -> e.cell().indicator()).thenComparingInt(e -> e.cell().year())
                .thenComparing(e -> e.cell().region()).thenComparing(e -> e.cell().sex()).thenComparing(e -> e.cell().ageBand())
                .thenComparing(e -> e.cell().residence()).thenComparingInt(e -> e.cell().pooledYears()));
        return new RevisionNote(fromRevision, toRevision, entries);
    }

    private static Change change(Printed was, Printed now) {
        if (was == null) return Change.ADDED;
        if (!was.withheld() && now.withheld()) return Change.WITHHELD;
        if (was.withheld() && !now.withheld()) return Change.RELEASED;
        if (!was.value().equals(now.value())) return Change.REVISED;
        return null;
    }

    private static Entry entry(Printed cell, Change change, Printed was, Printed now, Map<String, List<String>> sources,
                               Map<String, List<String>> newLoads) {
        String before = was == null || was.withheld() ? "" : was.value();
        String after = now == null || now.withheld() ? "" : now.value();
        Double difference = before.isEmpty() || after.isEmpty() ? null
                : new BigDecimal(after).subtract(new BigDecimal(before)).doubleValue();
        List<String> loads = new ArrayList<>();
        for (String source : sources.getOrDefault(cell.indicator(), List.of())) loads.addAll(newLoads.getOrDefault(source, List.of()));
        return new Entry(cell, change, before, after, difference, loads);
    }

    /** The loads a release rests on that the one it supersedes did not, as "source/extract started_at", by source. */
    static Map<String, List<String>> newLoads(Manifest superseded, List<Manifest.Load> loads) {
        Set<String> before = new HashSet<>();
        if (superseded.loads() != null) superseded.loads().forEach(l -> before.add(l.loadId()));
        Map<String, List<String>> bySource = new TreeMap<>();
        for (Manifest.Load l : loads) {
            if (before.contains(l.loadId())) continue;
            bySource.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l.source() + "/" + l.extract() + " " + l.startedAt());
        }
        return bySource;
    }

    /** The keys of the values a revision changed and still publishes: SDMX marks them revised (OBS_STATUS R). */
    Set<String> revised() {
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) if (e.change() == Change.REVISED || e.change() == Change.RELEASED) keys.add(e.cell().key());
        return keys;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Printed c = e.cell();
            rows.add(RowFactory.create(c.indicator(), c.year(), c.region(), c.sex(), c.ageBand(), c.residence(), c.pooledYears(),
                    e.change().code(), number(e.before()), number(e.after()), e.difference(), String.join("; ", e.loads())));
        }
        return rows;
    }

    private static Double number(String printed) {
        return printed.isEmpty() ? null : Double.valueOf(printed);
    }

    static String key(String indicator, int year, String region, String sex, String ageBand, String residence, int pooledYears) {
        return String.join("|", indicator, String.valueOf(year), region, sex, ageBand, residence, String.valueOf(pooledYears));
    }

    static List<Printed> of(List<PublishedValue> values) {
        List<Printed> out = new ArrayList<>(values.size());
        for (PublishedValue v : values) {
            out.add(new Printed(key(v.indicator(), v.year(), v.region(), v.sex(), v.ageBand(), v.residence(), v.pooledYears()),
                    v.indicator(), v.year(), v.region(), v.sex(), v.ageBand(), v.residence(), v.pooledYears(),
                    CsvFiles.text(v.value()), v.suppressed()));
        }
        return out;
    }

    /** The values of a release folder, from its data/indicator_values.csv. */
    static List<Printed> read(Path release) {
        Path csv = release.resolve("data").resolve(ReleaseTables.VALUES + ".csv");
        if (!Files.isRegularFile(csv)) {
            throw new PublishException(csv + " is missing: the release is incomplete; restore it from a copy, or compare other revisions");
        }
        List<Printed> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            while (it.hasNext()) {
                Map<String, String> r = it.next();
                int year = Integer.parseInt(r.get("year"));
                // a release from before pooled_years was published holds single values only
                int pooled = r.containsKey("pooled_years") ? Integer.parseInt(r.get("pooled_years")) : 1;
                boolean withheld = "C".equals(r.get("conf_status"));
                out.add(new Printed(key(r.get("indicator"), year, r.get("region"), r.get("sex"), r.get("age_band"), r.get("residence"), pooled),
                        r.get("indicator"), year, r.get("region"), r.get("sex"), r.get("age_band"), r.get("residence"), pooled,
                        r.getOrDefault("value", ""), withheld));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return out;
    }
}
