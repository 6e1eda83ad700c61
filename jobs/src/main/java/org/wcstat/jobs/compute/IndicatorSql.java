package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * Every indicator of the catalog for a year as one SQL statement, for another engine to compute what
 * compute does (the benchmark's DuckDB peer; a check of the warehouse's values outside Spark). It uses
 * compute's own measure columns (the catalog's filtered measures as conditional sums), so both engines
 * aggregate the same terms. The aggregation is compute's; what
 * compute then does on the driver (a numerator and a denominator per indicator and group, the rate)
 * is written here in SQL over that aggregate. Intervals and quality flags are left out.
 */
public final class IndicatorSql {
    private static final List<String> DIMENSIONS = List.of("region", "sex", "age_band", "residence");

    private IndicatorSql() {
    }

    /**
     * The wide form: one conditional sum per term in one aggregation over the facts.
     *
     * @param facts a relation with the facts' columns, e.g. read_parquet([...])
     */
    public static String indicators(Catalog catalog, int year, String district, String facts) {
        TermColumns terms = new TermColumns(catalog, year);
        String years = terms.yearsRead().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("WITH g AS (\nSELECT region, sex, age_band, residence,\n"
                + "  grouping(region) AS g_region, grouping(sex) AS g_sex, grouping(age_band) AS g_age_band, grouping(residence) AS g_residence,\n  "
                + selectList(terms, year) + "\nFROM " + facts + " WHERE year IN (" + years + ")"
                + "\nGROUP BY GROUPING SETS ((), (region), (sex), (age_band), (residence)))\n");
        return indicatorsFrom(sql, catalog, terms, year, district);
    }

    /**
     * The joined form, as compute runs it in Spark: the facts join the list of terms on the measure,
     * one narrow aggregation sums them, and the long result is pivoted back to one column per term.
     */
    public static String indicatorsJoined(Catalog catalog, int year, String district, String facts) {
        TermColumns terms = new TermColumns(catalog, year);
        String years = terms.yearsRead().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        for (TermColumns.Column c : terms.columns()) {
            java.util.Map<String, java.util.Set<String>> f = c.term().filter();
            rows.add("(" + quote(terms.name(c.term(), c.year())) + ", " + quote(c.term().measure()) + ", " + c.year()
                    + ", " + c.year() + ", " + list(f.get("sex")) + ", " + list(f.get("age")) + ", " + list(f.get("residence"))
                    + ", " + list(f.get("region")) + ")");
        }
        List<String> pivot = new ArrayList<>();
        for (TermColumns.Column c : terms.columns()) {
            String name = terms.name(c.term(), c.year());
            pivot.add("MAX(CASE WHEN term = " + quote(name) + " THEN v END) AS " + name);
        }
        StringBuilder sql = new StringBuilder("WITH terms(term, measure, year_from, year_to, sexes, age_bands, residences, regions) AS (VALUES\n  "
                + String.join(",\n  ", rows) + "),\n"
                + "s AS (SELECT t.term, f.region, f.sex, f.age_band, f.residence,\n"
                + "  grouping(f.region) AS g_region, grouping(f.sex) AS g_sex, grouping(f.age_band) AS g_age_band, grouping(f.residence) AS g_residence,"
                + " SUM(f.value) AS v\n"
                + "FROM " + facts + " f JOIN terms t ON f.measure = t.measure AND f.year BETWEEN t.year_from AND t.year_to\n"
                + "  AND (t.sexes IS NULL OR list_contains(t.sexes, f.sex)) AND (t.age_bands IS NULL OR list_contains(t.age_bands, f.age_band))\n"
                + "  AND (t.residences IS NULL OR list_contains(t.residences, f.residence)) AND (t.regions IS NULL OR list_contains(t.regions, f.region))\n"
                + "WHERE f.year IN (" + years + ")\n"
                + "GROUP BY GROUPING SETS ((t.term), (t.term, f.region), (t.term, f.sex), (t.term, f.age_band), (t.term, f.residence))),\n"
                + "g AS (SELECT region, sex, age_band, residence, g_region, g_sex, g_age_band, g_residence,\n  " + String.join(",\n  ", pivot)
                + "\nFROM s GROUP BY region, sex, age_band, residence, g_region, g_sex, g_age_band, g_residence)\n");
        return indicatorsFrom(sql, catalog, terms, year, district);
    }

    private static String list(java.util.Set<String> codes) {
        return codes == null ? "CAST(NULL AS VARCHAR[])" : "[" + String.join(", ", codes.stream().map(IndicatorSql::quote).toList()) + "]";
    }

