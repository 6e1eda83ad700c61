package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.CellKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcstat.core.assess.Fixtures.DISTRICT;
import static org.wcstat.core.assess.Fixtures.TOTAL;
import static org.wcstat.core.assess.Fixtures.YUANBA;

/** Towns, sexes and urban/rural groups against the district. */
class IndicatorAssessmentTest {

    private static final CellKey WEIZI = new CellKey("510811101", "_T", "_T", "_T");
    private static final CellKey WANGJIA = new CellKey("510811102", "_T", "_T", "_T");
    private static final CellKey MOTAN = new CellKey("510811103", "_T", "_T", "_T");
    private static final CellKey GIRLS = new CellKey(DISTRICT, "F", "_T", "_T");
    private static final CellKey BOYS = new CellKey(DISTRICT, "M", "_T", "_T");
    private static final CellKey RURAL = new CellKey(DISTRICT, "_T", "_T", "R");
    private static final CellKey AGE = new CellKey(DISTRICT, "_T", "3-5", "_T");

    private static List<Warning> lags(Catalog.Entry e, Map<CellKey, List<Observation>> obs) {
        return IndicatorAssessment.assess(e, obs, 2024, Fixtures.SETTINGS, Fixtures.vocabulary()).groupLags();
    }

    private static Warning lagOf(List<Warning> lags, CellKey b) {
        return lags.stream().filter(w -> w.cell().equals(b)).findFirst().orElse(null);
    }

