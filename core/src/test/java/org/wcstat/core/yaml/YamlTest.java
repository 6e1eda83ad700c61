package org.wcstat.core.yaml;

import org.wcstat.core.dimension.Regions;
import org.wcstat.core.dimension.AgeBands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String error(Path file, Class<?> type) {
        return assertThrows(ConfigException.class, () -> Yaml.read(file, type)).getMessage();
    }

    @Test
    void readsAndValidatesAGoodFile() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - {code: "0-4", from: 0, to: 4}
                  - {code: "5+", from: 5}
                """);
        AgeBands bands = Yaml.read(f, AgeBands.class);
        assertEquals(2, bands.bands().size());
        assertEquals(new AgeBands.Band("5+", 5, null), bands.bands().get(1));
    }

    @Test
    void anUnknownFieldNamesTheFileLineAndAllowedFields() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    from: 0
                    to: 4
                  - code: "5+"
                    from: 5
                    unit: years
                """);
        String m = error(f, AgeBands.class);
        // 'unit' is on line 7
        assertTrue(m.startsWith(f + ":7:"), m);
        assertTrue(m.contains(": unknown field 'unit'; the fields allowed here are code, from, to"), m);
        assertTrue(m.endsWith(" (at age_bands[1].unit)"), m);
    }

    @Test
    void anUnknownFieldInTheMiddleOfAMapping() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    unit: years
                    from: 0
                    to: 4
                  - code: "5+"
                    from: 5
                """);
        String m = error(f, AgeBands.class);
        // 'unit' is on line 3, column 5
        assertEquals(f + ":3:5: unknown field 'unit'; the fields allowed here are code, from, to (at age_bands[0].unit)", m);
    }

    @Test
    void anUnknownTopLevelField() throws IOException {
        Path f = write("dimensions.yaml", """
                # the bands
                age_bands:
                  - {code: "0+", from: 0}
                colour: red
                """);
        String m = error(f, AgeBands.class);
        // 'colour' is on line 4; the only field allowed at the top is age_bands
        assertTrue(m.startsWith(f + ":4:"), m);
        assertTrue(m.contains(": unknown field 'colour'; the fields allowed here are age_bands"), m);
    }

    @Test
    void aMissingRequiredFieldNamesTheFieldAndTheLine() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - {code: "0-4", from: 0, to: 4}
                  - {code: "5+", to: 9}
                  - {code: "10+", from: 10}
                """);
        String m = error(f, AgeBands.class);
        // the band without 'from' is the flow mapping on line 3
        assertTrue(m.startsWith(f + ":3:"), m);
        assertTrue(m.contains("'from'"), m);
        assertTrue(m.endsWith(" (at age_bands[1].from)"), m);
    }

    @Test
    void aMissingRequiredFieldInABlockMappingNamesTheMappingsLine() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    to: 4
                  - code: "5+"
                    from: 5
                """);
        String m = error(f, AgeBands.class);
        // the band without 'from' starts on line 2, column 5 (after "  - "), not on the next band's line 4
        assertTrue(m.startsWith(f + ":2:5: "), m);
        assertTrue(m.contains("'from'"), m);
        assertTrue(m.endsWith(" (at age_bands[0].from)"), m);
    }

    @Test
    void aMissingTopLevelField() throws IOException {
        Path f = write("regions.yaml", """
                district: {code: "510811", name_zh: 昭化区, name_en: Zhaohua District}
                """);
        String m = error(f, Regions.class);
        assertTrue(m.startsWith(f + ":"), m);
        assertTrue(m.contains("'towns'"), m);
    }

    @Test
    void aTypeErrorNamesTheLineAndTheValue() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    from: zero
                    to: 4
                  - {code: "5+", from: 5}
                """);
        String m = error(f, AgeBands.class);
        // 'zero' is on line 3, column 11
        assertTrue(m.startsWith(f + ":3:11: "), m);
        assertTrue(m.contains("'from' must be a whole number, not 'zero'"), m);
        assertTrue(m.endsWith(" (at age_bands[0].from)"), m);
    }

    @Test
    void aListWhereAMappingBelongs() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands: {code: "0+", from: 0}
                """);
        String m = error(f, AgeBands.class);
        assertTrue(m.startsWith(f + ":1:"), m);
        assertTrue(m.endsWith(" (at age_bands)"), m);
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsNotRoundedDown() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - {code: "0-4", from: 0, to: 4.5}
                  - {code: "5+", from: 5}
                """);
        // 4.5 starts at column 32 of line 2
        assertEquals(f + ":2:32: 'to' must be a whole number, not '4.5' (at age_bands[0].to)", error(f, AgeBands.class));
    }

    @Test
    void aListWhereTheFileHoldsAMapping() throws IOException {
        Path f = write("dimensions.yaml", """
                - {code: "0+", from: 0}
                """);
        assertEquals(f + ":1:1: the file must be a mapping with the fields age_bands, not a list", error(f, AgeBands.class));
    }

    @Test
    void aMisspeltFieldIsNamedBeforeTheRequiredOneItStandsFor() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    form: 0
                    to: 4
                  - {code: "5+", from: 5}
                """);
        assertEquals(f + ":3:5: unknown field 'form' (did you mean 'from'?); the fields allowed here are code, from, to"
                + " (at age_bands[0].form)", error(f, AgeBands.class));
    }

    @Test
    void aRequiredFieldWithoutAValue() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code:
                    from: 0
                """);
        assertEquals(f + ":2:5: field 'code' has no value, but it is required: give it a single text value (at age_bands[0].code)",
                error(f, AgeBands.class));
    }

    @Test
    void aQuoteLeftOpenIsReportedWhereItOpens() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4
                    from: 0
                """);
        // the opening quote is at column 11 of line 2
        assertEquals(f + ":2:11: the quoted text that starts here is never closed; end it with the same quote mark",
                error(f, AgeBands.class));
    }

    @Test
    void aKeyGivenTwiceIsReportedAtTheSecond() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - code: "0-4"
                    from: 0
                    to: 4
                    from: 1
                  - {code: "5+", from: 5}
                """);
        assertEquals(f + ":5:5: 'from' is given twice in this mapping (first on line 3); only one value can count, so keep one",
                error(f, AgeBands.class));
    }

    @Test
    void aMissingFile() {
        Path f = dir.resolve("nowhere.yaml");
        assertEquals(f + ": file not found", error(f, AgeBands.class));
    }

    @Test
    void anEmptyFile() throws IOException {
        Path f = write("dimensions.yaml", "");
        assertEquals(f + ": the file is empty; see conf/README.md for what it must hold", error(f, AgeBands.class));
    }

    @Test
    void aFileWithOnlyComments() throws IOException {
        Path f = write("dimensions.yaml", "# nothing yet\n");
        assertEquals(f + ": the file is empty; see conf/README.md for what it must hold", error(f, AgeBands.class));
    }

    @Test
    void anEmptyDocument() throws IOException {
        Path f = write("dimensions.yaml", "---\n");
        assertEquals(f + ": the file is empty; see conf/README.md for what it must hold", error(f, AgeBands.class));
    }

    @Test
    void aValidationFailureNamesTheFileAndTheLine() throws IOException {
        Path f = write("dimensions.yaml", """
                age_bands:
                  - {code: "0-4", from: 0, to: 4}
                """);
        // at the last band's 'to', the value on line 2, column 32
        assertEquals(f + ":2:32: the last age band must be open-ended (no 'to') so that every age has a band",
                error(f, AgeBands.class));
    }
}
