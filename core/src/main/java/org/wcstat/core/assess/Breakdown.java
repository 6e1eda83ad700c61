package org.wcstat.core.assess;

import org.wcstat.core.config.Regions;

/** One breakdown an indicator is published by: the district total, a town, a sex, an age band or urban/rural. */
public record Breakdown(String region, String sex, String ageBand, String residence) {

    public static final String ALL = "_T";

    public enum Kind { TOTAL, TOWN, SEX, AGE, RESIDENCE }

    public static Breakdown total(String district) {
        return new Breakdown(district, ALL, ALL, ALL);
    }

    public Kind kind(String district) {
        if (!region.equals(district)) return Kind.TOWN;
        if (!sex.equals(ALL)) return Kind.SEX;
        if (!ageBand.equals(ALL)) return Kind.AGE;
        if (!residence.equals(ALL)) return Kind.RESIDENCE;
        return Kind.TOTAL;
    }

    /** As the yearbook names it: 昭化区, 元坝镇, 昭化区 / 女, 昭化区 / 农村, 昭化区 / 3-5岁. */
    public String label(Regions regions) {
        StringBuilder b = new StringBuilder(regions.region(region).map(Regions.Region::nameZh).orElse(region));
        if (sex.equals("F")) b.append(" / 女");
        else if (sex.equals("M")) b.append(" / 男");
        else if (!sex.equals(ALL)) b.append(" / ").append(sex);
        if (!ageBand.equals(ALL)) b.append(" / ").append(ageBand.endsWith("+") ? ageBand.replace("+", "岁及以上") : ageBand + "岁");
        if (residence.equals("U")) b.append(" / 城镇");
        else if (residence.equals("R")) b.append(" / 农村");
        else if (!residence.equals(ALL)) b.append(" / ").append(residence);
        return b.toString();
    }
}
