package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.Sexes.NONE;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The education bureau's figures from the student registry (学籍) for the compulsory-education
 * completion rate — the students of the final junior grade (grade 9) of the school year and how many
 * pupils entered primary grade 1 with that cohort eight school years before, which the registry traces,
 * by the school's town and sex — and the count of the district's leading schools of the
 * province's communities for high-quality compulsory education (省义务教育优质发展共同体领航学校), in the
 * long layout of {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): grade 1 takes every registered 6-year-old;
 * 97.5% of a grade-1 cohort reaches grade 9 eight years later in 2015, 99% in 2025; the first leading
 * school in 2022, the second in 2024.
 */
final class StudentStatusStatisticsDemo {
    static final String TABLE = "JY_XJ_TJ";

    private StudentStatusStatisticsDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 45_000L, List.of(
                new ItemReport.Item("JNJRX", TOWN, BOTH, (y, t, f, r) -> ItemReport.residents(y - 8, t, f, 6, 6)),
                new ItemReport.Item("JNJXS", TOWN, BOTH, (y, t, f, r) ->
                        ItemReport.draw(r, ItemReport.residents(y - 8, t, f, 6, 6), trend(y, 0.975, 0.99))),
                new ItemReport.Item("LHXX", DISTRICT, NONE, (y, t, f, r) -> y >= 2024 ? 2 : y >= 2022 ? 1 : 0)));
    }
}
