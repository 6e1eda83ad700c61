package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.dimension.Dimension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One residence definition per ratio: the terms of a ratio (and of both ratios of a gap) that are broken down
 * or filtered by residence must come from extracts that count urban and rural on the same basis
 * ({@link ResidenceBasis}), declared on each extract's residence mapping. Deaths by the area of residence
 * over births by household register is no rate of anything.
 */
public final class ResidenceBases {

    /** An extract that maps residence, and the basis it declares (none: empty). */
    private record Mapped(String department, String name, Optional<ResidenceBasis> basis, Path file) {
        String extract() {
            return department + "." + name;
        }
    }

    /** A term's place in the indicator: the field that holds it. */
    private record Placed(Formula.Term term, List<Object> field) {
    }

    private ResidenceBases() {
    }

    /** @param folder the configuration, whose sources' files the messages name */
    public static void check(Catalog catalog, List<SourceConfig> sources, ConfFolder folder) {
        List<String> problems = new ArrayList<>();
        for (Catalog.Entry e : catalog.entries()) {
            if (e.formula().denominator() == null) continue;
            boolean byResidence = e.indicator().disaggregations().contains(Dimension.RESIDENCE.catalogName());
            Map<String, Mapped> extracts = new LinkedHashMap<>();
            List<Object> field = null;
            for (Placed p : placed(e)) {
                if (!byResidence && !p.term().filter().containsKey(Dimension.RESIDENCE.filterName())) continue;
                for (Mapped m : mapping(p.term().measure(), sources, folder)) {
                    if (extracts.putIfAbsent(m.extract(), m) == null && field == null) field = p.field();
                }
            }
            if (extracts.size() < 2) continue;
            String problem = disagreement(List.copyOf(extracts.values()));
            if (problem == null) continue;
            List<Object> at = new ArrayList<>(List.of("indicators", YamlLocator.item("code", e.code())));
            if (byResidence) {
                at.add("by");
                at.add(e.indicator().disaggregations().indexOf(Dimension.RESIDENCE.catalogName()));
            } else {
                at.addAll(field);
            }
            problems.add(YamlLocator.of(e.file()).at(at) + ": indicator " + e.code() + " divides counts that are "
                    + (byResidence ? "broken down" : "filtered") + " by residence, but " + problem);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the indicator catalog has " + problems.size() + " ratio(s) mixing residence definitions:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** What is wrong with the extracts' bases, or null when they agree. */
    private static String disagreement(List<Mapped> extracts) {
        for (Mapped m : extracts) {
            if (m.basis().isEmpty()) {
                return "extract " + m.extract() + " declares no basis for its residence at "
                        + YamlLocator.of(m.file()).at(List.of("extracts", YamlLocator.item("name", m.name()), "residence"))
                        + "; add basis: " + String.join(" or ", ResidenceBasis.codes()) + " to the residence mapping of every extract the ratio reads";
            }
        }
        Mapped first = extracts.get(0);
        for (Mapped m : extracts) {
            if (m.basis().get() != first.basis().get()) {
                return "extract " + first.extract() + " counts urban and rural by " + first.basis().get().code() + " and extract "
                        + m.extract() + " by " + m.basis().get().code() + "; take both from sources of one basis, or drop residence"
                        + " from the indicator";
            }
        }
        return null;
    }

    /** The extracts that produce the measure and map residence, as department.extract. */
    private static List<Mapped> mapping(String measure, List<SourceConfig> sources, ConfFolder folder) {
        List<Mapped> out = new ArrayList<>();
        for (SourceConfig s : sources) {
            for (SourceConfig.Extract x : s.extracts()) {
                if (x.residence() == null || !x.measures().contains(measure)) continue;
                out.add(new Mapped(s.department(), x.name(), x.residence().residenceBasis(),
                        folder.sourceFile(s.department())));
            }
        }
        return out;
    }

    private static List<Placed> placed(Catalog.Entry e) {
        List<Placed> out = new ArrayList<>();
        Formula f = e.formula();
        add(out, f.numerator(), List.of("numerator"));
        add(out, f.denominator(), List.of("denominator"));
        if (f.minus() != null) {
            add(out, f.minus().numerator(), List.of("minus", "numerator"));
            add(out, f.minus().denominator(), List.of("minus", "denominator"));
        }
        return out;
    }

    private static void add(List<Placed> out, Formula.Expr expr, List<Object> field) {
        expr.terms().forEach(t -> out.add(new Placed(t.term(), field)));
    }
}
