package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The disabled persons' federation's yearly update of disabled persons' basic services and needs
 * (残疾人基本服务状况和需求信息动态更新), tabulated by town and sex in the long layout of
 * {@link ItemReport}: certified disabled persons of working age (16-59) able to work, and the employed
 * among them.
 *
 * <p>Invented for the demo (no district figure was found): about 3,200 disabled persons of working
 * age able to work, 45% of them women; employed 38% of the women rising to 48% (men 50% to 58%).
 */
final class DisabledPersonsStatusUpdateDemo {
    static final String TABLE = "CJ_DTGX_TJ";

    private DisabledPersonsStatusUpdateDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 49_000L, List.of(
                new ItemReport.Item("LDNL", TOWN, BOTH, (y, t, f, r) -> Math.round(3200 * t.share() * (f ? 0.45 : 0.55)),
                        new ItemReport.Part("JYRS", (y, t, f) -> f ? trend(y, 0.38, 0.48) : trend(y, 0.50, 0.58)))));
    }
}
