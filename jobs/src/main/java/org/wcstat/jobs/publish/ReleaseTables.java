package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.assess.CornerCase;
import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The release's tables for data/: the indicator values after disclosure control, and the year's
 * assessment and warnings with the figures of every breakdown that has a withheld value taken out (a
 * town's baseline and current value would give its withheld counts back). Its status stays, since it says on
 * which side of the target the value lies, not the value; except a status drawn from the value being at its
 * natural limit (the method {@code at_limit}: 已实现 beside a withheld 100 %, 2 of 2), which says the value
 * itself, and is withheld with it.
 */
final class ReleaseTables {
    static final String VALUES = "indicator_values";
    static final String ASSESSMENT = "assessment";
    static final String WARNINGS = "warnings";

    static final StructType VALUES_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("indicator", DataTypes.StringType, false),
            DataTypes.createStructField("year", DataTypes.IntegerType, false),
            DataTypes.createStructField("region", DataTypes.StringType, false),
            DataTypes.createStructField("sex", DataTypes.StringType, false),
            DataTypes.createStructField("age_band", DataTypes.StringType, false),
            DataTypes.createStructField("residence", DataTypes.StringType, false),
            DataTypes.createStructField("pooled_years", DataTypes.IntegerType, false),
            DataTypes.createStructField("value", DataTypes.DoubleType, true),
            DataTypes.createStructField("ci_low", DataTypes.DoubleType, true),
            DataTypes.createStructField("ci_high", DataTypes.DoubleType, true),
            DataTypes.createStructField("obs_status", DataTypes.StringType, false),
            DataTypes.createStructField("conf_status", DataTypes.StringType, false),
            DataTypes.createStructField("flags", DataTypes.StringType, false)});

    /** Assessment columns that carry figures of the breakdown's series. */
    private static final List<String> ASSESSMENT_FIGURES = List.of("baseline_value", "current_value", "ratio",
            "anticipated_2025", "anticipated_2030", "gap_2030");
    static final String WITHHELD_NOTE = "figures withheld: the series rests on small counts";
    /** The status published in place of one that would give a withheld value away. */
    static final String WITHHELD_STATUS = "withheld";
    static final String WITHHELD_STATUS_ZH = "不予公布";
    static final String WITHHELD_STATUS_NOTE = "status and figures withheld: the series rests on small counts, and its status,"
            + " drawn from the value being at its natural limit, would give the value";
    /** How a method names the corner case of a status drawn from the value being at its natural limit. */
    private static final String AT_LIMIT = CornerCase.AT_LIMIT.name().toLowerCase(Locale.ROOT);

    private final Set<String> withheldSeries = new HashSet<>();

    ReleaseTables(List<PublishedValue> values) {
        for (PublishedValue v : values) if (v.suppressed()) withheldSeries.add(series(v.indicator(), v.cell().toString()));
    }

    static List<Row> values(List<PublishedValue> values) {
        List<Row> rows = new ArrayList<>(values.size());
        for (PublishedValue v : values) {
            rows.add(RowFactory.create(v.indicator(), v.year(), v.region(), v.sex(), v.ageBand(), v.residence(), v.pooledYears(),
                    v.value(), v.ciLow(), v.ciHigh(), v.obsStatus(), v.confStatus(), v.flags()));
        }
        return rows;
    }

    List<Row> assessment(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (!withheld(r)) {
                out.add(r);
                continue;
            }
            Object[] cells = cells(r);
            for (String f : ASSESSMENT_FIGURES) cells[r.fieldIndex(f)] = null;
            cells[r.fieldIndex("note")] = WITHHELD_NOTE;
            List<String> method = new ArrayList<>(List.of(r.<String>getAs("method").split("\\+")));
            if (method.remove(AT_LIMIT)) {
                cells[r.fieldIndex("status")] = WITHHELD_STATUS;
                cells[r.fieldIndex("status_zh")] = WITHHELD_STATUS_ZH;
                cells[r.fieldIndex("status_en")] = WITHHELD_STATUS;
                cells[r.fieldIndex("method")] = String.join("+", method);
                cells[r.fieldIndex("note")] = WITHHELD_STATUS_NOTE;
            }
            out.add(RowFactory.create(cells));
        }
        return out;
    }

    List<Row> warnings(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (!withheld(r)) {
                out.add(r);
                continue;
            }
            // the reason names the numbers behind the warning
            Object[] cells = cells(r);
            cells[r.fieldIndex("reason")] = WITHHELD_NOTE;
            out.add(RowFactory.create(cells));
        }
        return out;
    }

    private boolean withheld(Row r) {
        var cell = new CellKey(r.getAs("region"), r.getAs("sex"), r.getAs("age_band"), r.getAs("residence"));
        return withholds(r.getAs("indicator"), cell);
    }

    /** Whether a breakdown's series has a withheld value in the years shown, so its figures are taken out. */
    boolean withholds(String indicator, CellKey cell) {
        return withheldSeries.contains(series(indicator, cell.toString()));
    }

    private static String series(String indicator, String cell) {
        return indicator + "|" + cell;
    }

    private static Object[] cells(Row r) {
        Object[] c = new Object[r.length()];
        for (int i = 0; i < c.length; i++) c[i] = r.get(i);
        return c;
    }
}
