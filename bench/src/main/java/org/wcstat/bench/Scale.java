package org.wcstat.bench;

import java.util.Locale;

/**
 * The three sizes benchmarked. County is the demo district itself (Zhaohua, 134,202 residents at the
 * 2020 census, 12 towns). City and province are that district copied k times, every copy with its
 * own 12 towns, so every department's table grows k-fold in the shape the demo gives it: about 3
 * million residents in a city (Guangyuan had 2.3 million), about 80 million in a province (Sichuan
 * had 83.7 million).
 *
 * <p>Towns are numbered under the area's own division code, which leaves room for the towns: 5108
 * (Guangyuan) has 5 digits left of a town's 9, 51 (Sichuan) has 7.
 */
enum Scale {
    COUNTY(1, "510811", "昭化区", "Zhaohua District"),
    CITY(23, "5108", "基准市", "Benchmark city"),
    PROVINCE(620, "51", "基准省", "Benchmark province");

    final int copies;
    final String areaCode;
    final String nameZh;
    final String nameEn;

    Scale(int copies, String areaCode, String nameZh, String nameEn) {
        this.copies = copies;
        this.areaCode = areaCode;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scale of(String id) {
        for (Scale s : values()) {
            if (s.id().equals(id)) return s;
        }
        throw new IllegalArgumentException("no scale '" + id + "'; use county, city or province");
    }
}
