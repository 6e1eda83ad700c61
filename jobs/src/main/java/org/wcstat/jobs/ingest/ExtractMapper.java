package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.validate.RowChecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Maps a department's rows to the canonical dimensions. A row whose code, town, age or value cannot
 * be mapped gets a problem text instead of a guess; such rows are quarantined, not dropped.
 *
 * <p>What the source does not know is unknown ({@link Dimension#UNKNOWN}), which counts in the total and in
 * no breakdown: a code the extract maps to {@code _U} (sex 9 未说明), an empty code the extract maps with
 * {@code "": _U}, a missing age or birth date, and an empty sex or residence that nothing reads the
 * extract's measures by ({@link DimensionsUsed}). An age or birth date that does not parse, or gives an age
 * outside 0-130, is unknown too, with a note the load reports as a finding: the event happened, whatever the
 * column holds. Only where the age decides whether a row belongs to the extract at all ({@code age_under})
 * is such a row quarantined.
 */
final class ExtractMapper {
    static final String PROBLEM = "_problem";
    static final String MEASURE = "_measure";
    static final String VALUE = "_value";
    /** The prefix of the age's parts between the two projections of {@link #map}. */
    private static final String AGE = "_age_";

    private final SourceConfig.Extract extract;
    private final Regions regions;
    private final AgeBands ageBands;
    private final Column year;
    private final Set<Dimension> used;
    private StructType schema;

    /**
     * @param year the year each row covers: a constant when one year is read, else the query's {@link SourceQuery#YEAR}
     * @param used the dimensions something reads the extract's measures by: an empty code there is a problem, not unknown
     */
    ExtractMapper(SourceConfig.Extract extract, Regions regions, AgeBands ageBands, Column year, Set<Dimension> used) {
        this.extract = extract;
        this.regions = regions;
        this.ageBands = ageBands;
        this.year = year;
        this.used = used;
    }

    /** The column of a mapped row holding a dimension's code, e.g. _sex: what a load's facts are summed by. */
    static String mapped(Dimension d) {
        return "_" + d.column();
    }

    /** The year column of rows read for the given years. */
    static Column yearOf(List<Integer> years) {
        return years.size() == 1 ? lit(years.get(0)) : col(SourceQuery.YEAR).cast(DataTypes.IntegerType);
    }

    /**
     * The source rows with canonical columns, their year and the problem text (empty when the row maps). Two
     * projections: the first looks each code up and works the age out once per row, the second reads those to
     * judge the row and band its age; in one, a local run (which interprets, without sharing subexpressions) would
     * look a code up again for its problem and work the age out again for each band it is tested against.
     */
    Dataset<Row> map(Dataset<Row> src) {
        this.schema = src.schema();
        Age computed = extract.age() == null || extract.age().band() != null ? null : Age.of(extract.age(), this::typed, year);
        List<Column> first = new ArrayList<>(List.of(col("*"), year.as(RowChecks.YEAR), codes(extract.measure(), null).as(MEASURE),
                region().as(mapped(Dimension.TOWN)), (extract.sex() == null ? lit(Dimension.TOTAL) : codes(extract.sex(), Dimension.SEX)).as(mapped(Dimension.SEX)),
                (extract.residence() == null ? lit(Dimension.TOTAL) : codes(extract.residence(), Dimension.RESIDENCE)).as(mapped(Dimension.RESIDENCE)),
                (extract.value() == null ? lit(1.0) : typed(extract.value().column(), DataTypes.DoubleType)).as(VALUE)));
        if (computed != null) first.addAll(computed.columns(AGE));
        Dataset<Row> base = src.select(first.toArray(Column[]::new));

        Column measure = col(MEASURE);
        Column region = col(mapped(Dimension.TOWN));
        Column value = col(VALUE);
        Age age = computed == null ? null : Age.read(AGE);
        Column ageYears = age == null ? lit(-1) : age.years();
        Column ageProblem = age == null ? null : coalesce(age.problem(), when(ageYears.lt(0).or(ageYears.gt(130)), concat(lit("age "),
                ageYears.cast("string"), lit(" is outside 0-130" + (extract.age().at() != null ? " on " + extract.age().at() : "")))));
        Column ageBand = ageBand(age, ageProblem);

        List<Column> problems = new ArrayList<>();
        if (extract.measure().column() != null) problems.add(unmapped(measure, extract.measure().column(), "measure code"));
        problems.add(when(region.isNull(), unknownTown()));
        // a fixed sex or residence (sex: F) has no column, and no code that can fail to map
        if (extract.sex() != null && extract.sex().column() != null) problems.add(unmapped(col(mapped(Dimension.SEX)), extract.sex().column(), "sex code"));
        if (extract.residence() != null && extract.residence().column() != null) {
            problems.add(unmapped(col(mapped(Dimension.RESIDENCE)), extract.residence().column(), "residence code"));
        }
        List<Column> notes = new ArrayList<>();
        if (extract.age() != null && extract.age().band() != null) {
            problems.add(unmapped(ageBand, extract.age().column(), "age band"));
        } else if (extract.age() != null && extract.ageUnder() == null) {
            // the event happened whatever the age's column holds: it counts in the total, in no age band, and is reported
            notes.add(when(ageProblem.isNotNull(), concat(ageProblem, lit(", so the row counts in the total and in no age band ("
                    + Dimension.UNKNOWN + ")"))));
        }
        Column under = null;
        if (extract.ageUnder() != null) {
            // whether the row belongs to the extract at all depends on the age: one that cannot be read is quarantined
            problems.add(ageProblem);
            // the extract's rows are those under the age, as a where would keep them; an unknown age cannot tell
            under = age.under(extract.ageUnder());
            String empty = extract.age().column() + (extract.age().at() != null ? " or " + extract.age().at() : "");
            problems.add(when(not(age.known()), lit("age unknown (" + empty + " is empty): cannot tell whether it is under "
                    + extract.ageUnder() + " (age_under)")));
        }
        if (extract.value() != null) {
            String col = extract.value().column();
            problems.add(when(value.isNull(), concat(lit("count '"), shown(col), lit("' in " + col + " is not a number")))
                    .when(value.lt(0), concat(lit("count " + col + " = "), shown(col), lit(" is negative"))));
        }
        Dataset<Row> kept = under == null ? base : base.where(coalesce(under, lit(true)));
        return kept.select(col("*"), ageBand.as(mapped(Dimension.AGE)), RowChecks.joined("; ", problems).as(PROBLEM),
                        RowChecks.joined(", ", notes).as(RowChecks.MAPPING_NOTES))
                .drop(computed == null ? new String[0] : Age.names(AGE));
    }

    /**
     * A code mapping's canonical code. An empty value is looked up as "" (a source maps it with {@code "": _U});
     * without that, it is unknown in a dimension nothing reads the extract by, and unmapped (a problem) in one read.
     */
    private Column codes(SourceConfig.CodeMapping m, Dimension dimension) {
        if (m.fixed() != null) {
            return lit(m.fixed());
        }
        Column key = coalesce(text(m.column()), lit(""));
        Column mapped = CodeLookup.of(key, m.codes());
        if (dimension != null && !used.contains(dimension) && !m.codes().containsKey("")) {
            return when(key.equalTo(""), lit(Dimension.UNKNOWN)).otherwise(mapped);
        }
        return mapped;
    }

    /**
     * Why a town is not one: its name or code, and for a name, the nearest names regions.yaml knows, or, for a name
     * towns of several counties bear (a province's 城关镇), which towns, since only a code can tell them apart.
     */
    private Column unknownTown() {
        String district = regions.district().nameZh();
        Column raw = shown(extract.region().column());
        if (extract.region().code() != null) {
            return concat(lit("town '"), raw, lit("' is not a town of " + district + " in conf/regions.yaml"));
        }
        List<String> names = new ArrayList<>(regions.codesByName().keySet());
        Column unknown = concat(lit("town '"), raw, lit("' is not a town of " + district + " in conf/regions.yaml"),
                NearestNames.of(names).apply(text(extract.region().column())),
                lit("; if it is another name of a town, add it to that town's aliases"));
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, String> distinct = regions.distinctNames();
        regions.sharedNames().forEach((name, codes) -> shared.put(name, "town '" + name + "' is the name of " + codes.size()
                + " towns in conf/regions.yaml (" + String.join(", ", codes) + "): only its county tells them apart, so write "
                + String.join(" or ", codes.stream().map(distinct::get).toList())
                + " as the return templates do, read this extract's towns by code"
                + " (region: {code: ...}), or give each town its own alias and its rows that alias"));
        return shared.isEmpty() ? unknown : coalesce(CodeLookup.of(text(extract.region().column()), shared), unknown);
    }

    private Column region() {
        Column raw = text(extract.region().column());
        if (extract.region().code() != null) {
            Column code = substring(raw, 1, 9);
            List<String> towns = new ArrayList<>();
            regions.towns().forEach(t -> towns.add(t.code()));
            return when(CodeLookup.among(code, towns), code)
                    .when(raw.equalTo(regions.district().code()), lit(regions.district().code()));
        }
        // names and aliases: departments write a town without 镇, under its name before a merger, misspelt
        return CodeLookup.of(raw, regions.codesByName());
    }

    /**
     * A column as the given type: cast when the source already stores a compatible type, parsed
     * from text otherwise, with text that does not parse becoming null (and so a problem).
     * A try_cast to the column's own type trips Spark's optimizer, hence the distinction.
     */
    Column typed(String column, DataType type) {
        // by Spark's own case-insensitive resolution: PostgreSQL reports unquoted names in lower
        // case, while the configuration names columns as the department's data dictionary does
        DataType has = java.util.Arrays.stream(schema.fields()).filter(f -> f.name().equalsIgnoreCase(column))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the source returned no column " + column
                        + "; it returned " + java.util.Arrays.toString(schema.fieldNames())))
                .dataType();
        if (has.equals(type)) {
            return col(column);
        }
        boolean numeric = has instanceof NumericType;
        if (numeric && (type instanceof NumericType)) {
            return col(column).cast(type);
        }
        if (has instanceof TimestampType && type.equals(DataTypes.DateType)) {
            return to_date(col(column));
        }
        return text(column).try_cast(type);
    }

    /** @param problem why the age cannot be read, null when it can: such an age is unknown, as an empty one */
    private Column ageBand(Age age, Column problem) {
        SourceConfig.AgeMapping mapping = extract.age();
        if (mapping == null) {
            return lit(Dimension.TOTAL);
        }
        if (mapping.band() != null) {
            // an empty band is an unknown age, unless the extract maps it itself
            Column key = coalesce(text(mapping.band()), lit(""));
            Column mapped = CodeLookup.of(key, mapping.codes());
            return mapping.codes().containsKey("") ? mapped : when(key.equalTo(""), lit(Dimension.UNKNOWN)).otherwise(mapped);
        }
        Column years = age.years();
        Column c = when(not(age.known()).or(problem.isNotNull()), lit(Dimension.UNKNOWN));
        for (AgeBands.Band b : ageBands.bands()) {
            Column in = b.to() == null ? years.geq(b.from()) : years.between(b.from(), b.to());
            c = c.when(in, b.code());
        }
        return c;
    }

    private static Column unmapped(Column mapped, String column, String what) {
        return when(mapped.isNull(), concat(lit(what + " '"), shown(column), lit("' in " + column + " is not in the extract's codes")));
    }

    private static Column text(String column) {
        return trim(col(column).cast(DataTypes.StringType));
    }

    private static Column shown(String column) {
        return coalesce(col(column).cast(DataTypes.StringType), lit("(empty)"));
    }
}
