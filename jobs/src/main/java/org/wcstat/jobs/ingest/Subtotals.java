package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.validate.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The subtotal rows of an extract's facts. A report that gives the towns also gives the district's row (昭化区);
 * one by sex also its total (sex 0, 合计, mapped to {@code _T}). Added to the towns, such a row doubles the
 * district; it is a check on them instead. A fact is a subtotal when, in the same year and measure, it has the
 * total code in a dimension where the extract also has other codes, and some of those rows fall under it
 * (agree with it in every dimension it does break down). It is not added: the load leaves it out of the facts,
 * and when its parts do not sum to it, the department's validation report says so (rule {@value #RULE}).
 * A total-code row with no parts under it is data kept at a coarser level, not a subtotal, and stays. Only
 * reports of counts (an extract with a {@code value}) have subtotals: in a register, one row per person or
 * unit, a row at the district is a unit of the district (its own protection centre), not a sum.
 */
final class Subtotals {
    static final String RULE = "subtotal";
    private static final String[] COLUMNS = {"region", "sex", "age_band", "residence"};
    /** Counts are whole numbers, or sums of a few decimals: a difference below this is rounding. */
    private static final double TOLERANCE = 1e-6;

    /** A subtotal fact: its year, its key among the facts ({@link #key}), and the finding when its parts disagree with it. */
    record Subtotal(int year, String key, Finding disagreement) {
    }

    private final Regions regions;
    private final boolean districtOwn;

    /** @param districtOwn a row at the district is a unit of its own, a part beside the towns, not their subtotal */
    Subtotals(Regions regions, boolean districtOwn) {
        this.regions = regions;
        this.districtOwn = districtOwn;
    }

    /** The fact's key, as {@link #keyOf(Row)} makes it from a collected row: year, measure and the four codes. */
    static Column key() {
        return concat_ws("|", col("year").cast("string"), col("measure"), col("region"), col("sex"), col("age_band"), col("residence"));
    }

    /**
     * Which of a fact's codes are the total, a bit per dimension (the region's lowest), over the code columns
     * {@code code} names: what tells, without the facts on the driver, whether a year and measure can hold a subtotal
     * ({@link #mayHold}), so that a report of a province's millions of cells and no subtotal is not collected.
     */
    Column totalCodes(Function<Dimension, Column> code) {
        Column bits = lit(0);
        for (Dimension d : Dimension.values()) {
            Column total = d == Dimension.TOWN ? (districtOwn ? lit(false) : code.apply(d).equalTo(regions.district().code()))
                    : code.apply(d).equalTo(Dimension.TOTAL);
            bits = bits.plus(when(total, 1 << d.ordinal()).otherwise(0));
        }
        return bits;
    }

    /**
     * The shapes of a report's facts, as one text: each year and measure with each set of {@link #totalCodes} its facts
     * have. A report has few, however many its cells; {@link #groupsThatMayHold} reads them.
     *
     * @param isFact whether a row is a fact (not quarantined)
     */
    Column shapes(Column year, Column measure, Function<Dimension, Column> code, Column isFact) {
        return array_join(collect_set(when(isFact, concat_ws("|", year.cast("string"), measure, totalCodes(code).cast("string")))), ";");
    }

    /** A fact's year and measure as {@link #groupsThatMayHold} names them. */
    static Column group() {
        return concat_ws("|", col("year").cast("string"), col("measure"));
    }

    /** The years and measures ({@link #group}) whose facts can hold a subtotal, from texts {@link #shapes} made. */
    static Set<String> groupsThatMayHold(Collection<String> shapes) {
        Map<String, List<Integer>> byGroup = new HashMap<>();
        for (String text : shapes) {
            if (text == null || text.isEmpty()) continue;
            for (String shape : text.split(";")) {
                int bits = shape.lastIndexOf('|');
                byGroup.computeIfAbsent(shape.substring(0, bits), k -> new ArrayList<>()).add(Integer.parseInt(shape.substring(bits + 1)));
            }
        }
        Set<String> groups = new HashSet<>();
        byGroup.forEach((g, bits) -> {
            if (mayHold(bits)) groups.add(g);
        });
        return groups;
    }

    /**
     * Whether the facts of one year and measure, with these {@link #totalCodes}, can hold a subtotal: in some
     * dimension one fact has the total code and another a code of its own, as {@link #of} looks for.
     */
    static boolean mayHold(List<Integer> totalCodes) {
        int total = 0;
        int other = 0;
        for (int bits : totalCodes) {
            total |= bits;
            other |= ~bits;
        }
        return (total & other & ((1 << COLUMNS.length) - 1)) != 0;
    }

