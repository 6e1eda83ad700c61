package org.wcstat.jobs.publish;

import java.util.Optional;

/** The one-way breakdowns an indicator is published by besides the district total, as the catalog's {@code by} names them. */
enum Breakdown {
    SEX("sex", "分性别", "by sex"),
    AGE("age", "分年龄组", "by age group"),
    RESIDENCE("residence", "分城乡", "by urban and rural residence"),
    TOWN("town", "分乡镇", "by town");

    final String catalogName;
    final String titleZh;
    final String titleEn;

    Breakdown(String catalogName, String titleZh, String titleEn) {
        this.catalogName = catalogName;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    /** The breakdown a value belongs to, empty for the district total (or a cross-classification, which is not published). */
    static Optional<Breakdown> of(PublishedValue v, String district) {
        boolean inDistrict = v.region().equals(district);
        boolean sex = !v.sex().equals("_T");
        boolean age = !v.ageBand().equals("_T");
        boolean residence = !v.residence().equals("_T");
        int ways = (inDistrict ? 0 : 1) + (sex ? 1 : 0) + (age ? 1 : 0) + (residence ? 1 : 0);
        if (ways != 1) return Optional.empty();
        return Optional.of(!inDistrict ? TOWN : sex ? SEX : age ? AGE : RESIDENCE);
    }

    /** The value's category within this breakdown: a sex, age band, residence or town code. */
    String category(PublishedValue v) {
        return switch (this) {
            case SEX -> v.sex();
            case AGE -> v.ageBand();
            case RESIDENCE -> v.residence();
            case TOWN -> v.region();
        };
    }
}
