package org.wcstat.core.yaml;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DidYouMeanTest {

    @ParameterizedTest(name = "{0} among [{1}] -> {2}")
    @CsvSource(delimiter = ';', nullValues = "none", value = {
            // two letters swapped
            "regoin; code,name,region; region",
            "tabel; table,query,where; table",
            "=<; <=,<,>=,>,==,!=; <=",
            // a letter left out, added or replaced
            "maternal_death; maternal_deaths,live_births; maternal_deaths",
            "importence; importance,action; importance",
            "helth; health,education; health",
            "Table; table,query; table",
            // cut short or run on, when only one name starts so
            "pooled; pooled_years,by,interval; pooled_years",
            "region_code; region,sex; region",
            // nothing near: no guess
            "unit; code,from,to; none",
            "births; birth_register,mch_death_report; none",
            "colour; code,from,to; none",
            // a short name allows one edit only: 'x' is two from 'to'
            "x; to,from; none",
            // 'name' starts both name_zh and name_en: no guess between them
            "name; name_zh,name_en,unit; none"})
    void nearest(String wrong, String allowed, String expected) {
        List<String> names = Arrays.asList(allowed.split(","));
        assertEquals(Optional.ofNullable(expected), DidYouMean.nearest(wrong, names));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "regoin; region,code; ' (did you mean ''region''?)'",
            "zzz; region,code; ''"})
    void hint(String wrong, String allowed, String expected) {
        assertEquals(expected, DidYouMean.hint(wrong, Arrays.asList(allowed.split(","))));
    }
}
