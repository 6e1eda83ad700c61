package org.wcstat.cli.demo;


/**
 * The education bureau's ledger of the outline period's projects (教育发展项目推进台账), one row per
 * project and year from 2021, the period's first: the project's number, name, town (9-digit code),
 * kind ('公办幼儿园新改扩建', '中小学新改扩建', '示范（特色）专业', '高水平专业化实训基地'), its status at the end of
 * the year ('已完成'/'实施中') and the year it was completed or recognised.
 *
 * <p>Invented for the demo (no district figure was found): 6 public kindergartens and 15 schools
 * newly built or extended by 2025 (one to four a year), a provincial model programme of the vocational
 * school recognised in 2024 and its training base finished in 2023.
 */
final class EducationProjectLedgerDemo {
    record Project(String kind, String name, int town, int done) {
    }

    static final int PERIOD_START = 2021;

    private EducationProjectLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        java.util.List<Project> projects = new java.util.ArrayList<>();
        int[] kindergartensDone = {2021, 2022, 2022, 2023, 2024, 2025, 2027, 2028};
        for (int i = 0; i < kindergartensDone.length; i++) {
            projects.add(new Project("公办幼儿园新改扩建", "幼儿园改扩建工程", i % 12, kindergartensDone[i]));
        }
        int[] schoolsDone = {2021, 2021, 2021, 2022, 2022, 2022, 2023, 2023, 2023, 2023, 2024, 2024, 2024, 2025, 2025, 2026, 2027, 2029};
        for (int i = 0; i < schoolsDone.length; i++) {
            projects.add(new Project("中小学新改扩建", i % 2 == 0 ? "小学教学楼新建工程" : "初级中学运动场改扩建工程", (i * 5) % 12, schoolsDone[i]));
        }
        projects.add(new Project("示范（特色）专业", "昭化区职业高级中学现代农艺技术省级示范专业", 0, 2024));
        projects.add(new Project("高水平专业化实训基地", "昭化区职业高级中学智能制造实训基地", 0, 2023));
        try (DemoTable rows = db.table("JY_XM_TZ")) {
            for (int year = PERIOD_START; year <= DemoDistrict.LAST_YEAR; year++) {
                for (int i = 0; i < projects.size(); i++) {
                    Project p = projects.get(i);
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(p.town());
                    boolean done = p.done() <= year;
                    rows.add(year, String.format("JYXM%03d", i + 1), town.nameZh() + p.name(), town.code(),
                            p.kind(), done ? "已完成" : "实施中", done ? p.done() : null);
                }
            }
        }
    }
}
