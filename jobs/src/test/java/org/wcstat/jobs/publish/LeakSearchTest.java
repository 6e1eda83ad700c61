package org.wcstat.jobs.publish;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.jobs.TestRepo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The leak search: on many random districts, every sum and difference a reader can form from what a release
 * publishes must leave every withheld count undetermined.
 *
 * <p>Each district has 12 towns, two sexes and two residences, with small random counts of infant deaths
 * (C-H-03b by sex, residence and town, and C-H-03e, its rural less urban gap) and of maternal deaths (W-H-02 by
 * residence, pooled over three years beside each year alone), 2020-2024. The reader is assumed to know every
 * denominator (births are published elsewhere), so a published rate is a known count. The relations are set up
 * here from the tables' meaning, not from the code under test: towns add to the district, F + M and U + R to
 * the total, a pooled count is its three years, and a gap is R/births_R - U/births_U. A withheld count x_i is
 * determined exactly when the unit vector e_i lies in the row space of the relations' matrix over the withheld
 * counts, that is when appending e_i leaves its rank unchanged.
 */
class LeakSearchTest {
    private static final String D = "510811";
    private static final List<String> TOWNS = List.of("510811100", "510811101", "510811102", "510811103", "510811104", "510811105",
            "510811106", "510811107", "510811108", "510811109", "510811110", "510811111");

    private static Configuration config;

    @BeforeAll
    static void load() {
        config = Configuration.load(TestRepo.demoConf());
    }

    @Test
    void noWithheldCountOfARandomDistrictCanBeWorkedOut() {
        int withheldInAll = 0;
        for (int seed = 1; seed <= 80; seed++) {
            District d = new District(new Random(seed));
            List<PublishedValue> out = new Withholding(config.catalog(), D, SmallCounts.DEFAULT).apply(d.rows);
            Map<String, PublishedValue> published = new HashMap<>();
            for (PublishedValue v : out) published.put(key(v.indicator(), v.year(), v.region(), v.sex(), v.residence(), v.pooledYears()), v);
            Audit audit = new Audit(d, published);
            withheldInAll += audit.unknowns.size();
            String leak = audit.firstDetermined();
            if (leak != null) fail("seed " + seed + ": the withheld " + leak + " can be worked out from what is published");
        }
        // the search is only worth something when it has withheld counts to look for
        assertTrue(withheldInAll > 150, "only " + withheldInAll + " withheld counts in all");
    }

    /** Infant and maternal deaths and births of one random district, and the indicator rows compute would write. */
    private static final class District {
        final Map<String, Double> deaths = new HashMap<>();   // infant deaths, key(year, region, sex, residence)
        final Map<String, Double> births = new HashMap<>();
        final Map<String, Double> maternal = new HashMap<>(); // key(year, residence)
        final List<Row> rows = new ArrayList<>();

        District(Random r) {
            for (int y = 2020; y <= 2024; y++) {
                for (String town : TOWNS) {
                    for (String sex : List.of("F", "M")) {
                        for (String res : List.of("U", "R")) {
                            // mostly 0-2 deaths per cell, as in a small district; births 20-120
                            add(deaths, y, town, sex, res, r.nextInt(10) < 6 ? 0 : r.nextInt(3));
                            add(births, y, town, sex, res, 20 + r.nextInt(100));
                        }
                    }
                }
                for (String res : List.of("U", "R")) maternal.merge(y + "|" + res, (double) r.nextInt(3), Double::sum);
            }
            for (int y = 2020; y <= 2024; y++) {
                infant(y, D, "_T", "_T");
                for (String s : List.of("F", "M")) infant(y, D, s, "_T");
                for (String res : List.of("U", "R")) infant(y, D, "_T", res);
                for (String t : TOWNS) infant(y, t, "_T", "_T");
                double dr = deaths.get(k(y, D, "_T", "R")), du = deaths.get(k(y, D, "_T", "U"));
                double br = births.get(k(y, D, "_T", "R")), bu = births.get(k(y, D, "_T", "U"));
                rows.add(ValueRows.row("C-H-03e", y, D, "_T", "_T", 1, dr, br, (dr / br - du / bu) * 1000));
                for (String res : List.of("_T", "U", "R")) {
                    rows.add(ValueRows.row("W-H-02", y, D, "_T", res, 1, maternal(y, res), 1000.0, maternal(y, res) / 1000 * 100000));
                    if (y >= 2022) {
                        double pooled = maternal(y, res) + maternal(y - 1, res) + maternal(y - 2, res);
                        rows.add(ValueRows.row("W-H-02", y, D, "_T", res, 3, pooled, 3000.0, pooled / 3000 * 100000));
                    }
                }
            }
        }

        double maternal(int y, String res) {
            return res.equals("_T") ? maternal.get(y + "|U") + maternal.get(y + "|R") : maternal.get(y + "|" + res);
        }

