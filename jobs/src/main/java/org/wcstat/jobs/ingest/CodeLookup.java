package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;

/**
 * A source's code looked up in a code list (sex codes, measure codes, town names and aliases): the canonical
 * code, or null when the list does not have it.
 * <p>A short list is one map literal, which Spark reads like any expression. Spark searches a map literal entry
 * by entry, though, so for a province's 7,440 towns, each under a name or two, a row of a register read by town
 * name cost thousands of comparisons; a list that long is a hash map behind a function instead. (A CASE with a
 * branch per code is no answer: Spark generates code that grows with the list, which at that size no longer
 * compiles.)
 */
final class CodeLookup {
    /** Up to this many entries a list is a map literal. */
    static final int LITERAL_UP_TO = 64;

    private CodeLookup() {
    }

    static Column of(Column key, Map<String, String> codes) {
        if (codes.size() > LITERAL_UP_TO) {
            HashMap<String, String> byKey = new HashMap<>(codes);
            return functions.udf((UDF1<String, String>) byKey::get, DataTypes.StringType).apply(key.cast("string"));
        }
        List<Column> entries = new ArrayList<>();
        codes.forEach((k, v) -> {
            entries.add(lit(k));
            entries.add(lit(v));
        });
        return try_element_at(functions.map(entries.toArray(Column[]::new)), key);
    }
}
