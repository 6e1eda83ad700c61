package org.wcstat.core.catalog;

import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An indicator's formula: a numerator and an optional denominator, each a sum or difference of
 * measures filtered on dimensions, and a factor (100 for %, 1000 for ‰, 100000 per 100,000 ...);
 * optionally less a second ratio with the same factor, for gaps in percentage points or per 100,000.
 *
 * <pre>
 *   expr   := term (('+' | '-') term)*
 *   term   := measure filter? year?
 *   filter := '{' dim '=' code ('|' code)* (',' dim '=' code ('|' code)*)* '}'
 *   year   := '@' yyyy         the measure in that year, e.g. a baseline year
 *           | '@-' n           the measure n years before the year computed
 * </pre>
 * e.g. {@code live_births{sex=M}}, {@code population{age=15-17}}, {@code enrolled@2020} or
 * {@code primary_entrants{sex=F}@-8}.
 */
public record Formula(Expr numerator, Expr denominator, double factor, Formula minus) {

    public Formula(Expr numerator, Expr denominator, double factor) {
        this(numerator, denominator, factor, null);
    }

    /** The dimensions a term may filter on, as named in formulas. */
    public static final Set<String> DIMENSIONS = Dimension.filterNames();

    /**
     * A measure, filtered on dimensions, in the year computed, in a fixed year ({@code fixedYear}) or
     * some years before the year computed ({@code yearsBack}).
     */
    public record Term(String measure, Map<String, Set<String>> filter, Integer fixedYear, int yearsBack) {
        public Term {
            filter = Collections.unmodifiableMap(new LinkedHashMap<>(filter));
            if (fixedYear != null && yearsBack != 0) {
                throw new IllegalArgumentException("a term is either in a fixed year or some years back, not both");
            }
        }

        public Term(String measure, Map<String, Set<String>> filter) {
            this(measure, filter, null, 0);
        }

        /** The year whose facts the term reads when the year computed is {@code year}. */
        public int yearFor(int year) {
            return fixedYear != null ? fixedYear : year - yearsBack;
        }

        @Override
        public String toString() {
            String at = fixedYear != null ? "@" + fixedYear : yearsBack != 0 ? "@-" + yearsBack : "";
            if (filter.isEmpty()) {
                return measure + at;
            }
            List<String> parts = new ArrayList<>();
            filter.forEach((d, v) -> parts.add(d + "=" + String.join("|", v)));
            return measure + "{" + String.join(",", parts) + "}" + at;
        }
    }

    public record SignedTerm(int sign, Term term) {
    }

    public record Expr(List<SignedTerm> terms) {
        public Expr {
            terms = List.copyOf(terms);
        }

        /** A difference can reach zero or below even when every measure is positive. */
        public boolean canBeZero() {
            return terms.stream().anyMatch(t -> t.sign() < 0) || terms.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (SignedTerm t : terms) {
                if (!s.isEmpty()) {
                    s.append(t.sign() < 0 ? " - " : " + ");
                } else if (t.sign() < 0) {
                    s.append("-");
                }
                s.append(t.term());
            }
            return s.toString();
        }
    }

    public List<Term> terms() {
        List<Term> all = new ArrayList<>();
        numerator.terms().forEach(t -> all.add(t.term()));
        if (denominator != null) {
            denominator.terms().forEach(t -> all.add(t.term()));
        }
        if (minus != null) {
            all.addAll(minus.terms());
        }
        return all;
    }

    /** Dimensions that some term fixes, so the indicator cannot also be broken down by them. */
    public Set<String> fixedDimensions() {
        Set<String> dims = new LinkedHashSet<>();
        terms().forEach(t -> dims.addAll(t.filter().keySet()));
        return dims;
    }

    public static Expr parseExpr(String text) {
        return new Parser(text).expr();
    }

    /** A small recursive-descent parser; errors name the position so catalog authors can find them. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        Expr expr() {
            List<SignedTerm> terms = new ArrayList<>();
            skipSpace();
            int sign = 1;
            if (peek('-')) {
                pos++;
                sign = -1;
            }
            terms.add(new SignedTerm(sign, term()));
            skipSpace();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != '+' && c != '-') {
                    throw error("expected '+' or '-' between measures");
                }
                pos++;
                terms.add(new SignedTerm(c == '-' ? -1 : 1, term()));
                skipSpace();
            }
            return new Expr(terms);
        }

        private Term term() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a measure name");
            }
            String measure = text.substring(start, pos);
            if (!Character.isLetter(measure.charAt(0))) {
                throw error("a measure name starts with a letter, not '" + measure + "'");
            }
            Map<String, Set<String>> filter = new LinkedHashMap<>();
            skipSpace();
            if (peek('{')) {
                pos++;
                do {
                    skipSpace();
                    String dim = until("=").strip();
                    if (!DIMENSIONS.contains(dim)) {
                        throw error("unknown dimension '" + dim + "' in the filter of " + measure + "; use one of " + new java.util.TreeSet<>(DIMENSIONS));
                    }
                    pos++;
                    String values = untilAny(",}").strip();
                    Set<String> codes = new LinkedHashSet<>();
                    for (String v : values.split("\\|", -1)) {
                        if (v.isBlank()) {
                            throw error("empty code for " + dim + " in the filter of " + measure);
                        }
                        codes.add(v.strip());
                    }
                    if (filter.put(dim, codes) != null) {
                        throw error("dimension " + dim + " is filtered twice in " + measure);
                    }
                } while (text.charAt(pos++) == ',');
            }
            return new Term(measure, filter, fixedYear(), yearsBack());
        }

        private Integer fixedYear() {
            if (!peek('@') || pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                return null;
            }
            pos++;
            String digits = digits();
            if (digits.length() != 4) {
                throw error("a year after '@' has four digits ('@2020') or is a number of years back ('@-1'), not '" + digits + "'");
            }
            return Integer.valueOf(digits);
        }

        private int yearsBack() {
            if (!peek('@')) {
                return 0;
            }
            pos += 2;
            String digits = digits();
            int back = digits.isEmpty() || digits.length() > 2 ? 0 : Integer.parseInt(digits);
            if (back < 1 || back > 20) {
                throw error("'@-' takes the number of years back, 1 to 20, not '" + digits + "'");
            }
            return back;
        }

        private String digits() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String until(String stop) {
            return untilAny(stop);
        }

        private String untilAny(String stops) {
            int start = pos;
            while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos >= text.length()) {
                throw error("unclosed filter: expected one of '" + stops + "'");
            }
            return text.substring(start, pos);
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at column " + (pos + 1) + " of '" + text + "'");
        }
    }
}
