package org.wcstat.core.assess;

import org.wcstat.core.Coded;
import org.wcstat.core.Names;

/**
 * The early warnings of 四、监测评估: indicators expected to be hard to complete, or fluctuating strongly.
 * A kind carries its names, so the yearbook and the schema reference (schemas/README.md) list it from here.
 */
public enum WarningKind implements Coded {
    PROJECTED_MISS("预计难以实现目标", "projected to miss the target"),
    NEEDS_ACCELERATION("需加快进度", "progress needs acceleration"),
    FLUCTUATION("波动较大", "strong fluctuation"),
    GROUP_LAG("群体差距", "a group lags the district"),
    MISSING_YEAR("数据缺失", "a year without a value"),
    IMPLAUSIBLE("数据存疑", "a value outside its plausible range"),
    TOWNS_SHORT("乡镇未全部达标", "towns short of an every-town target");

    private final Names names;

    WarningKind(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The kind indicators.warning stores as a code, e.g. group_lag. */
    public static WarningKind ofCode(String code) {
        return Coded.ofCode(WarningKind.class, code, "warning kind");
    }
}