    /** Every indicator's numerator, denominator and value per group, from g: one column per term. */
    private static String indicatorsFrom(StringBuilder sql, Catalog catalog, TermColumns terms, int year, String district) {
        List<String> parts = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            // null for the district total, then the dimensions of the indicator's one-way breakdowns
            List<Dimension> breakdowns = new ArrayList<>();
            breakdowns.add(null);
            e.indicator().disaggregations().forEach(d -> breakdowns.add(Dimension.ofCatalogName(d).orElseThrow()));
            int pool = e.indicator().poolYears();
            String num = sum(e.formula().numerator(), terms, pool, year);
            String den = e.formula().denominator() == null ? null : sum(e.formula().denominator(), terms, pool, year);
            List<String> present = new ArrayList<>();
            for (Formula.Term t : e.formula().terms()) {
                for (int y : TermColumns.window(t, pool, year)) present.add(terms.name(t, y) + " IS NOT NULL");
            }
            Formula minus = e.formula().minus();
            String factor = String.valueOf(e.indicator().factorOrOne());
            String value = den == null ? num
                    : minus == null ? "CASE WHEN " + den + " > 0 THEN " + num + " / " + den + " * " + factor + " END"
                    // a gap: the first ratio less the second, in the indicator's unit
                    : "CASE WHEN " + den + " > 0 AND " + sum(minus.denominator(), terms, pool, year) + " > 0 THEN (" + num + " / " + den
                      + " - " + sum(minus.numerator(), terms, pool, year) + " / " + sum(minus.denominator(), terms, pool, year) + ") * " + factor + " END";
            for (Dimension b : breakdowns) {
                String column = b == null ? null : b.column();
                StringBuilder s = new StringBuilder("SELECT ").append(quote(e.code())).append(" AS indicator, ")
                        .append(year).append(" AS year, ")
                        .append(b == Dimension.TOWN ? "region" : quote(district)).append(" AS region, ");
                for (String d : List.of("sex", "age_band", "residence")) {
                    s.append(d.equals(column) ? d : quote(Dimension.TOTAL)).append(" AS ").append(d).append(", ");
                }
                s.append(num).append(" AS numerator, ").append(den == null ? "CAST(NULL AS DOUBLE)" : den).append(" AS denominator, ")
                        .append(value).append(" AS value FROM g WHERE ");
                List<String> where = new ArrayList<>();
                for (String d : DIMENSIONS) where.add("g_" + d + " = " + (d.equals(column) ? 0 : 1));
                if (b != null) {
                    where.add(column + " <> " + quote(b.totalCode(district)));
                }
                // a count is a zero in every group of its breakdown, as compute writes it; a ratio needs a term with facts there
                if (den != null) where.add("(" + String.join(" OR ", present) + ")");
                parts.add(s.append(String.join(" AND ", where)).toString());
            }
        }
        return sql.append(String.join("\nUNION ALL\n", parts)).toString();
    }

    /** SUM(CASE WHEN year BETWEEN .. AND measure = ... AND sex IN (...) THEN value END) AS t0, ...: DuckDB's natural form. */
    private static String selectList(TermColumns terms, int year) {
        List<String> cols = new ArrayList<>();
        for (TermColumns.Column c : terms.columns()) {
            cols.add("SUM(CASE WHEN year = " + c.year() + " AND " + condition(c.term()) + " THEN value END) AS " + terms.name(c.term(), c.year()));
        }
        return String.join(",\n  ", cols);
    }

    private static String condition(Formula.Term t) {
        StringBuilder c = new StringBuilder("measure = ").append(quote(t.measure()));
        for (java.util.Map.Entry<String, java.util.Set<String>> f : t.filter().entrySet()) {
            String column = Dimension.ofFilterName(f.getKey()).orElseThrow().column();
            List<String> codes = f.getValue().stream().map(IndicatorSql::quote).toList();
            c.append(" AND ").append(column).append(" IN (").append(String.join(", ", codes)).append(")");
        }
        return c.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A pooled indicator's terms summed over their whole window: the peer knows nothing of the years loaded. */
    private static String sum(Formula.Expr expr, TermColumns terms, int pool, int year) {
        StringBuilder s = new StringBuilder("(");
        for (Formula.SignedTerm t : expr.terms()) {
            for (int y : TermColumns.window(t.term(), pool, year)) {
                if (s.length() > 1 || t.sign() < 0) s.append(t.sign() < 0 ? " - " : " + ");
                s.append("COALESCE(").append(terms.name(t.term(), y)).append(", 0)");
            }
        }
        return s.append(")").toString();
    }
}
