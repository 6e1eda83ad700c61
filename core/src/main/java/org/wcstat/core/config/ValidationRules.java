package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.core.yaml.InvalidField;
import org.wcstat.core.yaml.DidYouMean;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.catalog.Formula;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One department's validation rules, as configured in conf/validation/&lt;department&gt;.yaml: structural
 * checks of its rows, logical rules over its measures (DHIS2 style: left side, operator, right side), and
 * statistical checks of a value against its own history. Each rule says how much it matters and what a
 * breach does: warn, quarantine the rows, or fail the department's load.
 */
public record ValidationRules(
        @JsonProperty(value = "department", required = true) String department,
        @JsonProperty(value = "rules", required = true) List<Rule> rules) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    public static final Set<String> OPERATORS = Set.of("<=", "<", ">=", ">", "==", "!=");
    /** The dimensions a logical or statistical rule may group by, as formulas name them. */
    public static final Set<String> BY = Set.of("region", "sex", "age", "residence");

    public enum Kind { STRUCTURAL, LOGICAL, STATISTICAL }

    public enum Action { WARN, QUARANTINE, FAIL }

    public record Rule(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty("check") String check,
            @JsonProperty("description") String description,
            @JsonProperty("extract") String extract,
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("values") List<String> values,
            @JsonProperty("min") Double min,
            @JsonProperty("max") Double max,
            @JsonProperty("left") String left,
            @JsonProperty("operator") String operator,
            @JsonProperty("right") String right,
            @JsonProperty("tolerance") Double tolerance,
            @JsonProperty("by") List<String> by,
            @JsonProperty("measure") String measure,
            @JsonProperty("threshold") Double threshold,
            @JsonProperty("min_history") Integer minHistory,
            @JsonProperty(value = "importance", required = true) String importance,
            @JsonProperty(value = "action", required = true) String action) {

        public Rule {
            // thrown here, the message reaches the user at the line of the field it names (Yaml.read)
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidField("rule id '" + id + "' must be lower case letters, digits and _", "id");
            }
            String at = "rule " + id + ": ";
            one(at, "kind", kind, List.of("structural", "logical", "statistical"));
            one(at, "importance", importance, List.of("high", "medium", "low"));
            one(at, "action", action, List.of("warn", "quarantine", "fail"));
            switch (kind) {
                case "structural" -> {
                    one(at, "check", check, List.of("required", "codes", "range", "unique"));
                    if (extract == null) throw new InvalidField(at + "a structural rule names its 'extract'");
                    if (!check.equals("unique") && (columns == null || columns.isEmpty())) {
                        throw new InvalidField(at + "'" + check + "' needs 'columns'", "check");
                    }
                    if (check.equals("codes") && (values == null || values.isEmpty())) {
                        throw new InvalidField(at + "'codes' needs 'values', the codes allowed", "check");
                    }
                    if (check.equals("range") && min == null && max == null) {
                        throw new InvalidField(at + "'range' needs 'min', 'max' or both", "check");
                    }
                }
                case "logical" -> {
                    if (left == null || right == null || operator == null) {
                        throw new InvalidField(at + "a logical rule needs 'left', 'operator' and 'right'");
                    }
                    one(at, "operator", operator, List.of("<=", "<", ">=", ">", "==", "!="));
                    expression(at, "left", left);
                    expression(at, "right", right);
                    if (tolerance != null && tolerance <= 0) {
                        throw new InvalidField(at + "tolerance multiplies the right side and must be above 0", "tolerance");
                    }
                }
                case "statistical" -> {
                    one(at, "check", check, List.of("modified_z", "min_max"));
                    if (measure == null) throw new InvalidField(at + "a statistical rule names its 'measure'");
                    expression(at, "measure", measure);
                    if (check.equals("min_max") && min == null && max == null) {
                        throw new InvalidField(at + "'min_max' needs 'min', 'max' or both", "check");
                    }
                    if (minHistory != null && minHistory < 3) {
                        throw new InvalidField(at + "min_history must be at least 3: a median and its deviation need them", "min_history");
                    }
                }
                default -> throw new AssertionError(kind);
            }
            if (by != null) {
                for (int i = 0; i < by.size(); i++) {
                    if (!BY.contains(by.get(i))) {
                        throw new InvalidField(at + "cannot group by '" + by.get(i) + "'; use some of " + BY, "by", i);
                    }
                }
            }
        }

        public Kind kindOf() {
            return Kind.valueOf(kind.toUpperCase());
        }

        public Action actionOf() {
            return Action.valueOf(action.toUpperCase());
        }

        /** Groups a measure rule is checked in: by town unless configured otherwise. */
        public List<String> groupBy() {
            return by == null ? List.of("region") : by;
        }

        public double toleranceOrOne() {
            return tolerance == null ? 1.0 : tolerance;
        }

        /** The robust score above which a value is an outlier: 3.5 (Iglewicz and Hoaglin) unless configured. */
        public double thresholdOrDefault() {
            return threshold == null ? 3.5 : threshold;
        }

        public int minHistoryOrDefault() {
            return minHistory == null ? 4 : minHistory;
        }

        /** The measures the rule reads. */
        public Set<String> measures() {
            Set<String> m = new java.util.LinkedHashSet<>();
            terms().forEach(t -> m.add(t.measure()));
            return m;
        }

        /** The dimensions the rule reads, as formulas name them: those it groups by, and those its terms filter on. */
        public Set<String> dimensionsRead() {
            Set<String> d = new java.util.LinkedHashSet<>(groupBy());
            terms().forEach(t -> d.addAll(t.filter().keySet()));
            return d;
        }

        private List<Formula.Term> terms() {
            List<Formula.Term> terms = new java.util.ArrayList<>();
            for (String e : new String[]{left, right, measure}) {
                if (e != null) Formula.parseExpr(e).terms().forEach(t -> terms.add(t.term()));
            }
            return terms;
        }

        private static void one(String at, String field, String value, List<String> allowed) {
            if (value == null || !allowed.contains(value)) {
                throw new InvalidField(at + field + " is '" + value + "'" + (value == null ? "" : DidYouMean.hint(value, allowed))
                        + "; use one of " + allowed, field);
            }
        }

        private static void expression(String at, String field, String text) {
            try {
                Formula.parseExpr(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidField(at + field + ": " + e.getMessage(), field);
            }
        }

        /** The field (left, right or measure) whose expression names the measure. */
        String fieldUsing(String measure) {
            for (String field : List.of("left", "right", "measure")) {
                String e = field.equals("left") ? left : field.equals("right") ? right : this.measure;
                if (e != null && Formula.parseExpr(e).terms().stream().anyMatch(t -> t.term().measure().equals(measure))) {
                    return field;
                }
            }
            return "id";
        }
    }

    /** The rules of an extract's rows. */
    public List<Rule> structural(String extract) {
        return rules.stream().filter(r -> r.kindOf() == Kind.STRUCTURAL && r.extract().equals(extract)).toList();
    }

    /** The rules over measures, logical and statistical. */
    public List<Rule> measureRules() {
        return rules.stream().filter(r -> r.kindOf() != Kind.STRUCTURAL).toList();
    }

    public static ValidationRules none(String department) {
        return new ValidationRules(department, List.of());
    }

    /**
     * conf/validation/*.yaml, by department, each checked against the department's extracts and the
     * measures the sources produce. A missing folder means no rules.
     */
    public static Map<String, ValidationRules> load(ConfFolder folder, List<SourceConfig> sources, Set<String> measures) {
        Map<String, ValidationRules> byDepartment = new LinkedHashMap<>();
        List<Path> files = folder.yamlFiles("validation");
        Path sourcesDir = folder.file("sources");
        List<String> departments = sources.stream().map(SourceConfig::department).toList();
        for (Path f : files) {
            ValidationRules v = Yaml.read(f, ValidationRules.class);
            String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            SourceConfig source = sources.stream().filter(s -> s.department().equals(v.department())).findFirst()
                    .orElseThrow(() -> new ConfigException(YamlLocator.at(f, "department") + ": department '" + v.department()
                            + "' has no source in " + sourcesDir + DidYouMean.hint(v.department(), departments)
                            + "; rules need the department's source" + DidYouMean.listed("departments", departments)));
            if (!stem.equals(v.department())) {
                throw new ConfigException(YamlLocator.at(f, "department") + ": department '" + v.department()
                        + "' must match the file name '" + stem + "'");
            }
            v.check(f, folder.sourceFile(source.department()), source, measures);
            byDepartment.put(v.department(), v);
        }
        return byDepartment;
    }

    private void check(Path file, Path sourceFile, SourceConfig source, Set<String> measures) {
        Set<String> ids = new HashSet<>();
        Set<String> own = Configuration.measures(List.of(source));
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            int index = i;
            if (!ids.add(r.id())) {
                throw new ConfigException(YamlLocator.at(file, "rules", i, "id") + ": rule id '" + r.id() + "' is used twice; ids name rules in reports");
            }
            if (r.kindOf() == Kind.STRUCTURAL) {
                List<String> extracts = source.extracts().stream().map(SourceConfig.Extract::name).toList();
                SourceConfig.Extract e = source.extracts().stream().filter(x -> x.name().equals(r.extract())).findFirst()
                        .orElseThrow(() -> new ConfigException(YamlLocator.at(file, "rules", index, "extract") + ": rule " + r.id() + " names extract '"
                                + r.extract() + "', which " + sourceFile + " does not have" + DidYouMean.hint(r.extract(), extracts)
                                + "; its extracts are " + extracts));
                if (r.check().equals("unique") && (r.columns() == null || r.columns().isEmpty()) && e.key() == null) {
                    throw new ConfigException(YamlLocator.at(file, "rules", i, "check") + ": rule " + r.id() + " checks duplicates on the extract's key,"
                            + " but extract '" + e.name() + "' declares no 'key'; give 'columns'");
                }
            } else {
                for (String m : r.measures()) {
                    if (!measures.contains(m)) {
                        throw new ConfigException(YamlLocator.at(file, "rules", i, r.fieldUsing(m)) + ": rule " + r.id() + " uses measure '" + m
                                + "', which no source produces" + DidYouMean.hint(m, measures) + DidYouMean.listed("measures", measures));
                    }
                }
                if (r.measures().stream().noneMatch(own::contains)) {
                    throw new ConfigException(YamlLocator.at(file, "rules", i, "id") + ": rule " + r.id() + " uses none of " + source.department()
                            + "'s own measures " + own + "; put it in the file of the department that produces one");
                }
            }
        }
    }
}
