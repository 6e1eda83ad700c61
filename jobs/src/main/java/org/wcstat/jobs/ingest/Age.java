package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.wcstat.core.config.SourceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.apache.spark.sql.functions.*;

/**
 * A row's age, in completed years, months and days, from the extract's age mapping: a birth date (the age on
 * the event's date when the extract names one, else on 31 December of the year), or a number of years,
 * months or days. An age whose column is empty is unknown (null), not wrong; one that does not parse is wrong.
 * From a count of days or months, a month is 30.4375 days and a year 365.25.
 */
record Age(Column years, Column months, Column days, Column known, Column problem) {
    private static final double DAYS_A_MONTH = 30.4375;
    private static final double DAYS_A_YEAR = 365.25;

    /** @param typed a source column as a type, null where it does not parse */
    static Age of(SourceConfig.AgeMapping m, BiFunction<String, DataType, Column> typed, Column year) {
        if (m.birthDate() != null) {
            Column born = date(m.birthDate(), m.format(), typed);
            Column on = m.at() == null ? make_date(year, lit(12), lit(31)) : date(m.at(), m.format(), typed);
            Column known = given(m.birthDate()).and(m.at() == null ? lit(true) : given(m.at()));
            // months_between counts whole months from day to day of month, so its floor is the months completed
            Column months = months_between(on, born);
            String valid = m.format() == null ? "' is not a valid date" : "' is not a valid date of format " + m.format();
            Column problem = when(given(m.birthDate()).and(born.isNull()),
                    concat(lit("birth date '"), shown(m.birthDate()), lit(valid)));
            if (m.at() != null) {
                problem = problem.when(given(m.at()).and(on.isNull()),
                        concat(lit("event date '"), shown(m.at()), lit("' in " + m.at() + valid.substring(1))));
            }
            return new Age(floor(months.divide(12)).cast(DataTypes.IntegerType), floor(months), datediff(on, born), known, problem);
        }
        String column = m.column();
        Column known = given(column);
        if (m.years() != null) {
            Column y = typed.apply(column, DataTypes.IntegerType);
            return new Age(y, y.multiply(12), lit(null).cast(DataTypes.DoubleType), known, notANumber(column, y, "whole number of years"));
        }
        Column v = typed.apply(column, DataTypes.DoubleType);
        if (m.months() != null) {
            return new Age(floor(v.divide(12)).cast(DataTypes.IntegerType), floor(v), v.multiply(DAYS_A_MONTH), known,
                    notANumber(column, v, "number of months"));
        }
        return new Age(floor(v.divide(DAYS_A_YEAR)).cast(DataTypes.IntegerType), floor(v.divide(DAYS_A_MONTH)), v, known,
                notANumber(column, v, "number of days"));
    }

    /** A date column: the database's date, or text parsed by the extract's format; null where it does not parse. */
    private static Column date(String column, String format, BiFunction<String, DataType, Column> typed) {
        return format == null ? typed.apply(column, DataTypes.DateType)
                : to_date(try_to_timestamp(trim(col(column).cast(DataTypes.StringType)), lit(format)));
    }

    private static final String[] PARTS = {"years", "months", "days", "known", "problem"};

    /** The age's parts as columns of a row, named by the prefix, for {@link #read} to read each once per row. */
    List<Column> columns(String prefix) {
        Column[] parts = {years, months, days, known, problem};
        List<Column> named = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) named.add(parts[i].as(prefix + PARTS[i]));
        return named;
    }

    /** The age {@link #columns} put in the row. */
    static Age read(String prefix) {
        return new Age(col(prefix + PARTS[0]), col(prefix + PARTS[1]), col(prefix + PARTS[2]), col(prefix + PARTS[3]), col(prefix + PARTS[4]));
    }

    /** The names of the columns {@link #columns} makes. */
    static String[] names(String prefix) {
        return java.util.Arrays.stream(PARTS).map(p -> prefix + p).toArray(String[]::new);
    }

    /** Whether the age is under the limit; null when it is unknown. */
    Column under(SourceConfig.AgeLimit limit) {
        if (limit.days() != null) return days.lt(limit.days());
        if (limit.months() != null) return months.lt(limit.months());
        return years.lt(limit.years());
    }

    private static Column notANumber(String column, Column parsed, String what) {
        return when(given(column).and(parsed.isNull()), concat(lit("age '"), shown(column), lit("' is not a valid " + what)));
    }

    /** The column holds something: null and blank are an unknown age. */
    private static Column given(String column) {
        return col(column).isNotNull().and(trim(col(column).cast(DataTypes.StringType)).notEqual(""));
    }

    private static Column shown(String column) {
        return col(column).cast(DataTypes.StringType);
    }
}
