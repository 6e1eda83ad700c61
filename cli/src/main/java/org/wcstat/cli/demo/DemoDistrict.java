package org.wcstat.cli.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic district the demo databases describe: sized on Zhaohua's 2020 census (134,202
 * residents, 48.94% women; ages 0-14 13.46%, 15-59 57.01%, 60+ 29.53%) and shrinking about 0.9% a
 * year, as the district has. Town shares, urban shares and the yearly rates below are invented for
 * the demo (no public figure was found for them) and only keep the numbers plausible.
 */
final class DemoDistrict {
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2025;
    static final int MAX_AGE = 100;

    record Town(String code, String nameZh, double share, double urbanShare) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("510811100", "元坝镇", 0.16, 0.55),
            new Town("510811101", "卫子镇", 0.10, 0.30),
            new Town("510811102", "王家镇", 0.08, 0.12),
            new Town("510811103", "磨滩镇", 0.07, 0.10),
            new Town("510811104", "柏林沟镇", 0.08, 0.12),
            new Town("510811105", "太公镇", 0.07, 0.10),
            new Town("510811106", "虎跳镇", 0.08, 0.12),
            new Town("510811107", "红岩镇", 0.07, 0.10),
            new Town("510811108", "昭化镇", 0.09, 0.20),
            new Town("510811109", "射箭镇", 0.06, 0.08),
            new Town("510811110", "清水镇", 0.07, 0.10),
            new Town("510811111", "青牛镇", 0.07, 0.10));

    private static final double[] AGE_WEIGHTS = ageWeights();

    private DemoDistrict() {
    }

    static double population(int year) {
        return 134_202 * Math.pow(1 - 0.009, year - 2020);
    }

    static double femaleShare() {
        return 0.4894;
    }

    /** Share of the population at one single year of age. */
    static double ageShare(int age) {
        return AGE_WEIGHTS[age];
    }

    /** Residents of one town, sex, single age and residence, rounded to whole persons. */
    static int residents(int year, Town town, boolean female, int age, boolean urban) {
        double sexShare = female ? femaleShare() : 1 - femaleShare();
        double resShare = urban ? town.urbanShare() : 1 - town.urbanShare();
        return (int) Math.round(population(year) * town.share() * sexShare * ageShare(age) * resShare);
    }

    /** A town's urban communities (社区): three in the district's seat, two in the next town, one elsewhere. */
    static int urbanCommunities(Town town) {
        return town.code().endsWith("100") ? 3 : town.code().endsWith("101") ? 2 : 1;
    }

    /** A town's administrative villages (行政村), about 180 in the district by the towns' shares. */
    static int villages(Town town) {
        return (int) Math.round(town.share() * 180);
    }

    /** Registered residents of a town (or the district, for null) and sex aged from..to at the end of the year, urban and rural. */
    static int residentsAged(int year, Town town, boolean female, int from, int to) {
        int n = 0;
        for (Town t : town == null ? TOWNS : List.of(town)) {
            for (int age = from; age <= to; age++) {
                n += residents(year, t, female, age, true) + residents(year, t, female, age, false);
            }
        }
        return n;
    }

    /** A rate moving in a straight line from its 2015 value to its 2025 value. */
    static double trend(int year, double in2015, double in2025) {
        return in2015 + (in2025 - in2015) * (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR);
    }

    static int births(int year) {
        return (int) Math.round(1180 * Math.pow(0.969, year - FIRST_YEAR));
    }

    /** Male births per 100 female births: high in 2015 and falling towards the normal 103-107. */
    static double sexRatioAtBirth(int year) {
        return 111.5 - 0.55 * (year - FIRST_YEAR);
    }

    /** Infant deaths per live birth, falling from 6‰ to about 3‰. */
    static double infantMortality(int year) {
        return (6.0 - 0.28 * (year - FIRST_YEAR)) / 1000;
    }

    private static double[] ageWeights() {
        double[] w = new double[MAX_AGE + 1];
        // 0-14: 13.46%, fewer at the youngest ages as births fall
        fill(w, 0, 14, 0.1346, a -> 0.85 + 0.02 * a);
        // 15-59: 57.01%, flat
        fill(w, 15, 59, 0.5701, a -> 1.0);
        // 60+: 29.53%, thinning out with age
        fill(w, 60, MAX_AGE, 0.2953, a -> Math.pow(MAX_AGE + 1 - a, 1.6));
        return w;
    }

    private static void fill(double[] w, int from, int to, double total, java.util.function.IntToDoubleFunction shape) {
        double sum = 0;
        for (int a = from; a <= to; a++) sum += shape.applyAsDouble(a);
        for (int a = from; a <= to; a++) w[a] = total * shape.applyAsDouble(a) / sum;
    }

    /** The sexes as the departments' Chinese-language returns write them, men first. */
    static final String[] SEXES_ZH = {"男", "女"};

    /** The characters the civil affairs bureau and the women's federation name villages by. */
    private static final String VILLAGE_NAMES = "柏杨松桃李竹梨枫槐柳桑";

    /** The v-th village's name in a department's ledger: 柏村, 杨村 ... 桑村, then 柏2村 and so on. */
    static String villageName(int v) {
        int round = v / VILLAGE_NAMES.length();
        return VILLAGE_NAMES.charAt(v % VILLAGE_NAMES.length()) + (round == 0 ? "" : String.valueOf(round + 1)) + "村";
    }

    record Community(String name, boolean urban) {
    }

    /** A town's urban communities and administrative villages, as the women's federation's ledger lists them. */
    static List<Community> communities(Town town) {
        int urban = urbanCommunities(town);
        int villages = villages(town);
        List<Community> list = new ArrayList<>();
        String place = town.nameZh().replace("镇", "");
        for (int c = 1; c <= urban; c++) list.add(new Community(place + c + "社区", true));
        for (int v = 1; v <= villages; v++) list.add(new Community(place + v + "村", false));
        return list;
    }
}
