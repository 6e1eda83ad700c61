package org.wcstat.jobs.publish;

import org.wcstat.core.Bilingual;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Vocabulary;
import org.wcstat.core.stats.Printed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names readers see, in Chinese and, when the yearbook carries English labels, in English after them:
 * the vocabulary's codes (sexes, residences, age bands, towns), statuses, warnings and headings.
 */
final class Labels {
    private final Vocabulary vocabulary;
    private final boolean english;

    Labels(Vocabulary vocabulary, boolean english) {
        this.vocabulary = vocabulary;
        this.english = english;
    }

    boolean english() {
        return english;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Chinese text, followed by the English when the yearbook carries English labels. */
    String text(String zh, String en) {
        return english ? zh + " / " + en : zh;
    }

    String text(Bilingual b) {
        return text(b.zh(), b.en());
    }

    /** A category of a breakdown, e.g. 女 / female; a code the vocabulary lacks as it is. */
    String category(Dimension d, String code) {
        return vocabulary.code(d, code).map(this::text).orElse(code);
    }

    /** The district or a town. */
    String region(String code) {
        return vocabulary.region(code).map(this::text).orElse(code);
    }

    /** A breakdown's categories in reading order: female first, urban first, ages ascending, towns as configured. */
    List<String> ordered(Dimension d, Map<String, ?> present) {
        List<String> codes = new ArrayList<>(present.keySet());
        codes.sort(vocabulary.order(d));
        return codes;
    }

    /** A cell in words, e.g. "昭化区，女": the region and what it is broken down by. */
    String cell(CellKey key) {
        StringBuilder s = new StringBuilder(region(key.region()));
        for (Dimension d : List.of(Dimension.SEX, Dimension.AGE, Dimension.RESIDENCE)) {
            if (!key.code(d).equals(Dimension.TOTAL)) s.append("，").append(category(d, key.code(d)));
        }
        return s.toString();
    }

    /** The total of a breakdown, e.g. 合计 / total. */
    String total() {
        return text(vocabulary.code(Dimension.SEX, Dimension.TOTAL).orElseThrow());
    }

    /** A target as printed, e.g. "≤ 5", "提高", "≥ 98（2025年）", "各乡镇 ≥ 95". */
    static String target(Target target) {
        if (target == null) return "";
        String t = target.toString();
        boolean everyTown = t.endsWith(" in every town");
        t = t.replace(" in every town", "").replace("<=", "≤").replace(">=", "≥")
                .replace("increase", "提高").replace("decrease", "降低").replaceFirst(" by (\\d{4})$", "（$1年）");
        return everyTown ? "各乡镇 " + t : t;
    }

    /** A value as printed: to the indicator's decimals (two for a ratio, none for a count), as the assessment judged it. */
    static String number(double v, Indicator ind) {
        return Printed.text(v, ind.decimals());
    }
}
