package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Rows of indicators.value made by hand, without Spark, for the tests of disclosure control. */
final class ValueRows {
    static final StructType SCHEMA = new StructType()
            .add("indicator", DataTypes.StringType).add("year", DataTypes.IntegerType).add("region", DataTypes.StringType)
            .add("sex", DataTypes.StringType).add("age_band", DataTypes.StringType).add("residence", DataTypes.StringType)
            .add("pooled_years", DataTypes.IntegerType).add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
            .add("value", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType)
            .add("flags", DataTypes.StringType);

    private ValueRows() {
    }

    /** A value of all ages, without interval or flags. */
    static Row row(String indicator, int year, String region, String sex, String residence, int pooled, double num, Double den, double value) {
        return new GenericRowWithSchema(new Object[] {indicator, year, region, sex, "_T", residence, pooled, num, den, value, null, null, ""}, SCHEMA);
    }
}
