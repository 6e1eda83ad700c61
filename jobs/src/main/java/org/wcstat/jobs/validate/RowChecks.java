package org.wcstat.jobs.validate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The structural rules of one extract, as columns on its mapped rows. A row breaking a quarantine rule
 * joins the rows that failed mapping; warn and fail breaches are marked for the report and the load's
 * decision. Afterwards the rows carry:
 * <ul>
 *   <li>{@link #PROBLEM}: why the row is quarantined, empty when it is not;</li>
 *   <li>{@link #RULES}: the rules that quarantine it ("mapping" for a row that does not map);</li>
 *   <li>{@link #WARNINGS} and {@link #FAILURES}: "rule: reason" of warn and fail rules it breaks.</li>
 * </ul>
 */
public final class RowChecks {
    public static final String PROBLEM = "_problem";
    public static final String RULES = "_rules";
    public static final String WARNINGS = "_warnings";
    public static final String FAILURES = "_failures";
    public static final String MAPPING = "mapping";
    /** What mapping could not read but kept the row for (an unreadable age counted as unknown): a warning of rule "mapping". */
    public static final String MAPPING_NOTES = "_mapping_notes";
    /** The year the row covers, set by mapping: a load may read several years at once. */
    public static final String YEAR = "_year";
    /** The reason a row breaks the rule of this index, between the two projections of {@link #apply}. */
    private static final String REASON = "_reason_";

    private final SourceConfig.Extract extract;
    private final List<ValidationRules.Rule> rules;

    public RowChecks(SourceConfig.Extract extract, List<ValidationRules.Rule> rules) {
        this.extract = extract;
        this.rules = rules;
    }

    /** The source columns the rules read, beyond those mapping reads. */
    public static List<String> columns(List<ValidationRules.Rule> rules) {
        List<String> cols = new ArrayList<>();
        rules.forEach(r -> {
            if (r.columns() != null) cols.addAll(r.columns());
        });
        return cols;
    }

    /**
     * @param mapped rows with the mapping's problem text in {@link #PROBLEM}
     * <p>Two projections: the first says why each row breaks each rule, the second joins those reasons; in one, a
     * local run (which interprets, without sharing subexpressions) would judge a quarantine rule twice per row,
     * once for its id and once for its reason.
     */
    public Dataset<Row> apply(Dataset<Row> mapped) {
        Map<String, Column> reasons = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) reasons.put(REASON + i, reason(rules.get(i)));
        Dataset<Row> judged = reasons.isEmpty() ? mapped : mapped.withColumns(reasons);

        Column mappingProblem = col(PROBLEM);
        List<Column> quarantine = new ArrayList<>();
        List<Column> quarantineIds = new ArrayList<>();
        List<Column> warn = new ArrayList<>();
        List<Column> fail = new ArrayList<>();
        quarantineIds.add(when(mappingProblem.notEqual(""), lit(MAPPING)));
        quarantine.add(when(mappingProblem.notEqual(""), mappingProblem));
        warn.add(when(col(MAPPING_NOTES).notEqual("").and(mappingProblem.equalTo("")), concat(lit(MAPPING + ": "), col(MAPPING_NOTES))));
        for (int i = 0; i < rules.size(); i++) {
            ValidationRules.Rule r = rules.get(i);
            Column reason = col(REASON + i);
            switch (r.actionOf()) {
                case QUARANTINE -> {
                    quarantine.add(reason);
                    quarantineIds.add(when(reason.isNotNull(), lit(r.id())));
                }
                case WARN -> warn.add(when(reason.isNotNull(), concat(lit(r.id() + ": "), reason)));
                case FAIL -> fail.add(when(reason.isNotNull(), concat(lit(r.id() + ": "), reason)));
            }
        }
        // in one projection, each reading the mapping's problem, which the last replaces
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put(RULES, joined(", ", quarantineIds));
        columns.put(WARNINGS, joined("; ", warn));
        columns.put(FAILURES, joined("; ", fail));
        columns.put(PROBLEM, joined("; ", quarantine));
        return judged.withColumns(columns).drop(reasons.keySet().toArray(String[]::new));
    }

    /**
     * The texts that are not null, joined by the separator; empty when all are null, as for most rows, which then
     * skip the join's work.
     */
    public static Column joined(String separator, List<Column> texts) {
        if (texts.isEmpty()) return lit("");
        if (texts.size() == 1) return coalesce(texts.get(0), lit(""));
        Column[] each = texts.toArray(Column[]::new);
        return when(coalesce(each).isNull(), lit("")).otherwise(concat_ws(separator, each));
    }

    /** Why a row breaks the rule, or null when it keeps it. */
    private Column reason(ValidationRules.Rule r) {
        return switch (r.check()) {
            case "required" -> firstOf(r.columns().stream()
                    .map(c -> when(col(c).isNull().or(trim(col(c).cast(DataTypes.StringType)).equalTo("")),
                            lit(c + " is empty, but required"))).toList());
            case "codes" -> firstOf(r.columns().stream()
                    .map(c -> when(col(c).isNotNull().and(not(trim(col(c).cast(DataTypes.StringType)).isin(r.values().toArray()))),
                            concat(lit(c + " '"), col(c).cast(DataTypes.StringType), lit("' is not one of " + r.values())))).toList());
            case "range" -> firstOf(r.columns().stream().map(c -> range(c, r)).toList());
            case "unique" -> {
                List<String> on = r.columns() != null && !r.columns().isEmpty() ? r.columns() : extract.key();
                // within a year: the same key in two years of one read is two rows, as loads of each year see them
                List<Column> by = new ArrayList<>(on.stream().map(org.apache.spark.sql.functions::col).toList());
                by.add(col(YEAR));
                Column n = count(lit(1)).over(Window.partitionBy(by.toArray(Column[]::new)));
                yield when(n.gt(1), concat(lit("the key " + on + " is shared by "), n.cast(DataTypes.StringType),
                        lit(" rows; all are held back until the department says which is right")));
            }
            default -> throw new IllegalStateException("unknown structural check " + r.check());
        };
    }

    private static Column range(String c, ValidationRules.Rule r) {
        Column v = trim(col(c).cast(DataTypes.StringType)).try_cast(DataTypes.DoubleType);
        String bounds = (r.min() == null ? "" : "at least " + fmt(r.min())) + (r.min() != null && r.max() != null ? " and " : "")
                + (r.max() == null ? "" : "at most " + fmt(r.max()));
        Column out = lit(false);
        if (r.min() != null) out = out.or(v.lt(r.min()));
        if (r.max() != null) out = out.or(v.gt(r.max()));
        return when(col(c).isNotNull().and(v.isNull()), concat(lit(c + " '"), col(c).cast(DataTypes.StringType), lit("' is not a number")))
                .when(out, concat(lit(c + " = "), col(c).cast(DataTypes.StringType), lit(" is not " + bounds)));
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Column firstOf(List<Column> reasons) {
        return reasons.size() == 1 ? reasons.get(0) : coalesce(reasons.toArray(Column[]::new));
    }
}