    @Test
    void townsLaggingTheDistrictForAnIncreaseDesired() {
        // >= 90, district 95 in 2024, gap 10% of 95 = 9.5
        // 元坝镇 80: 15 worse = 15.8% > 10%, ≤ 20%: medium
        // 卫子镇 70: 25 worse = 26.3% > 2 × 10%: high
        // 王家镇 84 with a 95% interval [80, 96] holding 95: the difference is noise, no warning
        // 磨滩镇 88: 7 worse = 7.4%: within the gap
        // the age band 3-5 at 60 is another population, not a group of the district's: no warning
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2023, 94, 2024, 95));
        obs.put(new CellKey(YUANBA, "_T", "_T", "_T"), Fixtures.values(2023, 81, 2024, 80));
        obs.put(WEIZI, Fixtures.values(2023, 72, 2024, 70));
        obs.put(WANGJIA, List.of(new Observation(2024, 84.0, 21, 25.0, 80.0, 96.0, "")));
        obs.put(MOTAN, Fixtures.values(2024, 88));
        obs.put(AGE, Fixtures.values(2024, 60));
        List<Warning> lags = lags(Fixtures.entry(">= 90"), obs);
        assertEquals(2, lags.size(), lags.toString());

        Warning yuanba = lagOf(lags, new CellKey(YUANBA, "_T", "_T", "_T"));
        assertEquals(WarningKind.GROUP_LAG, yuanba.kind());
        assertEquals(Warning.Severity.MEDIUM, yuanba.severity());
        assertEquals("C-T-01 测试率 (元坝镇): 80 in 2024 against the district's 95, worse by 15 (15.8% of the district's value), "
                + "beyond the 10% gap allowed.", yuanba.reason());
        assertEquals(Warning.Severity.HIGH, lagOf(lags, WEIZI).severity());
    }

    @Test
    void aSexLaggingForADecreaseDesired() {
        // <= 5, district 4.0: girls 5.0 are 1 worse = 25% > 20%: high; boys 4.2 are 5% worse: within the gap
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2024, 4.0));
        obs.put(GIRLS, Fixtures.values(2024, 5.0));
        obs.put(BOYS, Fixtures.values(2024, 4.2));
        List<Warning> lags = lags(Fixtures.entry("<= 5"), obs);
        assertEquals(1, lags.size(), lags.toString());
        assertEquals(Warning.Severity.HIGH, lags.get(0).severity());
        assertTrue(lags.get(0).reason().startsWith("C-T-01 测试率 (昭化区 / 女): 5 in 2024 against the district's 4, worse by 1 (25.0%"),
                lags.get(0).reason());
    }

    @Test
    void ruralGroupFurtherOutsideABand() {
        // ≈ 105 ± 2: district 106 is inside (0 outside); rural 120 is 120 − 105 − 2 = 13 outside,
        // 13/105 = 12.4% of the band's centre > 10%: medium
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2024, 106));
        obs.put(RURAL, Fixtures.values(2024, 120));
        List<Warning> lags = lags(Fixtures.entry("C-T-04", "女=100", "≈ 105 ± 2", null), obs);
        assertEquals(1, lags.size());
        assertEquals(Warning.Severity.MEDIUM, lags.get(0).severity());
        assertEquals("C-T-04 测试率 (昭化区 / 乡村): 120 in 2024 against the district's 106, further outside the band ≈ 105 ± 2 by 13 "
                + "(12.4% of the band's centre), beyond the 10% gap allowed.", lags.get(0).reason());
    }

    @Test
    void countsAreNotComparedWithTheDistrict() {
        // a town's count is a part of the district's: 30 of 200 legal-aid cases lags nothing
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2024, 200));
        obs.put(new CellKey(YUANBA, "_T", "_T", "_T"), Fixtures.values(2024, 30));
        assertTrue(lags(Fixtures.entry("C-T-05", "人次", "increase", null), obs).isEmpty());
    }

    @Test
    void aYearMissingForTheWholeIndicatorIsReportedOnce() {
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2022, 90, 2023, 91));
        obs.put(new CellKey(YUANBA, "_T", "_T", "_T"), Fixtures.values(2022, 88, 2023, 89));
        obs.put(GIRLS, Fixtures.values(2022, 90, 2023, 92));
        IndicatorAssessment.Result r = IndicatorAssessment.assess(Fixtures.entry(">= 80"), obs, 2024, Fixtures.SETTINGS, Fixtures.vocabulary());
        List<Warning> missing = r.warnings().stream().filter(w -> w.kind() == WarningKind.MISSING_YEAR).toList();
        assertEquals(1, missing.size(), missing.toString());
        assertEquals(TOTAL, missing.get(0).cell());
        // every breakdown is still in the series and judged from its latest data
        assertEquals(3, r.breakdowns().size());
        assertEquals(91, r.total().orElseThrow().judgement().currentValue(), 1e-9);
    }

    private static final String WANGJIA_CODE = "510811102";

    /** One clinic in 2020 and 2025 in every town but 王家镇, which has no row; the district's 11. */
    private static Map<CellKey, List<Observation>> clinics(double wangjia2025) {
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        // 2019 was not published by town: the district's value alone
        obs.put(TOTAL, List.of(new Observation(2019, 10.0, 10, null, null, null, ""), new Observation(2020, 11.0, 11, null, null, null, ""),
                new Observation(2025, 11.0 + wangjia2025, 11 + wangjia2025, null, null, null, "")));
        for (var town : Fixtures.vocabulary().codes(org.wcstat.core.dimension.Dimension.TOWN)) {
            CellKey cell = new CellKey(town.code(), "_T", "_T", "_T");
            if (town.code().equals(WANGJIA_CODE)) {
                if (wangjia2025 > 0) obs.put(cell, List.of(new Observation(2025, wangjia2025, wangjia2025, null, null, null, "")));
                continue;
            }
            obs.put(cell, List.of(new Observation(2020, 1.0, 1, null, null, null, ""), new Observation(2025, 1.0, 1, null, null, null, "")));
        }
        return obs;
    }

    @Test
    void aTargetInEveryTownFailsWhenOneTownMissesIt() {
        // ">= 1 in every town": 11 clinics in 11 towns, none in 王家镇. The district's 11 ≥ 1 was "achieved"; judged per
        // town, 11 of 12 towns meet it in 2020 and in 2025: towards all 12 by 2030, CAGR_a = 0 against
        // CAGR_r = (12/11)^(1/10) − 1 = 0.0087383, R = 0: limited progress
        IndicatorAssessment.Result r = IndicatorAssessment.assess(Fixtures.facilities("C-T-12", ">= 1 in every town"), clinics(0),
                2025, Fixtures.SETTINGS, Fixtures.vocabulary());
        BreakdownAssessment.Judgement j = r.total().orElseThrow().judgement();
        assertEquals(ProgressStatus.LIMITED_PROGRESS, j.status());
        assertEquals("cagr_ratio+every_town+few_points", j.method());
        assertEquals(11, j.baselineValue(), 0);
        assertEquals(11, j.currentValue(), 0);
        assertEquals(12, j.targetValue(), 0);
        assertEquals(0.0, j.ratio(), 0);
        assertTrue(j.note().startsWith("Towns meeting the target: 11 of 12 towns meet >= 1 in 2025; short of it: 王家镇 (0)."), j.note());
        // the town without a row is there, at 0 in the years published by town (not 2019), and judged: 0 → 0 towards 1,
        // (0 − 0)/5 against (1 − 0)/10 a year, R = 0
        BreakdownAssessment.Result wangjia = r.breakdowns().stream().filter(b -> b.cell().region().equals(WANGJIA_CODE)).findFirst().orElseThrow();
        assertEquals(List.of(0.0, 0.0), wangjia.points().stream().map(BreakdownAssessment.Point::value).toList());
        assertEquals(EveryTown.ABSENT, wangjia.points().get(0).flags());
        assertEquals(ProgressStatus.LIMITED_PROGRESS, wangjia.judgement().status());
        // one warning names the towns short of it, in Chinese
        List<Warning> shortOf = r.warnings().stream().filter(w -> w.kind() == WarningKind.TOWNS_SHORT).toList();
        assertEquals(1, shortOf.size(), r.warnings().toString());
        assertEquals(TOTAL, shortOf.get(0).cell());
        assertEquals(Warning.Severity.HIGH, shortOf.get(0).severity());
        assertEquals("C-T-12 预防接种门诊 (昭化区): 11 of 12 towns meet >= 1 in 2025; short of it: 王家镇 (0).", shortOf.get(0).reason());

        // a clinic in 王家镇 by 2025: 12 of 12, achieved, no town short
        IndicatorAssessment.Result all = IndicatorAssessment.assess(Fixtures.facilities("C-T-12", ">= 1 in every town"), clinics(1),
                2025, Fixtures.SETTINGS, Fixtures.vocabulary());
        assertEquals(ProgressStatus.ACHIEVED, all.total().orElseThrow().judgement().status());
        assertTrue(all.warnings().stream().noneMatch(w -> w.kind() == WarningKind.TOWNS_SHORT), all.warnings().toString());
    }

    @Test
    void aRateATownLacksDoesNotMeetAnEveryTownTarget() {
        // ">= 90 in every town", a rate: 95% in the district and in 11 towns in 2024 and 2025; 太公镇 has no value, which
        // for a rate is not 0 but unknown, and unknown does not meet the target. 11 → 11 of 12: limited progress
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2024, 95, 2025, 95));
        for (var town : Fixtures.vocabulary().codes(org.wcstat.core.dimension.Dimension.TOWN)) {
            if (!town.zh().equals("太公镇")) obs.put(new CellKey(town.code(), "_T", "_T", "_T"), Fixtures.values(2024, 95, 2025, 95));
        }
        IndicatorAssessment.Result r = IndicatorAssessment.assess(Fixtures.entry(">= 90 in every town"), obs, 2025, Fixtures.SETTINGS,
                Fixtures.vocabulary());
        assertEquals(ProgressStatus.LIMITED_PROGRESS, r.total().orElseThrow().judgement().status());
        // no value is invented for it: the district and the 11 towns
        assertEquals(12, r.breakdowns().size());
        assertTrue(r.warnings().stream().anyMatch(w -> w.kind() == WarningKind.TOWNS_SHORT
                && w.reason().endsWith("11 of 12 towns meet >= 90 in 2025; short of it: 太公镇 (no value).")), r.warnings().toString());
    }

    @Test
    void aTownsGapLagsByItsSize() {
        // rural less urban gap, decrease: the district's −2.0 against 元坝镇's +3.0: sizes 2.0 and 3.0, 1.0 worse = 50% of 2.0,
        // beyond twice the 10% gap: high. On the signed values 元坝镇 would have lagged by −5 (better): no warning
        Map<CellKey, List<Observation>> obs = new LinkedHashMap<>();
        obs.put(TOTAL, Fixtures.values(2024, -2.0));
        obs.put(new CellKey(YUANBA, "_T", "_T", "_T"), Fixtures.values(2024, 3.0));
        List<Warning> lags = lags(Fixtures.gap("C-T-11", "decrease"), obs);
        assertEquals(1, lags.size(), lags.toString());
        assertEquals(Warning.Severity.HIGH, lags.get(0).severity());
        assertEquals("C-T-11 测试差距 (元坝镇): absolute gap 3 in 2024 against the district's 2, worse by 1 (50.0% of the district's value),"
                + " beyond the 10% gap allowed.", lags.get(0).reason());
    }
}
