package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcstat.core.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of configuration mistake, made in one line of a copy of the demo's configuration: the error names
 * the copied file (not conf/), the line and column of the mistake itself, and says what is wrong and
 * what is allowed in the words of the person editing the file.
 */
class ConfigurationErrorsTest {

    /**
     * One mistake: in {@code file}, the first line equal to {@code from} becomes {@code to}. The error is
     * at {@code token} on that line, or, when {@code atLine} is given, at {@code token} on the first line
     * equal to {@code atLine} (a missing field is reported at the mapping that lacks it). {@code {conf}}
     * in an expected text stands for the copied folder.
     */
    record Case(String name, String file, String from, String to, String atLine, String token, List<String> words) {
        static Case of(String name, String file, String from, String to, String token, String... words) {
            return new Case(name, file, from, to, null, token, List.of(words));
        }

        Case at(String line, String tokenThere) {
            return new Case(name, file, from, to, line, tokenThere, words);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> mistakes() {
        return Stream.of(
                Case.of("a misspelt field of a source's extract", "sources/health.yaml",
                        "    region: {code: TOWN_CODE}", "    regoin: {code: TOWN_CODE}", "regoin",
                        "unknown field 'regoin' (did you mean 'region'?); the fields allowed here are age, age_under, description, district_rows, file,"
                                + " header_row, key, measure, name, partition, query, raw, region, residence, sex, sheet, table, value, where, year"),
                Case.of("a misspelt field of a town", "regions.yaml",
                        "  - {code: \"510811101\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}",
                        "  - {code: \"510811101\", name_zh: 卫子镇, nmae_en: Weizi, aliases: [卫子]}", "nmae_en",
                        "unknown field 'nmae_en' (did you mean 'name_en'?); the fields allowed here are aliases, code, illustrative, name_en, name_zh"),
                Case.of("a misspelt field of an indicator", "indicators/women-health.yaml",
                        "    numerator: maternal_deaths", "    numerater: maternal_deaths", "numerater",
                        "unknown field 'numerater' (did you mean 'numerator'?)", "baseline, by, code, counts, definition"),
                Case.of("a misspelt field of a validation rule", "validation/health.yaml",
                        "    importance: high", "    importence: high", "importence",
                        "unknown field 'importence' (did you mean 'importance'?)"),
                Case.of("a missing required field", "indicators/women-health.yaml",
                        "    name_en: Maternal mortality ratio", "    # the English name left out", null,
                        "missing field 'name_en' (required): a mapping here needs code, plan, area, name_zh, name_en, unit,"
                                + " numerator and sources, and may have ")
                        .at("  - code: W-H-02", "code"),
                Case.of("a required field without a value", "sources/health.yaml",
                        "name_en: Health Commission", "name_en:", "name_en",
                        "field 'name_en' has no value, but it is required: give it a single text value"),
                Case.of("text where a number belongs", "indicators/women-health.yaml",
                        "    factor: 100000", "    factor: lots", "lots",
                        "'factor' must be a number, not 'lots'"),
                Case.of("text where a whole number belongs", "yearbook.yaml",
                        "first_year: 2020", "first_year: twenty", "twenty",
                        "'first_year' must be a whole number, not 'twenty'"),
                Case.of("a word where a list belongs", "sources/health.yaml",
                        "    key: [CERT_NO]", "    key: CERT_NO", "CERT_NO",
                        "'key' must be a list ([a, b], or one '- ' item per line), not 'CERT_NO'"),
                Case.of("a sex code outside the canonical ones", "sources/health.yaml",
                        "    sex: {column: BABY_SEX, codes: {\"1\": M, \"2\": F, \"9\": _U}}",
                        "    sex: {column: BABY_SEX, codes: {\"1\": 男, \"2\": F, \"9\": _U}}", "男",
                        "extract 'birth_register': sex: '男' (for the source's '1') is not a canonical code; use one of [F, M, _T, _U]"),
                Case.of("an age band dimensions.yaml does not define", "sources/health.yaml",
                        "    age: {band: XD, codes: {小学: \"6-11\", 初中: \"12-14\", 高中: \"15-17\"}}",
                        "    age: {band: XD, codes: {小学: \"6-11\", 初中: \"12-14\", 高中: \"15-18\"}}", "\"15-18\"",
                        "maps to age band '15-18', which {conf}/dimensions.yaml does not define (did you mean '15-17'?); the bands are ["),
                Case.of("an unknown measure in an indicator's formula", "indicators/women-health.yaml",
                        "    numerator: maternal_deaths", "    numerator: maternal_death", "maternal_death",
                        "indicator W-H-02: unknown measure 'maternal_death' in numerator: no extract in {conf}/sources produces it"
                                + " (did you mean 'maternal_deaths'?)"),
                Case.of("a malformed formula", "indicators/women-health.yaml",
                        "    numerator: maternal_deaths", "    numerator: maternal_deaths * 2", "maternal_deaths * 2",
                        "indicator W-H-02: numerator: expected '+' or '-' between measures at column 17 of 'maternal_deaths * 2'"),
                Case.of("a malformed target", "indicators/women-health.yaml",
                        "    target: \"<= 12\"", "    target: \"at most 12\"", "\"at most 12\"",
                        "indicator W-H-02: cannot read target 'at most 12'; write e.g. '<= 12'"),
                Case.of("an area that is no chapter", "indicators/women-health.yaml",
                        "    area: health", "    area: helth", "helth",
                        "indicator W-H-02 is in area 'helth', which is no chapter of the women plan in {conf}/yearbook.yaml"
                                + " (did you mean 'health'?)"),
                Case.of("an indicator naming an unknown department", "indicators/women-health.yaml",
                        "    sources: [health]", "    sources: [helth]", "helth",
                        "indicator W-H-02 names department 'helth', which has no source in {conf}/sources (did you mean 'health'?)"),
                Case.of("an unknown department in validation", "validation/health.yaml",
                        "department: health", "department: helth", "helth",
                        "department 'helth' has no source in {conf}/sources (did you mean 'health'?)"),
                Case.of("an unknown extract in validation", "validation/health.yaml",
                        "    extract: birth_register", "    extract: birth_registr", "birth_registr",
                        "rule birth_certificate_unique names extract 'birth_registr', which {conf}/sources/health.yaml does not have"
                                + " (did you mean 'birth_register'?); its extracts are [birth_register, "),
                Case.of("a value outside its allowed set", "validation/health.yaml",
                        "    action: quarantine", "    action: drop", "drop",
                        "rule birth_certificate_unique: action is 'drop'; use one of [warn, quarantine, fail]"),
                Case.of("a town code outside the district", "regions.yaml",
                        "  - {code: \"510811101\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}",
                        "  - {code: \"51081110\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}", "\"51081110\"",
                        "town 卫子镇 has code 51081110; a town's code is 9 digits starting with the district's 510811"),
                Case.of("a plausible range upside down", "assessment.yaml",
                        "    C-E-02: {min: 0, max: 150}", "    C-E-02: {min: 200, max: 150}", "150",
                        "the plausible range of indicator C-E-02 has min 200.0 not below max 150.0"),
                Case.of("a list item indented out of step", "regions.yaml",
                        "  - {code: \"510811101\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}",
                        "   - {code: \"510811101\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}", "-",
                        "this line is indented out of step with the lines above it"),
                Case.of("a field indented deeper than its neighbours", "sources/health.yaml",
                        "    table: BIRTH_REGISTER", "      table: BIRTH_REGISTER", "table",
                        "a 'field: value' where none can start: indent this line like the other fields of its mapping"),
                Case.of("a tab in the indentation", "sources/health.yaml",
                        "    table: BIRTH_REGISTER", "\ttable: BIRTH_REGISTER", "\t",
                        "a tab character; YAML indents with spaces only"),
                Case.of("a field given twice", "regions.yaml",
                        "  - {code: \"510811101\", name_zh: 卫子镇, name_en: Weizi, aliases: [卫子]}",
                        "  - {code: \"510811101\", name_zh: 卫子镇, name_zh: Weizi, aliases: [卫子]}", "name_zh: Weizi",
                        "'name_zh' is given twice in this mapping (first on line "),
                Case.of("a residence basis that is none", "sources/health.yaml",
                        "    residence: {column: AREA_TYPE, codes: {城镇: U, 乡村: R}, basis: area}",
                        "    residence: {column: AREA_TYPE, codes: {城镇: U, 乡村: R}, basis: areas}", "areas",
                        "extract 'mch_death_report': residence: basis 'areas' is not one of [hukou, area] (did you mean 'area'?)"),
                Case.of("a source code mapped twice", "sources/health.yaml",
                        "    sex: {column: BABY_SEX, codes: {\"1\": M, \"2\": F, \"9\": _U}}",
                        "    sex: {column: BABY_SEX, codes: {\"1\": M, \"1\": F, \"9\": _U}}", "\"1\": F",
                        "'1' is given twice in this mapping"));
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void theErrorPointsAtTheMistakeAndSaysWhatIsAllowed(Case c) throws IOException {
        Path conf = TestRepo.copyOfConf(tmp.resolve("copied-conf"));
        Path file = conf.resolve(c.file());
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int mutated = lines.indexOf(c.from());
        assertTrue(mutated >= 0, "the shipped " + c.file() + " has the line " + c.from());
        lines.set(mutated, c.to());
        Files.write(file, lines);

        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();

        int line = c.atLine() == null ? mutated : lines.indexOf(c.atLine());
        int column = lines.get(line).indexOf(c.token()) + 1;
        assertTrue(column > 0, c.token() + " on " + lines.get(line));
        assertTrue(m.contains(file + ":" + (line + 1) + ":" + column + ": "), "at " + file + ":" + (line + 1) + ":" + column + "\n" + m);
        for (String w : c.words()) {
            assertTrue(m.contains(w.replace("{conf}", conf.toString())), "says \"" + w + "\"\n" + m);
        }
        assertFalse(m.contains(TestRepo.root().resolve("conf").toString() + "/"), "names only the copied folder's files\n" + m);
        for (String java : List.of("com.fasterxml", "jackson", "reference chain", "creator property", "java.", "`", "\tat ", "Exception")) {
            assertFalse(m.contains(java), "no Java in the message (" + java + ")\n" + m);
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }
}
