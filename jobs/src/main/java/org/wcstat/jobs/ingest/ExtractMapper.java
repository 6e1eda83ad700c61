package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.functions;
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

import static org.apache.spark.sql.functions.*;

/**
 * Maps a department's rows to the canonical dimensions. A row whose code, town, age or value cannot
 * be mapped gets a problem text instead of a guess; such rows are quarantined, not dropped.
 */
final class ExtractMapper {
    static final String PROBLEM = "_problem";

    private final SourceConfig.Extract extract;
    private final Regions regions;
    private final AgeBands ageBands;
    private final Column year;
    private StructType schema;

    /** @param year the year each row covers: a constant when one year is read, else the query's {@link SourceQuery#YEAR} */
    ExtractMapper(SourceConfig.Extract extract, Regions regions, AgeBands ageBands, Column year) {
        this.extract = extract;
        this.regions = regions;
        this.ageBands = ageBands;
        this.year = year;
    }

    /** The year column of rows read for the given years. */
    static Column yearOf(List<Integer> years) {
        return years.size() == 1 ? lit(years.get(0)) : col(SourceQuery.YEAR).cast(DataTypes.IntegerType);
    }

    /** The source rows with canonical columns, their year and the problem text (empty when the row maps). */
    Dataset<Row> map(Dataset<Row> src) {
        this.schema = src.schema();
        Column measure = codes(extract.measure());
        Column region = region();
        Column sex = extract.sex() == null ? lit(Dimension.TOTAL) : codes(extract.sex());
        Column residence = extract.residence() == null ? lit(Dimension.TOTAL) : codes(extract.residence());
        Column ageYears = ageYears();
        Column ageBand = ageBand(ageYears);
        Column value = extract.value() == null ? lit(1.0) : typed(extract.value().column(), DataTypes.DoubleType);

        List<Column> problems = new ArrayList<>();
        if (extract.measure().column() != null) problems.add(unmapped(measure, extract.measure().column(), "measure code"));
        problems.add(when(region.isNull(), concat(lit("town '"), shown(extract.region().column()),
                lit("' is not a town of " + regions.district().nameZh() + " in conf/regions.yaml"))));
        // a fixed sex or residence (sex: F) has no column, and no code that can fail to map
        if (extract.sex() != null && extract.sex().column() != null) problems.add(unmapped(sex, extract.sex().column(), "sex code"));
        if (extract.residence() != null && extract.residence().column() != null) {
            problems.add(unmapped(residence, extract.residence().column(), "residence code"));
        }
        if (extract.age() != null) {
            String col = extract.age().column();
            problems.add(extract.age().band() != null
                    ? unmapped(ageBand, col, "age band")
                    : when(ageYears.isNull(), concat(lit(extract.age().birthDate() != null ? "birth date '" : "age '"), shown(col), lit("' is not a valid "
                            + (extract.age().birthDate() != null ? "date" : "whole number of years"))))
                    .when(ageYears.lt(0).or(ageYears.gt(130)), concat(lit("age "), ageYears.cast("string"), lit(" is outside 0-130"))));
        }
        if (extract.value() != null) {
            String col = extract.value().column();
            problems.add(when(value.isNull(), concat(lit("count '"), shown(col), lit("' in " + col + " is not a number")))
                    .when(value.lt(0), concat(lit("count " + col + " = "), shown(col), lit(" is negative"))));
        }
        return src
                .withColumn(RowChecks.YEAR, year)
                .withColumn("_measure", measure)
                .withColumn("_region", region)
                .withColumn("_sex", sex)
                .withColumn("_age_band", ageBand)
                .withColumn("_residence", residence)
                .withColumn("_value", value)
                .withColumn(PROBLEM, concat_ws("; ", problems.toArray(Column[]::new)));
    }

    private Column codes(SourceConfig.CodeMapping m) {
        if (m.fixed() != null) {
            return lit(m.fixed());
        }
        return lookup(text(m.column()), m.codes());
    }

    /**
     * A code list as one map literal: a CASE with a branch per code makes Spark generate code that grows with
     * the list, which at a province's thousands of town names no longer compiles.
     */
    private static Column lookup(Column key, Map<String, String> codes) {
        List<Column> entries = new ArrayList<>();
        codes.forEach((k, v) -> {
            entries.add(lit(k));
            entries.add(lit(v));
        });
        return try_element_at(functions.map(entries.toArray(Column[]::new)), key);
    }

    private Column region() {
        Column raw = text(extract.region().column());
        if (extract.region().code() != null) {
            Column code = substring(raw, 1, 9);
            List<Object> towns = new ArrayList<>();
            regions.towns().forEach(t -> towns.add(t.code()));
            return when(code.isin(towns.toArray()), code)
                    .when(raw.equalTo(regions.district().code()), lit(regions.district().code()));
        }
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put(regions.district().nameZh(), regions.district().code());
        regions.towns().forEach(t -> byName.put(t.nameZh(), t.code()));
        return lookup(raw, byName);
    }

    private Column ageYears() {
        SourceConfig.AgeMapping age = extract.age();
        if (age == null || age.band() != null) {
            return lit(-1);
        }
        if (age.birthDate() != null) {
            // completed years at the end of the year, the reference date of yearly statistics
            Column born = typed(age.birthDate(), DataTypes.DateType);
            return floor(months_between(make_date(year, lit(12), lit(31)), born).divide(12)).cast(DataTypes.IntegerType);
        }
        return typed(age.years(), DataTypes.IntegerType);
    }

    /**
     * A column as the given type: cast when the source already stores a compatible type, parsed
     * from text otherwise, with text that does not parse becoming null (and so a problem).
     * A try_cast to the column's own type trips Spark's optimizer, hence the distinction.
     */
    private Column typed(String column, DataType type) {
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

    private Column ageBand(Column years) {
        SourceConfig.AgeMapping age = extract.age();
        if (age == null) {
            return lit(Dimension.TOTAL);
        }
        if (age.band() != null) {
            return lookup(text(age.band()), age.codes());
        }
        Column c = null;
        for (AgeBands.Band b : ageBands.bands()) {
            Column in = b.to() == null ? years.geq(b.from()) : years.between(b.from(), b.to());
            c = c == null ? when(in, b.code()) : c.when(in, b.code());
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
