package org.wcstat.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a source means by urban and rural. The household register's type (农业/非农业 户口, or 城镇/乡村 户口) and
 * the urban-rural division of the place where a person lives (统计用城乡划分代码) sort the same people
 * differently: a rate whose deaths are counted by one and births by the other compares two populations.
 */
public enum ResidenceBasis {
    HUKOU("hukou"),
    AREA("area");

    private final String code;

    ResidenceBasis(String code) {
        this.code = code;
    }

    /** The basis as conf/sources/*.yaml writes it. */
    public String code() {
        return code;
    }

    public static Optional<ResidenceBasis> ofCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ResidenceBasis::code).toList();
    }
}
