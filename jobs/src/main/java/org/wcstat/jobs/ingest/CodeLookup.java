package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;

/**
 * A source's code looked up in a code list (sex codes, measure codes, town names and aliases, town codes).
 * <p>A short list is a literal, which Spark reads like any expression. A long one is a hash map or set behind a
 * function instead: Spark searches a map literal entry by entry, so for a province's 7,440 towns, each under a
 * name or two, a row of a register read by town name cost thousands of comparisons; and a list of 7,440 literals
 * ({@code isin}) is walked, compared and hashed by every rule of Spark's planner for every query of a load, which
 * made planning a fifth of a province's ingest. (A CASE with a branch per code is no answer: Spark generates code
 * that grows with the list, which at that size no longer compiles.)
 */
final class CodeLookup {
    /** Up to this many entries a list is a map literal. */
    static final int LITERAL_UP_TO = 64;

    private CodeLookup() {
    }

    /** The canonical code of the key, or null when the list does not have it. */
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

    /** Whether the key is one of the codes (false for a null key). */
    static Column among(Column key, Collection<String> codes) {
        if (codes.size() > LITERAL_UP_TO) {
            HashSet<String> set = new HashSet<>(codes);
            return functions.udf((UDF1<String, Boolean>) set::contains, DataTypes.BooleanType).apply(key.cast("string"));
        }
        return coalesce(key.isin(codes.toArray()), lit(false));
    }
}
