package org.wcstat.cli.demo;

import org.wcstat.cli.demo.ItemReport.Item;
import org.wcstat.cli.demo.ItemReport.Part;
import org.wcstat.cli.demo.ItemReport.Report;

import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.wcstat.cli.demo.DemoDistrict.residentsAged;
import static org.wcstat.cli.demo.DemoDistrict.trend;
import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.Sexes.NONE;
import static org.wcstat.cli.demo.ItemReport.Sexes.WOMEN;
import static org.wcstat.cli.demo.ItemReport.share;

/**
 * The departments' returns in the long layout of {@link ItemReport}, each a table, a seed and its
 * items: what each return reports, and how the demo draws its amounts.
 */
final class ItemReports {
    /** Pregnant women tested for HIV, syphilis and hepatitis B: 97% rising to 99.5%, alike for the three. */
    private static final ItemReport.Rate TESTED = (y, t, f) -> trend(y, 0.97, 0.995);

    /**
     * The women's health sections of the maternal and child health annual report (妇幼卫生年报 · 孕产妇保健
     * 和健康情况, 预防艾滋病梅毒乙肝母婴传播, 妇女常见病筛查), in the long layout of {@link ItemReport}, by town,
     * women only.
     *
     * <p>Invented for the demo (no district figure was found): women delivered about the births of the
     * year; systematic management 86% rising to 94%; HIV, syphilis and hepatitis B testing 97% to 99.5%;
     * one HIV-infected pregnant woman every other year, about 3 syphilis infections and 50 HBsAg-positive
     * mothers a year; anaemia among women tested 20% falling to 13%; 35-64-year-old women screened for
     * cervical cancer in the last five years 45% to 74%, for breast cancer in the last two years 25% to 50%;
     * 35-44-year-olds screened with an HPV test 30% to 70%; about 12 cervical cancers found a year;
     * induced abortions 12 to 8 per 1,000 women aged 15-49.
     */
    static final Report FY_FNBJ_NB = new Report("FY_FNBJ_NB", 41_000L, List.of(
            new Item("CFS", TOWN, WOMEN, (y, t, f, r) -> Math.round(DemoDistrict.births(y) * share(t) * (1 + 0.03 * r.nextGaussian())),
                    new Part("XTGL", (y, t, f) -> trend(y, 0.86, 0.94)),
                    new Part("HIVJC", TESTED),
                    new Part("MDJC", TESTED),
                    new Part("YGJC", TESTED),
                    new Part("HBJC", (y, t, f) -> 0.96,
                            new Part("PX", (y, t, f) -> trend(y, 0.20, 0.13)))),
            // the district's few HIV-infected mothers live in the largest town; their infants are followed up
            new Item("HIVGR", TOWN, WOMEN, (y, t, f, r) -> t == DemoDistrict.TOWNS.get(0) && y % 2 == 0 ? 1 : 0,
                    new Part("HIVZL", (y, t, f) -> 0.95)),
            new Item("HIVBL", TOWN, WOMEN, (y, t, f, r) -> t == DemoDistrict.TOWNS.get(0) && y % 2 == 0 ? 1 : 0,
                    new Part("HIVCB", (y, t, f) -> 0.02)),
            new Item("MDGR", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 3.0 * share(t)),
                    new Part("MDZL", (y, t, f) -> trend(y, 0.90, 0.97))),
            new Item("MDBL", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 3.0 * share(t)),
                    new Part("XTMD", (y, t, f) -> 0.02)),
            new Item("YGBL", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 50.0 * share(t)),
                    new Part("YGCB", (y, t, f) -> trend(y, 0.02, 0.008))),
            new Item("GJSC5", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.draw(r, residentsAged(y, t, true, 35, 64), trend(y, 0.45, 0.74))),
            new Item("RXSC2", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.draw(r, residentsAged(y, t, true, 35, 64), trend(y, 0.25, 0.50))),
            new Item("HPV3544", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.draw(r, residentsAged(y, t, true, 35, 44), trend(y, 0.30, 0.70))),
            new Item("GJA", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r, 12.0 * share(t)),
                    new Part("GJAZL", (y, t, f) -> trend(y, 0.88, 0.97))),
            new Item("RGLC", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.draw(r, residentsAged(y, t, true, 15, 49), trend(y, 0.012, 0.008)))));

    /**
     * The maternal and child health centre's yearly survey of women aged 18-69 (妇女健康素养和心理健康监测):
     * women surveyed and those reaching health literacy (健康素养), mental health literacy (心理健康素养),
     * knowing the prevention of cervical and breast cancer (两癌防治核心知识), and screening positive for
     * anxiety (GAD-7 ≥ 10) and depression (PHQ-9 ≥ 10), in the long layout of {@link ItemReport}, by town.
     *
     * <p>Invented for the demo (no district figure was found): about 1,000 women a year; health literacy
     * 12% rising to 28%, mental health literacy 15% to 30%, cancer prevention knowledge 70% to 92%;
     * anxiety 4.0% and depression 5.0% in 2015, rising more slowly every year.
     */
    static final Report FNJK_DC = new Report("FNJK_DC", 42_000L, List.of(
            new Item("DCRS", TOWN, WOMEN, (y, t, f, r) -> Math.round(1000 * t.share()),
                    new Part("JKSY", (y, t, f) -> trend(y, 0.12, 0.28)),
                    new Part("XLSY", (y, t, f) -> trend(y, 0.15, 0.30)),
                    new Part("LAZS", (y, t, f) -> trend(y, 0.70, 0.92)),
                    new Part("JLYX", (y, t, f) -> slowingRise(y, 0.040)),
                    new Part("YYYX", (y, t, f) -> slowingRise(y, 0.050)))));

    /**
     * The health commission's occupational disease report (职业病报告): new cases diagnosed in the year by
     * the town of the employer and sex, in the long layout of {@link ItemReport}.
     *
     * <p>Invented for the demo (no district figure was found): new cases per urban-unit employee 12 per
     * 10,000 for women falling to 6, 20 per 10,000 for men falling to 12 — a few cases a year.
     */
    static final Report ZYB_BG = new Report("ZYB_BG", 43_000L, List.of(
            new Item("XFBL", TOWN, BOTH, (y, t, f, r) -> SyntheticPeople.poisson(r,
                    HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * (f ? trend(y, 0.0012, 0.0006) : trend(y, 0.0020, 0.0012))))));

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
    static final Report JY_XJ_TJ = new Report("JY_XJ_TJ", 45_000L, List.of(
            new Item("JNJRX", TOWN, BOTH, (y, t, f, r) -> DemoDistrict.residentsAged(y - 8, t, f, 6, 6)),
            new Item("JNJXS", TOWN, BOTH, (y, t, f, r) ->
                    SyntheticPeople.draw(r, DemoDistrict.residentsAged(y - 8, t, f, 6, 6), trend(y, 0.975, 0.99))),
            new Item("LHXX", DISTRICT, NONE, (y, t, f, r) -> y >= 2024 ? 2 : y >= 2022 ? 1 : 0)));

    /**
     * The public security bureau's statistics of public order cases (治安案件统计): sexual harassment
     * cases (性骚扰, 猥亵 under the public order law) accepted in the year whose victim is a woman, by the
     * town where it happened, in the long layout of {@link ItemReport}.
     *
     * <p>Invented for the demo (no district figure was found): 14 cases per 100,000 women in 2015 falling
     * to 9 — five to nine cases a year.
     */
    static final Report ZA_AJ_TJ = new Report("ZA_AJ_TJ", 55_000L, List.of(
            new Item("XSR", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r,
                    DemoDistrict.population(y) * DemoDistrict.femaleShare() * t.share() / 100_000 * trend(y, 14, 9)))));

    /**
     * The civil affairs bureau's ledger of community governance and elderly care (城乡社区治理和养老服务
     * 统计台账), in the long layout of {@link ItemReport}: residents' committee members and directors by
     * town and sex; villages, and those with at least one woman in the village party organisation or
     * committee (村"两委"); urban communities and villages, and those served by an elderly care service
     * (a day care centre, a care station or home visits); home elderly care enterprises and organisations,
     * elderly care volunteer teams and community elderly care complexes by town; the district's
     * professional volunteer team and care home for the disabled elderly.
     *
     * <p>Invented for the demo (no district figure was found): five committee members a community, women
     * 48% rising to 52%, directors 32% to 42%; villages with a woman in the two committees 93% to 100%;
     * communities served by elderly care 60% to 92%; one home care provider a town, two in the largest
     * from 2020; a volunteer team in every town from 2021 and a complex in every town from 2022; the
     * district's team from 2022 and its care home from 2023.
     */
    static final Report MZ_SQ_TZ = new Report("MZ_SQ_TZ", 52_000L, List.of(
            new Item("JWHCY", TOWN, BOTH, (y, t, f, r) -> committee(t, 5, y, f, 0.48, 0.52)),
            new Item("JWHZR", TOWN, BOTH, (y, t, f, r) -> committee(t, 1, y, f, 0.32, 0.42)),
            new Item("XZC", TOWN, NONE, (y, t, f, r) -> DemoDistrict.villages(t),
                    new Part("LWYNX", (y, t, f) -> Math.min(1.0, trend(y, 0.93, 1.02)))),
            new Item("CXSQ", TOWN, NONE, (y, t, f, r) -> DemoDistrict.villages(t) + DemoDistrict.urbanCommunities(t),
                    new Part("YLFW", (y, t, f) -> trend(y, 0.60, 0.92))),
            new Item("JJYL", TOWN, NONE, (y, t, f, r) -> y >= 2020 && t == DemoDistrict.TOWNS.get(0) ? 2 : 1),
            new Item("YLZYD", TOWN, NONE, (y, t, f, r) -> y >= 2021 ? 1 : 0),
            new Item("YLZHT", TOWN, NONE, (y, t, f, r) -> y >= 2022 ? 1 : 0),
            new Item("QJZYD", DISTRICT, NONE, (y, t, f, r) -> y >= 2022 ? 1 : 0),
            new Item("SNZHL", DISTRICT, NONE, (y, t, f, r) -> y >= 2023 ? 1 : 0)));

    /**
     * The human resources and social security bureau's development statistics (人力资源和社会保障事业发展
     * 统计), in the long layout of {@link ItemReport}, by town and sex: professionals holding a senior title
     * (高级专业技术职称), skilled workers holding a vocational qualification or skill-level certificate
     * (职业资格证书/职业技能等级证书), participants in unemployment and work injury insurance, and the
     * enterprise wage survey (企业薪酬调查: employees surveyed and their pay in the year, in yuan).
     *
     * <p>Invented for the demo (no district figure was found): about 700 senior professionals, women 33%
     * rising to 40%; about 6,000 certified skilled workers, women 35% to 41%; unemployment insurance for 55%
     * of urban-unit employees rising to 70%, work injury insurance 75% to 90%; 400 employees of each sex
     * surveyed for wages, women's average pay 78% of men's in 2015 and 86% in 2025, men's 38,000 yuan
     * rising 5% a year.
     */
    static final Report RS_FZ_TJ = new Report("RS_FZ_TJ", 48_000L, List.of(
            new Item("GJZC", TOWN, BOTH, (y, t, f, r) -> split(700, t, f, trend(y, 0.33, 0.40), r)),
            new Item("ZGZS", TOWN, BOTH, (y, t, f, r) -> split(6000, t, f, trend(y, 0.35, 0.41), r)),
            new Item("SYBX", TOWN, BOTH, (y, t, f, r) ->
                    Math.round(HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * trend(y, 0.55, 0.70))),
            new Item("GSBX", TOWN, BOTH, (y, t, f, r) ->
                    Math.round(HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * trend(y, 0.75, 0.90))),
            new Item("XCRS", TOWN, BOTH, (y, t, f, r) -> surveyed(t)),
            new Item("XCZE", TOWN, BOTH, (y, t, f, r) -> {
                double men = 38_000 * Math.pow(1.05, y - DemoDistrict.FIRST_YEAR);
                double pay = f ? men * trend(y, 0.78, 0.86) : men;
                return Math.round(surveyed(t) * pay * (1 + 0.02 * r.nextGaussian()));
            })));

    /**
     * The justice bureau's people's mediation statistics (人民调解工作统计): marriage and family disputes
     * (婚姻家庭纠纷) the mediation committees took up in the year, by town, in the long layout of
     * {@link ItemReport}.
     *
     * <p>Invented for the demo (no district figure was found): 9 disputes per 10,000 registered residents
     * in 2015 falling to 6 in 2025.
     */
    static final Report RMTJ_TJ = new Report("RMTJ_TJ", 53_000L, List.of(
            new Item("HYJT", TOWN, NONE, (y, t, f, r) -> SyntheticPeople.poisson(r,
                    DemoDistrict.population(y) * t.share() / 10_000 * trend(y, 9, 6)))));

    /**
     * The disabled persons' federation's yearly update of disabled persons' basic services and needs
     * (残疾人基本服务状况和需求信息动态更新), tabulated by town and sex in the long layout of
     * {@link ItemReport}: certified disabled persons of working age (16-59) able to work, and the employed
     * among them.
     *
     * <p>Invented for the demo (no district figure was found): about 3,200 disabled persons of working
     * age able to work, 45% of them women; employed 38% of the women rising to 48% (men 50% to 58%).
     */
    static final Report CJ_DTGX_TJ = new Report("CJ_DTGX_TJ", 49_000L, List.of(
            new Item("LDNL", TOWN, BOTH, (y, t, f, r) -> Math.round(3200 * t.share() * (f ? 0.45 : 0.55)),
                    new Part("JYRS", (y, t, f) -> f ? trend(y, 0.38, 0.48) : trend(y, 0.50, 0.58)))));

    /**
     * The organisation department's yearly return on women in decision-making (妇女参与决策和管理情况统计表),
     * in the long layout of {@link ItemReport}, by sex: party members and the delegates of the district's
     * and the towns' party congresses; deputies of the district's and the towns' people's congresses and
     * the district's standing committee; members and standing committee members of the district's CPPCC
     * committee; board and supervisory board members and managers of the district's state-owned
     * enterprises (district-wide); members and secretaries of the villages' and the communities' party
     * organisations (by town).
     *
     * <p>Invented for the demo (no district figure was found): sizes of a district of 134,000 people —
     * 7,000 party members, 200 district and 90 town party congress delegates a town, 180 district and 55
     * town people's congress deputies a town, 25 standing committee members, 150 CPPCC members and 22 of
     * its standing committee, 40 board, 25 supervisory board members and 60 managers; women's shares
     * rising slowly over the decade, the figures of the first and the last year given below.
     */
    static final Report FN_JC_TJ = new Report("FN_JC_TJ", 50_000L, List.of(
            new Item("DY", DISTRICT, BOTH, body(7000, 0.27, 0.31)),
            new Item("DDB", DISTRICT, BOTH, body(200, 0.28, 0.33)),
            new Item("DDB", TOWN, BOTH, (y, t, f, r) -> members(t, 90, y, f, 0.29, 0.34)),
            new Item("RDDB", DISTRICT, BOTH, body(180, 0.27, 0.32)),
            new Item("RDDB", TOWN, BOTH, (y, t, f, r) -> members(t, 55, y, f, 0.26, 0.31)),
            new Item("RDCW", DISTRICT, BOTH, body(25, 0.20, 0.28)),
            new Item("ZXWY", DISTRICT, BOTH, body(150, 0.25, 0.32)),
            new Item("ZXCW", DISTRICT, BOTH, body(22, 0.18, 0.27)),
            new Item("GQDS", DISTRICT, BOTH, body(40, 0.15, 0.22)),
            new Item("GQJS", DISTRICT, BOTH, body(25, 0.25, 0.32)),
            new Item("GQGL", DISTRICT, BOTH, body(60, 0.18, 0.26)),
            new Item("CDZZ", TOWN, BOTH, perTown(true, 4, 0.18, 0.26)),
            new Item("CDZS", TOWN, BOTH, perTown(true, 1, 0.08, 0.14)),
            new Item("SQDZZ", TOWN, BOTH, perTown(false, 5, 0.40, 0.50)),
            new Item("SQDZS", TOWN, BOTH, perTown(false, 1, 0.30, 0.40))));

    /**
     * The sports bureau's national physical fitness monitoring (国民体质监测, adults aged 20-69 tested
     * against the national physical fitness standard) and its survey of sports participation (体育锻炼
     * 情况调查: exercising at least three times a week, 30 minutes or more, at moderate intensity), in the
     * long layout of {@link ItemReport}, by town and sex.
     *
     * <p>Invented for the demo (no district figure was found): 30 adults of each sex a town tested and
     * 60 surveyed a year; women meeting the standard 86% rising to 92% (men 85% to 90%), women exercising
     * regularly 26% to 40% (men 30% to 40%).
     */
    static final Report TY_TZJC = new Report("TY_TZJC", 44_000L, List.of(
            new Item("TZCS", TOWN, BOTH, (y, t, f, r) -> 30,
                    new Part("TZHG", (y, t, f) -> f ? trend(y, 0.86, 0.92) : trend(y, 0.85, 0.90))),
            new Item("DLDC", TOWN, BOTH, (y, t, f, r) -> 60,
                    new Part("JCDL", (y, t, f) -> f ? trend(y, 0.26, 0.40) : trend(y, 0.30, 0.40)))));

    /**
     * The science and technology association's civic science literacy survey (公民科学素质调查, residents
     * aged 18-69): respondents and those with basic science literacy (具备基本科学素质), by town and sex, in
     * the long layout of {@link ItemReport}.
     *
     * <p>Invented for the demo (no district figure was found): 50 respondents of each sex a town a year;
     * basic science literacy 5.5% of men and 3.0% of women in 2015, 14% and 12.5% in 2025 — a gap of 2.5
     * points closing to 1.5.
     */
    static final Report KX_SZ_DC = new Report("KX_SZ_DC", 47_000L, List.of(
            new Item("DCRS", TOWN, BOTH, (y, t, f, r) -> 50,
                    new Part("JBSZ", (y, t, f) -> f ? trend(y, 0.030, 0.125) : trend(y, 0.055, 0.14)))));

    /**
     * The federation of trade unions' yearly statistics (工会统计年报), district-wide, by sex, in the long
     * layout of {@link ItemReport}: employees of the enterprises and public institutions holding a
     * workers' congress (职工代表大会) and the congresses' representatives.
     *
     * <p>Invented for the demo (no district figure was found): 9,000 employees, women 41% rising to 43%;
     * 1,200 representatives, women 38% rising to 43%.
     */
    static final Report GH_TJ_NB = new Report("GH_TJ_NB", 51_000L, List.of(
            new Item("ZGRS", DISTRICT, BOTH, (y, t, f, r) -> Math.round(9000 * (f ? trend(y, 0.41, 0.43) : 1 - trend(y, 0.41, 0.43)))),
            new Item("ZDDB", DISTRICT, BOTH, (y, t, f, r) -> Math.round(1200 * (f ? trend(y, 0.38, 0.43) : 1 - trend(y, 0.38, 0.43))))));

    /**
     * The ecology and environment bureau's monitoring of centralised drinking water sources (集中式饮用水
     * 水源地水质监测): samples taken at the district's urban and rural sources in the year and those meeting
     * the standard (GB 3838 class III and GB/T 14848 class III), district-wide, in the long layout of
     * {@link ItemReport}.
     *
     * <p>Invented for the demo (no district figure was found): 14 sources sampled monthly (168 samples),
     * 93% of samples meeting the standard in 2015 rising to 99%.
     */
    static final Report STHJ_YYS_JC = new Report("STHJ_YYS_JC", 54_000L, List.of(
            new Item("JCYP", DISTRICT, NONE, (y, t, f, r) -> 168,
                    new Part("DBYP", (y, t, f) -> trend(y, 0.93, 0.99)))));

    /** Every return above, each written by {@link ItemReport#write}. */
    static final List<Report> ALL = List.of(
            FY_FNBJ_NB, FNJK_DC, ZYB_BG, JY_XJ_TJ, ZA_AJ_TJ, MZ_SQ_TZ, RS_FZ_TJ, RMTJ_TJ, CJ_DTGX_TJ, FN_JC_TJ, TY_TZJC, KX_SZ_DC, GH_TJ_NB, STHJ_YYS_JC);

    private ItemReports() {
    }

    /** A prevalence rising by a point and a half in the first year, each later year's rise 10% smaller. */
    private static double slowingRise(int year, double in2015) {
        double p = in2015;
        for (int y = DemoDistrict.FIRST_YEAR + 1; y <= year; y++) p += 0.0015 * Math.pow(0.9, y - DemoDistrict.FIRST_YEAR - 1);
        return p;
    }

    private static long committee(DemoDistrict.Town t, int perCommunity, int year, boolean female, double in2015, double in2025) {
        int size = perCommunity * DemoDistrict.urbanCommunities(t);
        // both sexes' rows draw the same women, so that they add up to the committees' size
        int women = SyntheticPeople.draw(new Random(Objects.hash(t.code(), perCommunity, year)), size, trend(year, in2015, in2025));
        return female ? women : size - women;
    }

    private static long split(int total, DemoDistrict.Town t, boolean female, double womenShare, Random r) {
        return SyntheticPeople.draw(r, (int) Math.round(total * t.share()), female ? womenShare : 1 - womenShare);
    }

    /** Employees of one sex surveyed for wages in a town: 400 in the district. */
    private static long surveyed(DemoDistrict.Town t) {
        return Math.round(400 * t.share());
    }

    /** Members of one sex of a body of a given size, women's share moving from its 2015 to its 2025 value. */
    private static ItemReport.Amount body(int size, double in2015, double in2025) {
        return (y, t, f, r) -> members(t, size, y, f, in2015, in2025);
    }

    /** The same for each town's village (about 15 a town) or community bodies, with so many members each. */
    private static ItemReport.Amount perTown(boolean villages, int perBody, double in2015, double in2025) {
        return (y, t, f, r) -> members(t, perBody * (villages ? DemoDistrict.villages(t) : DemoDistrict.urbanCommunities(t)), y, f, in2015, in2025);
    }

    private static long members(DemoDistrict.Town t, int size, int year, boolean female, double in2015, double in2025) {
        // the women's and the men's row draw the same women, so that the two add up to the body's size
        Random same = new Random(Objects.hash(t == null ? "510811" : t.code(), size, year, in2015));
        int women = SyntheticPeople.draw(same, size, trend(year, in2015, in2025));
        return female ? women : size - women;
    }
}
