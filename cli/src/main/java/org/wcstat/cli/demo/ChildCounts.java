package org.wcstat.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Children of the demo district by town, sex and age, and the yearly counts drawn from them. */
final class ChildCounts {
    static final String[] SEXES_ZH = {"男", "女"};

    private ChildCounts() {
    }

    /** Registered children of one town and sex aged from..to at the end of the year, urban and rural. */
    static int children(int year, DemoDistrict.Town town, boolean female, int from, int to) {
        int n = 0;
        for (int age = from; age <= to; age++) {
            n += DemoDistrict.residents(year, town, female, age, true) + DemoDistrict.residents(year, town, female, age, false);
        }
        return n;
    }

    /** A rate moving in a straight line from its 2015 value to its 2025 value. */
    static double trend(int year, double in2015, double in2025) {
        return in2015 + (in2025 - in2015) * (year - DemoDistrict.FIRST_YEAR) / (DemoDistrict.LAST_YEAR - DemoDistrict.FIRST_YEAR);
    }

    /**
     * How many of n have a property of probability p: binomial, drawn one by one for small n and by
     * its normal approximation for large n, where the one-by-one draw would be slow for no gain.
     */
    static int draw(Random r, int n, double p) {
        if (n <= 200) return SyntheticPeople.binomial(r, n, p);
        double k = n * p + r.nextGaussian() * Math.sqrt(n * p * (1 - p));
        return (int) Math.max(0, Math.min(n, Math.round(k)));
    }

    record Community(String name, boolean urban) {
    }

    /** A town's urban communities and administrative villages, as the women's federation's ledger lists them. */
    static List<Community> communities(DemoDistrict.Town town) {
        int urban = town.code().endsWith("100") ? 3 : town.code().endsWith("101") ? 2 : 1;
        int villages = (int) Math.round(town.share() * 180);
        List<Community> list = new ArrayList<>();
        String place = town.nameZh().replace("镇", "");
        for (int c = 1; c <= urban; c++) list.add(new Community(place + c + "社区", true));
        for (int v = 1; v <= villages; v++) list.add(new Community(place + v + "村", false));
        return list;
    }
}
