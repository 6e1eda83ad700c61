package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ratio divides counts of one residence definition: the shipped conf counts births and deaths urban or
 * rural by the mother's area of residence; a copy whose birth register says hukou instead is refused, at the
 * indicators that would divide one by the other.
 */
class ResidenceBasesTest {
    static final String BIRTHS_BY_AREA = "    residence: {column: RESIDENCE_AREA, codes: {城镇: U, 乡村: R}, basis: area}";

    @TempDir
    Path tmp;

    @Test
    void theShippedBirthsAndDeathsShareOneBasis() {
        Configuration config = Configuration.load(TestRepo.demoConf());
        var births = config.source("health").extracts().stream().filter(e -> e.name().equals("birth_register")).findFirst().orElseThrow();
        var deaths = config.source("health").extracts().stream().filter(e -> e.name().equals("mch_death_report")).findFirst().orElseThrow();
        assertEquals(ResidenceBasis.AREA, births.residence().residenceBasis().orElseThrow());
        assertEquals(ResidenceBasis.AREA, deaths.residence().residenceBasis().orElseThrow());
    }

    @Test
    void birthsByHukouOverDeathsByAreaAreRefusedAtEachRatio() throws IOException {
        Path conf = copyWith(BIRTHS_BY_AREA, BIRTHS_BY_AREA.replace("basis: area", "basis: hukou"));

        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();

        // C-H-03a is published by residence: the error is at its 'by'; W-H-02b filters its terms, so at its numerator
        Path children = conf.resolve("indicators/children-health.yaml");
        assertTrue(m.contains(children + ":" + line(children, "  - code: C-H-03a", "    by: [sex, residence]") + ":"
                + column("    by: [sex, residence]", "residence") + ": indicator C-H-03a divides counts that are broken down by residence,"
                + " but extract health.mch_death_report counts urban and rural by area and extract health.birth_register by hukou"), m);
        Path women = conf.resolve("indicators/women-health.yaml");
        String numerator = "    numerator: \"maternal_deaths{residence=R}\"";
        assertTrue(m.contains(women + ":" + line(women, "  - code: W-H-02b", numerator) + ":" + column(numerator, "\"")
                + ": indicator W-H-02b divides counts that are filtered by residence, but extract health.mch_death_report"), m);
        // the six mortality rates and gaps by residence of both outlines, and nothing else
        for (String code : List.of("C-H-03a", "C-H-03b", "C-H-03c", "C-H-03d", "C-H-03e", "C-H-03f", "W-H-02", "W-H-02b")) {
            assertTrue(m.contains("indicator " + code + " divides"), code + "\n" + m);
        }
        assertTrue(m.startsWith("the indicator catalog has 8 ratio(s) mixing residence definitions"), m);
    }

    @Test
    void aRatioOverTwoExtractsNeedsEachToDeclareItsBasis() throws IOException {
        Path conf = copyWith(BIRTHS_BY_AREA, BIRTHS_BY_AREA.replace(", basis: area", ""));

        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();

        Path health = conf.resolve("sources/health.yaml");
        String unbased = BIRTHS_BY_AREA.replace(", basis: area", "");
        assertTrue(m.contains("extract health.birth_register declares no basis for its residence at " + health + ":"
                + line(health, "  - name: birth_register", unbased) + ":" + column(unbased, "{")
                + "; add basis: hukou or area to the residence mapping of every extract the ratio reads"), m);
    }

    private Path copyWith(String from, String to) throws IOException {
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        Path health = conf.resolve("sources/health.yaml");
        String text = Files.readString(health);
        assertTrue(text.contains(from), "the shipped health.yaml has " + from);
        Files.writeString(health, text.replace(from, to));
        return conf;
    }

    /** The 1-based line of the first {@code line} after the line {@code after}. */
    private static int line(Path file, String after, String line) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int from = lines.indexOf(after);
        assertTrue(from >= 0, file + " has " + after);
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) return i + 1;
        }
        throw new AssertionError(file + " has no " + line + " after " + after);
    }

    private static int column(String line, String token) {
        return line.indexOf(token) + 1;
    }
}
