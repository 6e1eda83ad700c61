package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The organisation department's roster of the leadership teams of the district government's working
 * departments and of the district's public institutions (领导班子成员名册), as it stands on 31 December
 * of each year: one row per post holder, sex as '男'/'女', the area by the 6-digit district code, and
 * the post class (部门正职, 部门副职, 事业单位正职, 事业单位副职).
 *
 * <p>Invented for the demo (no district figure was found): 32 working departments with a head and
 * three deputies, 70 public institutions with a head and two deputies; post holders serve three to
 * seven years, and a vacated post goes to a woman with a chance rising over the decade (department
 * deputies 20% to 32%, heads 10% to 20%, institution leaders 24% to 34%), so the shares move slowly.
 */
final class OrganisationDemo {
    /** The working departments of a district government of this size. */
    private static final String[] DEPARTMENTS = {
            "区政府办公室", "区发展和改革局", "区教育局", "区科学技术局", "区经济信息化和商务局", "区公安分局", "区民政局",
            "区司法局", "区财政局", "区人力资源和社会保障局", "区自然资源局", "区住房和城乡建设局", "区交通运输局", "区水利局",
            "区农业农村局", "区文化广播电视和旅游局", "区卫生健康局", "区退役军人事务局", "区应急管理局", "区审计局",
            "区市场监督管理局", "区统计局", "区医疗保障局", "区林业局", "区综合行政执法局", "区行政审批局", "区信访局",
            "区投资促进局", "区机关事务服务中心", "区生态环境局", "区乡村振兴局", "区粮食和物资储备中心"};
    private static final int INSTITUTIONS = 70;

    private OrganisationDemo() {
    }

    private static final class Post {
        final String unit;
        final String postClass;
        String id;
        String name;
        String idCard;
        boolean female;
        LocalDate born;
        LocalDate since;
        int until;

        Post(String unit, String postClass) {
            this.unit = unit;
            this.postClass = postClass;
        }
    }

    static double womenChance(String postClass, int year) {
        int t = year - DemoDistrict.FIRST_YEAR;
        return switch (postClass) {
            case "部门正职" -> 0.10 + 0.01 * t;
            case "部门副职" -> 0.20 + 0.012 * t;
            default -> 0.24 + 0.01 * t;
        };
    }

    static void write(DemoDatabase db) throws Exception {
        java.util.List<Post> posts = new java.util.ArrayList<>();
        for (String unit : DEPARTMENTS) {
            posts.add(new Post(unit, "部门正职"));
            for (int k = 0; k < 3; k++) posts.add(new Post(unit, "部门副职"));
        }
        for (int i = 1; i <= INSTITUTIONS; i++) {
            // schools, health centres, service centres: named by number as the roster's code list does
            String unit = String.format("昭化区属事业单位%03d", i);
            posts.add(new Post(unit, "事业单位正职"));
            for (int k = 0; k < 2; k++) posts.add(new Post(unit, "事业单位副职"));
        }
        Random r = new Random(17_000L);
        int nextId = 1;
        try (DemoTable rows = db.table("GB_LDBZ_CY")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                for (Post p : posts) {
                    if (p.id == null || year >= p.until) {
                        // the first holders took office before 2015, on the earlier, lower shares
                        int appointed = p.id == null ? year - 1 - r.nextInt(5) : year;
                        p.id = String.format("GB%06d", nextId++);
                        p.female = r.nextDouble() < womenChance(p.postClass, appointed);
                        p.born = SyntheticPeople.dayIn(r, appointed - 38 - r.nextInt(15));
                        p.name = SyntheticPeople.name(r);
                        p.idCard = SyntheticPeople.idCard(r, p.born, p.female);
                        p.since = SyntheticPeople.dayIn(r, appointed);
                        p.until = appointed + 3 + r.nextInt(5);
                    }
                    rows.add(Date.valueOf(LocalDate.of(year, 12, 31)), p.id, p.name, p.idCard, p.female ? "女" : "男",
                            Date.valueOf(p.born), "510811", p.unit, p.postClass, Date.valueOf(p.since));
                }
            }
        }
    }
}
