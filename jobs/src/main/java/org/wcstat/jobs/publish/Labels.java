package org.wcstat.jobs.publish;

import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AgeBands;
import org.wcstat.core.config.Regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The names readers see for codes: sexes, residences, age bands, towns, in Chinese and optionally English. */
final class Labels {
    private final Regions regions;
    private final AgeBands ageBands;
    private final boolean english;
    /** By code, and each town's place in regions.yaml: a province's tables label and order thousands of towns. */
    private final Map<String, Regions.Region> byCode = new HashMap<>();
    private final Map<String, Integer> townOrder = new HashMap<>();

    Labels(Regions regions, AgeBands ageBands, boolean english) {
        this.regions = regions;
        this.ageBands = ageBands;
        this.english = english;
        byCode.put(regions.district().code(), regions.district());
        for (Regions.Region t : regions.towns()) {
            byCode.putIfAbsent(t.code(), t);
            townOrder.putIfAbsent(t.code(), townOrder.size());
        }
    }

    boolean english() {
        return english;
    }

    /** Chinese text, followed by the English when the yearbook carries English labels. */
    String text(String zh, String en) {
        return english ? zh + " / " + en : zh;
    }

    String category(Breakdown b, String code) {
        return switch (b) {
            case SEX -> switch (code) {
                case "F" -> text("女", "female");
                case "M" -> text("男", "male");
                default -> code;
            };
            case RESIDENCE -> switch (code) {
                case "U" -> text("城镇", "urban");
                case "R" -> text("乡村", "rural");
                default -> code;
            };
            case AGE -> text(code.replace("+", "岁及以上").replaceFirst("^([0-9-]+)$", "$1岁"), "aged " + code);
            case TOWN -> regions.district().code().equals(code) ? code
                    : Optional.ofNullable(byCode.get(code)).map(t -> text(t.nameZh(), t.nameEn())).orElse(code);
        };
    }

    String region(String code) {
        return Optional.ofNullable(byCode.get(code)).map(r -> text(r.nameZh(), r.nameEn())).orElse(code);
    }

    /** A breakdown's categories in reading order: female first, urban first, ages ascending, towns by code. */
    List<String> ordered(Breakdown b, Map<String, ?> present) {
        List<String> codes = new ArrayList<>(present.keySet());
        Map<String, Integer> rank = new HashMap<>();
        switch (b) {
            case SEX -> List.of("F", "M").forEach(c -> rank.put(c, rank.size()));
            case RESIDENCE -> List.of("U", "R").forEach(c -> rank.put(c, rank.size()));
            case AGE -> ageBands.bands().forEach(band -> rank.putIfAbsent(band.code(), rank.size()));
            case TOWN -> rank.putAll(townOrder);
        }
        codes.sort(Comparator.comparingInt((String c) -> rank.getOrDefault(c, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return codes;
    }

    /** A warning's breakdown in words, e.g. "昭化区 女". */
    String breakdownOf(EarlyWarning w) {
        StringBuilder s = new StringBuilder(region(w.region()));
        if (!w.sex().equals("_T")) s.append("，").append(category(Breakdown.SEX, w.sex()));
        if (!w.ageBand().equals("_T")) s.append("，").append(category(Breakdown.AGE, w.ageBand()));
        if (!w.residence().equals("_T")) s.append("，").append(category(Breakdown.RESIDENCE, w.residence()));
        return s.toString();
    }

    static String warningKind(String kind) {
        return switch (kind) {
            case "projected_miss" -> "预计难以实现目标";
            case "needs_acceleration" -> "需加快进度";
            case "fluctuation" -> "波动较大";
            case "group_lag" -> "群体差距";
            case "missing_year" -> "数据缺失";
            case "implausible" -> "数据存疑";
            default -> kind;
        };
    }

    static String severity(String severity) {
        return switch (severity) {
            case "high" -> "高";
            case "medium" -> "中";
            case "low" -> "低";
            default -> severity;
        };
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

    /** A value with as many decimals as it needs, up to two. */
    static String number(double v) {
        return new java.math.BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
