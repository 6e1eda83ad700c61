package org.wcstat.jobs.publish;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release's SDMX model: the data structure's agency, id and version, its components in order, and
 * the code lists of its coded components. One place, read by the CSV and the structure writer alike.
 */
final class Sdmx {
    static final String DSD = "DSD_WOMEN_CHILDREN";
    static final String CONCEPTS = "CS_WOMEN_CHILDREN";
    static final String VERSION = "1.0.0";
    static final List<String> DIMENSIONS = List.of("INDICATOR", "REF_AREA", "SEX", "AGE", "URBANISATION", "TIME_PERIOD");
    static final String MEASURE = "OBS_VALUE";
    static final List<String> ATTRIBUTES = List.of("OBS_STATUS", "CONF_STATUS");

    /** A code of a code list, with its Chinese and English names. */
    record Code(String id, String nameZh, String nameEn) {
    }

    /** A code list and the component it represents. */
    record Codelist(String id, String component, String nameZh, String nameEn, Map<String, Code> codes) {
    }

    final String agency;
    final Map<String, Codelist> codelists = new LinkedHashMap<>();
    private final Map<String, String> ageCodes = new LinkedHashMap<>();

    /** @param values the data, whose codes are all listed even when the configuration no longer has them */
    Sdmx(Configuration config, List<PublishedValue> values) {
        Vocabulary vocabulary = config.vocabulary();
        // an agency id must start with a letter; the bureau is known by its division code
        agency = "CN_" + vocabulary.district();
        Catalog catalog = config.catalog();

        Map<String, Code> indicators = new LinkedHashMap<>();
        for (Catalog.Entry e : catalog.entries()) {
            Indicator i = e.indicator();
            indicators.put(i.code(), new Code(i.code(), i.nameZh(), i.nameEn()));
        }
        for (PublishedValue v : values) indicators.putIfAbsent(v.indicator(), new Code(v.indicator(), v.indicator(), v.indicator()));
        add("CL_INDICATOR", "INDICATOR", "妇女儿童发展纲要监测指标", "Monitoring indicators of the women's and children's development outlines", indicators);

        Map<String, Code> areas = new LinkedHashMap<>();
        List<org.wcstat.core.dimension.Code> regions = new ArrayList<>(List.of(vocabulary.region(vocabulary.district()).orElseThrow()));
        regions.addAll(vocabulary.codes(Dimension.TOWN));
        for (var r : regions) areas.put(r.code(), new Code(r.code(), r.zh(), r.en()));
        for (PublishedValue v : values) areas.putIfAbsent(v.region(), new Code(v.region(), v.region(), v.region()));
        add("CL_AREA", "REF_AREA", "行政区划", "Administrative divisions", areas);

        add("CL_SEX", "SEX", "性别", "Sex", categoriesAndTotal(vocabulary, Dimension.SEX));

        Map<String, Code> ages = new LinkedHashMap<>();
        for (AgeBands.Band b : config.ageBands().bands()) {
            String id = b.to() == null ? "Y_GE" + b.from() : b.from() == b.to() ? "Y" + b.from() : "Y" + b.from() + "T" + b.to();
            ageCodes.put(b.code(), id);
            String en = b.to() == null ? b.from() + " years and over" : b.from() == b.to() ? b.from() + " years" : b.from() + " to " + b.to() + " years";
            String zh = b.to() == null ? b.from() + "岁及以上" : b.from() == b.to() ? b.from() + "岁" : b.from() + "—" + b.to() + "岁";
            ages.put(id, new Code(id, zh, en));
        }
        Code total = sdmx(vocabulary.code(Dimension.AGE, Dimension.TOTAL).orElseThrow());
        ageCodes.put(Dimension.TOTAL, total.id());
        ages.put(total.id(), total);
        add("CL_AGE", "AGE", "年龄组", "Age bands", ages);

        add("CL_URBANISATION", "URBANISATION", "城乡", "Degree of urbanisation", categoriesAndTotal(vocabulary, Dimension.RESIDENCE));
        add("CL_OBS_STATUS", "OBS_STATUS", "观测值状态", "Observation status", codes(
                new Code("A", "正常值", "Normal value"),
                new Code("U", "可靠性低（事件数少于20）", "Low reliability (fewer than 20 events)"),
                new Code("M", "不可能存在（分母为零）", "Missing value; data cannot exist (zero denominator)"),
                new Code("O", "缺失值", "Missing value"),
                new Code("R", "修订值（与上一版相比有变化）", "Revised (changed since the previous revision)")));
        add("CL_CONF_STATUS", "CONF_STATUS", "保密状态", "Confidentiality status", codes(
                new Code("F", "可公开", "Free"),
                new Code("C", "保密（小数保护）", "Confidential statistical information (small counts)")));
    }

    /**
     * A dimension's categories and its total as SDMX lists them: the vocabulary's codes and names, the English
     * capitalised. (The unknown code joins them once a source maps to it.)
     */
    private static Map<String, Code> categoriesAndTotal(Vocabulary vocabulary, Dimension d) {
        Map<String, Code> m = new LinkedHashMap<>();
        for (var c : vocabulary.codes(d)) m.put(c.code(), sdmx(c));
        Code total = sdmx(vocabulary.code(d, Dimension.TOTAL).orElseThrow());
        m.put(total.id(), total);
        return m;
    }

    private static Code sdmx(org.wcstat.core.dimension.Code c) {
        return new Code(c.code(), c.zh(), Character.toUpperCase(c.en().charAt(0)) + c.en().substring(1));
    }

    /** The SDMX age code of an age band of conf/dimensions.yaml. */
    String ageCode(String band) {
        String id = ageCodes.get(band);
        if (id == null) {
            throw new IllegalStateException("age band " + band + " of indicators.value is not in conf/dimensions.yaml");
        }
        return id;
    }

    String structureId() {
        return agency + ":" + DSD + "(" + VERSION + ")";
    }

    String codelistUrn(String id) {
        return "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=" + agency + ":" + id + "(" + VERSION + ")";
    }

    String conceptUrn(String concept) {
        return "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + agency + ":" + CONCEPTS + "(" + VERSION + ")." + concept;
    }

    Codelist codelistOf(String component) {
        return codelists.values().stream().filter(c -> c.component().equals(component)).findFirst().orElse(null);
    }

    private void add(String id, String component, String zh, String en, Map<String, Code> codes) {
        codelists.put(id, new Codelist(id, component, zh, en, codes));
    }

    private static Map<String, Code> codes(Code... codes) {
        Map<String, Code> m = new LinkedHashMap<>();
        for (Code c : codes) m.put(c.id(), c);
        return m;
    }
}
