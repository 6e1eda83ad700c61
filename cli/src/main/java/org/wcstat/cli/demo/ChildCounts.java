package org.wcstat.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** Children of the demo district by town, sex and age, and the yearly counts drawn from them. */
final class ChildCounts {
    static final String[] SEXES_ZH = {"男", "女"};

    private ChildCounts() {
    }

    record Community(String name, boolean urban) {
    }

    /** A town's urban communities and administrative villages, as the women's federation's ledger lists them. */
    static List<Community> communities(DemoDistrict.Town town) {
        int urban = DemoDistrict.communities(town);
        int villages = DemoDistrict.villages(town);
        List<Community> list = new ArrayList<>();
        String place = town.nameZh().replace("镇", "");
        for (int c = 1; c <= urban; c++) list.add(new Community(place + c + "社区", true));
        for (int v = 1; v <= villages; v++) list.add(new Community(place + v + "村", false));
        return list;
    }
}
