package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

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
final class HrDevelopmentStatisticsDemo {
    static final String TABLE = "RS_FZ_TJ";

    private HrDevelopmentStatisticsDemo() {
    }

    private static long split(int total, DemoDistrict.Town t, boolean female, double womenShare, java.util.Random r) {
        return ItemReport.draw(r, (int) Math.round(total * t.share()), female ? womenShare : 1 - womenShare);
    }

    /** Employees of one sex surveyed for wages in a town: 400 in the district. */
    private static long surveyed(DemoDistrict.Town t) {
        return Math.round(400 * t.share());
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 48_000L, List.of(
                new ItemReport.Item("GJZC", TOWN, BOTH, (y, t, f, r) -> split(700, t, f, trend(y, 0.33, 0.40), r)),
                new ItemReport.Item("ZGZS", TOWN, BOTH, (y, t, f, r) -> split(6000, t, f, trend(y, 0.35, 0.41), r)),
                new ItemReport.Item("SYBX", TOWN, BOTH, (y, t, f, r) ->
                        Math.round(HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * trend(y, 0.55, 0.70))),
                new ItemReport.Item("GSBX", TOWN, BOTH, (y, t, f, r) ->
                        Math.round(HrSocialSecurityDemo.urbanUnitEmployees(y, t, f) * trend(y, 0.75, 0.90))),
                new ItemReport.Item("XCRS", TOWN, BOTH, (y, t, f, r) -> surveyed(t)),
                new ItemReport.Item("XCZE", TOWN, BOTH, (y, t, f, r) -> {
                    double men = 38_000 * Math.pow(1.05, y - DemoDistrict.FIRST_YEAR);
                    double pay = f ? men * trend(y, 0.78, 0.86) : men;
                    return Math.round(surveyed(t) * pay * (1 + 0.02 * r.nextGaussian()));
                })));
    }
}
