package org.wcstat.core.assess;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mid-term and final evaluations: per plan and plan area, how many indicators (district totals)
 * reached each status. An evaluation year already in the data is evaluated on the data up to it
 * ("observed"); a later one gets a provisional outlook from the latest data, which also counts the
 * quantified indicators whose anticipated value meets the target in the target year.
 */
public final class Evaluation {

    public static final String OBSERVED = "observed";
    public static final String PROVISIONAL = "provisional";
    /** The area of a plan's own row: all its areas, in the code breakdowns use for all. */
    public static final String WHOLE_PLAN = Dimension.TOTAL;

    private Evaluation() {
    }

    public record Row(int evaluationYear, int assessedYear, String plan, String area, int indicators, int quantified,
                      Map<ProgressStatus, Integer> byStatus, int quantifiedAchievedOrOnTrack, int anticipatedMet,
                      String basis, String summaryZh, String summaryEn) {
        public int count(ProgressStatus s) {
            return byStatus.getOrDefault(s, 0);
        }
    }

    /** One judged indicator: its catalog entry and its district total's judgement. */
    public record Judged(Catalog.Entry entry, BreakdownAssessment.Judgement judgement) {
    }

    /**
     * @param judged       the district totals judged from the data up to {@code assessedYear}
     * @return a row per plan (area {@value #WHOLE_PLAN}) and per plan area, plans and areas in catalog order
     */
    public static List<Row> of(int evaluationYear, int assessedYear, List<Judged> judged) {
        String basis = assessedYear >= evaluationYear ? OBSERVED : PROVISIONAL;
        Map<String, Map<String, List<Judged>>> byPlan = new LinkedHashMap<>();
        for (Judged j : judged) {
            Map<String, List<Judged>> areas = byPlan.computeIfAbsent(j.entry().indicator().plan(), p -> new LinkedHashMap<>());
            areas.computeIfAbsent(WHOLE_PLAN, a -> new ArrayList<>()).add(j);
            areas.computeIfAbsent(j.entry().indicator().area(), a -> new ArrayList<>()).add(j);
        }
        List<Row> rows = new ArrayList<>();
        byPlan.forEach((plan, areas) -> areas.forEach((area, list) -> rows.add(row(evaluationYear, assessedYear, plan, area, list, basis))));
        return rows;
    }

    private static Row row(int evaluationYear, int assessedYear, String plan, String area, List<Judged> list, String basis) {
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        int quantified = 0, good = 0, anticipated = 0;
        for (Judged j : list) {
            BreakdownAssessment.Judgement g = j.judgement();
            counts.merge(g.status(), 1, Integer::sum);
            if (g.quantified()) {
                quantified++;
                if (g.status() == ProgressStatus.ACHIEVED || g.status() == ProgressStatus.ON_TRACK) good++;
                if (g.anticipatedMet()) anticipated++;
            }
        }
        String zh = quantified + "项量化指标中" + good + "项已实现或进展顺利";
        String en = good + " of " + quantified + " quantified indicators achieved or on track";
        if (basis.equals(PROVISIONAL)) {
            zh = "暂定（据" + assessedYear + "年数据）：" + zh + "，" + anticipated + "项按趋势预计可如期实现目标";
            en = "provisional, from the data up to " + assessedYear + ": " + en + "; " + anticipated
                    + " anticipated to meet their target on time";
        }
        return new Row(evaluationYear, assessedYear, plan, area, list.size(), quantified, counts, good, anticipated,
                basis, zh, en);
    }
}
