package org.wcstat.cli.demo;

import java.time.LocalDate;
import java.util.Random;

/** Made-up names and ID-card-shaped numbers, so the demo's records look real without being anyone's. */
final class SyntheticPeople {
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "秀英华玉兰桂芳丽敏静红梅霞燕娟艳琴云莲萍建明国平军伟强勇杰涛斌超波辉刚健永德志林春海东成荣新文";

    private SyntheticPeople() {
    }

    static String name(Random r) {
        StringBuilder s = new StringBuilder().append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        int given = 1 + r.nextInt(2);
        for (int i = 0; i < given; i++) {
            s.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        return s.toString();
    }

    /** 18 characters shaped like a resident ID: area, birth date, sequence, and a check character. */
    static String idCard(Random r, LocalDate birth, boolean female) {
        int seq = r.nextInt(500) * 2 + (female ? 0 : 1);
        String body = "510811" + birth.toString().replace("-", "") + String.format("%03d", seq);
        return body + "0123456789X".charAt(Math.floorMod(body.hashCode(), 11));
    }

    static LocalDate dayIn(Random r, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(r.nextInt(first.lengthOfYear()));
    }

    /** Knuth's method: fine for the small means of a county's yearly counts. */
    static int poisson(Random r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    static int binomial(Random r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) k++;
        }
        return k;
    }

    /**
     * How many of n have a property of probability p: binomial, drawn one by one for small n and by
     * its normal approximation for large n, where the one-by-one draw would be slow for no gain.
     */
    static int draw(Random r, int n, double p) {
        if (n <= 200) return binomial(r, n, p);
        double k = n * p + r.nextGaussian() * Math.sqrt(n * p * (1 - p));
        return (int) Math.max(0, Math.min(n, Math.round(k)));
    }
}
