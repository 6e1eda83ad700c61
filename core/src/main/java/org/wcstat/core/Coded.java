package org.wcstat.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * A constant of an enum the warehouse stores by its code, the constant's name in lower case (on_track,
 * group_lag, high), and readers see by its Chinese and English names.
 */
public interface Coded extends Bilingual {
    String name();

    /** The constant's names, given to its constructor. */
    Names names();

    @Override
    default String zh() {
        return names().zh();
    }

    @Override
    default String en() {
        return names().en();
    }

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant a stored code names.
     *
     * @param what what the constants are, for the message, e.g. "warning kind"
     */
    static <E extends Enum<E> & Coded> E ofCode(Class<E> type, String code, String what) {
        E[] all = type.getEnumConstants();
        return Arrays.stream(all).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " '" + code + "'; a " + what + " is one of "
                        + Arrays.stream(all).map(Coded::code).toList()));
    }
}