        private void infant(int y, String region, String sex, String res) {
            double n = deaths.get(k(y, region, sex, res)), b = births.get(k(y, region, sex, res));
            rows.add(ValueRows.row("C-H-03b", y, region, sex, res, 1, n, b, n / b * 1000));
        }

        /** Adds a cell's count to every margin that contains it: district, town, sex and residence totals. */
        private static void add(Map<String, Double> m, int y, String town, String sex, String res, double n) {
            for (String region : List.of(D, town)) {
                for (String s : List.of("_T", sex)) {
                    for (String re : List.of("_T", res)) m.merge(k(y, region, s, re), n, Double::sum);
                }
            }
        }
    }

    /** The relations over the withheld counts, and the search for one they determine. */
    private static final class Audit {
        final Map<String, Integer> unknowns = new LinkedHashMap<>();
        final List<double[]> relations = new ArrayList<>();
        private final List<Map<String, Double>> pending = new ArrayList<>();
        private final Map<String, PublishedValue> published;

        Audit(District d, Map<String, PublishedValue> published) {
            this.published = published;
            for (int y = 2020; y <= 2024; y++) {
                String total = key("C-H-03b", y, D, "_T", "_T", 1);
                Map<String, Double> towns = new LinkedHashMap<>(Map.of(total, -1.0));
                for (String t : TOWNS) towns.put(key("C-H-03b", y, t, "_T", "_T", 1), 1.0);
                relate(towns);
                relate(Map.of(total, -1.0, key("C-H-03b", y, D, "F", "_T", 1), 1.0, key("C-H-03b", y, D, "M", "_T", 1), 1.0));
                relate(Map.of(total, -1.0, key("C-H-03b", y, D, "_T", "U", 1), 1.0, key("C-H-03b", y, D, "_T", "R", 1), 1.0));
                // the gap: G / 1000 = x_R / births_R - x_U / births_U, the births known
                String gap = key("C-H-03e", y, D, "_T", "_T", 1);
                if (!published.get(gap).suppressed()) {
                    Map<String, Double> g = new LinkedHashMap<>();
                    g.put(key("C-H-03b", y, D, "_T", "R", 1), 1 / d.births.get(k(y, D, "_T", "R")));
                    g.put(key("C-H-03b", y, D, "_T", "U", 1), -1 / d.births.get(k(y, D, "_T", "U")));
                    relate(g);
                }
                for (int pooled : y >= 2022 ? new int[] {1, 3} : new int[] {1}) {
                    relate(Map.of(key("W-H-02", y, D, "_T", "_T", pooled), -1.0, key("W-H-02", y, D, "_T", "U", pooled), 1.0,
                            key("W-H-02", y, D, "_T", "R", pooled), 1.0));
                }
                if (y >= 2022) {
                    for (String res : List.of("_T", "U", "R")) {
                        Map<String, Double> window = new LinkedHashMap<>(Map.of(key("W-H-02", y, D, "_T", res, 3), -1.0));
                        for (int w = y - 2; w <= y; w++) window.put(key("W-H-02", w, D, "_T", res, 1), 1.0);
                        relate(window);
                    }
                }
            }
            for (Map<String, Double> rel : pending) {
                double[] row = new double[unknowns.size()];
                rel.forEach((cell, coef) -> {
                    Integer i = unknowns.get(cell);
                    if (i != null) row[i] += coef;
                });
                relations.add(row);
            }
        }

        /** A relation among cells: the published ones are constants, the withheld ones unknowns. */
        private void relate(Map<String, Double> cells) {
            boolean any = false;
            for (String c : cells.keySet()) {
                if (published.get(c).suppressed()) {
                    unknowns.putIfAbsent(c, unknowns.size());
                    any = true;
                }
            }
            if (any) pending.add(cells);
        }

        String firstDetermined() {
            if (unknowns.isEmpty()) return null;
            int rank = rank(relations, null);
            for (var u : unknowns.entrySet()) {
                double[] e = new double[unknowns.size()];
                e[u.getValue()] = 1;
                if (rank(relations, e) == rank) return u.getKey();
            }
            return null;
        }

        private static int rank(List<double[]> rows, double[] extra) {
            List<double[]> all = new ArrayList<>(rows);
            if (extra != null) all.add(extra);
            if (all.isEmpty()) return 0;
            RealMatrix m = new Array2DRowRealMatrix(all.toArray(new double[0][]));
            return new SingularValueDecomposition(m).getRank();
        }
    }


    private static String k(int y, String region, String sex, String res) {
        return y + "|" + region + "|" + sex + "|" + res;
    }

    private static String key(String indicator, int year, String region, String sex, String residence, int pooled) {
        return indicator + "|" + year + "|" + region + "|" + sex + "|" + residence + "|" + pooled;
    }
}