    /** @param facts rows of {@code LoadRows.facts}: measure, year, region, sex, age_band, residence, value ... */
    List<Subtotal> of(String extract, List<Row> facts) {
        Map<String, List<Row>> byYearAndMeasure = new LinkedHashMap<>();
        for (Row f : facts) byYearAndMeasure.computeIfAbsent(f.getInt(1) + "|" + f.getString(0), k -> new ArrayList<>()).add(f);
        List<Subtotal> out = new ArrayList<>();
        for (List<Row> group : byYearAndMeasure.values()) {
            boolean[] broken = new boolean[COLUMNS.length];
            for (Row f : group) {
                for (int d = 0; d < COLUMNS.length; d++) broken[d] |= !isTotal(d, code(f, d));
            }
            List<Row> candidates = new ArrayList<>();
            List<Row> leaves = new ArrayList<>();
            for (Row f : group) {
                boolean candidate = false;
                for (int d = 0; d < COLUMNS.length; d++) candidate |= broken[d] && isTotal(d, code(f, d));
                (candidate ? candidates : leaves).add(f);
            }
            // a candidate without parts is data at a coarser level (a town giving only its total): a part itself
            Parts parts = new Parts(leaves);
            for (boolean moved = true; moved; ) {
                Map<Boolean, List<Row>> alone = candidates.stream().collect(Collectors.partitioningBy(c -> parts.under(c).isEmpty()));
                moved = !alone.get(true).isEmpty();
                candidates = alone.get(false);
                alone.get(true).forEach(parts::add);
            }
            for (Row s : candidates) {
                List<Row> under = parts.under(s);
                double sum = under.stream().mapToDouble(p -> p.getDouble(6)).sum();
                double value = s.getDouble(6);
                Finding disagreement = Math.abs(sum - value) <= TOLERANCE ? null
                        : new Finding(extract, described(s), RULE, "logical", "medium", "warn", String.format(
                        "a subtotal row of %s, not added to its parts: it gives %s, its %d part row(s) under it sum to %s (a difference of %s);"
                                + " the parts are counted; check which is right", s.getString(0), number(value), under.size(), number(sum),
                        number(sum - value)));
                out.add(new Subtotal(s.getInt(1), keyOf(s), disagreement));
            }
        }
        return out;
    }

    static String keyOf(Row f) {
        return String.join("|", String.valueOf(f.getInt(1)), f.getString(0), f.getString(2), f.getString(3), f.getString(4), f.getString(5));
    }

    /**
     * The rows that are parts, found by the codes a subtotal breaks down by: a province's report has a subtotal per
     * town and thousands of towns, which compared each with every part took its load minutes on the driver. A part
     * falls under a subtotal when it has the subtotal's code wherever the subtotal's is not the total; the parts are
     * indexed once per such set of dimensions, in the order they were added.
     */
    private final class Parts {
        private final List<Row> rows = new ArrayList<>();
        /** By the dimensions a subtotal breaks down by (a bit each): the parts by their codes there. */
        private final Map<Integer, Map<List<String>, List<Row>>> byCodes = new HashMap<>();

        Parts(List<Row> leaves) {
            leaves.forEach(this::add);
        }

        void add(Row part) {
            rows.add(part);
            byCodes.forEach((dims, index) -> index.computeIfAbsent(codes(part, dims), k -> new ArrayList<>()).add(part));
        }

        List<Row> under(Row subtotal) {
            int dims = 0;
            for (int d = 0; d < COLUMNS.length; d++) {
                if (!isTotal(d, code(subtotal, d))) dims |= 1 << d;
            }
            Map<List<String>, List<Row>> index = byCodes.computeIfAbsent(dims, k -> {
                Map<List<String>, List<Row>> m = new HashMap<>();
                rows.forEach(r -> m.computeIfAbsent(codes(r, k), c -> new ArrayList<>()).add(r));
                return m;
            });
            return index.getOrDefault(codes(subtotal, dims), List.of());
        }

        private static List<String> codes(Row f, int dims) {
            List<String> codes = new ArrayList<>(COLUMNS.length);
            for (int d = 0; d < COLUMNS.length; d++) {
                if ((dims & 1 << d) != 0) codes.add(code(f, d));
            }
            return codes;
        }
    }

    private boolean isTotal(int d, String code) {
        return d == 0 ? !districtOwn && code.equals(regions.district().code()) : code.equals(Dimension.TOTAL);
    }

    private static String code(Row f, int d) {
        return f.getString(2 + d);
    }

    /** The row as the department would find it: its region's name and code, and the codes it is broken down by. */
    private String described(Row s) {
        StringBuilder b = new StringBuilder("region=").append(regions.region(s.getString(2)).map(r -> r.nameZh() + " ").orElse(""))
                .append(s.getString(2));
        for (int d = 1; d < COLUMNS.length; d++) b.append(", ").append(COLUMNS[d]).append('=').append(code(s, d));
        return b.append(", measure=").append(s.getString(0)).append(", year=").append(s.getInt(1)).toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
